"""Conflict checks over a Programme: double bookings, venue clashes, dates and travel time."""
from __future__ import annotations

import datetime as dt
import heapq
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from visitplanner.planning.programme import Programme, ProgrammeItem, VenueView
from visitplanner.planning.travel import TravelEstimate, estimate_travel

DOUBLE_BOOKING = "double_booking"
VENUE_CLASH = "venue_clash"
OUTSIDE_VISIT = "outside_visit"
TRAVEL_TIME = "travel_time"
KINDS = (DOUBLE_BOOKING, VENUE_CLASH, OUTSIDE_VISIT, TRAVEL_TIME)
WHOLE_DELEGATION = "the whole delegation"

Found = tuple[tuple[dt.datetime, str, tuple[int, ...]], "Conflict"]


@dataclass(frozen=True)
class Conflict:
    """Something in the programme a protocol officer must look at."""

    kind: str
    message: str
    item_ids: tuple[int, ...]


def find_conflicts(programme: Programme) -> list[Conflict]:
    """Find every conflict, ordered by first item start, then kind; O(n log n) in items."""
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
        self.speaker_names = {p.id: f"{p.full_name} (speaker)" for i in self.items for p in i.speakers}

    def local(self, moment: dt.datetime) -> dt.datetime:
        """Show a moment on the visit's wall clock."""
        return moment.astimezone(self.zone) if self.zone and moment.tzinfo else moment

    def delegates(self, ids: Iterable[int] | None, *, except_ids: Iterable[int] = ()) -> list[str]:
        """Name delegates in programme order; None means the whole delegation."""
        if ids is None:
            excluded = self.delegates(except_ids)
            if not excluded:
                return [WHOLE_DELEGATION]
            others = self.delegates(self.delegate_names.keys() - set(except_ids))
            # Whichever list is shorter reads better; nobody left means nobody to name.
            return [f"{WHOLE_DELEGATION} except {_join(excluded)}"] if len(excluded) < len(others) else others
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


def _shared_audience(in_a: frozenset[int] | None, in_b: frozenset[int] | None) -> frozenset[int] | None:
    """Return the delegates in both audiences; None means the whole delegation."""
    if in_a is None or in_b is None:
        return in_b if in_a is None else in_a
    return in_a & in_b


def _outside_visit_conflicts(ctx: _Context) -> Iterator[Found]:
    """Report items that start before the visit's first day or end after its last."""
    first, last = ctx.visit.start_date, ctx.visit.end_date
    for item in ctx.items:
        starts = ctx.local(item.starts)
        # An item ending at midnight still belongs to the evening before it.
        ends = ctx.local(item.ends) - (dt.timedelta(microseconds=1) if item.ends > item.starts else dt.timedelta())
        if starts.date() < first or ends.date() > last:
            message = (f"'{item.title}' ({_day(starts.date())}, {_span(ctx, item)}) falls outside"
                       f" the visit, which runs from {_day(first)} to {_day(last)}.")
            yield ctx.found(OUTSIDE_VISIT, message, (item,))


class _Track:
    """One timeline's items, to ask what someone last attended before a given moment."""

    def __init__(self, by_start: list[ProgrammeItem]) -> None:
        self.by_start, self.starts = by_start, [i.starts for i in by_start]
        self.by_end = sorted(by_start, key=_end_key)
        self.ends = [i.ends for i in self.by_end]

    def last_before(self, moment: dt.datetime) -> ProgrammeItem | None:
        """Return the latest-ending item that is over by the moment."""
        k = bisect_right(self.ends, moment)
        return self.by_end[k - 1] if k else None

    def next_end_after(self, moment: dt.datetime) -> dt.datetime | None:
        """Return the first end strictly after the moment."""
        k = bisect_right(self.ends, moment)
        return self.ends[k] if k < len(self.ends) else None

    def starting_between(self, low: dt.datetime, high: dt.datetime | None) -> Iterator[ProgrammeItem]:
        """Yield items starting at or after low and before high (None: no upper bound)."""
        for k in range(bisect_left(self.starts, low), len(self.starts)):
            if high is not None and self.starts[k] >= high:
                return
            yield self.by_start[k]


class _Legs:
    """Too-short trips between consecutive items, once per pair, with who makes them."""

    def __init__(self) -> None:
        self.estimates: dict[tuple[int, int], TravelEstimate | None] = {}
        self.short: dict[tuple[int, int], tuple[ProgrammeItem, ProgrammeItem, TravelEstimate, list[str]]] = {}

    def add(self, prev: ProgrammeItem | None, item: ProgrammeItem, names: Callable[[], list[str]]) -> None:
        """Record the trip from prev to item if the gap is shorter than the estimate."""
        if prev is None or prev.id == item.id or prev.venue is None or item.venue is None:
            return
        key = (prev.venue.id, item.venue.id)
        if key not in self.estimates:  # the same few venue pairs recur all through a visit
            self.estimates[key] = estimate_travel(prev.venue, item.venue)
        estimate = self.estimates[key]
        if estimate is not None and _minutes_between(prev.ends, item.starts) < estimate.minutes:
            self.short.setdefault((prev.id, item.id), (prev, item, estimate, []))[3].extend(names())


def _travel_conflicts(ctx: _Context) -> Iterator[Found]:
    """Report trips between consecutive items, per delegate and speaker, that are too short."""
    legs = _Legs()
    whole = _Track([i for i in ctx.items if i.delegate_ids is None])
    followed: dict[int, list[int]] = defaultdict(list)  # whole item id -> who comes from a chosen item
    for chosen, members in _delegate_timelines(ctx):
        for prev, item in _own_legs(whole, chosen):
            legs.add(prev, item, lambda m=members: ctx.delegates(m))  # type: ignore[misc]
            if item.delegate_ids is None:
                followed[item.id].extend(members)
    for item in whole.by_start:  # checked once for every delegate who shares it
        others = followed.get(item.id, ())
        legs.add(whole.last_before(item.starts), item, lambda o=others: ctx.delegates(None, except_ids=o))  # type: ignore[misc]
    for person, items in _speaker_timelines(ctx):
        track = _Track(items)
        for item in items:
            legs.add(track.last_before(item.starts), item, lambda p=person: [ctx.speaker_names[p]])  # type: ignore[misc]
    for prev, item, estimate, names in legs.short.values():
        if names:
            yield ctx.found(TRAVEL_TIME, _travel_message(ctx, prev, item, estimate, names), (prev, item))


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


def _own_legs(whole: _Track, chosen_items: list[ProgrammeItem]) -> Iterator[tuple[ProgrammeItem | None, ProgrammeItem]]:
    """Yield the legs of one timeline (whole + chosen items) that touch a chosen item."""
    chosen = _Track(chosen_items)

    def prev_of(item: ProgrammeItem) -> ProgrammeItem | None:
        return _later(whole.last_before(item.starts), chosen.last_before(item.starts))

    seen: set[int] = set()
    for c in chosen_items:
        yield prev_of(c), c
        # Whole-delegation items now preceded by c start after c ends and before anything
        # else ends, so they all overlap one another: only a handful per chosen item.
        bound = min((t for t in (whole.next_end_after(c.ends), chosen.next_end_after(c.ends)) if t), default=None)
        for item in whole.starting_between(c.ends, bound):
            prev = prev_of(item)
            if prev is not None and prev.delegate_ids is not None and item.id not in seen:
                seen.add(item.id)
                yield prev, item


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
    gap = int(_minutes_between(prev.ends, item.starts))
    starts = ctx.local(item.starts)
    return (f"{_subject(names, 'has', 'have')} {gap} min between '{prev.title}'"
            f" (ends {_hm(ctx.local(prev.ends))}{_at(prev.venue)}) and '{item.title}'"
            f" (starts {_hm(starts)}{_at(item.venue)}) on {_day(starts.date())}, but the trip"
            f" takes about {estimate.minutes} min ({estimate.explanation}).")


def _end_key(item: ProgrammeItem) -> tuple[dt.datetime, dt.datetime, int]:
    """Order by end, then start, then id, so 'the last item' is always one item."""
    return item.ends, item.starts, item.id


def _later(a: ProgrammeItem | None, b: ProgrammeItem | None) -> ProgrammeItem | None:
    """Pick the item that ended last."""
    if a is None or b is None:
        return b if a is None else a
    return max(a, b, key=_end_key)


def _minutes_between(earlier: dt.datetime, later: dt.datetime) -> float:
    """Count real minutes (in UTC, so a DST night is not off by an hour)."""
    return (later.astimezone(dt.timezone.utc) - earlier.astimezone(dt.timezone.utc)).total_seconds() / 60


def _day(d: dt.date) -> str:
    """Write a date the English way: Monday 22 April 2024."""
    return f"{d:%A} {d.day} {d:%B %Y}"


def _hm(moment: dt.datetime) -> str:
    """Write a wall-clock time as 09:30."""
    return f"{moment:%H:%M}"


def _span(ctx: _Context, item: ProgrammeItem) -> str:
    """Write an item's times, naming the end's day when it runs past midnight."""
    starts, ends = ctx.local(item.starts), ctx.local(item.ends)
    if starts.date() == ends.date():
        return f"{_hm(starts)}–{_hm(ends)}"
    return f"{_hm(starts)}–{_day(ends.date())} {_hm(ends)}"


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
