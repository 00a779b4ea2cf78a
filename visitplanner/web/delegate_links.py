"""The public pages behind a delegate's secret links: their programme and their calendar feed."""
from __future__ import annotations

from flask import Response, abort, current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from visitplanner.core import calendars, releases
from visitplanner.core.delegate_links import delegate_for_token, link_expired
from visitplanner.core.personal_visit import load_personal_visit
from visitplanner.core.queries import printout_stamp
from visitplanner.edge import attachment, output_language
from visitplanner.extensions import db
from visitplanner.models import Delegate, ItemResponse
from visitplanner.models.releases import RESPONSES
from visitplanner.outputs.common import day_heading, field, label, time_span
from visitplanner.outputs.ics import address
from visitplanner.outputs.practical import PRACTICAL_GLOBALS, map_url
from visitplanner.planning.build import build_programme
from visitplanner.planning.programme import Programme
from visitplanner.web.cached_pages import CSRF_SLOT, cached_body
from visitplanner.web.links import row_url


def _delegate(token: str) -> Delegate:
    """The delegate whose current link this is; 404 for unknown, forged or rotated tokens,
    410 some days after the visit (PERSONAL_LINK_DAYS)."""
    delegate = delegate_for_token(token, current_app.config["SECRET_KEY"])
    if delegate is None:
        abort(404)
    if link_expired(delegate, current_app.config["PERSONAL_LINK_DAYS"]):
        abort(410)
    return delegate


def _private(response: Response) -> Response:
    # The URL is the secret: keep it out of Referer headers, search engines and shared caches.
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def show_personal_programme(token: str) -> ResponseReturnValue:
    """A delegate's own programme, by day, in their language; no login. Made once per visit
    version and set of the delegate's answers, then read from the output cache."""
    delegate = _delegate(token)
    found = printout_stamp(delegate.visit_id)
    assert found is not None  # a delegate's visit outlives none of its delegates
    answers = {row.item_id: row.response for row in db.session.scalars(
        db.select(ItemResponse).where(ItemResponse.delegate_id == delegate.id))}
    stamp = f"{delegate.id}|{token}|{sorted(answers.items())}|{found[1]}"
    page = cached_body("personal-page", stamp, delegate.language or "",
                       lambda: _personal_page(delegate, token, answers))
    return _private(Response(page, mimetype="text/html"))


def _personal_page(delegate: Delegate, token: str, answers: dict[int, str]) -> str:
    visit = load_personal_visit(delegate)
    programme = build_programme(visit, delegate.language, delegate_id=delegate.id)
    lang = programme.lang
    return render_template(
        "links/personal.html", programme=programme, lang=lang,
        t=lambda key, **values: label(key, lang, **values), f=lambda key: field(key, lang),
        day_heading=day_heading, address=address,
        feed_url=calendars.delegate_links(delegate)["calendar_feed_url"],
        articles=_articles(programme, row_url("web.answer_item", "item_id", token=token),
                           answers),
        escorts=visit.escorts,
        places={venue.id: (address(venue, lang), map_url(venue)) for venue in programme.venues},
        csrf_input=CSRF_SLOT, **PRACTICAL_GLOBALS)


def _articles(programme: Programme, answer_url: str, answers: dict[int, str]
              ) -> dict[int, tuple[str, str, str, str | None]]:
    """Per item id, what its article shows that the template works out slowest: its times,
    its speakers' names, the address of its answer form and the delegate's answer."""
    lang = programme.lang
    return {item.id: (time_span(item.starts, item.ends, lang),
                      ", ".join(speaker.full_name for speaker in item.speakers),
                      answer_url.format(id=item.id), answers.get(item.id))
            for item in programme.items}


def export_calendar_feed(token: str) -> Response:
    """A delegate's subscribable calendar; no login."""
    delegate = _delegate(token)
    return _private(attachment(
        calendars.delegate_calendar(delegate, output_language(), feed=True), "text/calendar",
        "programme.ics"))


def answer_item(token: str, item_id: int) -> ResponseReturnValue:
    """A delegate accepts or declines one item of their programme (CSRF-checked, no login)."""
    delegate = _delegate(token)
    response = request.form.get("response")
    if response not in RESPONSES:
        abort(400)
    if releases.answer_item(delegate, item_id, response) is None:
        abort(404)
    db.session.commit()
    return redirect(url_for("web.show_personal_programme", token=token, _anchor=f"item-{item_id}"))
