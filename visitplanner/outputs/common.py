"""The outputs' words by language code: each helper asks that language's module (languages/)."""
from __future__ import annotations

import datetime as dt

from visitplanner.outputs.languages import language
from visitplanner.planning.nationality import adjective_for
from visitplanner.planning.programme import DelegationView
from visitplanner.planning.vocabulary import LANGUAGES


def check_language(lang: str) -> str:
    """Return `lang` when the outputs speak it, else raise ValueError."""
    if lang not in LANGUAGES:
        raise ValueError(f"Unsupported language {lang!r}: use one of {', '.join(LANGUAGES)}.")
    return lang


def label(key: str, lang: str, **values: object) -> str:
    """A label in `lang`, falling back to English, with {placeholders} filled in."""
    return language(lang).label(key, **values)


def field(key: str, lang: str) -> str:
    """A label that introduces a value: 'Host:', 'Gastheer:', 'Hôte :'."""
    return language(lang).field(key)


def day_heading(day: dt.date, lang: str) -> str:
    """'maandag 22 april 2024', 'lundi 22 avril 2024', 'Monday 22 April 2024'."""
    return language(lang).day(day)


def clock(moment: dt.datetime | dt.time, lang: str) -> str:
    """A wall-clock time as people write it in `lang` (24-hour: 09:30)."""
    return language(lang).clock(moment)


def time_span(starts: dt.datetime, ends: dt.datetime, lang: str) -> str:
    """'09:30–10:00'."""
    return language(lang).time_span(starts, ends)


def long_date(day: dt.date, lang: str) -> str:
    """'22 april 2024'."""
    return language(lang).long_date(day)


def country_name(code: str | None, lang: str) -> str | None:
    """'België', 'Belgique', 'Belgium' for 'BE'."""
    return language(lang).country_name(code)


def nationality_noun(adjective: str | None, description: str, lang: str, count: int) -> str:
    """'Oekraïense openbare aanklagers', 'procureurs ukrainiens', 'Ukrainian prosecutors'."""
    return language(lang).nationality_noun(adjective, description, count)


def delegation_people(delegation: DelegationView, lang: str, content_lang: str,
                      count: int = 2) -> str:
    """The delegation in words. A description with no translation into `lang` keeps the
    content language, and so its word order: 'juges moldaves', never 'moldaves juges'."""
    if not delegation.description:
        return delegation.adjective or ""
    if "description" not in delegation.untranslated:
        return nationality_noun(delegation.adjective, delegation.description, lang, count)
    adjective = delegation.adjective
    if "adjective" not in delegation.untranslated:  # derived or translated: say it in kind
        adjective = adjective_for(delegation.country, content_lang) or adjective
    return nationality_noun(adjective, delegation.description, content_lang, count)
