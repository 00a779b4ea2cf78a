"""What every conflict check needs, computed once per programme: items, names, words, moments."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from visitplanner.planning.conflict_messages import Wording
from visitplanner.planning.programme import Programme, ProgrammeItem
from visitplanner.planning.vocabulary import ConflictKind

Found = tuple[tuple[dt.datetime, str, tuple[int, ...]], "Conflict"]  # (sort key, conflict)


@dataclass(frozen=True, slots=True)
class Conflict:
    """Something in the programme a protocol officer must look at."""

    kind: ConflictKind
    message: str
    item_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Said:
    """An item as conflict messages write it."""

    day: str  # the day it starts
    span: str  # its times, with the end's day when it runs past midnight
    at: str  # where, or nothing
    starts: str  # the clock times
    ends: str


class Context:
    """Live items in start order, the zone, and the names and words of the messages.

    Names and words are looked up or remembered, never searched for: an item's words are
    written once however many conflicts it is in, and naming k delegates sorts k places
    instead of scanning the whole delegation (500 at a summit).
    """

    def __init__(self, programme: Programme) -> None:
        self.visit = programme.visit
        self.say = Wording(programme.lang)
        try:
            self.zone: ZoneInfo | None = ZoneInfo(programme.visit.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self.zone = None  # items are already in the visit's zone; conversion is a safeguard
        live = (item for item in programme.items if item.status != "cancelled")
        self.items = sorted(live, key=lambda i: (i.starts, i.ends, i.id))
        names = {d.id: d.full_name for d in programme.delegates}
        audiences = [i.delegate_ids for i in self.items if i.delegate_ids]
        if set().union(*audiences) - names.keys():  # audiences name delegates not listed
            for d in (d for ids in audiences for d in ids if d not in names):
                names[d] = self.say.delegate(d)
        self.places = {d: k for k, d in enumerate(names)}  # programme order
        self.names_in_order = list(names.values())
        self.everyone = frozenset(d.id for d in programme.delegates)
        speakers = {p.id: p for i in self.items for p in i.speakers}
        self.speaker_names = {s: self.say.speaker(p.full_name) for s, p in speakers.items()}
        self.speaker_places = {s: k for k, s in enumerate(speakers)}  # by first item
        self._all_but: dict[frozenset[int], list[str]] = {}
        self._who: dict[frozenset[int], list[str]] = {}
        # Plain tuples of text, which the garbage collector leaves alone, not Said objects.
        self._said: dict[int, tuple[str, str, str, str, str]] = {}
        self._utc: dict[int, tuple[dt.datetime, dt.datetime]] = {}

    def local(self, moment: dt.datetime) -> dt.datetime:
        """Show a moment on the visit's wall clock."""
        return moment.astimezone(self.zone) if self.zone and moment.tzinfo else moment

    def last_day(self, item: ProgrammeItem) -> dt.date:
        """Return the item's local last day; an end at midnight belongs to the evening before."""
        ends = self.local(item.ends)
        if item.ends > item.starts:
            ends -= dt.timedelta(microseconds=1)
        return ends.date()

    def gap(self, prev: ProgrammeItem, item: ProgrammeItem) -> float:
        """Real minutes from prev's end to item's start, as travel.minutes_between counts them."""
        return (self._in_utc(item)[0] - self._in_utc(prev)[1]).total_seconds() / 60

    def _in_utc(self, item: ProgrammeItem) -> tuple[dt.datetime, dt.datetime]:
        moments = self._utc.get(item.id)
        if moments is None:  # an item begins and ends many people's trips
            moments = self._utc[item.id] = (item.starts.astimezone(dt.UTC),
                                            item.ends.astimezone(dt.UTC))
        return moments

    def said(self, item: ProgrammeItem) -> Said:
        """The item's day, times and place as messages write them."""
        words = self._said.get(item.id)
        if words is None:
            starts, ends, say = self.local(item.starts), self.local(item.ends), self.say
            words = self._said[item.id] = (
                say.day(starts.date()),
                say.span(starts, ends, starts.date() != self.last_day(item)),
                say.at(item.venue.name if item.venue is not None else None),
                say.clock(starts), say.clock(ends))
        return Said(*words)

    def delegates(self, ids: Iterable[int] | None, *, except_ids: Iterable[int] = ()) -> list[str]:
        """Name delegates in programme order; None means the whole delegation."""
        if ids is None:
            return self._whole_but(frozenset(except_ids))[:]
        places = self.places
        return [self.names_in_order[k] for k in sorted({places[d] for d in ids if d in places})]

    def _whole_but(self, except_ids: frozenset[int]) -> list[str]:
        names = self._all_but.get(except_ids)
        if names is None:
            excluded = self.delegates(except_ids)
            if not excluded:
                names = [self.say.whole_delegation()]
            elif len(excluded) >= len(self.names_in_order) - len(excluded):
                # Whichever list is shorter reads better; nobody left means nobody to name.
                names = self.delegates(self.places.keys() - except_ids)
            else:
                names = [self.say.whole_delegation(excluded)]
            self._all_but[except_ids] = names
        return names

    def who(self, members: Iterable[int]) -> list[str]:
        """Name delegates: all of them, all but a few, or each, whichever reads shorter."""
        group = frozenset(members)
        names = self._who.get(group)
        if names is None:  # a flight's or a hotel's guests are named in conflict after conflict
            names = self._who[group] = (
                self.delegates(None, except_ids=self.everyone - group)
                if group <= self.everyone else self.delegates(group))
        return names[:]

    def found(self, kind: ConflictKind, message: str, items: Iterable[ProgrammeItem],
              when: dt.datetime | None = None) -> Found:
        """Wrap a conflict with its sort key: first item start (or `when`), kind, ids."""
        items = list(items)
        ids = tuple(sorted({i.id for i in items}))
        first = when if when is not None else min(i.starts for i in items)
        return (first, kind, ids), Conflict(kind, message, ids)

    def between(self, kind: ConflictKind, message: str, a: ProgrammeItem,
                b: ProgrammeItem) -> Found:
        """Wrap a conflict between two items, as found() would."""
        ids = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        return (min(a.starts, b.starts), kind, ids), Conflict(kind, message, ids)
