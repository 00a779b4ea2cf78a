"""API handlers of calendars and invitations: .ics exports, secret links, invitations, outbox."""
from __future__ import annotations

from typing import Literal

from flask import Response, g, request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from visitplanner.api import crud
from visitplanner.api.errors import ApiError, validation_error
from visitplanner.api.resources import DELEGATES
from visitplanner.api.types import ReadModel
from visitplanner.core import calendars
from visitplanner.core.operations import rotate_links
from visitplanner.extensions import db
from visitplanner.models import Delegate, OutboxMessage
from visitplanner.planning.vocabulary import LANGUAGES

LANG_QUERY = {"lang": {"type": "string", "enum": list(LANGUAGES)}}


class Queued(ReadModel):
    """How many messages a call put in the outbox."""

    queued: int


class OutboxEntry(ReadModel):
    """One message of the outbox and how its sending went."""

    id: int
    recipient: str
    kind: Literal["invite", "update", "cancel", "programme", "changes", "request"]
    item_id: int | None
    release_id: int | None
    delegate_id: int | None
    person_id: int | None
    subject: str
    status: Literal["pending", "sent", "failed"]
    attempts: int
    last_error: str | None


def _language() -> str | None:
    lang = request.args.get("lang")
    if lang is not None and lang not in LANGUAGES:
        raise validation_error({"lang": [f"Use one of {', '.join(LANGUAGES)}."]})
    return lang


def _ics(data: bytes | None, filename: str, missing: str) -> Response:
    if data is None:
        raise ApiError(404, missing)
    return calendars.ics_response(data, filename)


def export_visit_calendar(visit_id: int) -> Response:
    """Every item of the visit as an iCalendar file."""
    return _ics(calendars.visit_calendar(visit_id, _language()), f"visit-{visit_id}.ics",
                f"No visit with id {visit_id}.")


def export_delegate_calendar(delegate_id: int) -> Response:
    """A delegate's items, the delegate as ATTENDEE."""
    delegate = db.session.get(Delegate, delegate_id)
    if delegate is None:
        raise ApiError(404, f"No delegate with id {delegate_id}.")
    return _ics(calendars.delegate_calendar(delegate, _language(),
                                            secret_links=g.api_user.can_write),
                f"delegate-{delegate_id}.ics", "")


def export_person_calendar(visit_id: int, person_id: int) -> Response:
    """The items of the visit a host-side person speaks at."""
    return _ics(calendars.person_calendar(visit_id, person_id, _language()),
                f"visit-{visit_id}-person-{person_id}.ics",
                f"No visit with id {visit_id} or no person with id {person_id}.")


def rotate_delegate_token(delegate_id: int) -> ReadModel:
    """Issue new secret links for a delegate; the old ones stop working."""
    delegate = crud.get_row(DELEGATES, delegate_id)
    rotate_links(delegate)
    crud.commit(DELEGATES)
    return DELEGATES.dump(delegate)


def send_invitations(visit_id: int) -> Queued:
    """Queue the invitations, updates and cancellations delegates need; the worker sends them."""
    crud.get_visit(visit_id)
    queued = calendars.queue_visit_invitations(visit_id) or 0
    try:
        db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        raise ApiError(409, "Invitations of this visit were queued meanwhile; call again.") from exc
    return Queued(queued=queued)


def list_outbox(visit_id: int) -> list[OutboxEntry]:
    """The visit's messages, newest first, with their state."""
    crud.get_visit(visit_id)
    rows = db.session.scalars(select(OutboxMessage).where(OutboxMessage.visit_id == visit_id)
                              .order_by(OutboxMessage.id.desc()))
    return [OutboxEntry.model_validate(row) for row in rows]
