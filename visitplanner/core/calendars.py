"""Calendars and invitations for the API, the web pages and the CLI alike: load, build, render."""
from __future__ import annotations

import dataclasses
import logging
from email.utils import parseaddr
from typing import Any
from urllib.parse import urlsplit

from flask import Response, current_app

from visitplanner.core.delegate_links import links_of
from visitplanner.core.queries import load_visit
from visitplanner.extensions import db
from visitplanner.mail.invitations import queue_invitations
from visitplanner.mail.sender import SendReport, send_due
from visitplanner.models import Delegate, Person
from visitplanner.models.base import utcnow
from visitplanner.outputs.ics import CalendarOptions, render_calendar
from visitplanner.planning.build import build_programme, group_by_day

logger = logging.getLogger(__name__)


def delegate_links(delegate: Any) -> dict[str, str]:
    """The delegate's secret `personal_url` and `calendar_feed_url`."""
    config = current_app.config
    return links_of(delegate, config["BASE_URL"], config["SECRET_KEY"])


def calendar_options(page_url: str | None = None, name: str | None = None,
                     feed: bool = False) -> CalendarOptions:
    """The app's calendar settings: UIDs on the BASE_URL host, ORGANIZER the MAIL_FROM mailbox."""
    config = current_app.config
    host = urlsplit(config["BASE_URL"]).hostname or "localhost"
    organiser = parseaddr(config["MAIL_FROM"])[1] or config["MAIL_FROM"]
    return CalendarOptions(uid_host=host, organiser_email=organiser, now=utcnow(),
                           page_url=page_url, name=name, feed=feed)


def visit_calendar(visit_id: int, lang: str | None = None) -> bytes | None:
    """Every item of a visit, or None when there is no such visit."""
    visit = load_visit(visit_id)
    if visit is None:
        return None
    programme = build_programme(visit, lang)
    page = f"{current_app.config['BASE_URL']}/visits/{visit.id}"
    return render_calendar(programme, calendar_options(page, programme.visit.title))


def delegate_calendar(delegate: Delegate, lang: str | None = None, feed: bool = False,
                      secret_links: bool = True) -> bytes:
    """A delegate's items, with the delegate as ATTENDEE; with `secret_links` (for organisers
    and the delegate), linked to their personal page, else to the visit's page."""
    visit = load_visit(delegate.visit_id)
    programme = build_programme(visit, lang or delegate.language, delegate_id=delegate.id)
    page = (delegate_links(delegate)["personal_url"] if secret_links
            else f"{current_app.config['BASE_URL']}/visits/{visit.id}")
    options = calendar_options(page,
                               f"{programme.visit.title} – {delegate.full_name}", feed)
    return render_calendar(programme, options)


def person_calendar(visit_id: int, person_id: int, lang: str | None = None) -> bytes | None:
    """The items a host-side person speaks at, or None when the visit or person is unknown."""
    visit = load_visit(visit_id)
    person = db.session.get(Person, person_id)
    if visit is None or person is None:
        return None
    programme = build_programme(visit, lang)
    own = [item for item in programme.items if person_id in {p.id for p in item.speakers}]
    programme = dataclasses.replace(programme, days=group_by_day(own))
    page = f"{current_app.config['BASE_URL']}/visits/{visit.id}"
    return render_calendar(programme, calendar_options(
        page, f"{programme.visit.title} – {person.full_name}"))


def ics_response(data: bytes, filename: str) -> Response:
    """An .ics answer; the name is ours (ids only), never user text."""
    response = Response(data, mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def queue_visit_invitations(visit_id: int) -> int | None:
    """Queue what the visit's delegates need (the caller commits); None when there is no visit."""
    visit = load_visit(visit_id)
    if visit is None:
        return None
    return queue_invitations(visit, lambda delegate: calendar_options(
        delegate_links(delegate)["personal_url"]))


def deliver_due() -> SendReport:
    """Send what is due now; a failure stays in the outbox for `visitplanner send-outbox`."""
    try:
        return send_due(current_app.config, current_app.instance_path)
    except Exception:  # noqa: BLE001  (delivery after commit must never undo the request)
        db.session.rollback()
        logger.exception("outbox: delivery after commit failed; the messages stay pending")
        return SendReport()
