"""Which texts a programme in another language than the content shows as written, for want of
a translation: read off the loaded visit, without building that programme."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from visitplanner.planning.build import (
    DELEGATE_TEXT,
    DELEGATION_TEXT,
    ITEM_TEXT,
    ORGANISATION_TEXT,
    PERSON_TEXT,
    VENUE_TEXT,
    VISIT_TEXT,
    translated,
    untranslated,
)


@dataclass(frozen=True)
class MissingTranslation:
    """One stored record with text fields that have no translation into the language."""

    kind: str  # visit, item, delegate, organisation, person or venue
    id: int
    name: str
    fields: tuple[str, ...]


def missing_translations(visit: Any, lang: str) -> tuple[MissingTranslation, ...]:
    """Every record of a loaded visit (see core.queries.load_visit) whose text the programme in
    `lang` prints as stored, each once, visit first; none in the content language."""
    content_lang = visit.content_language
    found: dict[tuple[str, int], MissingTranslation] = {}

    def note(kind: str, row: Any, name: Any, fields: tuple[str, ...]) -> None:
        if row is None or (kind, row.id) in found:
            return
        missing = untranslated(row, lang, content_lang, *fields)
        if missing:
            order = FIELD_ORDER[kind]
            found[(kind, row.id)] = MissingTranslation(kind, row.id, name, tuple(sorted(
                missing, key=lambda f: order.index(f) if f in order else len(order))))

    def organisation(org: Any) -> None:
        if org is not None:
            note("organisation", org, translated(org, "name", lang), ORGANISATION_TEXT)

    def person(row: Any) -> None:
        note("person", row, row.full_name, PERSON_TEXT)
        organisation(row.organisation)

    note("visit", visit, translated(visit, "title", lang), VISIT_TEXT + DELEGATION_TEXT)
    for org in (visit.host_organisation, *visit.partners):
        organisation(org)
    for item in sorted(visit.items, key=lambda row: (row.starts_at, row.ends_at, row.id)):
        note("item", item, translated(item, "title", lang), (*ITEM_TEXT, "topics"))
        if item.venue is not None:
            note("venue", item.venue, translated(item.venue, "name", lang), VENUE_TEXT)
            organisation(item.venue.organisation)
        organisation(item.host_organisation)
        for speaker in item.speakers:
            person(speaker)
    for delegate in visit.delegates:
        note("delegate", delegate, delegate.full_name, DELEGATE_TEXT)
    for key_figure in visit.key_figures:
        person(key_figure)
    return tuple(found.values())


# The order fields appear in on each edit form, so the list reads like the form.
FIELD_ORDER = {
    "visit": ("title", "visit_type", "purpose", "focus", "delegation_adjective",
              "delegation_description"),
    "item": ("title", "description", "topics"),
    "delegate": ("honorific", "function", "organisation"),
    "organisation": ("name", "short_name", "address", "city"),
    "person": ("honorific", "function"),
    "venue": ("name", "address", "city"),
}
