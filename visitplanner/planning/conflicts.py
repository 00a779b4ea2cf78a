"""Conflict checks over a Programme: double bookings, venue clashes, dates and travel time."""
from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from visitplanner.planning.programme import Programme, ProgrammeItem, VenueView
from visitplanner.planning.travel import (
    Timeline, TravelEstimate, estimate_travel, legs_with_chosen, minutes_between,
)

DOUBLE_BOOKING = "double_booking"
VENUE_CLASH = "venue_clash"
OUTSIDE_VISIT = "outside_visit"
TRAVEL_TIME = "travel_time"
KINDS = (DOUBLE_BOOKING, VENUE_CLASH, OUTSIDE_VISIT, TRAVEL_TIME)
WHOLE_DELEGATION = "the whole delegation"

Found = tuple[tuple[dt.datetime, str, tuple[int, ...]], "Conflict"]  # (sort key, conflict)
_Leg = tuple[ProgrammeItem, ProgrammeItem, TravelEstimate, list[str]]  # from, to, trip, who


@dataclass(frozen=True)
class Conflict:
    """Something in the programme a protocol officer must look at."""

    kind: str
    message: str
    item_ids: tuple[int, ...]


def find_conflicts(programme: Programme) -> list[Conflict]:
    """Find every conflict, by first item start then kind; O(n log n) plus overlapping pairs."""
    ctx = _Context(programme)
    found = [*_overlap_conflicts(ctx), *_outside_visit_conflicts(ctx), *_travel_conflicts(ctx)]
    found.sort(key=lambda pair: pair[0])
    return [conflict for _, conflict in found]


class _Context:
    """What every check needs, computed once: live items in start order, names, the zone."""

    def __init__(self, programme: Programme) -> None:
        self.visit = programme.visit
        try:
            self.zone: ZoneInfo | None = ZoneInfo(programme.visit.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self.zone = None  # items are already in the visit's zone; conversion is a safeguard
        live = (item for item in programme.items if item.status != "cancelled")
        self.items = sorted(live, key=lambda i: (i.starts, i.ends, i.id))
        self.delegate_names = {d.id: d.full_name for d in programme.delegates}
        for item in self.items:  # audiences may name delegates the programme does not list
            for d in item.delegate_ids or ():
                self.delegate_names.setdefault(d, f"delegate #{d}")
        self.speaker_names = {
            p.id: f"{p.full_name} (speaker)" for i in self.items for p in i.speakers
        }

    def local(self, moment: dt.datetime) -> dt.datetime:
        """Show a moment on the visit's wall clock."""
        return moment.astimezone(self.zone) if self.zone and moment.tzinfo else moment

    def last_day(self, item: ProgrammeItem) -> dt.date:
        """Return the item's local last day; an end at midnight belongs to the evening before."""
        ends = self.local(item.ends)
        if item.ends > item.starts:
            ends -= dt.timedelta(microseconds=1)
        return ends.date()

    def delegates(self, ids: Iterable[int] | None, *, except_ids: Iterable[int] = ()) -> list[str]:
        """Name delegates in programme order; None means the whole delegation."""
        if ids is None:
            excluded = self.delegates(except_ids)
            if not excluded:
                return [WHOLE_DELEGATION]
            others = self.delegates(self.delegate_names.keys() - set(except_ids))
            # Whichever list is shorter reads better; nobody left means nobody to name.
            if len(excluded) >= len(others):
                return others
            return [f"{WHOLE_DELEGATION} except {_join(excluded)}"]
        wanted = set(ids)
        return [name for d, name in self.delegate_names.items() if d in wanted]

    def found(self, kind: str, message: str, items: Iterable[ProgrammeItem]) -> Found:
        """Wrap a conflict with its sort key: first item start, kind, ids."""
        items = list(items)
        ids = tuple(sorted({i.id for i in items}))
        return (min(i.starts for i in items), kind, ids), Conflict(kind, message, ids)


def _overlapping_pairs(items: list[ProgrammeItem]) -> Iterator[tuple[ProgrammeItem, ProgrammeItem]]:
    """Yield each overlapping pair once, earlier start first: a sweep, O(n log n + pairs)."""
    active: list[tuple[dt.datetime, int, ProgrammeItem]] = []  # heap of ongoing items by end
    for item in items:
        while active and active[0][0] <= item.starts:  # touching end-to-start is no overlap
            heapq.heappop(active)
        for _, _, other in active:
            yield other, item
        heapq.heappush(active, (item.ends, item.id, item))


def _overlap_conflicts(ctx: _Context) -> Iterator[Found]:
    """Report venue clashes and double bookings, once per pair of overlapping items."""
    # One sweep serves every person at once: who is double-booked follows from the two
    # audiences, so work never multiplies by the number of delegates.
    chosen = {i.id: frozenset(i.delegate_ids) for i in ctx.items if i.delegate_ids is not None}
    for a, b in _overlapping_pairs(ctx.items):
        day = _day(ctx.local(b.starts).date())
        if a.venue is not None and b.venue is not None and a.venue.id == b.venue.id:
            message = (f"{a.venue.name} is booked twice on {day}: '{a.title}' ({_span(ctx, a)})"
                       f" overlaps '{b.title}' ({_span(ctx, b)}).")
            yield ctx.found(VENUE_CLASH, message, (a, b))
        both = _shared_audience(chosen.get(a.id), chosen.get(b.id))
        names = ctx.delegates(both) if both is None or both else []
        shared = {p.id for p in a.speakers} & {p.id for p in b.speakers}
        names += [ctx.speaker_names[p] for p in sorted(shared)]
        if names:
            message = (f"{_subject(names, 'is', 'are')} in two places at once on {day}:"
                       f" '{a.title}' ({_span(ctx, a)}{_at(a.venue)}) overlaps"
                       f" '{b.title}' ({_span(ctx, b)}{_at(b.venue)}).")
            yield ctx.found(DOUBLE_BOOKING, message, (a, b))


def _shared_audience(
    in_a: frozenset[int] | None, in_b: frozenset[int] | None
) -> frozenset[int] | None:
    """Return the delegates in both audiences; None means the whole delegation."""
    if in_a is None or in_b is None:
        return in_b if in_a is None else in_a
    return in_a & in_b


def _outside_visit_conflicts(ctx: _Context) -> Iterator[Found]:
    """Report items that start before the visit's first day or end after its last."""
    first, last = ctx.visit.start_date, ctx.visit.end_date
    for item in ctx.items:
        starts = ctx.local(item.starts)
        if starts.date() < first or ctx.last_day(item) > last:
            message = (f"'{item.title}' ({_day(starts.date())}, {_span(ctx, item)}) falls outside"
                       f" the visit, which runs from {_day(first)} to {_day(last)}.")
            yield ctx.found(OUTSIDE_VISIT, message, (item,))


class _Legs:
    """Too-short trips between consecutive items, once per pair, with who makes them."""

    def __init__(self) -> None:
        self.estimates: dict[tuple[int, int], TravelEstimate | None] = {}
        self.short: dict[tuple[int, int], _Leg] = {}

    def add(self, prev: ProgrammeItem, item: ProgrammeItem, names: Callable[[], list[str]]) -> None:
        """Record the trip from prev to item if the gap is shorter than the estimate."""
        if prev.venue is None or item.venue is None:
            return
        key = (prev.venue.id, item.venue.id)
        if key not in self.estimates:  # the same few venue pairs recur all through a visit
            self.estimates[key] = estimate_travel(prev.venue, item.venue)
        estimate = self.estimates[key]
        if estimate is not None and minutes_between(prev.ends, item.starts) < estimate.minutes:
            self.short.setdefault((prev.id, item.id), (prev, item, estimate, []))[3].extend(names())


def _travel_conflicts(ctx: _Context) -> Iterator[Found]:
    """Report trips between consecutive items, per delegate and speaker, that are too short."""
    legs = _Legs()
    whole = Timeline([i for i in ctx.items if i.delegate_ids is None])
    followed: dict[int, list[int]] = defaultdict(list)  # whole item id -> who comes from elsewhere
    for chosen, members in _delegate_timelines(ctx):
        for prev, item in legs_with_chosen(whole, chosen):
            legs.add(prev, item, lambda m=members: ctx.delegates(m))
            if item.delegate_ids is None:
                followed[item.id].extend(members)
    for prev, item in whole.legs():  # checked once for every delegate who shares them
        others = followed.get(item.id, [])
        legs.add(prev, item, lambda o=others: ctx.delegates(None, except_ids=o))
    for person, items in _speaker_timelines(ctx):
        for prev, item in Timeline(items).legs():
            legs.add(prev, item, lambda p=person: [ctx.speaker_names[p]])
    for prev, item, estimate, names in legs.short.values():
        if names:
            message = _travel_message(ctx, prev, item, estimate, names)
            yield ctx.found(TRAVEL_TIME, message, (prev, item))


def _delegate_timelines(ctx: _Context) -> Iterable[tuple[list[ProgrammeItem], list[int]]]:
    """Group delegates by their identical sets of chosen items: one timeline per group."""
    chosen_of: dict[int, list[ProgrammeItem]] = defaultdict(list)
    for item in ctx.items:
        for d in dict.fromkeys(item.delegate_ids or ()):
            chosen_of[d].append(item)
    groups: dict[tuple[int, ...], tuple[list[ProgrammeItem], list[int]]] = {}
    for d, items in chosen_of.items():
        groups.setdefault(tuple(i.id for i in items), (items, []))[1].append(d)
    return groups.values()


def _speaker_timelines(ctx: _Context) -> Iterable[tuple[int, list[ProgrammeItem]]]:
    """Return each speaker's items in start order."""
    timelines: dict[int, list[ProgrammeItem]] = defaultdict(list)
    for item in ctx.items:
        for person in dict.fromkeys(p.id for p in item.speakers):
            timelines[person].append(item)
    return timelines.items()


def _travel_message(ctx: _Context, prev: ProgrammeItem, item: ProgrammeItem,
                    estimate: TravelEstimate, names: list[str]) -> str:
    """Explain a too-short trip, with how the trip time was estimated."""
    gap = int(minutes_between(prev.ends, item.starts))
    starts = ctx.local(item.starts)
    return (f"{_subject(names, 'has', 'have')} {gap} min between '{prev.title}'"
            f" (ends {_hm(ctx.local(prev.ends))}{_at(prev.venue)}) and '{item.title}'"
            f" (starts {_hm(starts)}{_at(item.venue)}) on {_day(starts.date())}, but the trip"
            f" takes about {estimate.minutes} min ({estimate.explanation}).")


def _day(d: dt.date) -> str:
    """Write a date the English way: Monday 22 April 2024."""
    return f"{d:%A} {d.day} {d:%B %Y}"


def _hm(moment: dt.datetime) -> str:
    """Write a wall-clock time as 09:30."""
    return f"{moment:%H:%M}"


def _span(ctx: _Context, item: ProgrammeItem) -> str:
    """Write an item's times, naming the end's day when it runs past midnight."""
    starts, ends = ctx.local(item.starts), ctx.local(item.ends)
    if starts.date() == ctx.last_day(item):
        return f"{_hm(starts)}–{_hm(ends)}"
    return f"{_hm(starts)} until {_hm(ends)} on {_day(ends.date())}"


def _at(venue: VenueView | None) -> str:
    """Write ' at Venue' when the venue is known."""
    return f" at {venue.name}" if venue is not None else ""


def _join(names: list[str]) -> str:
    """Join names as English does: A, B and C."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _subject(names: list[str], one: str, many: str) -> str:
    """Start a sentence with the names and a verb that agrees with them."""
    text = _join(names)
    return f"{text[:1].upper()}{text[1:]} {one if len(names) == 1 else many}"
