"""Releases as data: a snapshot of the programme, and what changed for one person between two.

A snapshot is plain JSON, stored with the release: per item its times (local, ISO), status,
audience, the host-side people taking part, and its title and place in every language, so
that a person is told in their own language what changed since the release they last got,
and the worker can write their message from the release alone.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from visitplanner.planning.programme import Programme, ProgrammeItem, VenueView

SNAPSHOT_VERSION = 1
# The fields of an entry a person is told about when they change, in the order they are told.
# Entries are items, journeys (their departure and arrival as starts_at/ends_at, the meeting
# point as venue) and stays (hotel nights, from check_in to check_out).
TRACKED = ("title", "starts_at", "ends_at", "venue", "status")
TRACKED_STAY = ("title", "check_in", "check_out")
Entry = Mapping[str, Any]


@dataclass(frozen=True)
class Change:
    """One item added to, removed from or changed in someone's programme."""

    change: str  # added | removed | changed
    key: str  # '12' for item 12, 'journey-3', 'stay-2'
    title: str
    fields: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    entry: Entry = field(default_factory=dict)  # the item as now (or, when removed, as it was)

    @property
    def item_id(self) -> int | None:
        """The item changed; None for a journey or a stay."""
        return int(self.key) if self.key.isdigit() else None

    def as_json(self) -> dict[str, Any]:
        """The change as the API shows it (and the outbox keeps it)."""
        found: dict[str, Any] = {"change": self.change, "item_id": self.item_id}
        if not self.key.isdigit():
            kind, _, number = self.key.partition("-")
            found[f"{kind}_id"] = int(number)
        return {**found, "title": self.title,
                "fields": {name: list(pair) for name, pair in self.fields.items()}}


@dataclass(frozen=True)
class Party:
    """Whom a programme belongs to: a delegate (by audience) or a host-side person."""

    delegate_id: int | None = None
    person_id: int | None = None

    def concerns(self, entry: Entry) -> bool:
        """Whether the item is in this party's programme."""
        if self.delegate_id is not None:
            audience = entry["delegate_ids"]
            return audience is None or self.delegate_id in audience
        return self.person_id in entry["person_ids"]


def local_iso(moment: Any) -> str:
    """A wall-clock time as the API writes it: 2024-04-22T09:30."""
    return str(moment.strftime("%Y-%m-%dT%H:%M"))


def place(venue: VenueView | None) -> str | None:
    """A venue on one line: name, address, city."""
    if venue is None:
        return None
    return ", ".join(part for part in (venue.name, venue.address, venue.city) if part)


def _entry(item: ProgrammeItem) -> dict[str, Any]:
    return {"kind": item.kind, "starts_at": local_iso(item.starts), "ends_at": local_iso(item.ends),
            "status": item.status, "sequence": item.sequence,
            "delegate_ids": None if item.delegate_ids is None else sorted(item.delegate_ids),
            "person_ids": sorted(item.person_ids), "title": {}, "venue": {}}


def snapshot(programmes: Mapping[str, Programme],
             contacts: Mapping[str, list[list[str | None]]],
             practical: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """The snapshot of a visit from its programme in each language, in time order.

    `practical` holds the journeys and stays as entries, already worded in each language.
    """
    items: dict[str, dict[str, Any]] = {}
    visit: dict[str, Any] = {"title": {}, "host": {}}
    for lang, programme in programmes.items():
        visit["title"][lang] = programme.visit.title
        visit["host"][lang] = programme.visit.host.name if programme.visit.host else None
        for item in programme.items:
            entry = items.setdefault(str(item.id), _entry(item))
            entry["title"][lang] = item.title
            entry["venue"][lang] = place(item.venue)
    items.update(practical)
    ordered = dict(sorted(items.items(), key=lambda pair: (pair[1]["starts_at"], pair[0])))
    return {"version": SNAPSHOT_VERSION, "visit": visit, "contacts": dict(contacts),
            "items": ordered}


def in_lang(value: Any, lang: str) -> Any:
    """A snapshot value in `lang`: per-language values fall back to any language there is."""
    if isinstance(value, dict):
        return value.get(lang) or next(iter(value.values()), None)
    return value


def programme_of(snap: Mapping[str, Any], party: Party) -> list[Entry]:
    """The party's items of a snapshot, in time order."""
    return [entry for entry in snap["items"].values() if party.concerns(entry)]


class Differ:
    """What changed between two snapshots, for any number of people: each item compared once."""

    def __init__(self, old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> None:
        self.old = (old or {}).get("items", {})
        self.new = new["items"]
        self.order = sorted(self.old.keys() | self.new.keys(), key=lambda k: (
            (self.new.get(k) or self.old[k])["starts_at"], k))
        self._fields: dict[tuple[str, str], dict[str, tuple[Any, Any]]] = {}

    def _changed(self, key: str, lang: str) -> dict[str, tuple[Any, Any]]:
        found = self._fields.get((key, lang))
        if found is None:
            then, now = self.old[key], self.new[key]
            tracked = TRACKED_STAY if now.get("kind") == "stay" else TRACKED
            pairs = ((name, in_lang(then.get(name), lang), in_lang(now.get(name), lang))
                     for name in tracked)
            found = {name: (a, b) for name, a, b in pairs if a != b}
            self._fields[(key, lang)] = found
        return found

    def changes(self, party: Party, lang: str) -> list[Change]:
        """What changed for one party, in time order."""
        found = []
        for key in self.order:
            then, now = self.old.get(key), self.new.get(key)
            had = then is not None and party.concerns(then)
            has = now is not None and party.concerns(now)
            if has and not had:
                found.append(Change("added", key, in_lang(now["title"], lang), entry=now))
            elif had and not has:
                found.append(Change("removed", key, in_lang(then["title"], lang), entry=then))
            elif has and (fields := self._changed(key, lang)):
                found.append(Change("changed", key, in_lang(now["title"], lang), fields, now))
        return found


def changes_between(old: Mapping[str, Any] | None, new: Mapping[str, Any], party: Party,
                    lang: str) -> list[Change]:
    """What changed for one party from `old` (None: they were never sent one) to `new`."""
    return Differ(old, new).changes(party, lang)


SHOWN = ("kind", "starts_at", "ends_at", "check_in", "check_out")


def stored(change: Change, lang: str) -> dict[str, Any]:
    """A change as the outbox keeps it: as the API shows it, plus its time and place."""
    entry = change.entry
    return {**change.as_json(), "key": change.key, "place": in_lang(entry.get("venue"), lang),
            **{name: entry.get(name) for name in SHOWN}}


def restored(data: Mapping[str, Any]) -> Change:
    """A change as `stored` kept it."""
    entry = {name: data.get(name) for name in SHOWN} | {"venue": data["place"]}
    return Change(data["change"], data["key"], data["title"],
                  {name: (pair[0], pair[1]) for name, pair in data["fields"].items()}, entry)
