"""Printouts over HTTP for the web pages and the API: pick the language, build, send cached."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from flask import Response, current_app, request

from visitplanner.core.calendars import delegate_links
from visitplanner.core.queries import latest_release, load_visit, printout_stamp
from visitplanner.extensions import db
from visitplanner.models import Delegate
from visitplanner.outputs.common import check_language
from visitplanner.outputs.filenames import content_disposition, file_name
from visitplanner.outputs.pdf import (
    badges_html,
    cache_key,
    cached_pdf,
    known_key,
    programme_html,
    read_cached,
    remember_key,
)
from visitplanner.planning.build import build_programme, group_by_day, translated

# The largest id an INTEGER column holds; larger ones would make PostgreSQL fail, not miss.
MAX_ID = 2**31 - 1


@dataclass(frozen=True)
class Printout:
    """One PDF: its language, file name, the stamp of what it shows, and how to make its HTML.

    The HTML is made only when needed: a PDF already rendered for the same stamp is found
    without loading the visit.
    """

    lang: str
    filename: str
    stamp: str
    make_html: Callable[[], str]

    @cached_property
    def html(self) -> str:
        """The final print HTML."""
        return self.make_html()


def asked_language() -> str | None:
    """The ?lang= of the request; ValueError when the outputs do not speak it."""
    asked = request.args.get("lang")
    return None if asked is None else check_language(asked)


def visit_printout(visit_id: int, lang: str | None, badges: bool = False) -> Printout | None:
    """The programme (or the badges) of a visit, None when there is no such visit."""
    found = printout_stamp(visit_id) if visit_id <= MAX_ID else None
    if found is None:
        return None
    facts, stamp = found
    lang = lang or facts.content_language
    kind = "badges" if badges else "programme"

    def make_html() -> str:
        programme = build_programme(load_visit(visit_id), lang)
        if badges:
            return badges_html(programme)
        return programme_html(programme, release=latest_release(visit_id))

    title = translated(facts, "title", lang)
    return Printout(lang, file_name(title, kind, lang, extension="pdf"),
                    f"{kind}|{visit_id}|{stamp}", make_html)


def delegate_printout(delegate_id: int, lang: str | None) -> Printout | None:
    """One delegate's personal programme, by default in their own language."""
    delegate = db.session.get(Delegate, delegate_id) if delegate_id <= MAX_ID else None
    found = printout_stamp(delegate.visit_id) if delegate is not None else None
    if delegate is None or found is None:
        return None
    facts, stamp = found
    lang = lang or delegate.language or facts.content_language
    personal_url = delegate_links(delegate)["personal_url"]

    def make_html() -> str:
        programme = build_programme(load_visit(delegate.visit_id), lang, delegate_id=delegate_id)
        return programme_html(programme, personal_url=personal_url,
                              release=latest_release(delegate.visit_id))

    title = translated(facts, "title", lang)
    return Printout(lang, file_name(title, delegate.full_name, "programme", lang, extension="pdf"),
                    f"delegate|{delegate_id}|{personal_url}|{stamp}", make_html)


def person_printout(visit_id: int, person_id: int, lang: str | None) -> Printout | None:
    """The items a host-side person speaks at or interprets, None when either is unknown."""
    found = printout_stamp(visit_id) if visit_id <= MAX_ID else None
    if found is None or person_id > MAX_ID:
        return None
    facts, stamp = found
    lang = lang or facts.content_language

    def make_html() -> str:
        programme = build_programme(load_visit(visit_id), lang)
        own = [item for item in programme.items if person_id in item.person_ids]
        return programme_html(dataclasses.replace(programme, days=group_by_day(own)),
                              release=latest_release(visit_id))

    return Printout(lang, f"programme-{visit_id}-person-{person_id}-{lang}.pdf",
                    f"person|{visit_id}|{person_id}|{stamp}", make_html)


def cache_dir() -> Path:
    """Where rendered PDFs are kept: instance/cache/pdf, shared by every worker of one host."""
    return Path(current_app.instance_path) / "cache" / "pdf"


def send_printout(printout: Printout) -> Response:
    """Answer 304 when the client holds this very PDF, else the PDF with its ETag."""
    folder = cache_dir()
    etag = known_key(printout.stamp, printout.lang, folder)
    if etag is None:
        etag = cache_key(printout.html, printout.lang)
    if request.if_none_match.contains_weak(etag):
        response = Response(status=304)
    else:
        pdf = read_cached(etag, folder)
        if pdf is None:
            pdf, etag = cached_pdf(printout.html, printout.lang, folder)
        response = Response(pdf, mimetype="application/pdf")
        response.headers["Content-Disposition"] = content_disposition(printout.filename)
    remember_key(printout.stamp, printout.lang, etag, folder)
    response.set_etag(etag)
    # Browsers may keep the file but must ask again: any edit makes a new PDF.
    response.cache_control.private = True
    response.cache_control.no_cache = True
    return response
