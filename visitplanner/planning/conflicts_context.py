"""What every conflict check needs, computed once per programme: items, names, words, moments."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any, NamedTuple, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from visitplanner.planning.conflict_messages import Wording
from visitplanner.planning.programme import Programme, ProgrammeItem
from visitplanner.planning.vocabulary import ConflictKind

Found = tuple[tuple[dt.datetime, str, tuple[int, ...]], "Conflict"]  # (sort key, conflict)
T = TypeVar("T")


class Conflict:
    """Something in the programme a protocol officer must look at.

    Its message is written when first read: a check finds thousands of conflicts where a
    page may only count them, and writing one takes longer than finding it.
    """

    __slots__ = ("kind", "item_ids", "_message", "_write", "_about")
    __match_args__ = ("kind", "message", "item_ids")

    def __init__(self, kind: ConflictKind, message: str, item_ids: tuple[int, ...]) -> None:
        self.kind, self.item_ids = kind, item_ids
        self._message: str | None = message
        self._write: Callable[[Any], str] | None = None
        self._about: object = None

    @classmethod
    def later(cls, kind: ConflictKind, item_ids: tuple[int, ...], write: Callable[[T], str],
              about: T) -> Conflict:
        """A conflict whose message write(about) gives when first read."""
        conflict = cls.__new__(cls)
        conflict.kind, conflict.item_ids = kind, item_ids
        conflict._message, conflict._write, conflict._about = None, write, about
        return conflict

    @property
    def message(self) -> str:
        """The sentence that explains the conflict, in the programme's language."""
        if self._message is None:
            # What it is written from stays: two threads reading it first both write it whole.
            assert self._write is not None  # set whenever the message is not
            self._message = self._write(self._about)
        return self._message

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Conflict):
            return NotImplemented
        return (self.kind, self.item_ids, self.message) == (other.kind, other.item_ids,
                                                            other.message)

    def __hash__(self) -> int:
        return hash((self.kind, self.message, self.item_ids))

    def __repr__(self) -> str:
        return (f"Conflict(kind={self.kind!r}, message={self.message!r},"
                f" item_ids={self.item_ids!r})")


class Said(NamedTuple):
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
        self.items = sorted(live, key=attrgetter("starts", "ends", "id"))
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
        self._said: dict[int, Said] = {}
        self._utc: tuple[dict[int, dt.datetime], dict[int, dt.datetime]] | None = None

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
        starts, ends = self.in_utc()
        return (starts[item.id] - ends[prev.id]).total_seconds() / 60

    def in_utc(self) -> tuple[dict[int, dt.datetime], dict[int, dt.datetime]]:
        """Each item's start and end in UTC, by item id."""
        if self._utc is None:  # an item begins and ends many people's trips: turned once
            self._utc = ({i.id: i.starts.astimezone(dt.UTC) for i in self.items},
                         {i.id: i.ends.astimezone(dt.UTC) for i in self.items})
        return self._utc

    def said(self, item: ProgrammeItem) -> Said:
        """The item's day, times and place as messages write them."""
        said = self._said.get(item.id)
        if said is None:  # an item is in many conflicts: its words are written once
            starts, ends, say = self.local(item.starts), self.local(item.ends), self.say
            said = self._said[item.id] = Said(
                say.day(starts.date()),
                say.span(starts, ends, starts.date() != self.last_day(item)),
                say.at(item.venue.name if item.venue is not None else None),
                say.clock(starts), say.clock(ends))
        return said

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

    def anyone_but(self, except_ids: frozenset[int]) -> bool:
        """Whether naming the whole delegation but these names anyone, as delegates() would."""
        return not self.places or not self.places.keys() <= except_ids

    def who(self, members: Iterable[int]) -> list[str]:
        """Name delegates: all of them, all but a few, or each, whichever reads shorter."""
        group = frozenset(members)
        names = self._who.get(group)
        if names is None:  # a flight's or a hotel's guests are named in conflict after conflict
            names = self._who[group] = (
                self.delegates(None, except_ids=self.everyone - group)
                if group <= self.everyone else self.delegates(group))
        return names[:]

    def found(self, kind: ConflictKind, items: Iterable[ProgrammeItem], write: Callable[[T], str],
              about: T, when: dt.datetime | None = None) -> Found:
        """Wrap a conflict, its message write(about), with its sort key: first item start (or
        `when`), kind, ids."""
        items = list(items)
        ids = tuple(sorted({i.id for i in items}))
        first = when if when is not None else min(i.starts for i in items)
        return (first, kind, ids), Conflict.later(kind, ids, write, about)

    def between(self, kind: ConflictKind, a: ProgrammeItem, b: ProgrammeItem,
                write: Callable[[T], str], about: T) -> Found:
        """Wrap a conflict between two items, as found() would."""
        ids = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        first = b.starts if b.starts < a.starts else a.starts
        return (first, kind, ids), Conflict.later(kind, ids, write, about)
