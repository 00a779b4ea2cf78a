"""Decide which invitations, updates and cancellations a visit needs; queue them in the outbox."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterable
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from visitplanner.extensions import db
from visitplanner.mail.messages import Invitation, build_message, mailbox
from visitplanner.models import OutboxMessage, SentInvitation
from visitplanner.outputs.ics import CalendarOptions
from visitplanner.planning.build import build_programme
from visitplanner.planning.programme import ProgrammeItem


def next_sequence(item_sequence: int, record: Any | None) -> int:
    """The SEQUENCE of the next message: the item's, but always above what the delegate last got."""
    return item_sequence if record is None else max(item_sequence, record.sequence + 1)


def plan_invitations(items: Iterable[ProgrammeItem], delegate_ids: Iterable[int],
                     sent: dict[tuple[int, int], Any]) -> list[Invitation]:
    """What each delegate must be sent, given what they were sent before (`sent`)."""
    items = list(items)
    current = {item.id for item in items}
    plan = []
    for delegate_id in delegate_ids:
        for item in items:
            record = sent.get((delegate_id, item.id))
            attends = item.status != "cancelled" and item.is_attended_by(delegate_id)
            if attends and (record is None or record.cancelled):
                plan.append(Invitation(delegate_id, item.id, "invite",
                                       next_sequence(item.sequence, record)))
            elif attends and record is not None and item.sequence != record.item_sequence:
                plan.append(Invitation(delegate_id, item.id, "update",
                                       next_sequence(item.sequence, record)))
            elif not attends and record is not None and not record.cancelled:
                plan.append(Invitation(delegate_id, item.id, "cancel",
                                       next_sequence(item.sequence, record)))
        for (holder, item_id), record in sorted(sent.items()):
            if holder == delegate_id and item_id not in current and not record.cancelled:
                plan.append(Invitation(delegate_id, item_id, "cancel", record.sequence + 1))
    return plan


def _reachable(delegate: Any) -> bool:
    if not delegate.email:
        return False
    try:
        mailbox(delegate.full_name, delegate.email)
    except (ValueError, IndexError):
        return False
    return True


def _removed_item(record: SentInvitation, zone: ZoneInfo) -> ProgrammeItem:
    """A deleted item as its delegate last saw it, to cancel it."""
    return ProgrammeItem(id=record.item_id, kind="other", title=record.title,
                         starts=record.starts_at.replace(tzinfo=zone),
                         ends=record.ends_at.replace(tzinfo=zone), status="cancelled",
                         sequence=record.sequence)


def queue_invitations(visit: Any, options_for: Callable[[Any], CalendarOptions],
                      delegate_ids: Collection[int] | None = None,
                      release_id: int | None = None) -> int:
    """Add the messages the visit needs, and what was sent, to the session; the caller commits.

    A release passes its recipients and its id: its messages are `request`s and `cancel`s.
    """
    delegates = [delegate for delegate in visit.delegates if _reachable(delegate)
                 and (delegate_ids is None or delegate.id in delegate_ids)]
    records = db.session.scalars(select(SentInvitation).where(SentInvitation.visit_id == visit.id))
    sent = {(record.delegate_id, record.item_id): record for record in records}
    zone = ZoneInfo(visit.timezone)
    programmes = {}
    queued = 0
    for delegate in delegates:
        lang = delegate.language or visit.content_language
        if lang not in programmes:
            programmes[lang] = build_programme(visit, lang)
        programme = dataclasses.replace(programmes[lang], audience=None)
        items = {item.id: item for item in programme.items}
        options = options_for(delegate)
        for invitation in plan_invitations(programme.items, [delegate.id], sent):
            record = sent.get((delegate.id, invitation.item_id))
            item = items.get(invitation.item_id) or _removed_item(record, zone)  # type: ignore
            view = next(d for d in programme.delegates if d.id == delegate.id)
            message = build_message(programme, item, view, invitation, options,
                                    programme.visit.host.name if programme.visit.host else None)
            kind = invitation.kind
            if release_id is not None:
                kind = "cancel" if kind == "cancel" else "request"
            db.session.add(OutboxMessage(
                visit_id=visit.id, delegate_id=delegate.id, item_id=item.id, release_id=release_id,
                recipient=delegate.email, kind=kind,
                subject=str(message["Subject"])[:400], message=message.as_string(),
                idempotency_key=invitation.key))
            if record is None:
                record = SentInvitation(delegate_id=delegate.id, item_id=item.id, visit_id=visit.id)
                db.session.add(record)
            record.sequence = invitation.sequence
            record.item_sequence = item.sequence
            record.cancelled = invitation.kind == "cancel"
            record.title = item.title[:300]
            record.starts_at = item.starts.replace(tzinfo=None)
            record.ends_at = item.ends.replace(tzinfo=None)
            queued += 1
    return queued
