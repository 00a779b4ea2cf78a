"""The translations page: per output language, the texts its outputs would print untranslated."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import abort, render_template
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l

from visitplanner.core.snapshots import load_visit_snapshot
from visitplanner.planning.untranslated import (
    MissingTranslation,
    count_missing,
    missing_translations,
)
from visitplanner.planning.vocabulary import LANGUAGES
from visitplanner.web.editing import writer_required
from visitplanner.web.links import row_url

FIELD_LABELS = {
    "title": _l("Title"), "visit_type": _l("Kind of visit"), "purpose": _l("Purpose"),
    "focus": _l("Focus"), "delegation_adjective": _l("Nationality, as an adjective"),
    "delegation_description": _l("What the delegates are, in the plural"),
    "description": _l("Description"), "topics": _l("Topics"), "honorific": _l("Honorific"),
    "function": _l("Function"), "organisation": _l("Organisation"), "name": _l("Name"),
    "short_name": _l("Short name"), "address": _l("Address"), "city": _l("City"),
}
EDIT_PAGES = {
    "visit": ("web.edit_visit", "visit_id"), "item": ("web.edit_item", "item_id"),
    "delegate": ("web.edit_delegate", "delegate_id"),
    "organisation": ("web.edit_organisation", "row_id"),
    "person": ("web.edit_person", "row_id"), "venue": ("web.edit_venue", "row_id"),
}


@dataclass(frozen=True)
class MissingField:
    """One field to translate and the link that opens its input."""

    label: Any
    url: str


@dataclass(frozen=True)
class MissingRow:
    """One record with fields to translate."""

    name: str
    fields: tuple[MissingField, ...]


@writer_required
def show_translations(visit_id: int) -> ResponseReturnValue:
    """What each output language lacks, with a link to the input of each field."""
    visit = load_visit_snapshot(visit_id)
    if visit is None:
        abort(404)
    return render_template("web/translations.html", visit=visit,
                           untranslated=untranslated_by_language(visit))


def other_languages(visit: Any) -> tuple[str, ...]:
    """The output languages a visit's texts are translated into: all but its content's."""
    return tuple(lang for lang in LANGUAGES if lang != visit.content_language)


def count_untranslated(visit: Any) -> int:
    """How many fields the translations page lists, over all its languages."""
    return count_missing(visit, other_languages(visit))


def untranslated_by_language(visit: Any) -> dict[str, tuple[MissingRow, ...]]:
    """For each output language other than the content language of a loaded visit, what lacks
    a translation."""
    # Each label and edit page once, not once per field: a summit lists thousands of fields.
    labels = {field: str(label) for field, label in FIELD_LABELS.items()}
    pages = {kind: row_url(endpoint, key) for kind, (endpoint, key) in EDIT_PAGES.items()}

    def row(missing: MissingTranslation, lang: str) -> MissingRow:
        page = pages[missing.kind].format(id=missing.id)
        return MissingRow(missing.name, tuple(
            MissingField(labels.get(field, field), f"{page}#translations-{lang}-{field}")
            for field in missing.fields))

    return {lang: tuple(row(missing, lang) for missing in records)
            for lang, records in missing_translations(visit, other_languages(visit)).items()}
