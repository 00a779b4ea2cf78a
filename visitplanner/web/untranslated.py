"""The visit page's list of texts that outputs in another language would print untranslated."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import url_for
from flask_babel import lazy_gettext as _l

from visitplanner.planning.build import build_programme
from visitplanner.planning.untranslated import MissingTranslation, missing_translations
from visitplanner.planning.vocabulary import LANGUAGES

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


def _row(missing: MissingTranslation, lang: str) -> MissingRow:
    endpoint, key = EDIT_PAGES[missing.kind]
    values: dict[str, Any] = {key: missing.id}
    return MissingRow(missing.name, tuple(
        MissingField(FIELD_LABELS.get(field, field),
                     url_for(endpoint, **values) + f"#translations-{lang}-{field}")
        for field in missing.fields))


def untranslated_by_language(visit: Any) -> dict[str, tuple[MissingRow, ...]]:
    """For each output language other than the content language, what lacks a translation."""
    return {lang: tuple(_row(missing, lang)
                        for missing in missing_translations(build_programme(visit, lang)))
            for lang in LANGUAGES if lang != visit.content_language}
