"""The follow-up news draft: a Programme and a date in, a title and a Markdown body out."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from visitplanner.outputs import grammar as g
from visitplanner.outputs import names
from visitplanner.outputs.common import check_language
from visitplanner.planning.programme import (
    DelegateView, OrganisationView, PersonView, Programme, ProgrammeItem, QuoteView,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "news"
# Markdown characters that user text must not turn into markup.
MARKUP = re.compile(r"([\\`*_\[\]<>#|])")
MARKUP_ESCAPED = re.compile(r"\\([\\`*_\[\]<>#|])")
TITLE_NAMES_UP_TO = 3  # more organisations than this: "host and partners"


@dataclass(frozen=True)
class DraftText:
    """A news draft as text: a title and a Markdown body."""

    title: str
    body: str


@dataclass
class HostParagraph:
    """What one partner organisation or site visit handled, and what its people said."""

    name: str
    topics: list[str] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    site: bool = False
    # The language some of `topics` are still written in, when they have no translation.
    topics_language: str | None = None


def _escape(value: Any) -> Any:
    """Backslash the Markdown characters of every value a template prints, not of its own blocks."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return MARKUP.sub(r"\\\1", value)


@pass_context
def _the(ctx: Context, name: str) -> str:
    """An organisation's name or short name with the article the draft's language puts before it."""
    return names.definite(name, ctx["lang"], ctx["full_names"].get(name))


ENV = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                  trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                  finalize=_escape, autoescape=False)
ENV.filters.update(cap=g.capitalised, low=g.lowered, elide=g.elide, fr_country=g.fr_country,
                   a=lambda word: f"{g.en_article(word)} {word}", the=_the,
                   fr_de=names.fr_de, fr_a=names.fr_a)


def label(org: OrganisationView | None) -> str | None:
    """An organisation as a title or a list names it: its short name, else its name."""
    return (org.short_name or org.name) if org else None


def _honorific(person: PersonView | DelegateView, lang: str) -> str | None:
    """The organiser's translation as given; otherwise the app's word for a known honorific."""
    return person.honorific if person.honorific_translated else g.honorific(person.honorific, lang)


def _function(text: str | None, lang: str) -> str:
    """A function as running text writes it: French lowers 'Chef de corps' after a name."""
    return g.lowered(text) if text and lang == "fr" else text or ""


def figure(person: PersonView, lang: str) -> str:
    """'korpschef Michaël Jonniaux (PZ Montgomery)': honorific, name, function, organisation."""
    honorific = _honorific(person, lang)
    name = f"{honorific} {person.full_name}" if honorific else person.full_name
    function = _function(person.function, lang)
    # No function that only repeats the honorific ('le chef de corps' ... 'chef de corps').
    said = {(person.honorific or "").lower(), (honorific or "").lower()}
    details = [function] if function and not any(function.lower() in s for s in said) else []
    org = person.organisation
    if org and not any(n.lower() in function.lower() for n in (org.name, org.short_name) if n):
        details.append(label(org) or "")
    return f"{name} ({', '.join(details)})" if details else name


def escort(delegate: DelegateView, lang: str) -> str:
    """'mevrouw Diane Reynders, <function>': an escort as the draft names them."""
    honorific = _honorific(delegate, lang)
    name = f"{honorific} {delegate.full_name}" if honorific else delegate.full_name
    details = [d for d in (_function(delegate.function, lang), delegate.organisation) if d]
    return ", ".join([name, *details])


def quote(item: QuoteView, lang: str) -> dict[str, Any]:
    """A quote in the language's quotation marks, its attribution, and its language when foreign."""
    person = item.person
    if person is not None:
        org = person.organisation
        parts = [person.full_name, _function(person.function, lang)]
        if org and org.name.lower() not in (person.function or "").lower():
            parts.append(org.name)
    else:
        parts = [item.speaker_name, item.speaker_function]
    foreign = item.language if item.language and item.language != lang else None
    return {"text": g.quoted(item.text, lang), "by": ", ".join(p for p in parts if p),
            "language": g.language_name(foreign, lang) if foreign else None}


def _held(programme: Programme) -> list[ProgrammeItem]:
    return [item for item in programme.items if item.status != "cancelled"]


def _untranslated(item: ProgrammeItem, lang: str) -> bool:
    """Whether the item's topics are still in another language than the draft's."""
    return bool(item.topics) and item.topics_lang not in (None, lang)


def host_paragraphs(programme: Programme) -> tuple[list[str], list[str], list[HostParagraph]]:
    """The host's topics, its item titles when some topics are untranslated, a paragraph per other host."""
    host, lang = programme.visit.host, programme.lang
    presented: list[str] = []
    titles: list[str] = []
    untranslated = False
    others: dict[Any, HostParagraph] = {}
    for item in _held(programme):
        org = item.host or (item.venue.organisation if item.venue else None)
        if host is not None and org is not None and org.id == host.id:
            presented += [t for t in item.topics if t not in presented]
            titles += [item.title] if item.topics and item.title not in titles else []
            untranslated = untranslated or _untranslated(item, lang)
            continue
        if item.kind != "site_visit" and (org is None or not item.topics):
            continue
        key = org.id if org else f"venue-{item.venue.id}" if item.venue else f"item-{item.id}"
        name = org.name if org else item.venue.name if item.venue else item.title
        paragraph = others.setdefault(key, HostParagraph(name=name))
        paragraph.site = paragraph.site or item.kind == "site_visit"
        paragraph.topics += [t for t in item.topics if t not in paragraph.topics]
        if _untranslated(item, lang):
            paragraph.topics_language = g.language_name(item.topics_lang or "", lang)
    return presented, titles if untranslated else [], list(others.values())


def _speaker(item: QuoteView) -> Any:
    return item.person.id if item.person else item.speaker_name


def chosen_quotes(programme: Programme) -> list[QuoteView]:
    """Each speaker's quotes in the draft's language when they have one, else all of them."""
    own = {_speaker(q) for q in programme.quotes if q.language in (None, programme.lang)}
    return [q for q in programme.quotes
            if _speaker(q) not in own or q.language in (None, programme.lang)]


def place_quotes(programme: Programme, paragraphs: list[HostParagraph]) -> list[dict[str, Any]]:
    """Put each quote under its speaker's organisation; return the ones that found no place."""
    by_name = {p.name: p for p in paragraphs}
    unplaced = []
    for item in chosen_quotes(programme):
        org = item.person.organisation if item.person else None
        target = by_name.get(org.name) if org else None
        (target.quotes if target else unplaced).append(quote(item, programme.lang))
    return unplaced


def captions(programme: Programme, today: dt.date) -> list[dict[str, str]]:
    """One photo caption suggestion per site visit: its title and day."""
    return [{"title": item.title, "day": g.day(item.starts.date(), programme.lang, today)}
            for item in _held(programme) if item.kind == "site_visit"]


def context(programme: Programme, today: dt.date) -> dict[str, Any]:
    """Every fact the templates may state, already in the draft's language; None when unknown."""
    visit, lang = programme.visit, programme.lang
    delegation = visit.delegation
    count = g.counted(programme.delegates)
    # Topics without a translation into the draft's language: the draft lists the host's
    # (translated) item titles instead and flags the other hosts' topics for translation.
    presented, titles, paragraphs = host_paragraphs(programme)
    partners = [label(org) for org in visit.partners]
    orgs = [org for org in (visit.host, *visit.partners) if org is not None]
    return {
        "lang": lang, "full_names": {label(org): org.name for org in orgs},
        "when": {"announce": 0, "present": 1, "past": 2}[g.tense(visit.start_date, visit.end_date, today)],
        "host": label(visit.host), "partners": partners,
        "title_hosts": [label(visit.host), *partners] if visit.host else partners,
        "many_hosts": len(partners) + 1 > TITLE_NAMES_UP_TO,
        "count": count, "count_words": g.number(count, lang),
        "adjective": delegation.adjective, "description": delegation.description,
        "people": (g.nationality_noun(delegation.adjective, delegation.description, lang, count)
                   if delegation.description else None),
        "origin": g.country_name(delegation.country, lang),
        "country": g.country_name(visit.host_country, lang),
        "dates": g.date_range(visit.start_date, visit.end_date, lang, today),
        "visit_type": visit.visit_type, "purpose": visit.purpose, "focus": visit.focus,
        "presented": presented, "paragraphs": paragraphs, "presented_titles": titles,
        "sites": [p.name for p in paragraphs if p.site],
        "figures": [figure(person, lang) for person in programme.key_figures],
        "escorts": [escort(d, lang) for d in programme.delegates if d.role == "escort"],
        "quotes": place_quotes(programme, paragraphs),
        "captions": captions(programme, today),
        "join": lambda parts: g.join(list(parts), lang),
        "singular": lambda text: g.singular(text, lang),
        "fr_agree": g.fr_agree, "fr_indefinite": g.fr_indefinite,
    }


def _paragraphs(text: str) -> str:
    """Join each block's template lines into one paragraph; lists and quotes keep their lines."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    joined = []
    for block in blocks:
        lines = [line.strip() for line in block.splitlines()]
        if lines[0].startswith(("- ", "> ", "#")):
            joined.append("\n".join(lines))
        else:
            joined.append(" ".join(lines))
    return "\n\n".join(joined) + "\n"


def compose_news(programme: Programme, today: dt.date) -> DraftText:
    """Write the draft of a visit in the programme's language, in the tense `today` asks for."""
    template = ENV.get_template(f"{check_language(programme.lang)}.md.j2")
    module = template.make_module(context(programme, today))
    title = " ".join(str(module.title()).split())  # type: ignore[attr-defined]
    return DraftText(title=MARKUP_ESCAPED.sub(r"\1", title), body=_paragraphs(str(module)))
