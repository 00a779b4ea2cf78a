"""Browser downloads of calendars, sending invitations, and the outbox page."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required

from visitplanner.core import calendars
from visitplanner.edge import attachment, output_language
from visitplanner.extensions import db
from visitplanner.models import Delegate, Visit


def _ics(data: bytes | None, filename: str) -> Response:
    if data is None:
        abort(404)
    return attachment(data, "text/calendar", filename)


@login_required
def export_visit_calendar(visit_id: int) -> Response:
    """Every item of the visit as an .ics file."""
    return _ics(calendars.visit_calendar(visit_id, output_language()), f"visit-{visit_id}.ics")


@login_required
def export_delegate_calendar(delegate_id: int) -> Response:
    """A delegate's items as an .ics file, the delegate as ATTENDEE."""
    delegate = db.session.get(Delegate, delegate_id) or abort(404)
    return _ics(calendars.delegate_calendar(delegate, output_language(),
                                            secret_links=current_user.can_write),
                f"delegate-{delegate_id}.ics")


@login_required
def export_person_calendar(visit_id: int, person_id: int) -> Response:
    """The items of the visit a host-side person speaks at, as an .ics file."""
    return _ics(calendars.person_calendar(visit_id, person_id, output_language()),
                f"visit-{visit_id}-person-{person_id}.ics")


@login_required
def show_outbox(visit_id: int) -> ResponseReturnValue:
    """The visit's e-mails, newest first, with their state."""
    visit = db.session.get(Visit, visit_id) or abort(404)
    return render_template("web/outbox.html", visit=visit,
                           messages=calendars.outbox_messages(visit_id))


@login_required
def send_invitations(visit_id: int) -> ResponseReturnValue:
    """Queue what the delegates need and commit; the worker sends it."""
    if not current_user.can_write:
        abort(403)
    try:
        queued = calendars.commit_visit_invitations(visit_id)
    except calendars.QueuedMeanwhile:
        flash(_("Someone queued these invitations meanwhile; look at the outbox."))
        return redirect(url_for("web.show_outbox", visit_id=visit_id))
    if queued is None:
        abort(404)
    flash(_("%(queued)d messages queued; they are being sent.", queued=queued))
    return redirect(url_for("web.show_outbox", visit_id=visit_id))
