"""API handlers of calendars and invitations: .ics exports, secret links, invitations, outbox."""
from __future__ import annotations

from flask import Response, g

from visitplanner.api import crud
from visitplanner.api.errors import ApiError
from visitplanner.api.resources import DELEGATES
from visitplanner.api.types import ReadModel
from visitplanner.core import calendars
from visitplanner.core.operations import rotate_token
from visitplanner.edge import attachment, output_language
from visitplanner.extensions import db
from visitplanner.models import Delegate
from visitplanner.planning.vocabulary import MessageKind, MessageStatus


class Queued(ReadModel):
    """How many messages a call put in the outbox."""

    queued: int


class OutboxEntry(ReadModel):
    """One message of the outbox and how its sending went."""

    id: int
    recipient: str
    kind: MessageKind
    item_id: int | None
    release_id: int | None
    delegate_id: int | None
    person_id: int | None
    subject: str
    status: MessageStatus
    attempts: int
    last_error: str | None


def _ics(data: bytes | None, filename: str, missing: str) -> Response:
    if data is None:
        raise ApiError(404, missing)
    return attachment(data, "text/calendar", filename)


def export_visit_calendar(visit_id: int) -> Response:
    """Every item of the visit as an iCalendar file."""
    return _ics(calendars.visit_calendar(visit_id, output_language()), f"visit-{visit_id}.ics",
                f"No visit with id {visit_id}.")


def export_delegate_calendar(delegate_id: int) -> Response:
    """A delegate's items, the delegate as ATTENDEE."""
    delegate = db.session.get(Delegate, delegate_id)
    if delegate is None:
        raise ApiError(404, f"No delegate with id {delegate_id}.")
    return _ics(calendars.delegate_calendar(delegate, output_language(),
                                            secret_links=g.api_user.can_write),
                f"delegate-{delegate_id}.ics", "")


def export_person_calendar(visit_id: int, person_id: int) -> Response:
    """The items of the visit a host-side person speaks at."""
    return _ics(calendars.person_calendar(visit_id, person_id, output_language()),
                f"visit-{visit_id}-person-{person_id}.ics",
                f"No visit with id {visit_id} or no person with id {person_id}.")


def rotate_delegate_token(delegate_id: int) -> ReadModel:
    """Issue new secret links for a delegate; the old ones stop working."""
    delegate = crud.get_row(DELEGATES, delegate_id)
    rotate_token(delegate)
    crud.commit(DELEGATES)
    return DELEGATES.dump(delegate)


def send_invitations(visit_id: int) -> Queued:
    """Queue the invitations, updates and cancellations delegates need; the worker sends them."""
    crud.get_visit(visit_id)
    try:
        queued = calendars.commit_visit_invitations(visit_id) or 0
    except calendars.QueuedMeanwhile as exc:
        raise ApiError(409, "Invitations of this visit were queued meanwhile; call again.") from exc
    return Queued(queued=queued)


def list_outbox(visit_id: int) -> list[OutboxEntry]:
    """The visit's messages, newest first, with their state."""
    crud.get_visit(visit_id)
    return [OutboxEntry.model_validate(row) for row in calendars.outbox_messages(visit_id)]
