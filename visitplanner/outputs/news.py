"""The follow-up news draft: a Programme and a date in, a title and a Markdown body out."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from visitplanner.outputs import grammar as g
from visitplanner.outputs.common import check_language
from visitplanner.outputs.languages import Language, honorific, language
from visitplanner.planning.nationality import adjective_for
from visitplanner.planning.programme import (
    DelegateView,
    OrganisationView,
    PersonView,
    Programme,
    ProgrammeItem,
    QuoteView,
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


def _mark(view: Any, tag: str) -> Any:
    """The view with each text its `untranslated` names flagged as left in the `tag` language."""
    if isinstance(view, tuple):
        return tuple(_mark(part, tag) for part in view)
    if not is_dataclass(view):
        return view
    changes = {f.name: _mark(getattr(view, f.name), tag) for f in fields(view)
               if isinstance(getattr(view, f.name), tuple) or is_dataclass(getattr(view, f.name))}
    for name in getattr(view, "untranslated", ()):
        value = getattr(view, name)
        # A known honorific ('mevrouw') is not left untranslated: the app has its own word.
        if not (name == "honorific" and g.knows_honorific(value)):
            changes[name] = g.flagged(value, tag)
    return replace(view, **changes)


def mark_untranslated(programme: Programme) -> Programme:
    """Flag the text `programme` shows in the content language for want of a translation."""
    return _mark(programme, programme.visit.content_language)


def _escape(value: Any) -> Any:
    """Backslash the Markdown characters of every value a template prints, not of its own blocks."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return MARKUP.sub(r"\\\1", value)


@pass_context
def _the(ctx: Context, name: str) -> str:
    """An organisation's name or short name with the article the draft's language puts before it."""
    if g.is_flagged(name):  # an untranslated name: no article guessed from another language
        return name
    return str(ctx["language"].definite(name, ctx["full_names"].get(name)))


@pass_context
def _t(ctx: Context, announce: str, present: str, past: str) -> str:
    """The words of the draft's tense: before, during or after the visit."""
    return (announce, present, past)[ctx["when"]]


@pass_context
def _of(ctx: Context, text: str) -> str:
    return str(ctx["language"].of(text))


@pass_context
def _to(ctx: Context, text: str) -> str:
    return str(ctx["language"].to(text))


@pass_context
def _a(ctx: Context, noun: str) -> str:
    return str(ctx["language"].indefinite(noun))


@pass_context
def _in_country(ctx: Context, name: str) -> str:
    return str(ctx["language"].in_country(name))


@pass_context
def _from_country(ctx: Context, name: str) -> str:
    return str(ctx["language"].from_country(name))


ENV = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                  trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                  finalize=_escape, autoescape=False)
ENV.filters.update(cap=g.capitalised, low=g.lowered, the=_the, of=_of, to=_to, a=_a,
                   in_country=_in_country, from_country=_from_country)
ENV.globals["t"] = _t


def label(org: OrganisationView | None) -> str | None:
    """An organisation as a title or a list names it: its short name, else its name."""
    return (org.short_name or org.name) if org else None


def _honorific(person: PersonView | DelegateView, lang: str) -> str | None:
    """The organiser's translation as given; otherwise the app's word for a known honorific."""
    return person.honorific if person.honorific_translated else honorific(person.honorific, lang)


def _function(text: str | None, lang: str) -> str:
    """A function as running text writes it: French lowers 'Chef de corps' after a name."""
    return g.lowered(text) if text and lang == "fr" else text or ""


def figure(person: PersonView, lang: str) -> str:
    """'korpschef Michaël Jonniaux (PZ Montgomery)': honorific, name, function, organisation."""
    honorific = _honorific(person, lang)
    name = f"{honorific} {person.full_name}" if honorific else person.full_name
    function = _function(person.function, lang)
    plain = g.unflagged(function).lower()
    # No function that only repeats the honorific ('le chef de corps' ... 'chef de corps').
    said = {g.unflagged(text or "").lower() for text in (person.honorific, honorific)}
    details = [function] if function and not any(plain in s for s in said) else []
    org = person.organisation
    if org and not any(g.unflagged(n).lower() in plain for n in (org.name, org.short_name) if n):
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
        org, function = person.organisation, _function(person.function, lang)
        parts = [person.full_name, function]
        if org and g.unflagged(org.name).lower() not in g.unflagged(function).lower():
            parts.append(org.name)
    else:
        parts = [item.speaker_name, item.speaker_function]
    foreign = item.language if item.language and item.language != lang else None
    words = language(lang)
    return {"text": words.quote(item.text), "by": ", ".join(p for p in parts if p),
            "language": words.label("news.quote_language", language=words.language_name(foreign))
            if foreign else None}


def _held(programme: Programme) -> list[ProgrammeItem]:
    return [item for item in programme.items if item.status != "cancelled"]


def topics(item: ProgrammeItem, lang: str) -> list[str]:
    """The item's topics, each flagged when it has no translation into the draft's language."""
    if item.topics_lang in (None, lang):
        return list(item.topics)
    return [g.flagged(topic, item.topics_lang) for topic in item.topics]


def host_paragraphs(programme: Programme) -> tuple[list[str], list[HostParagraph]]:
    """The host's topics and a paragraph per other host or site visit."""
    host, lang = programme.visit.host, programme.lang
    presented: list[str] = []
    others: dict[Any, HostParagraph] = {}
    for item in _held(programme):
        org = item.host or (item.venue.organisation if item.venue else None)
        if host is not None and org is not None and org.id == host.id:
            presented += [t for t in topics(item, lang) if t not in presented]
            continue
        if item.kind != "site_visit" and (org is None or not item.topics):
            continue
        key = org.id if org else f"venue-{item.venue.id}" if item.venue else f"item-{item.id}"
        name = org.name if org else item.venue.name if item.venue else item.title
        paragraph = others.setdefault(key, HostParagraph(name=name))
        paragraph.site = paragraph.site or item.kind == "site_visit"
        paragraph.topics += [t for t in topics(item, lang) if t not in paragraph.topics]
    return presented, list(others.values())


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
    words = language(programme.lang)
    return [{"title": item.title,
             "day": words.day_in_text(item.starts.date(), year=item.starts.year != today.year)}
            for item in _held(programme) if item.kind == "site_visit"]


def context(programme: Programme, today: dt.date) -> dict[str, Any]:
    """Every fact the templates may state, already in the draft's language; None when unknown."""
    visit, lang = programme.visit, programme.lang
    words = language(lang)
    delegation = visit.delegation
    count = g.counted(programme.delegates)
    presented, paragraphs = host_paragraphs(programme)
    # Untranslated words whose grammar the sentence would have to guess are set apart: the
    # sentence says 'a visit', 'people' and flags the organiser's word beside it.
    adjective = delegation.adjective
    if g.is_flagged(adjective):
        adjective = adjective_for(delegation.country, lang) or adjective
    description = None if g.is_flagged(delegation.description) else delegation.description
    visit_type = None if g.is_flagged(visit.visit_type) else visit.visit_type
    partners = [label(org) for org in visit.partners]
    orgs = [org for org in (visit.host, *visit.partners) if org is not None]
    return {
        "lang": lang, "language": words, "full_names": {label(org): org.name for org in orgs},
        "when": {"announce": 0, "present": 1, "past": 2}[
            g.tense(visit.start_date, visit.end_date, today)],
        "host": label(visit.host), "partners": partners,
        "title_hosts": [label(visit.host), *partners] if visit.host else partners,
        "many_hosts": len(partners) + 1 > TITLE_NAMES_UP_TO,
        "count": count, "count_words": words.number(count),
        "adjective": adjective, "description": description,
        "people": _people(words, adjective, description, count),
        "description_flag": delegation.description if description is None else None,
        "origin": words.country_name(delegation.country),
        "country": words.country_name(visit.host_country),
        "dates": words.date_range(visit.start_date, visit.end_date, today),
        "visit_type": visit_type, "purpose": visit.purpose, "focus": visit.focus,
        "visit_type_flag": visit.visit_type if visit_type is None else None,
        "presented": presented, "paragraphs": paragraphs,
        "sites": [p.name for p in paragraphs if p.site],
        "figures": [figure(person, lang) for person in programme.key_figures],
        "escorts": [escort(d, lang) for d in programme.delegates if d.role == "escort"],
        "quotes": place_quotes(programme, paragraphs),
        "captions": captions(programme, today),
        "join": lambda parts: words.join(list(parts)),
        "singular": words.singular,
        "agree": lambda adjective, **kw: adjective if g.is_flagged(adjective)
        else words.agree(adjective, **kw),
        "captions_heading": words.label("news.captions"),
    }


def _people(words: Language, adjective: str | None, description: str | None,
            count: int) -> str | None:
    """'Oekraïense openbare aanklagers'; a flagged adjective is kept as it is."""
    if not description:
        return None
    if adjective and g.is_flagged(adjective):
        noun = words.nationality_noun(None, description, count)
        return f"{noun} {adjective}" if words.code == "fr" else f"{adjective} {noun}"
    return words.nationality_noun(adjective, description, count)


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
    """Write the draft of a visit in the programme's language, in the tense `today` asks for.

    Text with no translation into that language is flagged ('[nl: werkbezoek]') instead of
    mixing languages unseen.
    """
    template = ENV.get_template(f"{check_language(programme.lang)}.md.j2")
    module = template.make_module(context(mark_untranslated(programme), today))
    title = " ".join(str(module.title()).split())  # type: ignore[attr-defined]
    return DraftText(title=g.shown_flags(MARKUP_ESCAPED.sub(r"\1", title)),
                     body=g.shown_flags(_paragraphs(str(module))))
