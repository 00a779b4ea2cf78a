"""Travel-time estimates from coordinates alone."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from visitplanner.planning.programme import ProgrammeItem, VenueView
from visitplanner.planning.travel import (
    BUFFER_MINUTES,
    Timeline,
    driving_minutes,
    estimate_travel,
    estimate_travel_minutes,
    legs_with_chosen,
    minutes_between,
    minutes_for_km,
    straight_line_km,
    trip_for_km,
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


def _item(id: int, start: int, end: int, audience: tuple[int, ...] | None = None) -> ProgrammeItem:
    """Build an item on 22 April 2024 from whole hours."""
    day = dt.datetime(2024, 4, 22, tzinfo=ZoneInfo("Europe/Brussels"))
    return ProgrammeItem(id, "session", f"Item {id}", day.replace(hour=start),
                         day.replace(hour=end), delegate_ids=audience)


def test_timeline_legs_pair_each_item_with_what_ended_last() -> None:
    a, b, c = _item(1, 9, 12), _item(2, 10, 11), _item(3, 13, 14)
    timeline = Timeline([a, b, c])
    assert timeline.last_before(c.starts) is a
    assert [(p.id, n.id) for p, n in timeline.legs()] == [(1, 3)]


def test_legs_with_chosen_reroute_the_whole_timeline() -> None:
    welcome, lunch = _item(1, 9, 10), _item(3, 12, 13)
    interview = _item(2, 10, 11, audience=(7,))
    legs = legs_with_chosen(Timeline([welcome, lunch]), [interview])
    assert [(p.id, n.id) for p, n in legs] == [(1, 2), (2, 3)]
