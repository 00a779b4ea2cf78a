"""Jinja filters that format dates and times through Flask-Babel, in the UI language."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from babel import dates
from flask_babel import format_datetime, get_locale
from flask_babel import lazy_gettext as _l

from visitplanner.lazy_imports import Lazy
from visitplanner.outputs.languages.base import Language

if TYPE_CHECKING:
    from visitplanner.outputs.common import delegation_people
    from visitplanner.planning.build import delegation_view, translated
    from visitplanner.planning.programme import DelegationView
else:  # imported when a page first shows a stored row's words: not by every process's start
    delegation_people = Lazy("visitplanner.outputs.common", "delegation_people")
    delegation_view = Lazy("visitplanner.planning.build", "delegation_view")
    translated = Lazy("visitplanner.planning.build", "translated")

# Day first in every language ('Monday 22 April 2024'), as the printed programme writes it;
# Babel's plain "en" would give the American 'Monday, April 22, 2024'.
DAY_PATTERN = Language.day_pattern
SHORT_DATE_PATTERN = "d MMM y"


def day(value: dt.date) -> str:
    """'maandag 22 april 2024'."""
    return _formatted(value, DAY_PATTERN, str(get_locale()))


def short_date(value: dt.date) -> str:
    """'22 apr 2024'."""
    return _formatted(value, SHORT_DATE_PATTERN, str(get_locale()))


@lru_cache(maxsize=4096)
def _formatted(value: dt.date, pattern: str, locale: str) -> str:
    # Babel takes ~50 µs a date and a summit page asks the same few dozen dates again and
    # again; the locale is in the key, so each language keeps its own words.
    return str(dates.format_date(value, pattern, locale=locale))


def clock(value: dt.datetime) -> str:
    """'09:30': 24-hour wall-clock time, as the printed programme writes it; never shifted.
    The same in every UI language, so no locale is looked up (a summit page has 600); from
    the fields, a quarter of strftime's time on a zone-aware moment."""
    return f"{value.hour:02}:{value.minute:02}"


def clock_span(starts: dt.datetime, ends: dt.datetime) -> str:
    """'09:00–11:00', and '20:00–08:00 +1' when the end falls on a later day."""
    later = (ends.date() - starts.date()).days
    return f"{clock(starts)}–{clock(ends)}" + (f" +{later}" if later > 0 else "")


def time_span(item: Any) -> str:
    """An item's times as clock_span writes them."""
    return clock_span(item.starts, item.ends)


def full_names(people: Any) -> str:
    """'Anna Peeters, Jan Claes': one filter rather than map and join (a summit has 450)."""
    return ", ".join(person.full_name for person in people)


def moment(value: dt.datetime) -> str:
    """A date with a time, wall clock as stored."""
    return format_datetime(value, "medium", rebase=False)


def colon() -> str:
    """A colon as the UI language writes it: French puts a narrow no-break space before it."""
    return "\u202f:" if str(get_locale()) == "fr" else ":"


def names() -> dict[str, dict[str, Any]]:
    """The words of the closed lists (kinds, statuses, roles) in the UI language, translated
    once here rather than each time a page prints one (a summit page prints 300 kinds)."""
    from visitplanner.web.forms import LANGUAGE_NAMES, VISIT_STATUS_NAMES
    from visitplanner.web.forms_directory import ORGANISATION_KIND_NAMES, USER_ROLE_NAMES
    from visitplanner.web.forms_practical import DIRECTION_NAMES, MODE_NAMES
    from visitplanner.web.forms_programme import (
        DELEGATE_ROLE_NAMES,
        ITEM_KIND_NAMES,
        ITEM_STATUS_NAMES,
    )

    lists = {"visit_status": VISIT_STATUS_NAMES, "item_kind": ITEM_KIND_NAMES,
             "item_status": ITEM_STATUS_NAMES, "role": DELEGATE_ROLE_NAMES,
             "organisation_kind": ORGANISATION_KIND_NAMES, "user_role": USER_ROLE_NAMES,
             "conflict": CONFLICT_NAMES, "language": LANGUAGE_NAMES,
             "direction": DIRECTION_NAMES, "mode": MODE_NAMES}
    return {name: {key: str(word) for key, word in words.items()}
            for name, words in lists.items()}


CONFLICT_NAMES = {"double_booking": _l("Double booking"), "venue_clash": _l("Venue clash"),
                  "outside_visit": _l("Outside the visit"),
                  "travel_time": _l("Too little travel time"),
                  "before_arrival": _l("Not there yet, or gone already"),
                  "no_stay": _l("Night without a hotel")}
def delegation_phrase(delegation: DelegationView, content_language: str) -> str:
    """The delegation as words in the UI language: 'procureurs ukrainiens', 'Ukrainian judges';
    untranslated words keep their own language's order."""
    return delegation_people(delegation, str(get_locale()), content_language)


def visit_delegation(visit: Any) -> str:
    """A stored visit's delegation as words in the UI language, for lists."""
    return delegation_people(delegation_view(visit, str(get_locale())), str(get_locale()),
                             visit.content_language)


def local(row: Any, field: str) -> Any:
    """A stored free-text field in the UI language when translated, else as written."""
    return translated(row, field, str(get_locale())) if row is not None else None


FILTERS: dict[str, Callable[..., Any]] = {
    "day": day, "short_date": short_date, "clock": clock, "time_span": time_span,
    "moment": moment, "delegation_phrase": delegation_phrase,
    "visit_delegation": visit_delegation, "local": local, "full_names": full_names,
}
