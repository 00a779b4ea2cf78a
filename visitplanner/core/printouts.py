"""Printouts for the web pages, the API, the CLI and the worker: each PDF is made once per
visit version, language and day, and kept in the output cache; big ones only by the worker."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from flask import current_app
from sqlalchemy import func, select

from visitplanner.core import output_cache
from visitplanner.core.calendars import delegate_links
from visitplanner.core.queries import latest_release, load_visit, printout_stamp
from visitplanner.extensions import db
from visitplanner.models import Delegate, Item
from visitplanner.models.printouts import queue_printout
from visitplanner.outputs.filenames import file_name
from visitplanner.outputs.pdf import badges_html, programme_html, render_pdf
from visitplanner.planning.build import build_programme, group_by_day, translated

SECONDS_PER_ITEM = 0.1  # about what WeasyPrint takes per programme item: for Retry-After


@dataclass(frozen=True)
class Printout:
    """One PDF: what it is (for the worker's queue), its language, file name, the stamp of
    what it shows, and how to make its HTML.

    The HTML is made only when needed: a PDF already made for the same stamp is found, and a
    client's copy recognised (ETag), without loading the visit.
    """

    visit_id: int
    printout: str  # "programme", "badges", "delegate" or "person": the kinds of PrintoutJob
    subject_id: int  # the delegate or the person; 0 for the whole visit
    lang: str
    filename: str
    stamp: str
    make_html: Callable[[], str]

    @property
    def kind(self) -> str:
        """The output cache's kind of this PDF."""
        return f"{self.printout}-pdf"

    @property
    def etag(self) -> str:
        """The ETag of the PDF: its name in the output cache, known from the stamp alone."""
        return output_cache.key(self.kind, self.stamp, self.lang)

    @cached_property
    def html(self) -> str:
        """The final print HTML."""
        return self.make_html()


class PrintoutPending(Exception):
    """A big printout is not made yet; it has been queued for the worker."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"The PDF is being prepared; ask again in {retry_after} seconds.")
        self.retry_after = retry_after


def _stamp(*parts: object) -> str:
    # The print date is on the cover: a new day makes a new PDF (the worker makes it at night).
    return "|".join(map(str, (*parts, dt.date.today().isoformat())))


def visit_printout(visit_id: int, lang: str | None, badges: bool = False) -> Printout | None:
    """The programme (or the badges) of a visit, None when there is no such visit."""
    found = printout_stamp(visit_id)
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
    return Printout(visit_id, kind, 0, lang, file_name(title, kind, lang, extension="pdf"),
                    _stamp(visit_id, stamp), make_html)


def delegate_printout(delegate_id: int, lang: str | None) -> Printout | None:
    """One delegate's personal programme, by default in their own language."""
    delegate = db.session.get(Delegate, delegate_id)
    found = printout_stamp(delegate.visit_id) if delegate is not None else None
    if delegate is None or found is None:
        return None
    facts, stamp = found
    visit_id = delegate.visit_id
    lang = lang or delegate.language or facts.content_language
    personal_url = delegate_links(delegate)["personal_url"]

    def make_html() -> str:
        programme = build_programme(load_visit(visit_id), lang, delegate_id=delegate_id)
        return programme_html(programme, personal_url=personal_url,
                              release=latest_release(visit_id))

    title = translated(facts, "title", lang)
    return Printout(visit_id, "delegate", delegate_id, lang,
                    file_name(title, delegate.full_name, "programme", lang, extension="pdf"),
                    _stamp(delegate_id, personal_url, stamp), make_html)


def person_printout(visit_id: int, person_id: int, lang: str | None) -> Printout | None:
    """The items a host-side person speaks at or interprets, None when either is unknown."""
    found = printout_stamp(visit_id)
    if found is None:
        return None
    facts, stamp = found
    lang = lang or facts.content_language

    def make_html() -> str:
        programme = build_programme(load_visit(visit_id), lang)
        own = [item for item in programme.items if person_id in item.person_ids]
        return programme_html(dataclasses.replace(programme, days=group_by_day(own)),
                              release=latest_release(visit_id))

    return Printout(visit_id, "person", person_id, lang,
                    f"programme-{visit_id}-person-{person_id}-{lang}.pdf",
                    _stamp(visit_id, person_id, stamp), make_html)


def queued_printout(printout: str, visit_id: int, subject_id: int,
                    lang: str | None) -> Printout | None:
    """The printout a PrintoutJob names; None when its visit, delegate or person is gone."""
    if printout == "delegate":
        found = delegate_printout(subject_id, lang)
        return found if found is not None and found.visit_id == visit_id else None
    if printout == "person":
        return person_printout(visit_id, subject_id, lang)
    return visit_printout(visit_id, lang, badges=printout == "badges")


def make_pdf(printout: Printout) -> bytes:
    """The PDF of a printout: from the output cache, else rendered now (one process at a time;
    whoever asks meanwhile waits for it)."""
    return output_cache.get_or_make(printout.kind, printout.stamp, printout.lang,
                                    lambda: render_pdf(printout.html))


def printout_pdf(printout: Printout) -> bytes:
    """The PDF from the cache; rendered now only for a small visit. A big one is queued for
    the worker (committed) and PrintoutPending raised: rendering it takes longer than a web
    request may."""
    pdf = output_cache.get(printout.kind, printout.stamp, printout.lang)
    if pdf is not None:
        return pdf
    items = too_big(printout)
    if items:
        queue_printout(db.session.connection(), printout.visit_id, printout.printout,
                       printout.subject_id, printout.lang)
        db.session.commit()
        raise PrintoutPending(max(5, min(120, round(items * SECONDS_PER_ITEM))))
    return make_pdf(printout)


def too_big(printout: Printout) -> int:
    """The visit's number of items when its printouts are too big to render in a request (in
    a second or two: PRINTOUT_INLINE_ITEMS, and PRINTOUT_INLINE_DELEGATES for badges), else 0."""
    config = current_app.config
    items, delegates = db.session.execute(select(
        select(func.count()).where(Item.visit_id == printout.visit_id).scalar_subquery(),
        select(func.count()).where(Delegate.visit_id == printout.visit_id).scalar_subquery(),
    )).one()
    if items > config["PRINTOUT_INLINE_ITEMS"]:
        return int(items)
    if printout.printout == "badges" and delegates > config["PRINTOUT_INLINE_DELEGATES"]:
        return max(int(items), 1)
    return 0


def html_pdf(html: str, lang: str) -> bytes:
    """The PDF of any print HTML (a sheet), rendered once per HTML and kept in the cache."""
    stamp = hashlib.sha256(html.encode("utf-8")).hexdigest()
    return output_cache.get_or_make("html-pdf", stamp, lang, lambda: render_pdf(html))
