"""Each closed word list is declared once; constraints, schemas, forms and labels follow it."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import CheckConstraint

from visitplanner.planning import vocabulary as v

# (table, column) -> the word list its CHECK constraint must allow.
CHECKED = {
    ("users", "role"): v.USER_ROLES, ("organisations", "kind"): v.ORGANISATION_KINDS,
    ("visits", "status"): v.VISIT_STATUSES, ("visits", "content_language"): v.LANGUAGES,
    ("delegates", "role"): v.DELEGATE_ROLES, ("items", "kind"): v.ITEM_KINDS,
    ("items", "status"): v.ITEM_STATUSES, ("outbox_messages", "kind"): v.MESSAGE_KINDS,
    ("outbox_messages", "status"): v.MESSAGE_STATUSES, ("news_drafts", "lang"): v.LANGUAGES,
    ("journeys", "direction"): v.JOURNEY_DIRECTIONS, ("journeys", "mode"): v.JOURNEY_MODES,
    ("visits", "calendar_invites"): v.CALENDAR_INVITES,
}


def allowed_by_checks() -> dict[tuple[str, str], tuple[str, ...]]:
    """The values each `column IN (...)` CHECK constraint of the models allows."""
    from visitplanner import models  # noqa: F401  (registers the tables)
    from visitplanner.extensions import db

    found = {}
    for table in db.metadata.sorted_tables:
        for constraint in table.constraints:
            if isinstance(constraint, CheckConstraint):
                match = re.fullmatch(r"(\w+) IN \((.*)\)", str(constraint.sqltext))
                if match:
                    found[(table.name, match[1])] = tuple(re.findall(r"'([^']*)'", match[2]))
    return found


def test_check_constraints_allow_exactly_the_word_lists() -> None:
    found = allowed_by_checks()
    for key, words in CHECKED.items():
        assert found.get(key) == words, key


def test_api_schemas_offer_exactly_the_word_lists() -> None:
    from visitplanner.api import schemas

    def enum(model: type, field: str) -> tuple[str, ...]:
        return tuple(model.model_json_schema()["properties"][field]["enum"])

    assert enum(schemas.OrganisationFields, "kind") == v.ORGANISATION_KINDS
    assert enum(schemas.VisitFields, "status") == v.VISIT_STATUSES
    assert enum(schemas.DelegateFields, "role") == v.DELEGATE_ROLES
    assert enum(schemas.ItemFields, "kind") == v.ITEM_KINDS
    assert enum(schemas.ItemFields, "status") == v.ITEM_STATUSES
    assert enum(schemas.ConflictOut, "kind") == v.CONFLICT_KINDS


def test_every_word_has_a_label_in_the_ui() -> None:
    from visitplanner.web.forms import LANGUAGE_NAMES, VISIT_STATUS_NAMES
    from visitplanner.web.forms_directory import ORGANISATION_KIND_NAMES, USER_ROLE_NAMES
    from visitplanner.web.forms_programme import (
        DELEGATE_ROLE_NAMES,
        ITEM_KIND_NAMES,
        ITEM_STATUS_NAMES,
    )

    for names, words in ((LANGUAGE_NAMES, v.LANGUAGES), (VISIT_STATUS_NAMES, v.VISIT_STATUSES),
                         (ORGANISATION_KIND_NAMES, v.ORGANISATION_KINDS),
                         (USER_ROLE_NAMES, v.USER_ROLES), (DELEGATE_ROLE_NAMES, v.DELEGATE_ROLES),
                         (ITEM_KIND_NAMES, v.ITEM_KINDS), (ITEM_STATUS_NAMES, v.ITEM_STATUSES)):
        assert tuple(names) == words


def test_labels_that_drift_from_their_word_list_are_refused() -> None:
    with pytest.raises(ValueError, match="do not match"):
        v.labelled(v.ITEM_STATUSES, {"tentative": "T", "confirmed": "C"})
    with pytest.raises(ValueError, match="do not match"):
        v.labelled(v.USER_ROLES, {"admin": "A", "organiser": "O", "viewer": "V", "guest": "G"})
    assert list(v.labelled(v.USER_ROLES, {"viewer": 3, "admin": 1, "organiser": 2})) == [
        "admin", "organiser", "viewer"]
