"""Conflict checks over a Programme: double bookings, venue clashes, dates and travel time."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import cache, partial
from itertools import chain

from visitplanner.gc_pause import paused_gc
from visitplanner.planning.conflicts_context import Conflict, Context, Found
from visitplanner.planning.conflicts_practical import practical_conflicts
from visitplanner.planning.programme import Programme, ProgrammeItem, VenueView
from visitplanner.planning.travel import (
    Horizon,
    Judge,
    TravelEstimate,
    Trip,
    estimate_travel,
    minutes_for_km,
    straight_line_km,
    trips,
)
from visitplanner.planning.vocabulary import DOUBLE_BOOKING, OUTSIDE_VISIT, TRAVEL_TIME, VENUE_CLASH

__all__ = ["Conflict", "find_conflicts"]


def find_conflicts(programme: Programme) -> list[Conflict]:
    """Find every conflict in programme.lang, by first start then kind; O(n log n) plus pairs."""
    ctx = Context(programme)
    # Thousands of conflicts and no reference cycles: the collector's passes would rescan the
    # process's heap and free nothing (a third of the time on 10,000 items).
    with paused_gc():
        return _in_order(chain(_overlap_conflicts(ctx), _outside_visit_conflicts(ctx),
                               _travel_conflicts(ctx), practical_conflicts(programme, ctx)))


def _in_order(found: Iterable[Found]) -> list[Conflict]:
    """The conflicts by their sort keys; the keys are gone once it returns, so the collector,
    resumed, has thousands of objects fewer to look at."""
    keys, conflicts = [], []  # apart: a list of pairs would keep thousands more objects tracked
    for key, conflict in found:
        keys.append(key)
        conflicts.append(conflict)
    return [conflicts[k] for k in sorted(range(len(keys)), key=keys.__getitem__)]


def _overlapping_pairs(items: list[ProgrammeItem]) -> Iterator[tuple[ProgrammeItem, ProgrammeItem]]:
    """Yield each overlapping pair once, earlier start first: O(n + pairs) on sorted items."""
    starts = [item.starts for item in items]
    for k, item in enumerate(items):
        # Those that start before it ends overlap it, and only those (touching is no overlap).
        ends, later = item.ends, k + 1
        while later < len(starts) and starts[later] < ends:
            yield item, items[later]
            later += 1


def _overlap_conflicts(ctx: Context) -> Iterator[Found]:
    """Report venue clashes and double bookings, once per pair of overlapping items."""
    # One sweep serves every person at once: who is double-booked follows from the two
    # audiences, so work never multiplies by the number of delegates.
    clash, double = partial(_clash_message, ctx), partial(_double_booking_message, ctx)
    for pair in _overlapping_pairs(ctx.items):
        a, b = pair
        if a.venue is not None and b.venue is not None and a.venue.id == b.venue.id:
            yield ctx.between(VENUE_CLASH, a, b, clash, pair)
        in_a, in_b = a.delegate_ids, b.delegate_ids
        if (in_a is None or in_b is None or not set(in_a).isdisjoint(in_b)
                or (a.speakers and b.speakers and _shared_speakers(a, b))):
            yield ctx.between(DOUBLE_BOOKING, a, b, double, pair)


def _shared_speakers(a: ProgrammeItem, b: ProgrammeItem) -> list[int]:
    """The ids of the speakers in both items, in order."""
    return sorted({p.id for p in a.speakers} & {p.id for p in b.speakers})


def _clash_message(ctx: Context, pair: tuple[ProgrammeItem, ProgrammeItem]) -> str:
    a, b = pair
    said_a, said_b = ctx.said(a), ctx.said(b)
    assert a.venue is not None  # a clash is at a venue
    return ctx.say.sentence(VENUE_CLASH, venue=a.venue.name, day=said_b.day, a=a.title,
                            a_span=said_a.span, b=b.title, b_span=said_b.span)


def _double_booking_message(ctx: Context, pair: tuple[ProgrammeItem, ProgrammeItem]) -> str:
    a, b = pair
    said_a, said_b = ctx.said(a), ctx.said(b)
    both = _shared_audience(a.delegate_ids, b.delegate_ids)
    names = ctx.delegates(both) if both is None or both else []
    if a.speakers and b.speakers:
        names += [ctx.speaker_names[p] for p in _shared_speakers(a, b)]
    return ctx.say.sentence(DOUBLE_BOOKING, names, day=said_b.day, a=a.title,
                            a_span=said_a.span, a_at=said_a.at, b=b.title,
                            b_span=said_b.span, b_at=said_b.at)


def _shared_audience(
    in_a: tuple[int, ...] | None, in_b: tuple[int, ...] | None
) -> Collection[int] | None:
    """Return the delegates in both audiences; None means the whole delegation."""
    if in_a is None or in_b is None:
        return in_b if in_a is None else in_a
    return set(in_a).intersection(in_b)


def _outside_visit_conflicts(ctx: Context) -> Iterator[Found]:
    """Report items that start before the visit's first day or end after its last."""
    first, last, write = ctx.visit.start_date, ctx.visit.end_date, partial(_outside_message, ctx)
    zone = ctx.zone or dt.UTC  # without the visit's zone, no item is on its wall clock
    opens = dt.datetime.combine(first, dt.time(), tzinfo=zone)
    closes = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    for item in ctx.items:
        starts, ends = item.starts, item.ends
        if starts.tzinfo is zone and ends.tzinfo is zone:
            # Moments of one tzinfo compare on the wall clock, as local() and last_day() read
            # them: no date to work out for each item.
            outside = starts < opens or (ends > closes if ends > starts else ends >= closes)
        else:
            outside = ctx.local(starts).date() < first or ctx.last_day(item) > last
        if outside:
            yield ctx.found(OUTSIDE_VISIT, (item,), write, item)


def _outside_message(ctx: Context, item: ProgrammeItem) -> str:
    said, say = ctx.said(item), ctx.say
    return say.sentence(OUTSIDE_VISIT, title=item.title, day=said.day, span=said.span,
                        first=say.day(ctx.visit.start_date), last=say.day(ctx.visit.end_date))


def _travel_conflicts(ctx: Context) -> Iterator[Found]:
    """Report trips between consecutive items, per delegate and speaker, that are too short."""
    located = _located_venues(ctx.items)
    if len(located) < 2:
        return  # trips are estimated from coordinates: without two places, nothing to estimate
    write = partial(_travel_message, ctx, cache(partial(_group_order, ctx)))
    horizon = Horizon(_longest_trip(located), *ctx.in_utc())
    for trip in trips(ctx.items, _too_short(ctx), horizon):
        if (trip.delegates or trip.speakers
                or (trip.whole_except is not None and ctx.anyone_but(trip.whole_except))):
            yield ctx.between(TRAVEL_TIME, trip.prev, trip.item, write, trip)


def _too_short(ctx: Context) -> Judge:
    """Judge a trip by its estimate, kept when the gap is shorter."""
    limits: dict[tuple[int, int], tuple[TravelEstimate, dt.timedelta] | None] = {}
    starts_utc, ends_utc = ctx.in_utc()

    def too_short(prev: ProgrammeItem, item: ProgrammeItem) -> TravelEstimate | None:
        came, going = prev.venue, item.venue
        if came is None or going is None or came.id == going.id or item.kind == "transfer":
            # No trip to make (prev is over by the time item starts), or a transfer: the
            # trip itself, its own duration the organiser's call.
            return None
        try:
            limit = limits[came.id, going.id]
        except KeyError:  # the same few venue pairs recur all through a visit
            # A trip takes as long either way: each pair of venues is estimated once.
            limit = limits[came.id, going.id] = limits[going.id, came.id] = _limit(came, going)
        if limit is None:
            return None
        # ctx.gap(prev, item) < minutes, inlined and compared exactly as timedeltas: this
        # runs for every trip of every person.
        return limit[0] if starts_utc[item.id] - ends_utc[prev.id] < limit[1] else None

    return too_short


def _located_venues(items: Iterable[ProgrammeItem]) -> dict[int, tuple[float, float]]:
    """The coordinates of the items' venues that have them, by venue id."""
    venues = {item.venue.id: item.venue for item in items if item.venue is not None}
    return {v: (venue.latitude, venue.longitude) for v, venue in venues.items()
            if venue.latitude is not None and venue.longitude is not None}


def _longest_trip(located: dict[int, tuple[float, float]]) -> dt.timedelta:
    """Longer than any trip between two of the located venues: neither is further from the
    other than both are from the first venue (a metre and a minute spare for rounding)."""
    hub = next(iter(located.values()))
    reach = max(straight_line_km(*hub, *place) for place in located.values())
    return dt.timedelta(minutes=minutes_for_km(2 * reach + 0.001) + 1)


def _limit(came: VenueView, going: VenueView) -> tuple[TravelEstimate, dt.timedelta] | None:
    """The trip's estimate and the shortest gap that leaves time for it; None if unknown."""
    estimate = estimate_travel(came, going)
    return None if estimate is None else (estimate, dt.timedelta(minutes=estimate.minutes))


def _travellers(ctx: Context, trip: Trip, group: Callable[[], dict[int, int]]) -> list[str]:
    """Name who makes a trip: delegates who come from or go to chosen items, the rest of the
    whole delegation, then speakers by first appearance."""
    places = ctx.places
    delegates: Sequence[int] = trip.delegates
    if len(delegates) > 1:
        order = group()
        delegates = sorted(delegates, key=lambda d: (order[d], places[d]))
    names = [ctx.names_in_order[places[d]] for d in delegates]
    if trip.whole_except is not None:
        names += ctx.delegates(None, except_ids=trip.whole_except)
    speakers = sorted(trip.speakers, key=ctx.speaker_places.__getitem__)
    return names + [ctx.speaker_names[s] for s in speakers]


def _group_order(ctx: Context) -> dict[int, int]:
    """Number delegates by their set of chosen items, sets in the order the programme first
    names them: a trip names its delegates set by set, each set in programme order."""
    chosen_of: dict[int, list[int]] = defaultdict(list)
    for item in ctx.items:
        for d in dict.fromkeys(item.delegate_ids or ()):
            chosen_of[d].append(item.id)
    groups: dict[tuple[int, ...], int] = {}
    return {d: groups.setdefault(tuple(ids), len(groups)) for d, ids in chosen_of.items()}


def _travel_message(ctx: Context, group: Callable[[], dict[int, int]], trip: Trip) -> str:
    """Explain a too-short trip, with who makes it and how the trip time was estimated."""
    prev, item = ctx.said(trip.prev), ctx.said(trip.item)
    return ctx.say.sentence(
        TRAVEL_TIME, _travellers(ctx, trip, group), gap=int(ctx.gap(trip.prev, trip.item)),
        prev=trip.prev.title, prev_end=prev.ends, prev_at=prev.at, next=trip.item.title,
        next_start=item.starts, next_at=item.at, day=item.day, minutes=trip.estimate.minutes,
        trip=ctx.say.trip(trip.estimate))
