"""Jinja filters that format dates and times through Flask-Babel, in the UI language."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from flask_babel import format_date, format_datetime, format_time, get_locale
from flask_babel import lazy_gettext as _l

from visitplanner.outputs.common import nationality_noun
from visitplanner.outputs.languages.base import Language
from visitplanner.planning.build import translated
from visitplanner.planning.programme import DelegationView

# Day first in every language ('Monday 22 April 2024'), as the printed programme writes it;
# Babel's plain "en" would give the American 'Monday, April 22, 2024'.
DAY_PATTERN = Language.day_pattern
SHORT_DATE_PATTERN = "d MMM y"


def day(value: dt.date) -> str:
    """'maandag 22 april 2024'."""
    return format_date(value, DAY_PATTERN)


def short_date(value: dt.date) -> str:
    """'22 apr 2024'."""
    return format_date(value, SHORT_DATE_PATTERN)


def clock(value: dt.datetime) -> str:
    """'09:30': 24-hour wall-clock time, as the printed programme writes it; never shifted."""
    return format_time(value, "HH:mm", rebase=False)


def moment(value: dt.datetime) -> str:
    """A date with a time, wall clock as stored."""
    return format_datetime(value, "medium", rebase=False)


def names() -> dict[str, dict[str, Any]]:
    """The words of the closed lists (kinds, statuses, roles) in the UI language."""
    from visitplanner.web.forms import VISIT_STATUS_NAMES
    from visitplanner.web.forms_directory import ORGANISATION_KIND_NAMES, USER_ROLE_NAMES
    from visitplanner.web.forms_programme import (
        DELEGATE_ROLE_NAMES,
        ITEM_KIND_NAMES,
        ITEM_STATUS_NAMES,
    )

    return {"visit_status": VISIT_STATUS_NAMES, "item_kind": ITEM_KIND_NAMES,
            "item_status": ITEM_STATUS_NAMES, "role": DELEGATE_ROLE_NAMES,
            "organisation_kind": ORGANISATION_KIND_NAMES, "user_role": USER_ROLE_NAMES,
            "conflict": CONFLICT_NAMES}


CONFLICT_NAMES = {"double_booking": _l("Double booking"), "venue_clash": _l("Venue clash"),
                  "outside_visit": _l("Outside the visit"),
                  "travel_time": _l("Too little travel time")}
def delegation_phrase(delegation: DelegationView) -> str:
    """The delegation as words in the UI language: 'procureurs ukrainiens', 'Ukrainian judges'."""
    if not delegation.description:
        return delegation.adjective or ""
    return nationality_noun(delegation.adjective, delegation.description, str(get_locale()), 2)


def local(row: Any, field: str) -> Any:
    """A stored free-text field in the UI language when translated, else as written."""
    return translated(row, field, str(get_locale())) if row is not None else None


FILTERS: dict[str, Callable[..., Any]] = {
    "day": day, "short_date": short_date, "clock": clock, "moment": moment,
    "delegation_phrase": delegation_phrase, "local": local,
}
