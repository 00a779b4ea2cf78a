"""The news draft: a Programme and a date in; a title, a Markdown body, captions and a to-do out.

The same visit on the same day always gives the same draft: the sentence patterns are chosen
from the data (one host or several, topics or none, a site visit, a city) and from each
paragraph's position, never at random.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from visitplanner.outputs.common import check_language
from visitplanner.outputs.news_facts import Facts, Paragraph, city_of, label, tense_of
from visitplanner.planning.programme import Programme

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "news"
# Markdown characters that user text must not turn into markup.
MARKUP = re.compile(r"([\\`*_\[\]<>#|])")
MARKUP_ESCAPED = re.compile(r"\\([\\`*_\[\]<>#|])")
BRACKETED = re.compile(r"\s*\([^)]*\)")
TENSES = ("future", "present", "past")
# The sentence patterns of a paragraph with topics, in the order the paragraphs take them;
# a city is never the subject ('In Gent ...'), so it skips the patterns that make it one.
FORMS = (0, 3, 2, 1)
CITY_FORMS = (0, 2)
OBJECT_FORMS = (1, 3)  # the patterns that name the visitors
BARE_FORMS = 3  # the patterns of a site visit without topics


@dataclass(frozen=True)
class DraftText:
    """A news draft as text: title, Markdown body, photo captions, and what needs translating."""

    title: str
    body: str
    captions: tuple[str, ...] = ()
    todo: tuple[str, ...] = ()


@pass_context
def _escape(ctx: Context, value: Any) -> Any:
    """Every value a template prints, not its own blocks: straight quotes as the language's
    own, Markdown characters backslashed."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return MARKUP.sub(r"\\\1", ctx["language"].curly(value))


@pass_context
def _t(ctx: Context, future: str, present: str, past: str) -> str:
    """The words of the visit's tense: before, during or after it."""
    return _tt(ctx["when"], future, present, past)


def _tt(tense: str, future: str, present: str, past: str) -> str:
    """The words of one sentence's tense."""
    return {"future": future, "present": present, "past": past}[tense]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@pass_context
def _call(ctx: Context, text: str, rule: str) -> str:
    return str(getattr(ctx["language"], rule)(text))


ENV = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                  trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                  finalize=_escape, autoescape=False)
ENV.filters.update(cap=_capitalised, rule=_call)
ENV.globals.update(t=_t, tt=_tt)


def _forms(paragraphs: list[Paragraph]) -> int:
    """Give each paragraph its sentence pattern, by its data and its place, so that no opening
    comes three times in a row and the same visit always reads the same; and each sentence that
    names the visitors the next of the language's names for them. Return the next name's index."""
    names = 1  # the host's sentence takes the first
    for n, paragraph in enumerate(paragraphs):
        forms = CITY_FORMS if paragraph.city else FORMS
        paragraph.form = forms[n % len(forms)] if paragraph.topics else n % BARE_FORMS
        if paragraph.topics and paragraph.form in OBJECT_FORMS:
            paragraph.obj, names = names, names + 1
    return names


def _quotes(facts: Facts, main: Paragraph | None, paragraphs: list[Paragraph],
            visit_over: bool) -> list[dict[str, str]]:
    """Put each quote under its speaker's organisation once that part of the visit has
    happened; the quotes of nobody's paragraph come at the end, after the visit only."""
    by_name = {p.name: p for p in ([main] if main else []) + paragraphs}
    host = facts.programme.visit.host
    if main and host:
        by_name[host.name] = main
    left = []
    for item in facts.chosen_quotes():
        org = item.person.organisation if item.person else None
        target = by_name.get(org.name) if org else None
        if target is not None:
            if target.tense == "past":
                target.quotes.append(facts.quote(item))
        elif visit_over:
            left.append(facts.quote(item))
    return left


def context(facts: Facts) -> dict[str, Any]:
    """Every fact the templates may state, in the draft's language; None when unknown."""
    programme, words = facts.programme, facts.lang
    visit, delegation = programme.visit, programme.visit.delegation
    when = tense_of(visit.start_date, visit.end_date, facts.today)
    guest = facts.guest()
    count = len(facts.delegates())
    adjective = facts.adjective()
    what = words.label
    description = facts.text(delegation, "description", what("news.todo.description"))
    stated = {name: facts.text(visit, name, what(f"news.todo.{name}"))
              for name in ("visit_type", "purpose", "focus")}  # listed first in the to-do
    main, paragraphs = facts.paragraphs()
    escort_obj = _forms(paragraphs)
    feminine = bool(guest and guest.feminine)
    people = (words.nationality_noun(adjective, description, count, feminine)
              if description else None)
    host = visit.host
    partners = [label(org) for org in visit.partners]
    return {
        "language": words, "when": when, "guest": guest, "count": count,
        "count_words": words.number(count), "feminine": feminine,
        "known_gender": guest is not None and guest.feminine is not None,
        "adjective": adjective, "description": description, "people": people,
        "origin": words.country_name(delegation.country),
        "country": words.country_name(visit.host_country),
        "dates": words.date_range(visit.start_date, visit.end_date, facts.today),
        **stated,
        # A headline names the host short: 'ADVP en partners', without '(BeSafe)'.
        "host": _short(city_of(host) or label(host)) if host else None,
        "title_host_text": _short(city_of(host) or words.definite(label(host), host.name))
        if host else None,
        "host_text": (city_of(host) or words.definite(label(host), host.name)) if host else None,
        "partners": partners, "main": main, "paragraphs": paragraphs,
        "partners_text": [words.definite(label(org), org.name) for org in visit.partners],
        "figures": [facts.figure(person) for person in programme.key_figures],
        "escorts": [facts.escort(d) for d in programme.delegates if d.role == "escort"],
        "escort_obj": escort_obj,
        "quotes": _quotes(facts, main, paragraphs, when == "past"),
        "join": lambda parts: words.join(list(parts)),
        "agree": words.agree,
        "day": lambda day: words.day_in_text(day, year=day.year != facts.today.year),
    }


def _short(name: str) -> str:
    """A name without its bracketed part: 'ADVP (BeSafe)' -> 'ADVP'."""
    return BRACKETED.sub("", name).strip() or name


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


def _line(text: Any) -> str:
    return MARKUP_ESCAPED.sub(r"\1", " ".join(str(text).split()))


def compose_news(programme: Programme, today: dt.date) -> DraftText:
    """Write the draft of a visit in the programme's language, each sentence in the tense its
    date calls for as of `today`."""
    facts = Facts(programme, today)
    template = ENV.get_template(f"{check_language(programme.lang)}.md.j2")
    values = context(facts)
    module: Any = template.make_module(values)
    captions = tuple(_line(module.caption(p)) for p in values["paragraphs"]
                     if p.site and p.tense == "past")  # photos only of what has happened
    words = facts.lang
    todo = tuple(f"{words.colon(what)} {words.quote(text)}"
                 for what, text in dict.fromkeys(facts.todo))
    return DraftText(title=_line(module.title()), body=_paragraphs(str(module)),
                     captions=captions, todo=todo)

