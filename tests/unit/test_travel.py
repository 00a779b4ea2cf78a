"""Travel-time estimates from coordinates alone."""
from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

import pytest

from visitplanner.planning.programme import PersonView, ProgrammeItem, VenueView
from visitplanner.planning.travel import (
    BUFFER_MINUTES,
    Horizon,
    TravelEstimate,
    Trip,
    driving_minutes,
    estimate_travel,
    estimate_travel_minutes,
    minutes_between,
    minutes_for_km,
    straight_line_km,
    trip_for_km,
    trips,
)

# Two Brussels landmarks: Grand-Place and the Berlaymont (Schuman).
GRAND_PLACE = VenueView(1, "Grand-Place", latitude=50.8467, longitude=4.3525)
BERLAYMONT = VenueView(2, "Berlaymont", latitude=50.8433, longitude=4.3826)
NO_COORDINATES = VenueView(3, "Somewhere", address="Rue de la Loi 16")


def test_straight_line_between_two_brussels_points() -> None:
    km = straight_line_km(50.8467, 4.3525, 50.8433, 4.3826)
    assert km == pytest.approx(2.14, abs=0.02)


def test_straight_line_is_symmetric_and_zero_for_one_point() -> None:
    there = straight_line_km(50.8467, 4.3525, 50.8433, 4.3826)
    back = straight_line_km(50.8433, 4.3826, 50.8467, 4.3525)
    assert there == pytest.approx(back)
    assert straight_line_km(50.8467, 4.3525, 50.8467, 4.3525) == 0.0


def test_straight_line_brussels_to_antwerp() -> None:
    # Brussels-Central to Antwerp-Central is about 41 km as the crow flies.
    assert straight_line_km(50.8455, 4.3571, 51.2172, 4.4211) == pytest.approx(41.6, abs=0.5)


def test_minutes_follow_detour_speed_and_buffer() -> None:
    # 2.14 km x 1.3 = 2.8 km of city streets at 25 km/h = 6.7 min, + 10 min buffer -> 17.
    assert estimate_travel_minutes(GRAND_PLACE, BERLAYMONT) == 17
    assert estimate_travel_minutes(BERLAYMONT, GRAND_PLACE) == 17


def test_a_trip_takes_exactly_as_long_either_way() -> None:
    # Conflicts estimate each pair of venues once, for both directions.
    rng = random.Random(16)
    for _ in range(2000):
        a = (rng.uniform(-90, 90), rng.uniform(-180, 180))
        b = (a[0] + rng.uniform(-1, 1), a[1] + rng.uniform(-1, 1)) if rng.random() < 0.5 else (
            rng.uniform(-90, 90), rng.uniform(-180, 180))
        assert straight_line_km(*a, *b) == straight_line_km(*b, *a)


def test_speeds_grow_with_distance_city_region_motorway() -> None:
    assert driving_minutes(5) == pytest.approx(12)  # city: 5 km at 25 km/h
    assert driving_minutes(30) == pytest.approx(12 + 30)  # then 25 km of region at 50 km/h
    assert driving_minutes(130) == pytest.approx(12 + 30 + 60)  # then 100 km of motorway
    # Brussels-Central to Liège-Guillemins, 88 km as the crow flies: 103 min, not 308.
    liege = trip_for_km(straight_line_km(50.8455, 4.3571, 50.6245, 5.5667))
    assert liege.km == pytest.approx(88, abs=1)
    assert 95 <= liege.minutes <= 110 and liege.speed_kmh > 70


def test_minutes_round_up_but_not_on_float_noise() -> None:
    assert minutes_for_km(0.0) == BUFFER_MINUTES
    assert minutes_for_km(5 / 1.3) == 22  # exactly 12 minutes of driving + buffer
    assert minutes_for_km(0.01) == BUFFER_MINUTES + 1


def test_same_venue_takes_no_time() -> None:
    assert estimate_travel_minutes(GRAND_PLACE, GRAND_PLACE) == 0
    assert estimate_travel_minutes(NO_COORDINATES, NO_COORDINATES) == 0


def test_two_venues_at_one_address_still_need_the_buffer() -> None:
    twin = VenueView(9, "Grand-Place, other room", latitude=50.8467, longitude=4.3525)
    assert estimate_travel_minutes(GRAND_PLACE, twin) == BUFFER_MINUTES


@pytest.mark.parametrize("a, b", [(GRAND_PLACE, NO_COORDINATES), (NO_COORDINATES, BERLAYMONT),
                                  (None, GRAND_PLACE), (GRAND_PLACE, None)])
def test_unknown_without_coordinates(a: VenueView | None, b: VenueView | None) -> None:
    assert estimate_travel_minutes(a, b) is None
    assert estimate_travel(a, b) is None


def test_minutes_between_counts_real_time_over_a_dst_night() -> None:
    brussels = ZoneInfo("Europe/Brussels")  # clocks go 02:00 -> 03:00 on 31 March 2024
    before = dt.datetime(2024, 3, 31, 1, 30, tzinfo=brussels)
    after = dt.datetime(2024, 3, 31, 3, 30, tzinfo=brussels)
    assert minutes_between(before, after) == 60


def _item(id: int, start: int, end: int, audience: tuple[int, ...] | None = None,
          speakers: tuple[PersonView, ...] = ()) -> ProgrammeItem:
    """Build an item on 22 April 2024 from whole hours."""
    day = dt.datetime(2024, 4, 22, tzinfo=ZoneInfo("Europe/Brussels"))
    return ProgrammeItem(id, "session", f"Item {id}", day.replace(hour=start),
                         day.replace(hour=end), delegate_ids=audience, speakers=speakers)


ANY_TRIP = TravelEstimate(km=1.0, minutes=11)


def _every_trip(items: list[ProgrammeItem]) -> dict[tuple[int, int], Trip]:
    """Every trip of the items (in start order), kept whatever its length."""
    return {(t.prev.id, t.item.id): t for t in trips(items, lambda prev, item: ANY_TRIP)}


def test_each_item_follows_what_ended_last() -> None:
    a, b, c = _item(1, 9, 12), _item(2, 10, 11), _item(3, 13, 14)
    found = _every_trip([a, b, c])
    assert list(found) == [(1, 3)]  # b started before anything ended; a ended after b
    assert found[(1, 3)].whole_except == frozenset() and found[(1, 3)].delegates == ()


def test_a_chosen_item_reroutes_its_audience_only() -> None:
    welcome, lunch = _item(1, 9, 10), _item(3, 12, 13)
    interview = _item(2, 10, 11, audience=(7,))
    found = _every_trip([welcome, interview, lunch])
    assert sorted(found) == [(1, 2), (1, 3), (2, 3)]
    assert found[(1, 2)].delegates == (7,) and found[(2, 3)].delegates == (7,)
    assert found[(1, 3)].whole_except == frozenset({7})  # everyone else goes straight to lunch
    assert found[(1, 2)].whole_except is None


def test_speakers_go_from_their_own_last_item() -> None:
    peeters = PersonView(10, "Jan Peeters")
    talk, lunch = _item(1, 9, 10, speakers=(peeters,)), _item(2, 10, 11)
    panel = _item(3, 11, 12, audience=(7,), speakers=(peeters, peeters))
    found = _every_trip([talk, lunch, panel])
    assert found[(1, 3)].speakers == (10,)  # once, though listed twice
    assert found[(1, 3)].delegates == () and found[(2, 3)].delegates == (7,)


def _naive_trips(items: list[ProgrammeItem], delegates: set[int],
                 speakers: set[int]) -> dict[tuple[int, int], tuple[set[int], set[int]]]:
    """Each person's own timeline, one person at a time: O(n² x people)."""
    out: dict[tuple[int, int], tuple[set[int], set[int]]] = {}
    people = [(d, False) for d in delegates] + [(s, True) for s in speakers]
    for person, speaker in people:
        line = [i for i in items if (person in {p.id for p in i.speakers} if speaker
                                     else i.is_attended_by(person))]
        for item in line:
            over = [i for i in line if i.ends <= item.starts]
            prev = max(over, key=lambda i: (i.ends, i.starts, i.id), default=None)
            if prev is not None and prev.id != item.id:
                out.setdefault((prev.id, item.id), (set(), set()))[speaker].add(person)
    return out


def _random_programme(rng: random.Random, people: list[PersonView], first: dt.datetime,
                      minutes: int) -> list[ProgrammeItem]:
    """Up to 24 items starting within `minutes` of `first` (Brussels time), in start order:
    zero-length items, equal ends, whole-delegation and chosen audiences, 0-2 speakers."""
    items = []
    for k in range(1, rng.randint(2, 25)):
        starts = first.replace(tzinfo=ZoneInfo("Europe/Brussels"))
        starts += dt.timedelta(minutes=rng.randrange(0, minutes, 15))
        audience = None if rng.random() < 0.5 else tuple(rng.sample(range(1, 7), 2))
        items.append(ProgrammeItem(
            k, "session", f"Item {k}", starts,
            starts + dt.timedelta(minutes=rng.choice((0, 15, 30, 60))),
            delegate_ids=audience, speakers=tuple(rng.sample(people, rng.randint(0, 2)))))
    return sorted(items, key=lambda i: (i.starts, i.ends, i.id))


def test_the_sweep_gives_every_persons_own_trips() -> None:
    rng = random.Random(16)
    people = [PersonView(100 + s, f"Speaker {s}") for s in range(3)]
    for _ in range(300):
        items = _random_programme(rng, people, dt.datetime(2024, 4, 22, 8), 300)
        found = {pair: (set(t.delegates) | (set(range(1, 7)) - t.whole_except
                                             if t.whole_except is not None else set()),
                        set(t.speakers)) for pair, t in _every_trip(items).items()}
        expected = _naive_trips(items, set(range(1, 7)), {p.id for p in people})
        assert {pair: who for pair, who in found.items() if who != (set(), set())} == expected


Found = list[tuple[int, int, tuple[int, ...], frozenset[int] | None, tuple[int, ...]]]


def _kept_within(items: list[ProgrammeItem], longest: dt.timedelta, horizon: bool) -> Found:
    """The trips shorter than `longest` in real time, found with or without the horizon."""
    utc = ({i.id: i.starts.astimezone(dt.UTC) for i in items},
           {i.id: i.ends.astimezone(dt.UTC) for i in items})

    def judge(prev: ProgrammeItem, item: ProgrammeItem) -> TravelEstimate | None:
        return ANY_TRIP if utc[0][item.id] - utc[1][prev.id] < longest else None

    return sorted((t.prev.id, t.item.id, t.delegates, t.whole_except, t.speakers)
                  for t in trips(items, judge, Horizon(longest, *utc) if horizon else None))


def test_the_horizon_leaves_out_only_trips_too_long_to_keep() -> None:
    rng = random.Random(3)
    people = [PersonView(100 + s, f"Speaker {s}") for s in range(3)]
    for _ in range(200):
        # Over the night the clocks go back.
        items = _random_programme(rng, people, dt.datetime(2024, 10, 26, 22), 600)
        longest = dt.timedelta(minutes=45)
        assert _kept_within(items, longest, True) == _kept_within(items, longest, False)
