"""Browser downloads of calendars, sending invitations, and the outbox page."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from visitplanner.core import calendars
from visitplanner.extensions import db
from visitplanner.models import Delegate, OutboxMessage, Visit
from visitplanner.planning.vocabulary import LANGUAGES


def _language() -> str | None:
    lang = request.args.get("lang")
    if lang is not None and lang not in LANGUAGES:
        abort(400)
    return lang


def _ics(data: bytes | None, filename: str) -> Response:
    if data is None:
        abort(404)
    return calendars.ics_response(data, filename)


@login_required
def export_visit_calendar(visit_id: int) -> Response:
    """Every item of the visit as an .ics file."""
    return _ics(calendars.visit_calendar(visit_id, _language()), f"visit-{visit_id}.ics")


@login_required
def export_delegate_calendar(delegate_id: int) -> Response:
    """A delegate's items as an .ics file, the delegate as ATTENDEE."""
    delegate = db.session.get(Delegate, delegate_id) or abort(404)
    return _ics(calendars.delegate_calendar(delegate, _language(),
                                            secret_links=current_user.can_write),
                f"delegate-{delegate_id}.ics")


@login_required
def export_person_calendar(visit_id: int, person_id: int) -> Response:
    """The items of the visit a host-side person speaks at, as an .ics file."""
    return _ics(calendars.person_calendar(visit_id, person_id, _language()),
                f"visit-{visit_id}-person-{person_id}.ics")


@login_required
def show_outbox(visit_id: int) -> ResponseReturnValue:
    """The visit's e-mails, newest first, with their state."""
    visit = db.session.get(Visit, visit_id) or abort(404)
    messages = db.session.scalars(select(OutboxMessage).where(OutboxMessage.visit_id == visit_id)
                                  .order_by(OutboxMessage.id.desc()))
    return render_template("web/outbox.html", visit=visit, messages=list(messages))


@login_required
def send_invitations(visit_id: int) -> ResponseReturnValue:
    """Queue what the delegates need and commit; the worker sends it."""
    if not current_user.can_write:
        abort(403)
    queued = calendars.queue_visit_invitations(visit_id)
    if queued is None:
        abort(404)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        flash(_("Someone queued these invitations meanwhile; look at the outbox."))
        return redirect(url_for("web.show_outbox", visit_id=visit_id))
    flash(_("%(queued)d messages queued; they are being sent.", queued=queued))
    return redirect(url_for("web.show_outbox", visit_id=visit_id))
