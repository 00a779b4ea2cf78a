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


def missing_translations(visit: Any, langs: tuple[str, ...]) -> dict[str, tuple[
        MissingTranslation, ...]]:
    """For each of `langs`, every record of a loaded visit (see core.queries.load_visit) whose
    text the programme in that language prints as stored, each once, visit first; none in the
    content language."""
    found: dict[str, list[MissingTranslation]] = {lang: [] for lang in langs}
    for kind, row, named_by, lang, fields in _missing_fields(visit, langs):
        found[lang].append(MissingTranslation(kind, row.id, translated(row, named_by, lang),
                                              fields))
    return {lang: tuple(records) for lang, records in found.items()}


def count_missing(visit: Any, langs: tuple[str, ...]) -> int:
    """How many fields missing_translations lists over all `langs`, without naming records."""
    return sum(len(fields) for *_, fields in _missing_fields(visit, langs))


def _missing_fields(visit: Any, langs: tuple[str, ...]) -> list[
        tuple[str, Any, str, str, tuple[str, ...]]]:
    """(kind, row, field naming it, language, fields without a translation) for each record
    and language that lacks one, in the order of missing_translations. One pass over the
    visit reads each record's texts once for all `langs`."""
    content_lang = visit.content_language
    wanted = tuple(lang for lang in langs if lang != content_lang)
    seen: set[tuple[str, int]] = set()
    found: list[tuple[str, Any, str, str, tuple[str, ...]]] = []

    def note(kind: str, row: Any, named_by: str, fields: tuple[str, ...]) -> None:
        if row is None or (kind, row.id) in seen:
            return
        seen.add((kind, row.id))
        written = [field for field in fields if getattr(row, field)]
        if not written:
            return
        if not row.translations:  # most rows: every language lacks each written field
            missing = tuple(written)
            found.extend((kind, row, named_by, lang, missing) for lang in wanted)
            return
        for lang in wanted:
            shown_as_stored = untranslated(row, lang, content_lang, *written)
            missing = tuple(field for field in written if field in shown_as_stored)
            if missing:
                found.append((kind, row, named_by, lang, missing))

    def organisation(org: Any) -> None:
        if org is not None:
            note("organisation", org, "name", ORGANISATION_FIELDS)

    def person(row: Any) -> None:
        note("person", row, "full_name", PERSON_FIELDS)
        organisation(row.organisation)

    note("visit", visit, "title", VISIT_FIELDS)
    for org in (visit.host_organisation, *visit.partners):
        organisation(org)
    for item in sorted(visit.items, key=lambda row: (row.starts_at, row.ends_at, row.id)):
        note("item", item, "title", ITEM_FIELDS)
        venue = item.venue
        if venue is not None:
            note("venue", venue, "name", VENUE_FIELDS)
            organisation(venue.organisation)
        organisation(item.host_organisation)
        for speaker in item.speakers:
            person(speaker)
    for delegate in visit.delegates:
        note("delegate", delegate, "full_name", DELEGATE_FIELDS)
    for key_figure in visit.key_figures:
        person(key_figure)
    return found


def _in_form_order(kind: str, fields: tuple[str, ...]) -> tuple[str, ...]:
    """The fields in the order of `kind`'s edit form, those it doesn't place last."""
    order = FIELD_ORDER[kind]
    return tuple(sorted(fields, key=lambda f: order.index(f) if f in order else len(order)))


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
# Each record's fields as the translations page lists them.
VISIT_FIELDS = _in_form_order("visit", VISIT_TEXT + DELEGATION_TEXT)
ITEM_FIELDS = _in_form_order("item", (*ITEM_TEXT, "topics"))
VENUE_FIELDS = _in_form_order("venue", VENUE_TEXT)
DELEGATE_FIELDS = _in_form_order("delegate", DELEGATE_TEXT)
ORGANISATION_FIELDS = _in_form_order("organisation", ORGANISATION_TEXT)
PERSON_FIELDS = _in_form_order("person", PERSON_TEXT)
