"""Conflict checks over a Programme: double bookings, venue clashes, dates and travel time."""
from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from visitplanner.planning.conflict_messages import Wording
from visitplanner.planning.conflicts_practical import practical_conflicts
from visitplanner.planning.programme import Programme, ProgrammeItem
from visitplanner.planning.travel import (
    Timeline,
    TravelEstimate,
    estimate_travel,
    legs_with_chosen,
    minutes_between,
)
from visitplanner.planning.vocabulary import (
    DOUBLE_BOOKING,
    OUTSIDE_VISIT,
    TRAVEL_TIME,
    VENUE_CLASH,
    ConflictKind,
)

Found = tuple[tuple[dt.datetime, str, tuple[int, ...]], "Conflict"]  # (sort key, conflict)
_Leg = tuple[ProgrammeItem, ProgrammeItem, TravelEstimate, list[str]]  # from, to, trip, who


@dataclass(frozen=True)
class Conflict:
    """Something in the programme a protocol officer must look at."""

    kind: ConflictKind
    message: str
    item_ids: tuple[int, ...]


def find_conflicts(programme: Programme) -> list[Conflict]:
    """Find every conflict in programme.lang, by first start then kind; O(n log n) plus pairs."""
    ctx = _Context(programme)
    found = [*_overlap_conflicts(ctx), *_outside_visit_conflicts(ctx), *_travel_conflicts(ctx),
             *practical_conflicts(programme, ctx)]
    found.sort(key=lambda pair: pair[0])
    return [conflict for _, conflict in found]


class _Context:
    """What every check needs, computed once: live items in start order, names, the zone."""

    def __init__(self, programme: Programme) -> None:
        self.visit = programme.visit
        self.say = Wording(programme.lang)
        try:
            self.zone: ZoneInfo | None = ZoneInfo(programme.visit.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self.zone = None  # items are already in the visit's zone; conversion is a safeguard
        live = (item for item in programme.items if item.status != "cancelled")
        self.items = sorted(live, key=lambda i: (i.starts, i.ends, i.id))
        self.delegate_names = {d.id: d.full_name for d in programme.delegates}
        for item in self.items:  # audiences may name delegates the programme does not list
            for d in item.delegate_ids or ():
                self.delegate_names.setdefault(d, self.say.delegate(d))
        self.speaker_names = {
            p.id: self.say.speaker(p.full_name) for i in self.items for p in i.speakers
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
                return [self.say.whole_delegation()]
            others = self.delegates(self.delegate_names.keys() - set(except_ids))
            # Whichever list is shorter reads better; nobody left means nobody to name.
            if len(excluded) >= len(others):
                return others
            return [self.say.whole_delegation(excluded)]
        wanted = set(ids)
        return [name for d, name in self.delegate_names.items() if d in wanted]

    def speaker_list(self, person_id: int) -> list[str]:
        """Name one speaker, in a list as delegates() names delegates."""
        return [self.speaker_names[person_id]]

    def span(self, item: ProgrammeItem) -> str:
        """Write an item's times, naming the end's day when it runs past midnight."""
        starts = self.local(item.starts)
        return self.say.span(starts, self.local(item.ends), starts.date() != self.last_day(item))

    def at(self, item: ProgrammeItem) -> str:
        """Say where an item takes place, when the venue is known."""
        return self.say.at(item.venue.name if item.venue is not None else None)

    def found(self, kind: ConflictKind, message: str, items: Iterable[ProgrammeItem],
              when: dt.datetime | None = None) -> Found:
        """Wrap a conflict with its sort key: first item start (or `when`), kind, ids."""
        items = list(items)
        ids = tuple(sorted({i.id for i in items}))
        first = when if when is not None else min(i.starts for i in items)
        return (first, kind, ids), Conflict(kind, message, ids)


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
        day = ctx.say.day(ctx.local(b.starts).date())
        if a.venue is not None and b.venue is not None and a.venue.id == b.venue.id:
            message = ctx.say.sentence(VENUE_CLASH, venue=a.venue.name, day=day, a=a.title,
                                       a_span=ctx.span(a), b=b.title, b_span=ctx.span(b))
            yield ctx.found(VENUE_CLASH, message, (a, b))
        both = _shared_audience(chosen.get(a.id), chosen.get(b.id))
        names = ctx.delegates(both) if both is None or both else []
        shared = {p.id for p in a.speakers} & {p.id for p in b.speakers}
        names += [ctx.speaker_names[p] for p in sorted(shared)]
        if names:
            message = ctx.say.sentence(DOUBLE_BOOKING, names, day=day, a=a.title,
                                       a_span=ctx.span(a), a_at=ctx.at(a), b=b.title,
                                       b_span=ctx.span(b), b_at=ctx.at(b))
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
    first, last, say = ctx.visit.start_date, ctx.visit.end_date, ctx.say
    for item in ctx.items:
        starts = ctx.local(item.starts)
        if starts.date() < first or ctx.last_day(item) > last:
            message = say.sentence(OUTSIDE_VISIT, title=item.title, day=say.day(starts.date()),
                                   span=ctx.span(item), first=say.day(first), last=say.day(last))
            yield ctx.found(OUTSIDE_VISIT, message, (item,))


class _Legs:
    """Too-short trips between consecutive items, once per pair, with who makes them."""

    def __init__(self) -> None:
        self.estimates: dict[tuple[int, int], TravelEstimate | None] = {}
        self.short: dict[tuple[int, int], _Leg] = {}

    def add(self, prev: ProgrammeItem, item: ProgrammeItem, names: Callable[[], list[str]]) -> None:
        """Record the trip from prev to item if the gap is shorter than the estimate."""
        if prev.venue is None or item.venue is None or item.kind == "transfer":
            return  # a transfer is the trip itself: its own duration is the organiser's call
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
            legs.add(prev, item, partial(ctx.delegates, members))
            if item.delegate_ids is None:
                followed[item.id].extend(members)
    for prev, item in whole.legs():  # checked once for every delegate who shares them
        others = followed.get(item.id, [])
        legs.add(prev, item, partial(ctx.delegates, None, except_ids=others))
    for person, items in _speaker_timelines(ctx):
        for prev, item in Timeline(items).legs():
            legs.add(prev, item, partial(ctx.speaker_list, person))
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
    starts = ctx.local(item.starts)
    return ctx.say.sentence(
        TRAVEL_TIME, names, gap=int(minutes_between(prev.ends, item.starts)), prev=prev.title,
        prev_end=ctx.say.clock(ctx.local(prev.ends)), prev_at=ctx.at(prev), next=item.title,
        next_start=ctx.say.clock(starts), next_at=ctx.at(item), day=ctx.say.day(starts.date()),
        minutes=estimate.minutes, trip=ctx.say.trip(estimate))
