"""What every output language provides: labels, dates, lists, quotes, articles and agreement.

A language module subclasses `Language`, sets its words and patterns, and overrides the rules
its grammar needs (French elision, English 'a'/'an'). Everything here is the default that most
European languages share, so a new language starts from working output.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import ClassVar

from babel import Locale
from babel.dates import format_date, format_time

WORDS_UP_TO = 20  # the press writes counts up to twenty in words, larger ones in digits
BRACKETED = re.compile(r"\([^)]*\)")
STRAIGHT_QUOTES = re.compile(r'"([^"]+)"')


@lru_cache(maxsize=4096)
def _format(day: dt.date, pattern: str, locale: str) -> str:
    # Cached: a visit has a handful of days, and Babel parses the pattern on every call.
    return format_date(day, pattern, locale=locale)


@lru_cache(maxsize=4096)
def _clock(hour: int, minute: int, locale: str) -> str:
    return format_time(dt.time(hour, minute), "HH:mm", locale=locale)


class Language:
    """One output language; modules subclass it and create one instance, `LANGUAGE`."""

    code: ClassVar[str]
    labels: ClassVar[dict[str, str]]
    and_word: ClassVar[str]
    quote_marks: ClassVar[tuple[str, str]] = ("\u201c", "\u201d")
    # Day first in every language ('Monday 22 April 2024'), as the printed programme writes it.
    day_pattern: ClassVar[str] = "EEEE d MMMM y"
    date_pattern: ClassVar[str] = "d MMMM y"
    # Running text: 'from {0} to {1}' for a range, 'on {0}' for one day.
    range_words: ClassVar[tuple[str, str]]
    # 'uit {0}', 'from {0}'; 'in {0}' for the country a visit is in.
    from_country_words: ClassVar[str]
    in_country_words: ClassVar[str] = "in {0}"
    # Honorifics the app writes itself, by key (see languages.honorific_key), and the
    # spellings people type for them in this language.
    honorifics: ClassVar[dict[str, str]] = {}
    honorific_spellings: ClassVar[dict[str, str]] = {}

    # Words and typography

    def label(self, key: str, **values: object) -> str:
        """A label, falling back to English, with {placeholders} filled in."""
        from visitplanner.outputs.languages import english_labels

        text = self.labels.get(key) or english_labels().get(key, key)
        return self.typography(text.format(**values) if values else text)

    def field(self, key: str) -> str:
        """A label that introduces a value: 'Host:', 'Gastheer:', 'Hôte :'."""
        return self.colon(self.label(key))

    def colon(self, text: str) -> str:
        """Text followed by a colon, as the language sets it."""
        return f"{text}:"

    def typography(self, text: str) -> str:
        """The language's spacing rules applied to finished text (French spaces its colons)."""
        return text

    def quote(self, text: str) -> str:
        """Text between the language's quotation marks."""
        opening, closing = self.quote_marks
        return f"{opening}{text.strip()}{closing}"

    def curly(self, text: str) -> str:
        """Straight double quotes in user text as the language's own: '"Truck"' -> '“Truck”'."""
        return STRAIGHT_QUOTES.sub(lambda m: self.quote(m.group(1)), text)

    def join(self, parts: Sequence[str]) -> str:
        """'A, B and C'; semicolons when a part has a comma of its own."""
        parts = [part for part in parts if part]
        if len(parts) <= 1:
            return "".join(parts)
        separator = "; " if any("," in BRACKETED.sub("", part) for part in parts) else ", "
        return f"{separator.join(parts[:-1])} {self.and_word} {parts[-1]}"

    def number(self, n: int) -> str:
        """A count as the press writes it: words up to twenty, digits above."""
        from num2words import num2words  # its forty languages' modules: slow to import

        return str(num2words(n, lang=self.code)) if 0 <= n <= WORDS_UP_TO else str(n)

    # Dates and times

    def day(self, day: dt.date) -> str:
        """A day with its weekday: 'Monday 22 April 2024'."""
        return _format(day, self.day_pattern, self.code)

    def long_date(self, day: dt.date) -> str:
        """'22 April 2024'."""
        return _format(day, self.date_pattern, self.code)

    def clock(self, moment: dt.datetime | dt.time) -> str:
        """A wall-clock time, 24-hour: 09:30."""
        return _clock(moment.hour, moment.minute, self.code)

    def time_span(self, starts: dt.datetime, ends: dt.datetime) -> str:
        """'09:30–10:00'."""
        return f"{self.clock(starts)}–{self.clock(ends)}"

    def day_of_month(self, day: dt.date) -> str:
        """The day's number as running text writes it ('1er' in French)."""
        return str(day.day)

    def day_in_text(self, day: dt.date, month: bool = True, year: bool = False) -> str:
        """'24 April', '24 April 2023', or just '24'."""
        if not month:
            return self.day_of_month(day)
        pattern = "MMMM y" if year else "MMMM"
        return f"{self.day_of_month(day)} {_format(day, pattern, self.code)}"

    def date_range(self, start: dt.date, end: dt.date, today: dt.date) -> str:
        """'from 22 to 26 April', 'on 22 April'; the year when not this year or two years."""
        year = start.year != end.year or start.year != today.year
        span, one = self.range_words
        if start == end:
            return one.format(self.day_in_text(start, year=year))
        same_month = (start.year, start.month) == (end.year, end.month)
        first = self.day_in_text(start, not same_month, year and start.year != end.year)
        return span.format(first, self.day_in_text(end, year=year))

    # Countries and languages

    def country_name(self, code: str | None) -> str | None:
        """'Belgium' for 'BE'; an unknown code stays as written rather than vanishing."""
        if not code:
            return None
        return str(Locale.parse(self.code).territories.get(code.upper(), code.upper()))

    def language_name(self, code: str) -> str:
        """'Dutch' for 'nl'."""
        return str(Locale.parse(self.code).languages.get(code, code))

    def in_country(self, name: str) -> str:
        """'in Belgium'."""
        return self.in_country_words.format(name)

    def from_country(self, name: str) -> str:
        """'from Ukraine'."""
        return self.from_country_words.format(name)

    # Articles, nouns and agreement

    def definite(self, label: str, name: str | None = None) -> str:
        """An organisation's `label` with the article its full `name` calls for; bare here."""
        return label

    def indefinite(self, noun: str) -> str:
        """The noun phrase with the indefinite article."""
        raise NotImplementedError

    def singular(self, description: str) -> str:
        """The singular of a plural noun phrase; default: its last word without its 's'."""
        words = description.split()
        last = words[-1][:-1] if words[-1].endswith("s") else words[-1]
        return " ".join([*words[:-1], last])

    def agree(self, adjective: str, feminine: bool = False, plural: bool = False) -> str:
        """An adjective agreed with its noun; languages without agreement keep it."""
        return adjective

    def nationality_noun(self, adjective: str | None, description: str, count: int,
                         feminine: bool = False) -> str:
        """'Ukrainian prosecutors', 'Ukrainian prosecutor' for one."""
        noun = description if count != 1 else self.singular(description)
        return f"{adjective} {noun}" if adjective else noun

    def topic(self, text: str) -> str:
        """A topic as a list in running text names it; as written by default."""
        return text

    def function(self, text: str) -> str:
        """A function as running text writes it after a name: 'chef de corps', 'burgemeester'."""
        first = text.split(" ", 1)[0]
        return text if first.isupper() or first[1:2].isupper() else text[:1].lower() + text[1:]

    def honorific(self, key: str) -> str:
        """The language's word for a known honorific key ('mrs' -> 'Ms')."""
        return self.honorifics.get(key, key)

    def greeting(self, full_name: str, surname: str, title: str | None,
                 excellency: bool) -> str:
        """A letter's opening: 'Dear Commissioner Mwangi,', 'Your Excellency,', 'Dear Jo Li,'."""
        if excellency:
            return "Your Excellency,"
        return f"Dear {title} {surname}," if title else f"Dear {full_name},"
