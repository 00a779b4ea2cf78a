"""What a printed programme shows and what it leaves out: nothing the reader already knows."""
from __future__ import annotations

import datetime as dt
import re

from babel import Locale
from babel.dates import format_date

from visitplanner.outputs.common import delegation_people, label
from visitplanner.outputs.languages import language
from visitplanner.planning.programme import (
    DelegateView,
    OrganisationView,
    Programme,
    ProgrammeItem,
    VisitView,
)
from visitplanner.planning.vocabulary import COUNTED_DELEGATE_ROLES, LANGUAGES

# Up to this many days and items a programme is printed compactly: no cover page of its own,
# contacts and participants run on after the programme instead of starting new pages.
COMPACT_DAYS, COMPACT_ITEMS = 2, 10
# Kinds whose titles name them ("Lunch", "Transfer to ...", "Coffee"), or that every reader
# assumes (a session): their kind is never printed under the title.
SILENT_KINDS = frozenset({"session", "meal", "transfer", "break"})
# How functions name a delegate's role, so that it is not printed twice on one line.
ROLE_WORDS = {
    "head": ("hoofd van de delegatie", "delegatiehoofd", "chef de la délégation",
             "chef de délégation", "head of delegation", "head of the delegation",
             "leiter der delegation", "delegationsleiter", "керівник делегації"),
    "interpreter": ("tolk", "interprète", "interpreter", "dolmetscher", "перекладач"),
}
PARENTHESES = re.compile(r"\s*\([^)]*\)")
MONTH_ABBREVIATED = re.compile(r"(?<![ML])([ML]{3})(?![ML])")


def capitalised(text: str) -> str:
    """The text with its first letter in upper case, the rest untouched."""
    return text[:1].upper() + text[1:]


def counted(delegates: tuple[DelegateView, ...]) -> int:
    """The delegation's size: heads and members, not interpreters, escorts or staff."""
    return sum(1 for delegate in delegates if delegate.role in COUNTED_DELEGATE_ROLES)


def _babel_locale(lang: str) -> Locale:
    # English dates in British order ("22 April 2024"), as the rest of the outputs write them.
    return Locale.parse("en_GB" if lang == "en" else lang)


def compact_dates(start: dt.date, end: dt.date, lang: str) -> str:
    """'22–26 april 2024', 'du 22 au 26 avril 2024', '22–26 April 2024', '15 juni 2026'."""
    locale = _babel_locale(lang)
    if start == end:
        return format_date(start, "long", locale=locale)
    greatest = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    # Babel's interval patterns with the month written out, as a cover spells it.
    first, second = (MONTH_ABBREVIATED.sub(r"\g<1>M", part)
                     for part in locale.interval_formats["yMMMd"][greatest])
    if lang == "fr":
        begin = format_date(start, first.rstrip("\u2009\u00a0 –-"), locale=locale)
        ending = format_date(end, second, locale=locale)
        return f"du {_premier(begin, start)} au {_premier(ending, end)}"
    text = format_date(start, first, locale=locale) + format_date(end, second, locale=locale)
    return text.replace("\u2009–\u2009", "–") if greatest == "d" else text


def _premier(text: str, day: dt.date) -> str:
    # French writes the first of the month as an ordinal: "du 1er au 3 mai".
    return "1er" + text[1:] if day.day == 1 else text


def delegation_words(programme: Programme) -> str:
    """'Zes Oekraïense openbare aanklagers (acht personen in totaal)', the size in words.

    In a delegate's own language (German, Ukrainian) the description, which has no translation
    into it, is left out rather than mixed into that language's grammar.
    """
    lang, delegation = programme.lang, programme.visit.delegation
    size, everyone = counted(programme.delegates), len(programme.delegates)
    if delegation.description and lang in LANGUAGES:
        # An untranslated description keeps its own language's word order ('juges moldaves').
        words = delegation_people(delegation, lang, programme.visit.content_language, size)
        text = capitalised(f"{language(lang).number(size)} {words}") if size else capitalised(words)
        text = text.replace("Één", "Eén", 1)  # Dutch capitalises the accented one so
    else:
        text = label("pdf.people_count", lang, n=language(lang).number(size)) if size else ""
    if everyone > size:
        total = label("pdf.in_total", lang, n=language(lang).number(everyone))
        text = f"{text} ({total})" if text else total
    return text


def kicker(programme: Programme) -> str:
    """'Programma · werkbezoek': the kind of visit only when it is written in the language."""
    visit, lang = programme.visit, programme.lang
    text = label("programme", lang)
    if visit.visit_type and "visit_type" not in visit.untranslated and lang in LANGUAGES:
        text = f"{text} · {visit.visit_type}"
    return text


def shown_host(item: ProgrammeItem, visit: VisitView) -> OrganisationView | None:
    """The item's host, unless it is the visit's own host, which the cover names once, or the
    title names it already ('Lunch at PZ Montgomery')."""
    if item.host is None or (visit.host is not None and item.host.id == visit.host.id):
        return None
    names = [name for name in (item.host.name, item.host.short_name) if name]
    return None if any(name.casefold() in item.title.casefold() for name in names) else item.host


def _words(text: str) -> set[str]:
    return {word for word in re.findall(r"\w{4,}", text.casefold())}


def kind_label(item: ProgrammeItem, lang: str) -> str | None:
    """The kind under the title, only where it tells the reader something the title does not."""
    if item.kind in SILENT_KINDS:
        return None
    text = label(f"kind.{item.kind}", lang)
    return None if _words(text) & _words(item.title) else text


def _core(text: str) -> str:
    return " ".join(PARENTHESES.sub("", text).casefold().split())


def shown_topics(item: ProgrammeItem) -> tuple[str, ...]:
    """The topics, less those that only repeat the title."""
    title = _core(item.title)
    return tuple(topic for topic in item.topics
                 if _core(topic) and _core(topic) not in title and title not in _core(topic))


def speakers_field(item: ProgrammeItem, lang: str) -> str:
    """'Spreker:' for one speaker, 'Sprekers:' for more."""
    return language(lang).field("pdf.speaker" if len(item.speakers) == 1 else "pdf.speakers")


def names_organisation(function: str | None, organisation: OrganisationView) -> bool:
    """Whether the function already names the organisation ('Voorzitter Federale Politieraad')."""
    names = [name for name in (organisation.name, organisation.short_name) if name]
    if not function:
        return False
    return any(name.casefold() in function.casefold() for name in names)


def affiliation(function: str | None, organisation: OrganisationView | None,
                short: bool = False) -> str:
    """'Korpschef, PZ Montgomery'; the organisation left out when the function names it."""
    org_name = None
    if organisation is not None and not names_organisation(function, organisation):
        org_name = (organisation.short_name if short else None) or organisation.name
    return ", ".join(part for part in (function, org_name) if part)


def delegate_function(delegate: DelegateView) -> str | None:
    """The delegate's function less the words that repeat their role ('Head of delegation')."""
    if not delegate.function:
        return None
    role_words = ROLE_WORDS.get(delegate.role, ())
    parts = [part.strip() for part in delegate.function.split(",")]
    kept = [part for part in parts if part.casefold() not in role_words]
    return capitalised(", ".join(kept)) if kept else None


def is_compact(programme: Programme) -> bool:
    """Whether the programme is short enough to print without a cover page of its own."""
    return len(programme.days) <= COMPACT_DAYS and len(programme.items) <= COMPACT_ITEMS
