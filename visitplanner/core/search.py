"""Finding visits: by title, delegation (country named in any UI language, adjective,
description), host and dates, in any case and with or without accents."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Any

from babel import Locale

from visitplanner.planning.nationality import adjective_for
from visitplanner.planning.vocabulary import LANGUAGES

DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def plain(text: str) -> str:
    """Lower case without accents: 'Moldaves' and 'moldaves', 'Égypte' and 'egypte' match."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@cache
def country_names(code: str) -> str:
    """The country's name and nationality in every UI language: 'MD' → 'moldova moldovan
    moldavie moldave ...'."""
    return " ".join(plain(f"{Locale.parse(lang).territories.get(code, '')} "
                          f"{adjective_for(code, lang) or ''}") for lang in LANGUAGES)


def _texts(row: Any, *fields: str) -> Iterable[str]:
    for field in fields:
        yield getattr(row, field, None) or ""
        for translation in (row.translations or {}).values():
            yield translation.get(field) or ""


def haystack(visit: Any) -> str:
    """Everything a search may match for one visit, plain."""
    parts = [*_texts(visit, "title", "delegation_adjective", "delegation_description",
                     "visit_type")]
    if visit.delegation_country:
        parts.append(country_names(visit.delegation_country))
    if visit.host_organisation is not None:
        parts.extend(_texts(visit.host_organisation, "name", "short_name"))
    return plain(" ".join(parts))


def _days(words: str) -> tuple[dt.date, dt.date] | None:
    """The dates a query names: '2024-04-23', '23/04/2024', '23.4.2024' or a month '2024-04'."""
    text = words.strip()
    try:
        day = dt.date.fromisoformat(text)
        return day, day
    except ValueError:
        pass
    if found := DAY_FIRST.match(text):
        try:
            day = dt.date(int(found[3]), int(found[2]), int(found[1]))
        except ValueError:
            return None
        return day, day
    if (found := MONTH.match(text)) and 1 <= int(found[2]) <= 12:
        first = dt.date(int(found[1]), int(found[2]), 1)
        return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return None


def matches(visit: Any, words: str) -> bool:
    """Whether the visit takes place on the dates the words name, or has every word."""
    days = _days(words)
    if days is not None:
        return visit.start_date <= days[1] and visit.end_date >= days[0]
    text = haystack(visit)
    return all(word in text for word in plain(words).split())
