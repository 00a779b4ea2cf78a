"""Printouts over HTTP for the web pages and the API: pick the language, build, send cached."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from flask import Response, current_app, request

from visitplanner.core.queries import load_visit
from visitplanner.extensions import db
from visitplanner.models import Delegate
from visitplanner.outputs.common import check_language
from visitplanner.outputs.pdf import badges_html, cache_key, cached_pdf, programme_html
from visitplanner.planning.build import build_programme, group_by_day

# The largest id an INTEGER column holds; larger ones would make PostgreSQL fail, not miss.
MAX_ID = 2**31 - 1


@dataclass(frozen=True)
class Printout:
    """The final print HTML of one PDF, its language and the file name it is sent under."""

    html: str
    lang: str
    filename: str


def asked_language() -> str | None:
    """The ?lang= of the request; ValueError when the outputs do not speak it."""
    asked = request.args.get("lang")
    return None if asked is None else check_language(asked)


def visit_printout(visit_id: int, lang: str | None, badges: bool = False) -> Printout | None:
    """The programme (or the badges) of a visit, None when there is no such visit."""
    visit = load_visit(visit_id) if visit_id <= MAX_ID else None
    if visit is None:
        return None
    programme = build_programme(visit, lang or visit.content_language)
    if badges:
        return Printout(badges_html(programme), programme.lang,
                        f"badges-{visit_id}-{programme.lang}.pdf")
    return Printout(programme_html(programme), programme.lang,
                    f"programme-{visit_id}-{programme.lang}.pdf")


def delegate_printout(delegate_id: int, lang: str | None) -> Printout | None:
    """One delegate's personal programme, by default in their own language."""
    delegate = db.session.get(Delegate, delegate_id) if delegate_id <= MAX_ID else None
    visit = load_visit(delegate.visit_id) if delegate is not None else None
    if delegate is None or visit is None:
        return None
    lang = lang or delegate.language or visit.content_language
    programme = build_programme(visit, lang, delegate_id=delegate_id)
    return Printout(programme_html(programme), lang,
                    f"programme-{visit.id}-delegate-{delegate_id}-{lang}.pdf")


def person_printout(visit_id: int, person_id: int, lang: str | None) -> Printout | None:
    """The items a host-side person speaks at or interprets, None when either is unknown."""
    visit = load_visit(visit_id) if visit_id <= MAX_ID else None
    if visit is None or person_id > MAX_ID:
        return None
    programme = build_programme(visit, lang or visit.content_language)
    own = [item for item in programme.items if person_id in item.person_ids]
    programme = dataclasses.replace(programme, days=group_by_day(own))
    return Printout(programme_html(programme), programme.lang,
                    f"programme-{visit.id}-person-{person_id}-{programme.lang}.pdf")


def cache_dir() -> Path:
    """Where rendered PDFs are kept: instance/cache/pdf, shared by every worker of one host."""
    return Path(current_app.instance_path) / "cache" / "pdf"


def send_printout(printout: Printout) -> Response:
    """Answer 304 when the client holds this very PDF, else the PDF with its ETag."""
    etag = cache_key(printout.html, printout.lang)
    if request.if_none_match.contains_weak(etag):
        response = Response(status=304)
    else:
        pdf, etag = cached_pdf(printout.html, printout.lang, cache_dir())
        response = Response(pdf, mimetype="application/pdf")
        response.headers["Content-Disposition"] = f'attachment; filename="{printout.filename}"'
    response.set_etag(etag)
    # Browsers may keep the file but must ask again: any edit makes a new PDF.
    response.cache_control.private = True
    response.cache_control.no_cache = True
    return response
