"""Conflict detection on hand-built Programmes."""
from __future__ import annotations

import datetime as dt
import gc
import random
from typing import Any
from zoneinfo import ZoneInfo

from visitplanner.planning.conflicts import Conflict, find_conflicts
from visitplanner.planning.programme import (
    Day,
    DelegateView,
    PersonView,
    Programme,
    ProgrammeItem,
    VenueView,
    VisitView,
)
from visitplanner.planning.travel import estimate_travel_minutes

BRUSSELS = ZoneInfo("Europe/Brussels")
DIRECTORATE = VenueView(1, "Federal Directorate", latitude=50.8467, longitude=4.3525)
POLICE = VenueView(2, "Police Zone North", latitude=50.8800, longitude=4.4200)  # 6 km: 26 min
NEXT_DOOR = VenueView(3, "Annex", latitude=50.8468, longitude=4.3526)  # 13 m: 11 min
OLENA = DelegateView(1, "Olena Kovalenko")
IVAN = DelegateView(2, "Ivan Petrenko")
MARIA = DelegateView(3, "Maria Bondar")
PEETERS = PersonView(10, "Jan Peeters")


def at(hour: int, minute: int = 0, day: int = 22) -> dt.datetime:
    """Return a Brussels wall-clock moment in the week of Monday 22 April 2024."""
    return dt.datetime(2024, 4, day, hour, minute, tzinfo=BRUSSELS)


def item(id: int, title: str, starts: dt.datetime, ends: dt.datetime,
         venue: VenueView | None = DIRECTORATE, **fields: Any) -> ProgrammeItem:
    """Build an item; the whole delegation attends unless delegate_ids is given."""
    return ProgrammeItem(id=id, kind="session", title=title, starts=starts, ends=ends,
                         venue=venue, **fields)


def programme(*items: ProgrammeItem,
              delegates: tuple[DelegateView, ...] = (OLENA, IVAN, MARIA)) -> Programme:
    """Build a Programme for a visit from Monday 22 to Friday 26 April 2024."""
    visit = VisitView(1, "Study visit", dt.date(2024, 4, 22), dt.date(2024, 4, 26),
                      "Europe/Brussels", "en", "confirmed")
    by_day: dict[dt.date, list[ProgrammeItem]] = {}
    for i in sorted(items, key=lambda i: i.starts):
        by_day.setdefault(i.starts.date(), []).append(i)
    days = tuple(Day(d, tuple(its)) for d, its in sorted(by_day.items()))
    return Programme(visit=visit, days=days, lang="en", delegates=delegates)


def find(*items: ProgrammeItem, **options: Any) -> list[Conflict]:
    """Find the conflicts of a programme made of these items."""
    return find_conflicts(programme(*items, **options))


def kinds(conflicts: list[Conflict]) -> list[tuple[str, tuple[int, ...]]]:
    """Reduce conflicts to (kind, item ids) for easy comparison."""
    return [(c.kind, c.item_ids) for c in conflicts]


def test_clean_programme_has_no_conflicts() -> None:
    assert find(item(1, "Welcome", at(9), at(10)), item(2, "Briefing", at(10), at(11)),
                item(3, "Site visit", at(11, 45), at(12, 30), POLICE),
                item(4, "Lunch", at(13), at(14), POLICE)) == []


def test_whole_delegation_double_booking_is_reported_once() -> None:
    found = find(item(2, "Briefing", at(10), at(11)), item(1, "Welcome", at(9), at(10, 30)))
    assert kinds(found) == [("double_booking", (1, 2)), ("venue_clash", (1, 2))]
    assert found[0].message == (
        "The whole delegation is in two places at once on Monday 22 April 2024: 'Welcome'"
        " (09:00–10:30 at Federal Directorate) overlaps 'Briefing' (10:00–11:00 at Federal"
        " Directorate).")


def test_chosen_delegate_double_booked_is_named_and_others_are_not() -> None:
    found = find(item(1, "Welcome", at(9), at(11)),
                 item(2, "Interview", at(10), at(10, 30), NEXT_DOOR, delegate_ids=(2,)))
    assert kinds(found) == [("double_booking", (1, 2))]
    assert found[0].message.startswith("Ivan Petrenko is in two places at once")
    assert "Olena" not in found[0].message and "Maria" not in found[0].message


def test_disjoint_audiences_are_not_double_booked() -> None:
    assert find(item(1, "Court", at(9), at(11), POLICE, delegate_ids=(1, 3)),
                item(2, "Prison", at(10), at(12), DIRECTORATE, delegate_ids=(2,))) == []


def test_shared_chosen_delegates_are_listed_in_programme_order() -> None:
    found = find(item(1, "Court", at(9), at(11), POLICE, delegate_ids=(2, 1)),
                 item(2, "Prison", at(10), at(12), DIRECTORATE, delegate_ids=(3, 2, 1)))
    assert kinds(found) == [("double_booking", (1, 2))]
    assert found[0].message.startswith("Olena Kovalenko and Ivan Petrenko are in two places")


def test_speaker_double_booking() -> None:
    found = find(item(1, "Talk", at(9), at(10), speakers=(PEETERS,), delegate_ids=(1,)),
                 item(2, "Panel", at(9, 30), at(11), POLICE, speakers=(PEETERS,),
                      delegate_ids=(2,)))
    assert kinds(found) == [("double_booking", (1, 2))]
    assert found[0].message.startswith("Jan Peeters (speaker) is in two places at once")


def test_touching_items_do_not_overlap() -> None:
    assert find(item(1, "Welcome", at(9), at(10)), item(2, "Briefing", at(10), at(11))) == []


def test_cancelled_items_are_ignored() -> None:
    assert find(item(1, "Welcome", at(9), at(11)),
                item(2, "Briefing", at(10), at(12), status="cancelled"),
                item(3, "Dinner", at(20, 0, 28), at(22, 0, 28), status="cancelled")) == []


def test_venue_clash_between_different_audiences() -> None:
    found = find(item(1, "Court", at(9), at(11), delegate_ids=(1,)),
                 item(2, "Prison", at(10), at(12), delegate_ids=(2,)))
    assert kinds(found) == [("venue_clash", (1, 2))]
    assert found[0].message == ("Federal Directorate is booked twice on Monday 22 April 2024:"
                                " 'Court' (09:00–11:00) overlaps 'Prison' (10:00–12:00).")


def test_items_outside_the_visit_but_midnight_end_is_fine() -> None:
    found = find(item(1, "Arrival drinks", at(18, 0, 21), at(19, 0, 21)),
                 item(2, "Farewell dinner", at(20, 0, 26), at(0, 0, 27)),
                 item(3, "Late tour", at(0, 30, 27), at(1, 30, 27)))
    assert kinds(found) == [("outside_visit", (1,)), ("outside_visit", (3,))]
    assert found[0].message == (
        "'Arrival drinks' (Sunday 21 April 2024, 18:00–19:00) falls outside the visit,"
        " which runs from Monday 22 April 2024 to Friday 26 April 2024.")


def test_travel_time_too_short_says_how_it_was_estimated() -> None:
    found = find(item(1, "A", at(9), at(10, 30)), item(2, "B", at(10, 40), at(11), POLICE))
    assert kinds(found) == [("travel_time", (1, 2))]
    assert found[0].message == (
        "The whole delegation has 10 min between 'A' (ends 10:30 at Federal Directorate) and"
        " 'B' (starts 10:40 at Police Zone North) on Monday 22 April 2024, but the trip takes"
        " about 26 min (6.0 km straight line, 7.8 km by road at 30 km/h on average + 10 min"
        " buffer).")


def test_enough_time_same_venue_or_unknown_coordinates_pass() -> None:
    nowhere = VenueView(4, "Unknown hall")
    assert find(item(1, "A", at(9), at(10)), item(2, "B", at(10, 45), at(11), POLICE),
                item(3, "C", at(11), at(12), POLICE), item(4, "D", at(12), at(13), nowhere),
                item(5, "E", at(13), at(14), NEXT_DOOR, delegate_ids=(1,))) == []


def test_travel_follows_each_persons_own_timeline() -> None:
    # Olena leaves the group for an interview at the police; the others stay put.
    found = find(item(1, "Welcome", at(9), at(10)),
                 item(2, "Interview", at(10), at(11), POLICE, delegate_ids=(1,)),
                 item(3, "Lunch", at(11, 5), at(12)),
                 item(4, "Talk", at(12), at(13), POLICE, speakers=(PEETERS,)),
                 item(5, "Debrief", at(13), at(14), NEXT_DOOR, speakers=(PEETERS,)))
    assert kinds(found) == [("travel_time", (1, 2)), ("travel_time", (2, 3)),
                            ("travel_time", (3, 4)), ("travel_time", (4, 5))]
    assert found[0].message.startswith("Olena Kovalenko has 0 min between 'Welcome'")
    assert found[1].message.startswith("Olena Kovalenko has 5 min between 'Interview'")
    assert found[2].message.startswith("The whole delegation has 0 min between 'Lunch'")
    assert found[3].message.startswith("The whole delegation and Jan Peeters (speaker) have 0 min")


def test_whole_delegation_except_someone() -> None:
    found = find(item(1, "Welcome", at(9), at(10), POLICE),
                 item(2, "Interview", at(10), at(10, 10), NEXT_DOOR, delegate_ids=(1,)),
                 item(3, "Lunch", at(10, 20), at(12)))
    assert kinds(found) == [("travel_time", (1, 2)), ("travel_time", (1, 3)),
                            ("travel_time", (2, 3))]
    assert found[1].message.startswith(
        "The whole delegation except Olena Kovalenko has 20 min between 'Welcome'")
    assert found[2].message.startswith("Olena Kovalenko has 10 min between 'Interview'")


def test_order_is_by_first_start_then_kind() -> None:
    found = find(item(3, "Night", at(22, 0, 26), at(1, 0, 27), POLICE),
                 item(1, "Welcome", at(9), at(10, 30)), item(2, "Briefing", at(10), at(11)))
    assert kinds(found) == [("double_booking", (1, 2)), ("venue_clash", (1, 2)),
                            ("outside_visit", (3,))]
    assert found[2].message.startswith(
        "'Night' (Friday 26 April 2024, 22:00 until 01:00 on Saturday 27 April 2024) falls")


def overlap(a: ProgrammeItem, b: ProgrammeItem) -> bool:
    """Tell whether two items share some time (touching ends do not)."""
    return a.starts < b.ends and b.starts < a.ends


def reference(p: Programme, reach: int | None = None) -> set[tuple[str, tuple[int, ...]]]:
    """Check every person's timeline naively (O(n² x people)) to cross-check the sweep. With
    `reach`, each item is checked against the `reach` items before it only: the same answer
    when no item overlaps or follows on from one further back."""
    live = [i for i in p.items if i.status != "cancelled"]

    def earlier(line: list[ProgrammeItem], j: int) -> list[ProgrammeItem]:
        return line[max(0, j - reach):j] if reach else line[:j] + line[j + 1:]

    people = {d.id for d in p.delegates} | {d for i in live for d in i.delegate_ids or ()}
    lines = [[i for i in live if i.is_attended_by(d)] for d in people]
    lines += [[i for i in live if s in i.speakers] for s in p.speakers]
    out: set[tuple[str, tuple[int, ...]]] = {
        ("venue_clash", tuple(sorted((a.id, b.id)))) for j, b in enumerate(live)
        for a in earlier(live, j)
        if overlap(a, b) and a.venue and b.venue and a.venue.id == b.venue.id
    }
    for line in lines:
        for j, b in enumerate(line):
            out |= {("double_booking", tuple(sorted((a.id, b.id))))
                    for a in earlier(line, j) if overlap(a, b)}
            before = [a for a in earlier(line, j) if a.ends <= b.starts]
            prev = max(before, key=lambda a: (a.ends, a.starts, a.id), default=None)
            need = estimate_travel_minutes(prev.venue, b.venue) if prev else None
            if prev and need is not None and (b.starts - prev.ends).total_seconds() < need * 60:
                out.add(("travel_time", tuple(sorted((prev.id, b.id)))))
    return out


def random_programme(rng: random.Random, n: int) -> Programme:
    """Make a dense random programme over two days, with few delegates and speakers."""
    delegates = tuple(DelegateView(d, f"Delegate {d}") for d in range(1, 6))
    speakers = tuple(PersonView(100 + s, f"Speaker {s}") for s in range(3))
    items = []
    for k in range(1, n + 1):
        starts = at(8, 0, rng.choice((22, 23))) + dt.timedelta(minutes=rng.randrange(0, 600, 5))
        # Delegate 6 is in an audience but not in the delegation list: still a person.
        audience = None if rng.random() < 0.5 else rng.sample(range(1, 7), rng.randint(1, 3))
        items.append(item(
            k, f"Item {k}", starts, starts + dt.timedelta(minutes=rng.choice((5, 15, 30, 60))),
            rng.choice((DIRECTORATE, POLICE, NEXT_DOOR, None)),
            delegate_ids=audience and tuple(audience),
            speakers=tuple(rng.sample(speakers, rng.randint(0, 2))),
            status="cancelled" if rng.random() < 0.1 else "confirmed"))
    return programme(*items, delegates=delegates)


def test_matches_naive_reference_on_random_programmes() -> None:
    rng = random.Random(2024)
    for _ in range(300):
        p = random_programme(rng, rng.randint(2, 30))
        found = kinds(find_conflicts(p))
        assert len(found) == len(set(found)), "a pair was reported twice for one kind"
        assert {k for k in found if k[0] != "outside_visit"} == reference(p)


def test_ten_thousand_items_give_what_the_naive_check_gives() -> None:
    rng = random.Random(7)
    items = [item(k, f"Item {k}", at(8) + dt.timedelta(minutes=15 * k),
                  at(8) + dt.timedelta(minutes=15 * k + 20), rng.choice((DIRECTORATE, POLICE)),
                  delegate_ids=None if k % 3 else (k % 5 + 1,), speakers=(PEETERS,) * (k % 2))
             for k in range(10_000)]
    p = programme(*items)
    # Each item overlaps only the next and ends before the one after: 3 items back is enough.
    assert not any(overlap(a, c) for a, c in zip(p.items, p.items[2:]))
    found = kinds(find_conflicts(p))
    expected = reference(p, reach=3)
    assert {"double_booking", "venue_clash", "travel_time"} <= {kind for kind, _ in expected}
    assert {k for k in found if k[0] != "outside_visit"} == expected
    after_the_visit = {(i.id,) for i in items if i.ends > at(0, 0, day=27)}
    assert {ids for kind, ids in found if kind == "outside_visit"} == after_the_visit


def test_a_trip_names_its_delegates_group_by_group() -> None:
    # Ivan and Olena leave court for lunch together; Olena has a debrief of her own later, so
    # the two follow different itineraries: each group is named in turn, as the court lists them.
    found = find(item(1, "Court", at(9), at(10), POLICE, delegate_ids=(2, 1)),
                 item(2, "Lunch", at(10, 5), at(11)),
                 item(3, "Debrief", at(15), at(16), delegate_ids=(1,)))
    assert kinds(found) == [("travel_time", (1, 2))]
    assert found[0].message.startswith("Ivan Petrenko and Olena Kovalenko have 5 min between")


def summit_delegation() -> tuple[DelegateView, ...]:
    """500 delegates, as at a summit."""
    return tuple(DelegateView(d, f"Delegate {d:03}") for d in range(1, 501))


def test_at_summit_scale_the_chosen_fifty_are_named_in_programme_order() -> None:
    chosen = tuple(range(500, 0, -10))  # 50 of the 500, listed backwards
    names = [f"Delegate {d:03}" for d in sorted(chosen)]
    fifty = ", ".join(names[:-1]) + " and " + names[-1]
    found = find(item(1, "Plenary", at(9), at(10)),
                 item(2, "Workshop", at(9, 30), at(10, 10), delegate_ids=chosen),
                 item(3, "Lunch", at(10, 20), at(11), POLICE), delegates=summit_delegation())
    assert kinds(found) == [("double_booking", (1, 2)), ("travel_time", (1, 3)),
                            ("venue_clash", (1, 2)), ("travel_time", (2, 3))]
    assert found[0].message.startswith(f"{fifty} are in two places at once")
    # Everyone else goes to lunch straight from the plenary: fewer names read better.
    assert found[1].message.startswith(
        f"The whole delegation except {fifty} has 20 min between 'Plenary'")
    assert found[3].message.startswith(f"{fifty} have 10 min between 'Workshop'")


def test_at_summit_scale_the_few_left_are_named_rather_than_all_but_450() -> None:
    chosen = tuple(range(1, 451))
    found = find(item(1, "Plenary", at(9), at(10)),
                 item(2, "Workshop", at(10), at(10, 10), delegate_ids=chosen),
                 item(3, "Lunch", at(10, 20), at(11), POLICE), delegates=summit_delegation())
    assert kinds(found) == [("travel_time", (1, 3)), ("travel_time", (2, 3))]
    left = [f"Delegate {d:03}" for d in range(451, 501)]
    assert found[0].message.startswith(
        ", ".join(left[:-1]) + f" and {left[-1]} have 20 min between 'Plenary'")
    assert found[1].message.startswith("Delegate 001, Delegate 002, Delegate 003,")


def test_without_coordinates_no_trip_is_judged_but_clashes_still_are() -> None:
    hall, annex = VenueView(5, "Hall"), VenueView(6, "Annex")  # addresses only
    found = find(item(1, "Welcome", at(9), at(10), hall), item(2, "Briefing", at(10), at(11), annex),
                 item(3, "Lunch", at(10, 30), at(12), annex, delegate_ids=(1,)))
    assert kinds(found) == [("double_booking", (2, 3)), ("venue_clash", (2, 3))]
    assert found[0].message.startswith("Olena Kovalenko is in two places at once")


def test_a_trip_nobody_makes_is_not_reported() -> None:
    # All three leave the welcome for the annex: nobody goes straight from the welcome to lunch.
    found = find(item(1, "Welcome", at(9), at(10)),
                 item(2, "Annex tour", at(10), at(10, 30), NEXT_DOOR, delegate_ids=(1, 2, 3)),
                 item(3, "Lunch", at(10, 35), at(12), POLICE))
    assert kinds(found) == [("travel_time", (1, 2)), ("travel_time", (2, 3))]
    assert found[1].message.startswith("Olena Kovalenko, Ivan Petrenko and Maria Bondar have")


def test_a_delegation_not_listed_yet_is_the_whole_delegation() -> None:
    found = find(item(1, "A", at(9), at(10, 30)), item(2, "B", at(10, 40), at(11), POLICE),
                 delegates=())
    assert kinds(found) == [("travel_time", (1, 2))]
    assert found[0].message.startswith("The whole delegation has 10 min between 'A'")


def test_messages_read_in_any_order_or_twice_are_the_same() -> None:
    items = [item(k, f"Item {k}", at(8) + dt.timedelta(minutes=40 * k),
                  at(8) + dt.timedelta(minutes=40 * k + 50), (DIRECTORATE, POLICE, NEXT_DOOR)[k % 3],
                  delegate_ids=None if k % 4 else (k % 3 + 1,), speakers=(PEETERS,) * (k % 2))
             for k in range(60)]
    in_order = [c.message for c in find(*items)]
    backwards = find(*items)
    assert [c.message for c in reversed(backwards)][::-1] == in_order
    assert [c.message for c in backwards] == in_order
    assert len(in_order) > 40


def test_a_conflict_compares_and_shows_by_kind_message_and_items() -> None:
    found = find(item(2, "Briefing", at(10), at(11)), item(1, "Welcome", at(9), at(10, 30)))
    made = Conflict(found[0].kind, found[0].message, (1, 2))
    assert found[0] == made and hash(found[0]) == hash(made) and found[0] != found[1]
    assert repr(made) == f"Conflict(kind='double_booking', message={made.message!r}, item_ids=(1, 2))"


def _outside_the_visit(items: list[ProgrammeItem]) -> set[int]:
    """Items that start before 22 April or end after 26 April in Brussels, read plainly."""
    outside = set()
    for i in items:
        ends = i.ends.astimezone(BRUSSELS) - (dt.timedelta(microseconds=1) if i.ends > i.starts
                                               else dt.timedelta())
        if i.starts.astimezone(BRUSSELS).date() < dt.date(2024, 4, 22) or (
                ends.date() > dt.date(2024, 4, 26)):
            outside.add(i.id)
    return outside


def test_outside_the_visit_is_read_on_its_wall_clock_whatever_the_zone_of_the_item() -> None:
    edges = [(at(0, 0, 22), at(0, 30, 22)), (at(23, 59, 21), at(0, 30, 22)),
             (at(23, 0, 26), at(0, 0, 27)), (at(0, 0, 27), at(0, 0, 27)),
             (at(23, 0, 26), at(0, 0, 27) + dt.timedelta(microseconds=1)),
             (at(12, 0, 26), at(12, 0, 26)), (at(0, 0, 22), at(0, 0, 22))]
    zones = (BRUSSELS, dt.UTC, dt.timezone(dt.timedelta(hours=-5)))
    for zone in zones:
        items = [item(k, f"Item {k}", starts.astimezone(zone), ends.astimezone(zone))
                 for k, (starts, ends) in enumerate(edges, start=1)]
        found = {ids[0] for kind, ids in kinds(find(*items)) if kind == "outside_visit"}
        assert found == _outside_the_visit(items) == {2, 4, 5}, zone


def test_finding_conflicts_leaves_garbage_collection_as_it_found_it() -> None:
    was = gc.isenabled()
    try:
        for collecting in (True, False):
            (gc.enable if collecting else gc.disable)()
            assert kinds(find(item(1, "A", at(9), at(10)), item(2, "B", at(9, 30), at(11))))
            assert gc.isenabled() is collecting
    finally:
        (gc.enable if was else gc.disable)()


def test_no_trip_between_venues_takes_as_long_as_the_horizon() -> None:
    from visitplanner.planning.conflicts import _located_venues, _longest_trip
    rng = random.Random(16)
    for spread in (0.01, 0.2, 5.0):
        venues = [VenueView(v, f"Venue {v}", latitude=50.8 + rng.uniform(0, spread),
                            longitude=4.3 + rng.uniform(0, spread)) for v in range(1, 21)]
        items = [item(v.id, v.name, at(9), at(10), v) for v in venues]
        longest = _longest_trip(_located_venues(items))
        for a in venues:
            for b in venues:
                need = estimate_travel_minutes(a, b)
                assert need is not None and dt.timedelta(minutes=need) < longest
