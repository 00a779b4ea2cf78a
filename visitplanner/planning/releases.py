"""Releases as data: a snapshot of the programme, and what changed for one person between two.

A snapshot is plain JSON, stored with the release: per item its times (local, ISO), status,
audience, the host-side people taking part, and its title and place in every language, so
that a person is told in their own language what changed since the release they last got.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from visitplanner.planning.programme import Programme, ProgrammeItem, VenueView

SNAPSHOT_VERSION = 1
# The fields of an item a person is told about when they change, in the order they are told.
TRACKED = ("title", "starts_at", "ends_at", "venue", "status")
Entry = Mapping[str, Any]


@dataclass(frozen=True)
class Change:
    """One item added to, removed from or changed in someone's programme."""

    change: str  # added | removed | changed
    item_id: int
    title: str
    fields: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    entry: Entry = field(default_factory=dict)  # the item as now (or, when removed, as it was)


def local_iso(moment: Any) -> str:
    """A wall-clock time as the API writes it: 2024-04-22T09:30."""
    return moment.strftime("%Y-%m-%dT%H:%M")


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


def snapshot(programmes: Mapping[str, Programme]) -> dict[str, Any]:
    """The snapshot of a visit from its programme in each language."""
    items: dict[str, dict[str, Any]] = {}
    for lang, programme in programmes.items():
        for item in programme.items:
            entry = items.setdefault(str(item.id), _entry(item))
            entry["title"][lang] = item.title
            entry["venue"][lang] = place(item.venue)
    return {"version": SNAPSHOT_VERSION, "items": items}


def in_lang(value: Any, lang: str) -> Any:
    """A snapshot value in `lang`: per-language values fall back to any language there is."""
    if isinstance(value, dict):
        return value.get(lang) or next(iter(value.values()), None)
    return value


def attends(delegate_id: int) -> Callable[[Entry], bool]:
    """Whether a delegate is in an item's audience."""
    return lambda entry: entry["delegate_ids"] is None or delegate_id in entry["delegate_ids"]


def takes_part(person_id: int) -> Callable[[Entry], bool]:
    """Whether a host-side person speaks at (or interprets) an item."""
    return lambda entry: person_id in entry["person_ids"]


def changes_between(old: Mapping[str, Any] | None, new: Mapping[str, Any],
                    concerns: Callable[[Entry], bool], lang: str) -> list[Change]:
    """What changed for one person from `old` (None: they were never sent one) to `new`."""
    before = {key: e for key, e in (old or {}).get("items", {}).items() if concerns(e)}
    after = {key: e for key, e in new["items"].items() if concerns(e)}
    changes = []
    for key in sorted(before.keys() | after.keys(),
                      key=lambda k: ((after.get(k) or before[k])["starts_at"], int(k))):
        now, then = after.get(key), before.get(key)
        if then is None:
            changes.append(Change("added", int(key), in_lang(now["title"], lang), entry=now))
        elif now is None:
            changes.append(Change("removed", int(key), in_lang(then["title"], lang), entry=then))
        else:
            fields = {name: (in_lang(then.get(name), lang), in_lang(now.get(name), lang))
                      for name in TRACKED}
            fields = {name: pair for name, pair in fields.items() if pair[0] != pair[1]}
            if fields:
                changes.append(Change("changed", int(key), in_lang(now["title"], lang), fields,
                                      now))
    return changes
