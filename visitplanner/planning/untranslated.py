"""Which texts a programme shows in the content language for want of a translation."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from visitplanner.planning.programme import Programme


@dataclass(frozen=True)
class MissingTranslation:
    """One stored record with text fields that have no translation into the language."""

    kind: str  # visit, item, delegate, organisation, person or venue
    id: int
    name: str
    fields: tuple[str, ...]


def missing_translations(programme: Programme) -> tuple[MissingTranslation, ...]:
    """Every record whose text the programme prints untranslated, each once, visit first."""
    found: dict[tuple[str, int], MissingTranslation] = {}

    def note(kind: str, view: Any, name: str, fields: frozenset[str] | set[str]) -> None:
        if view is not None and fields and (kind, view.id) not in found:
            order = FIELD_ORDER.get(kind, ())
            found[(kind, view.id)] = MissingTranslation(
                kind, view.id, name, tuple(sorted(fields, key=lambda f: order.index(f)
                                                  if f in order else len(order))))

    def organisation(org: Any) -> None:
        if org is not None:
            note("organisation", org, org.name, org.untranslated)

    visit = programme.visit
    delegation = {f"delegation_{field}" for field in visit.delegation.untranslated}
    note("visit", visit, visit.title, visit.untranslated | delegation)
    for org in (visit.host, *visit.partners):
        organisation(org)
    for item in programme.items:
        topics = {"topics"} if item.topics and item.topics_lang != programme.lang else set()
        note("item", item, item.title, item.untranslated | topics)
        if item.venue is not None:
            note("venue", item.venue, item.venue.name, item.venue.untranslated)
            organisation(item.venue.organisation)
        organisation(item.host)
        for person in item.speakers:
            note("person", person, person.full_name, person.untranslated)
            organisation(person.organisation)
    for delegate in programme.delegates:
        note("delegate", delegate, delegate.full_name, delegate.untranslated)
    for person in programme.key_figures:
        note("person", person, person.full_name, person.untranslated)
        organisation(person.organisation)
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
