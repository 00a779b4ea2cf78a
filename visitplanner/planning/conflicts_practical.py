"""Conflicts of the practical side: people not arrived yet or gone already, nights without a
hotel, too little time from the hotel to the day's first item."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
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
    from visitplanner.planning.conflicts import Found, _Context

# Without a meeting time nobody is expected to leave the hotel before breakfast is over.
EARLIEST_DEPARTURE = dt.time(7, 0)


@dataclass(frozen=True)
class Window:
    """When a delegate is there: the last leg that brings them, the first that takes them."""

    arrival: JourneyView | None
    departure: JourneyView | None


def practical_conflicts(programme: Programme, ctx: _Context) -> Iterator[Found]:
    """Every conflict of the practical side; each check is linear in items plus audiences."""
    windows = presence_windows(programme)
    nights = hotel_nights(programme)
    everyone = frozenset(d.id for d in programme.delegates)
    yield from _not_there_conflicts(ctx, windows, everyone)
    if programme.stays:  # until the first stay is recorded, hotels are simply not planned yet
        yield from _no_stay_conflicts(ctx, windows, nights, programme.visit, everyone)
    yield from _from_stay_conflicts(ctx, nights, everyone)


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


def hotel_nights(programme: Programme) -> dict[tuple[int, dt.date], StayView]:
    """Where each delegate sleeps, by (delegate id, evening)."""
    nights: dict[tuple[int, dt.date], StayView] = {}
    for stay in programme.stays:
        for d in _audience(stay.delegate_ids, programme):
            for night in stay.nights:
                nights.setdefault((d, night), stay)
    return nights


def _not_there_conflicts(ctx: _Context, windows: dict[int, Window],
                         everyone: frozenset[int]) -> Iterator[Found]:
    """Items whose audience holds someone who arrives after it starts or leaves before it ends."""
    starts = [item.starts for item in ctx.items]
    by_end = sorted(ctx.items, key=lambda item: (item.ends, item.id))
    ends = [item.ends for item in by_end]
    arriving: dict[JourneyView, list[int]] = defaultdict(list)
    leaving: dict[JourneyView, list[int]] = defaultdict(list)
    for d, window in windows.items():  # those who travel together are checked together
        if window.arrival is not None:
            arriving[window.arrival].append(d)
        if window.departure is not None:
            leaving[window.departure].append(d)
    for journey, members in arriving.items():  # items starting before the arrival: a prefix
        early = ctx.items[:bisect_left(starts, journey.arrives)]
        yield from _not_there(ctx, early, members, everyone, "before_arrival", journey,
                              journey.arrives)
    for journey, members in leaving.items():  # items ending after the departure: a suffix
        late = by_end[bisect_right(ends, journey.departs):]
        yield from _not_there(ctx, late, members, everyone, "after_departure", journey,
                              journey.departs)


def _not_there(ctx: _Context, items: list[ProgrammeItem], members: list[int],
               everyone: frozenset[int], sentence: str, journey: JourneyView,
               moment: dt.datetime) -> Iterator[Found]:
    group = set(members)
    for item in items:
        missing = group if item.delegate_ids is None else group & set(item.delegate_ids)
        if not missing:
            continue
        local = ctx.local(moment)
        message = ctx.say.sentence(
            sentence, _who(ctx, missing, everyone), title=item.title,
            day=ctx.say.day(ctx.local(item.starts).date()), span=ctx.span(item), at=ctx.at(item),
            journey=ctx.say.journey(journey.mode, journey.reference),
            moment=ctx.say.moment(local.date(), ctx.say.clock(local)))
        yield ctx.found(BEFORE_ARRIVAL, message, (item,))


def _no_stay_conflicts(ctx: _Context, windows: dict[int, Window],
                       nights: dict[tuple[int, dt.date], StayView], visit: VisitView,
                       everyone: frozenset[int]) -> Iterator[Found]:
    """Nights between someone's arrival and departure without a hotel, grouped by who."""
    missing: dict[tuple[tuple[dt.date, dt.date], ...], list[int]] = defaultdict(list)
    for d, window in windows.items():
        first = ctx.local(window.arrival.arrives).date() if window.arrival else visit.start_date
        last = (ctx.local(window.departure.departs).date() if window.departure
                else visit.end_date) - dt.timedelta(days=1)
        bare = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)
                if (d, first + dt.timedelta(days=n)) not in nights]
        if bare:
            missing[tuple(_runs(bare))].append(d)
    for runs, members in missing.items():
        who = _who(ctx, members, everyone)
        for first, last in runs:
            sentence = "no_stay" if first == last else "no_stay_nights"
            message = ctx.say.sentence(sentence, who=ctx.say.join(who),
                                       first=ctx.say.day(first), last=ctx.say.day(last))
            evening = dt.datetime.combine(first, dt.time(23), tzinfo=ctx.zone or dt.UTC)
            yield ctx.found(NO_STAY, message, (), when=evening)


def _who(ctx: _Context, members: Iterable[int], everyone: frozenset[int]) -> list[str]:
    """Name the delegates: all of them, all but a few, or each, whichever reads shorter."""
    members = set(members)
    if members <= everyone:
        return ctx.delegates(None, except_ids=everyone - members)
    return ctx.delegates(members)


def _runs(days: list[dt.date]) -> Iterator[tuple[dt.date, dt.date]]:
    """Consecutive days as (first, last) runs."""
    start = prev = days[0]
    for day in days[1:]:
        if day != prev + dt.timedelta(days=1):
            yield start, prev
            start = day
        prev = day
    yield start, prev


def _first_items(ctx: _Context) -> tuple[dict[dt.date, ProgrammeItem],
                                         dict[tuple[int, dt.date], ProgrammeItem]]:
    """The day's first item for everyone, and each delegate's first chosen item of a day."""
    whole: dict[dt.date, ProgrammeItem] = {}
    chosen: dict[tuple[int, dt.date], ProgrammeItem] = {}
    for item in ctx.items:  # in start order: the first one seen is the first of the day
        day = ctx.local(item.starts).date()
        if item.delegate_ids is None:
            whole.setdefault(day, item)
        else:
            for d in item.delegate_ids:
                chosen.setdefault((d, day), item)
    return whole, chosen


def _from_stay_conflicts(ctx: _Context, nights: dict[tuple[int, dt.date], StayView],
                         everyone: frozenset[int]) -> Iterator[Found]:
    """Too little time from the hotel slept in to the next day's first item."""
    whole, chosen = _first_items(ctx)
    estimates: dict[tuple[int, int], TravelEstimate | None] = {}
    short: dict[tuple[int, int], _Short] = {}
    for (d, night), stay in nights.items():
        day = night + dt.timedelta(days=1)
        options = [i for i in (whole.get(day), chosen.get((d, day))) if i is not None]
        if not options:
            continue
        first = min(options, key=lambda i: (i.starts, i.id))
        leave = _leaving(ctx, first, day)
        if leave is None or first.venue is None or first.kind == "transfer":
            continue  # a transfer is the trip itself, and its duration the organiser's call
        key = (stay.hotel.id, first.venue.id)
        if key not in estimates:
            estimates[key] = estimate_travel(stay.hotel, first.venue)
        estimate = estimates[key]
        if estimate is not None and minutes_between(leave, first.starts) < estimate.minutes:
            short.setdefault((first.id, stay.id), _Short(first, stay, leave, estimate)).add(d)
    for trip in short.values():
        message = _from_stay_message(ctx, trip, _who(ctx, trip.members, everyone))
        yield ctx.found(TRAVEL_TIME, message, (trip.item,))


def _leaving(ctx: _Context, item: ProgrammeItem, day: dt.date) -> dt.datetime | None:
    """When people leave the hotel for an item: its meeting time, else after breakfast."""
    if item.meeting_at is not None:
        return item.meeting_at
    after_breakfast = dt.datetime.combine(day, EARLIEST_DEPARTURE, tzinfo=item.starts.tzinfo)
    return after_breakfast if item.starts > after_breakfast else None


@dataclass
class _Short:
    """A too-short trip from a hotel to a first item, and who makes it."""

    item: ProgrammeItem
    stay: StayView
    leave: dt.datetime
    estimate: TravelEstimate
    members: list[int] = field(default_factory=list)

    def add(self, delegate_id: int) -> None:
        self.members.append(delegate_id)


def _from_stay_message(ctx: _Context, trip: _Short, who: list[str]) -> str:
    starts = ctx.local(trip.item.starts)
    return ctx.say.sentence(
        "travel_from_stay", who,
        gap=int(minutes_between(trip.leave, trip.item.starts)), hotel=trip.stay.hotel.name,
        leave=ctx.say.clock(ctx.local(trip.leave)), next=trip.item.title,
        next_start=ctx.say.clock(starts), next_at=ctx.at(trip.item),
        day=ctx.say.day(starts.date()), minutes=trip.estimate.minutes,
        trip=ctx.say.trip(trip.estimate))
