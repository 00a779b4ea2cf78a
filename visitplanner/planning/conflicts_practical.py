"""Conflicts of the practical side: people not arrived yet or gone already, nights without a
hotel, too little time from the hotel to the day's first item."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from visitplanner.planning.programme import (
    JourneyView,
    Programme,
    ProgrammeItem,
    StayView,
    VisitView,
)
from visitplanner.planning.travel import TravelEstimate, estimate_travel, minutes_between
from visitplanner.planning.vocabulary import BEFORE_ARRIVAL, NO_STAY, TRAVEL_TIME

if TYPE_CHECKING:
    from visitplanner.planning.conflicts_context import Context, Found

# Without a meeting time nobody is expected to leave the hotel before breakfast is over.
EARLIEST_DEPARTURE = dt.time(7, 0)


@dataclass(frozen=True)
class Window:
    """When a delegate is there: the last leg that brings them, the first that takes them."""

    arrival: JourneyView | None
    departure: JourneyView | None


def practical_conflicts(programme: Programme, ctx: Context) -> Iterator[Found]:
    """Every conflict of the practical side; each check is linear in items plus audiences."""
    windows = presence_windows(programme)
    if windows:
        yield from _not_there_conflicts(ctx, windows)
    if programme.stays:  # until the first stay is recorded, hotels are simply not planned yet
        nights = hotel_nights(programme)
        yield from _no_stay_conflicts(ctx, windows, nights, programme.visit)
        yield from _from_stay_conflicts(ctx, nights)


def _audience(ids: tuple[int, ...] | None, programme: Programme) -> Iterable[int]:
    return [d.id for d in programme.delegates] if ids is None else ids


def presence_windows(programme: Programme) -> dict[int, Window]:
    """Each travelling delegate's arrival and departure, by delegate id."""
    last_in: dict[int, JourneyView] = {}
    first_out: dict[int, JourneyView] = {}
    for journey in programme.journeys:
        for d in _audience(journey.delegate_ids, programme):
            if journey.direction == "arrival":
                if d not in last_in or journey.arrives > last_in[d].arrives:
                    last_in[d] = journey
            elif d not in first_out or journey.departs < first_out[d].departs:
                first_out[d] = journey
    return {d: Window(last_in.get(d), first_out.get(d)) for d in last_in.keys() | first_out.keys()}


@dataclass(frozen=True, slots=True)
class Night:
    """The delegates who sleep at a stay's hotel on one evening."""

    stay: StayView
    evening: dt.date
    guests: frozenset[int]


def hotel_nights(programme: Programme) -> list[Night]:
    """Each stay's guests, evening by evening; someone booked twice sleeps at the first stay."""
    taken: dict[dt.date, set[int]] = defaultdict(set)
    nights = []
    for stay in programme.stays:
        audience = frozenset(_audience(stay.delegate_ids, programme))
        for evening in stay.nights:
            if guests := audience - taken[evening]:  # whole groups at a time, not one by one
                taken[evening] |= guests
                nights.append(Night(stay, evening, guests))
    return nights


def _not_there_conflicts(ctx: Context, windows: dict[int, Window]) -> Iterator[Found]:
    """Items whose audience holds someone who arrives after it starts or leaves before it ends."""
    starts = [item.starts for item in ctx.items]
    by_end = sorted(ctx.items, key=lambda item: (item.ends, item.id))
    ends = [item.ends for item in by_end]
    arriving: dict[int, tuple[JourneyView, list[int]]] = {}  # by journey id
    leaving: dict[int, tuple[JourneyView, list[int]]] = {}
    for d, window in windows.items():  # those who travel together are checked together
        if window.arrival is not None:
            arriving.setdefault(window.arrival.id, (window.arrival, []))[1].append(d)
        if window.departure is not None:
            leaving.setdefault(window.departure.id, (window.departure, []))[1].append(d)
    for journey, members in arriving.values():  # items starting before the arrival: a prefix
        early = ctx.items[:bisect_left(starts, journey.arrives)]
        yield from _not_there(ctx, early, members, "before_arrival", journey, journey.arrives)
    for journey, members in leaving.values():  # items ending after the departure: a suffix
        late = by_end[bisect_right(ends, journey.departs):]
        yield from _not_there(ctx, late, members, "after_departure", journey, journey.departs)


def _not_there(ctx: Context, items: list[ProgrammeItem], members: list[int], sentence: str,
               journey: JourneyView, moment: dt.datetime) -> Iterator[Found]:
    group = set(members)
    write = partial(_not_there_message, ctx, sentence, journey, moment)
    for item in items:
        missing = group if item.delegate_ids is None else group & set(item.delegate_ids)
        if missing:
            yield ctx.found(BEFORE_ARRIVAL, (item,), write, (item, missing))


def _not_there_message(ctx: Context, sentence: str, journey: JourneyView, moment: dt.datetime,
                       missing: tuple[ProgrammeItem, set[int]]) -> str:
    item, who = missing
    local, said = ctx.local(moment), ctx.said(item)
    return ctx.say.sentence(
        sentence, ctx.who(who), title=item.title, day=said.day, span=said.span, at=said.at,
        journey=ctx.say.journey(journey.mode, journey.reference),
        moment=ctx.say.moment(local.date(), ctx.say.clock(local)))


def _no_stay_conflicts(ctx: Context, windows: dict[int, Window], nights: list[Night],
                       visit: VisitView) -> Iterator[Found]:
    """Nights between someone's arrival and departure without a hotel, grouped by who."""
    beds: dict[dt.date, set[int]] = defaultdict(set)
    for night in nights:
        beds[night.evening] |= night.guests
    travelling: dict[tuple[int | None, int | None], tuple[Window, set[int]]] = {}
    for d, window in windows.items():  # those who travel together share their evenings
        key = (window.arrival.id if window.arrival else None,
               window.departure.id if window.departure else None)
        travelling.setdefault(key, (window, set()))[1].add(d)
    bare: dict[int, list[dt.date]] = defaultdict(list)
    for window, group in travelling.values():
        first = ctx.local(window.arrival.arrives).date() if window.arrival else visit.start_date
        last = (ctx.local(window.departure.departs).date() if window.departure
                else visit.end_date) - dt.timedelta(days=1)
        for n in range((last - first).days + 1):
            evening = first + dt.timedelta(days=n)
            for d in group - beds[evening]:
                bare[d].append(evening)
    missing: dict[tuple[tuple[dt.date, dt.date], ...], list[int]] = defaultdict(list)
    for d in windows:  # grouped in the order the windows list them
        if d in bare:
            missing[tuple(_runs(bare[d]))].append(d)
    write = partial(_no_stay_message, ctx)
    for runs, members in missing.items():
        for first, last in runs:
            evening = dt.datetime.combine(first, dt.time(23), tzinfo=ctx.zone or dt.UTC)
            yield ctx.found(NO_STAY, (), write, (members, first, last), when=evening)


def _no_stay_message(ctx: Context, nights: tuple[list[int], dt.date, dt.date]) -> str:
    members, first, last = nights
    return ctx.say.sentence("no_stay" if first == last else "no_stay_nights",
                            who=ctx.say.join(ctx.who(members)), first=ctx.say.day(first),
                            last=ctx.say.day(last))


def _runs(days: list[dt.date]) -> Iterator[tuple[dt.date, dt.date]]:
    """Consecutive days as (first, last) runs."""
    start = prev = days[0]
    for day in days[1:]:
        if day != prev + dt.timedelta(days=1):
            yield start, prev
            start = day
        prev = day
    yield start, prev


def _first_items(ctx: Context) -> tuple[dict[dt.date, ProgrammeItem],
                                        dict[dt.date, list[tuple[ProgrammeItem, set[int]]]]]:
    """The day's first item for everyone, and the chosen items that are the day's first of
    their chosen delegates, with whom."""
    whole: dict[dt.date, ProgrammeItem] = {}
    chosen: dict[dt.date, list[tuple[ProgrammeItem, set[int]]]] = defaultdict(list)
    seen: dict[dt.date, set[int]] = defaultdict(set)
    for item in ctx.items:  # in start order: the first one seen is the first of the day
        day = ctx.local(item.starts).date()
        if item.delegate_ids is None:
            whole.setdefault(day, item)
        elif firsts := set(item.delegate_ids) - seen[day]:
            seen[day] |= firsts
            chosen[day].append((item, firsts))
    return whole, chosen


def _from_stay_conflicts(ctx: Context, nights: list[Night]) -> Iterator[Found]:
    """Too little time from the hotel slept in to the next day's first item."""
    whole, chosen = _first_items(ctx)
    estimates: dict[tuple[int, int], TravelEstimate | None] = {}
    trips: dict[tuple[int, int], _Short | None] = {}
    for night in nights:
        day = night.evening + dt.timedelta(days=1)
        for first, going in _by_first(night.guests, whole.get(day), chosen.get(day, [])):
            pair = (first.id, night.stay.id)
            if pair not in trips:  # the hotel's guests mostly share the day's first item
                trips[pair] = _short_from_stay(ctx, first, night.stay, day, estimates)
            if (trip := trips[pair]) is not None:
                trip.members |= going
    write = partial(_from_stay_message, ctx)
    for trip in trips.values():
        if trip is not None:
            yield ctx.found(TRAVEL_TIME, (trip.item,), write, trip)


def _by_first(guests: frozenset[int], whole: ProgrammeItem | None,
              chosen: list[tuple[ProgrammeItem, set[int]]]) -> Iterable[tuple[ProgrammeItem,
                                                                               set[int]]]:
    """Group guests by their first item of the day: a chosen one, or the whole delegation's."""
    groups: dict[int, tuple[ProgrammeItem, set[int]]] = {}
    rest = set(guests)
    for item, firsts in chosen:
        if going := rest & firsts:
            rest -= going
            first = item if whole is None else min(item, whole, key=lambda i: (i.starts, i.id))
            groups.setdefault(first.id, (first, set()))[1].update(going)
    if whole is not None and rest:
        groups.setdefault(whole.id, (whole, set()))[1].update(rest)
    return groups.values()


def _short_from_stay(ctx: Context, first: ProgrammeItem, stay: StayView, day: dt.date,
                     estimates: dict[tuple[int, int], TravelEstimate | None]) -> _Short | None:
    """The trip from the hotel to the day's first item, when it is too short."""
    leave = _leaving(ctx, first, day)
    if leave is None or first.venue is None or first.kind == "transfer":
        return None  # a transfer is the trip itself, and its duration the organiser's call
    key = (stay.hotel.id, first.venue.id)
    if key not in estimates:
        estimates[key] = estimate_travel(stay.hotel, first.venue)
    estimate = estimates[key]
    if estimate is not None and minutes_between(leave, first.starts) < estimate.minutes:
        return _Short(first, stay, leave, estimate)
    return None


def _leaving(ctx: Context, item: ProgrammeItem, day: dt.date) -> dt.datetime | None:
    """When people leave the hotel for an item: its meeting time, else after breakfast."""
    if item.meeting_at is not None:
        return item.meeting_at
    after_breakfast = dt.datetime.combine(day, EARLIEST_DEPARTURE, tzinfo=item.starts.tzinfo)
    return after_breakfast if item.starts > after_breakfast else None


@dataclass(slots=True)
class _Short:
    """A too-short trip from a hotel to a first item, and who makes it."""

    item: ProgrammeItem
    stay: StayView
    leave: dt.datetime
    estimate: TravelEstimate
    members: set[int] = field(default_factory=set)


def _from_stay_message(ctx: Context, trip: _Short) -> str:
    said = ctx.said(trip.item)
    return ctx.say.sentence(
        "travel_from_stay", ctx.who(trip.members),
        gap=int(minutes_between(trip.leave, trip.item.starts)), hotel=trip.stay.hotel.name,
        leave=ctx.say.clock(ctx.local(trip.leave)), next=trip.item.title,
        next_start=said.starts, next_at=said.at, day=said.day, minutes=trip.estimate.minutes,
        trip=ctx.say.trip(trip.estimate))
