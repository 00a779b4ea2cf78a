"""Printouts for the web pages, the API and the CLI: build the print HTML, render it cached."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from flask import current_app

from visitplanner.core.queries import load_visit
from visitplanner.extensions import db
from visitplanner.models import Delegate
from visitplanner.outputs.filenames import file_name
from visitplanner.outputs.pdf import badges_html, cache_key, cached_pdf, programme_html
from visitplanner.planning.build import build_programme, group_by_day


@dataclass(frozen=True)
class Printout:
    """The final print HTML of one PDF, its language and the file name it is sent under."""

    html: str
    lang: str
    filename: str


def visit_printout(visit_id: int, lang: str | None, badges: bool = False) -> Printout | None:
    """The programme (or the badges) of a visit, None when there is no such visit."""
    visit = load_visit(visit_id)
    if visit is None:
        return None
    programme = build_programme(visit, lang or visit.content_language)
    if badges:
        return Printout(badges_html(programme), programme.lang,
                        file_name(programme.visit.title, "badges", programme.lang,
                                  extension="pdf"))
    return Printout(programme_html(programme), programme.lang,
                    file_name(programme.visit.title, "programme", programme.lang,
                              extension="pdf"))


def delegate_printout(delegate_id: int, lang: str | None) -> Printout | None:
    """One delegate's personal programme, by default in their own language."""
    delegate = db.session.get(Delegate, delegate_id)
    visit = load_visit(delegate.visit_id) if delegate is not None else None
    if delegate is None or visit is None:
        return None
    lang = lang or delegate.language or visit.content_language
    programme = build_programme(visit, lang, delegate_id=delegate_id)
    return Printout(programme_html(programme), lang,
                    file_name(programme.visit.title, delegate.full_name, "programme", lang,
                              extension="pdf"))


def person_printout(visit_id: int, person_id: int, lang: str | None) -> Printout | None:
    """The items a host-side person speaks at or interprets, None when either is unknown."""
    visit = load_visit(visit_id)
    if visit is None:
        return None
    programme = build_programme(visit, lang or visit.content_language)
    own = [item for item in programme.items if person_id in item.person_ids]
    programme = dataclasses.replace(programme, days=group_by_day(own))
    return Printout(programme_html(programme), programme.lang,
                    f"programme-{visit.id}-person-{person_id}-{programme.lang}.pdf")


def cache_dir() -> Path:
    """Where rendered PDFs are kept: instance/cache/pdf, shared by every worker of one host."""
    return Path(current_app.instance_path) / "cache" / "pdf"


def printout_etag(printout: Printout) -> str:
    """The ETag of the PDF a printout renders to, known without rendering it."""
    return cache_key(printout.html, printout.lang)


def render_printout(printout: Printout) -> bytes:
    """The PDF of a printout, from the cache when it was rendered before."""
    return cached_pdf(printout.html, printout.lang, cache_dir())[0]
