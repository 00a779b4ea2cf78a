"""What a news draft may say, gathered from a Programme and the draft's date.

Each sentence gets its own tense from the dates of the items it is about: before the item's
day the future, on it the present, after it the past. Quotes and photo captions are kept only
for what has happened. Free text without a translation into the draft's language is left out
of the sentences and listed for the editor instead (`Todo`); names are used as written.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from visitplanner.outputs.languages import (
    Language,
    gender_of_honorific,
    honorific,
    honorific_key,
    language,
)
from visitplanner.planning.nationality import adjective_for
from visitplanner.planning.programme import (
    DelegateView,
    OrganisationView,
    PersonView,
    Programme,
    ProgrammeItem,
    QuoteView,
)
from visitplanner.planning.vocabulary import COUNTED_DELEGATE_ROLES

# The words that make a municipality's name out of its city's: 'Stad Gent' -> 'Gent'.
CITY_PREFIXES = re.compile(r"^(stad|gemeente|ville de|ville d'|commune de|city of|municipality of)"
                           r"\s*", re.IGNORECASE)
POSTCODE = re.compile(r"^\d{4,5}\s+")


@dataclass
class Paragraph:
    """What one host or site showed the delegation, said in the tense of its items' dates."""

    org: str  # the name as running text writes it, article included
    name: str  # the name as written, for captions and quotes
    city: str | None  # a municipality: 'In Gent' rather than 'Bij Stad Gent'
    tense: str  # past, present or future
    site: bool
    day: dt.date
    topics: list[str] = field(default_factory=list)
    quotes: list[dict[str, str]] = field(default_factory=list)
    form: int = 0  # which sentence pattern says it (chosen from the data and the position)
    obj: int = 0  # which of the language's names for the visitors it uses, when it names them


@dataclass
class Guest:
    """The visitor when the delegation is one person: named, with the gender words agree with."""

    name: str
    feminine: bool | None  # None: unknown, so the words stay neutral


def tense_of(first: dt.date, last: dt.date, today: dt.date) -> str:
    """'future' before the first day, 'past' after the last, else 'present'."""
    if today < first:
        return "future"
    return "past" if today > last else "present"


def label(org: OrganisationView) -> str:
    """An organisation as a list names it: its short name, else its name."""
    return org.short_name or org.name


def city_of(org: OrganisationView | None) -> str | None:
    """The city a municipality is named after ('Stad Gent' -> 'Gent'); None for other bodies."""
    if org is None or org.kind != "municipality":
        return None
    stripped = CITY_PREFIXES.sub("", org.name)
    if stripped != org.name:
        return stripped
    return POSTCODE.sub("", org.city) if org.city else org.name


def _held(programme: Programme) -> list[ProgrammeItem]:
    return [item for item in programme.items if item.status != "cancelled"]


def item_org(item: ProgrammeItem) -> OrganisationView | None:
    """The body an item is held by: its host, else its venue's organisation."""
    return item.host or (item.venue.organisation if item.venue else None)


class Facts:
    """Every fact of one draft, in its language, with the editor's to-do list."""

    def __init__(self, programme: Programme, today: dt.date) -> None:
        self.programme, self.today = programme, today
        self.lang: Language = language(programme.lang)
        self.todo: list[tuple[str, str]] = []  # (what, the text as written)

    # The editor's to-do: untranslated text is listed, never put in a sentence.

    def text(self, view: Any, name: str, what: str) -> str | None:
        """A free-text field of a view, or None (and a to-do) when it has no translation."""
        value: str | None = getattr(view, name)
        if value and name in view.untranslated:
            self.todo.append((what, value))
            return None
        return value

    def topics(self, item: ProgrammeItem) -> list[str]:
        """The item's topics when they are in the draft's language; else a to-do."""
        if item.topics and item.topics_lang not in (None, self.lang.code):
            self.todo.append((self.lang.label("news.todo.topics", title=item.title),
                              "; ".join(item.topics)))
            return []
        return [self.lang.topic(topic) for topic in item.topics]

    # The people

    def delegates(self) -> list[DelegateView]:
        """Heads and members: the delegation's size; interpreters, escorts and staff not."""
        return [d for d in self.programme.delegates if d.role in COUNTED_DELEGATE_ROLES]

    def guest(self) -> Guest | None:
        """The one visitor, when the delegation is one person."""
        counted = self.delegates()
        if len(counted) != 1:
            return None
        person = counted[0]
        gender = person.gender or gender_of_honorific(person.honorific)
        return Guest(name=person.full_name, feminine=None if gender is None else gender == "female")

    def _honorific(self, person: PersonView | DelegateView) -> str | None:
        if person.honorific_translated or not person.honorific:
            return person.honorific
        if "honorific" in person.untranslated and honorific_key(person.honorific) is None:
            self.todo.append((self.lang.label("news.todo.honorific", name=person.full_name),
                              person.honorific))
            return None
        return honorific(person.honorific, self.lang.code)

    def figure(self, person: PersonView) -> str:
        """'korpschef Michaël Jonniaux (PZ Montgomery)': the organisation only when the function
        does not name it already, the honorific only when the function does not repeat it."""
        function = self.text(person, "function",
                             self.lang.label("news.todo.function", name=person.full_name))
        title = self._honorific(person)
        org = person.organisation
        details = []
        if function:
            function = self.lang.function(function)
            said, written = function.lower(), (title or "").lower()
            if title and written.endswith(said):
                function = ""  # 'korpschef ... (korpschef)', 'le chef de corps' ... 'chef de corps'
            elif title and said.startswith(written):
                title = None  # 'burgemeester ... (burgemeester van Gent)' says it twice
        if function:
            details.append(function)
        if org and not self._names_its_organisation(function, org):
            details.append(label(org))
        name = f"{title} {person.full_name}" if title else person.full_name
        return f"{name} ({', '.join(details)})" if details else name

    @staticmethod
    def _names_its_organisation(function: str | None, org: OrganisationView | None) -> bool:
        """Whether the function already names the organisation ('Burgemeester van Gent')."""
        said = (function or "").lower()
        return org is None or any(name.lower() in said
                                  for name in (org.name, org.short_name, city_of(org)) if name)

    def escort(self, delegate: DelegateView) -> str:
        """'mevrouw Diane Reynders, <function>'."""
        title = self._honorific(delegate)
        function = self.text(delegate, "function",
                             self.lang.label("news.todo.function", name=delegate.full_name))
        organisation = self.text(delegate, "organisation",
                                 self.lang.label("news.todo.organisation", name=delegate.full_name))
        name = f"{title} {delegate.full_name}" if title else delegate.full_name
        return ", ".join(part for part in (name, function and self.lang.function(function),
                                           organisation) if part)

    # The programme

    def paragraphs(self) -> tuple[Paragraph | None, list[Paragraph]]:
        """The visit host's paragraph (its topics) and one per other host or site visit."""
        host = self.programme.visit.host
        found: dict[Any, list[ProgrammeItem]] = {}
        for item in _held(self.programme):
            org = item_org(item)
            is_host = host is not None and org is not None and org.id == host.id
            if not is_host and item.kind != "site_visit" and (org is None or not item.topics):
                continue
            key = org.id if org else f"item-{item.id}"
            found.setdefault(key, []).append(item)
        main, others = None, []
        for items in found.values():
            paragraph = self._paragraph(items)
            if host is not None and item_org(items[0]) is not None and \
                    item_org(items[0]).id == host.id:  # type: ignore[union-attr]
                main = paragraph if paragraph.topics else None
            else:
                others.append(paragraph)
        return main, others

    def _paragraph(self, items: list[ProgrammeItem]) -> Paragraph:
        org = item_org(items[0])
        with_topics = [item for item in items if item.topics] or items
        first, last = with_topics[0].starts.date(), with_topics[-1].starts.date()
        if org is not None:
            full = org.name
            text = self.lang.definite(full if items[0].kind == "site_visit" else label(org), full)
            name = full
        else:
            venue = items[0].venue
            name = venue.name if venue else items[0].title
            text = name
        topics: list[str] = []
        for item in items:
            topics += [t for t in self.topics(item) if t not in topics]
        return Paragraph(org=text, name=name, city=city_of(org),
                         tense=tense_of(first, last, self.today),
                         site=any(item.kind == "site_visit" for item in items),
                         day=first, topics=topics)

    def quote(self, item: QuoteView) -> dict[str, str]:
        """A quote in the language's quotation marks and its attribution."""
        person = item.person
        if person is not None:
            function = person.function if "function" not in person.untranslated else None
            function = self.lang.function(function) if function else None
            parts = [person.full_name, function]
            if not self._names_its_organisation(function, person.organisation):
                parts.append(person.organisation.name if person.organisation else None)
        else:
            parts = [item.speaker_name, item.speaker_function]
        foreign = item.language if item.language and item.language != self.lang.code else None
        note = (self.lang.label("news.quote_language", language=self.lang.language_name(foreign))
                if foreign else "")
        return {"text": self.lang.quote(item.text), "by": ", ".join(p for p in parts if p),
                "note": note}

    def chosen_quotes(self) -> list[QuoteView]:
        """Each speaker's quotes in the draft's language when they have one, else all of them."""
        quotes = self.programme.quotes

        def speaker(q: QuoteView) -> Any:
            return q.person.id if q.person else q.speaker_name

        own = {speaker(q) for q in quotes if q.language in (None, self.lang.code)}
        return [q for q in quotes if speaker(q) not in own or q.language in (None, self.lang.code)]

    def adjective(self) -> str | None:
        """The delegation's nationality adjective; derived from its country when untranslated."""
        delegation = self.programme.visit.delegation
        if delegation.adjective and "adjective" in delegation.untranslated:
            return adjective_for(delegation.country, self.lang.code)
        return delegation.adjective
