"""Releases for the API and the web pages alike: preview, publish, send a test, answers."""
from __future__ import annotations

import uuid
from email.utils import parseaddr
from typing import Any

from flask import current_app
from sqlalchemy import select, update

from visitplanner.core.calendars import calendar_domain, delegate_links, invitation_options
from visitplanner.core.queries import load_visit
from visitplanner.extensions import db
from visitplanner.mail.invitations import queue_invitations
from visitplanner.mail.messages import header_text, mailbox
from visitplanner.mail.releases import (
    PlannedMessage,
    ReleasePlan,
    Selection,
    plan_release,
    store_release,
    write_message,
)
from visitplanner.models import ItemResponse, OutboxMessage, Release
from visitplanner.models.base import utcnow


def sender_email() -> str:
    """The address messages come from (MAIL_FROM without its display name)."""
    config = current_app.config
    return parseaddr(config["MAIL_FROM"])[1] or config["MAIL_FROM"]


def preview_release(visit_id: int, mode: str, selection: Selection, note: str | None,
                    reply_to: str | None) -> ReleasePlan | None:
    """The release as it would go out now; nothing stored. None when there is no visit."""
    calendar_domain()  # before loading: fixing the domain may need a write of its own
    visit = load_visit(visit_id)
    return None if visit is None else plan_release(visit, mode, selection, note, delegate_links)


def preview_message(plan: ReleasePlan, message: PlannedMessage, reply_to: str | None) -> Any:
    """The exact message a planned one would be (without its PDF)."""
    return write_message(plan, message.content, sender_email(), reply_to, calendar_domain(),
                         f"preview.{message.recipient.key}")


def publish_release(visit_id: int, mode: str, selection: Selection, note: str | None,
                    reply_to: str | None) -> tuple[Release, ReleasePlan] | None:
    """Store the next release and queue its messages in the session; the caller commits."""
    calendar_domain()
    visit = load_visit(visit_id)
    if visit is None:
        return None
    plan = plan_release(visit, mode, selection, note, delegate_links)
    release = store_release(visit, plan, reply_to)
    if visit.calendar_invites == "requests":
        chosen = {m.recipient.party.delegate_id for m in plan.messages} - {None}
        queue_invitations(visit, invitation_options, chosen, release.id,  # type: ignore[arg-type]
                          at_most=current_app.config["INVITATIONS_IN_REQUEST"])
    return release, plan


def queue_test(visit_id: int, plan: ReleasePlan, example: PlannedMessage,
               to_email: str) -> OutboxMessage:
    """Queue one example message to the organiser (no release, nothing remembered)."""
    key = f"test.{uuid.uuid4().hex}"
    message = write_message(plan, example.content, sender_email(), to_email, calendar_domain(),
                            key)
    del message["To"]
    message["To"] = mailbox(None, to_email)
    subject = header_text(f"[Test] {message['Subject']}")
    del message["Subject"]
    message["Subject"] = subject
    row = OutboxMessage(visit_id=visit_id, recipient=to_email, subject=subject[:400],
                        kind="programme" if plan.mode == "full" else "changes",
                        message=message.as_string(),
                        attachment=example.attachment, idempotency_key=key)
    db.session.add(row)
    return row


def list_releases(visit_id: int) -> list[Release]:
    """A visit's releases, newest first."""
    return list(db.session.scalars(select(Release).where(Release.visit_id == visit_id)
                                   .order_by(Release.number.desc())))


def release_message(row: OutboxMessage) -> str:
    """The message of an outbox row, written from its release when it is a release's."""
    if row.message is not None:
        return row.message
    release = db.session.get(Release, row.release_id)
    if release is None or row.content is None:
        raise LookupError(f"outbox message {row.id} has neither a message nor a release")
    return write_message(release, row.content, sender_email(), release.reply_to,
                         calendar_domain(), row.idempotency_key).as_string()


def release_messages(release_id: int) -> list[OutboxMessage]:
    """The messages a release queued, in order."""
    return list(db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.release_id == release_id).order_by(OutboxMessage.id)))


def list_responses(visit_id: int) -> list[ItemResponse]:
    """Every delegate's answer to the items of a visit."""
    return list(db.session.scalars(select(ItemResponse).where(ItemResponse.visit_id == visit_id)
                                   .order_by(ItemResponse.item_id, ItemResponse.delegate_id)))


def declined_items(visit_id: int) -> frozenset[tuple[int, int]]:
    """(item id, delegate id) of every item a delegate of the visit declined."""
    rows = db.session.execute(select(ItemResponse.item_id, ItemResponse.delegate_id)
                              .where(ItemResponse.visit_id == visit_id,
                                     ItemResponse.response == "declined"))
    return frozenset((item_id, delegate_id) for item_id, delegate_id in rows)


def answer_item(delegate: Any, item_id: int, response: str) -> ItemResponse | None:
    """Record a delegate's answer to an item of their programme; None when it is not theirs."""
    visit = load_visit(delegate.visit_id)
    item = next((i for i in visit.items if i.id == item_id), None) if visit else None
    if item is None or not (item.whole_delegation or delegate in item.chosen_delegates):
        return None
    row = db.session.get(ItemResponse, (delegate.id, item_id))
    if row is None:
        row = ItemResponse(delegate_id=delegate.id, item_id=item_id, visit_id=delegate.visit_id)
        db.session.add(row)
    row.response = response
    return row


def retry_failed(visit_id: int) -> int:
    """Put the visit's failed messages back in the queue, due now; how many."""
    rows: Any = db.session.execute(
        update(OutboxMessage).where(OutboxMessage.visit_id == visit_id,
                                    OutboxMessage.status == "failed")
        .values(status="pending", next_attempt_at=utcnow(), attempts=0)
        .execution_options(synchronize_session=False))
    return rows.rowcount or 0
