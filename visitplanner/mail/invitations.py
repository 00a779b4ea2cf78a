"""Decide which invitations, updates and cancellations a visit needs; queue them in the outbox.

Queueing only decides and stores, in two bulk inserts whatever the number of messages: each
outbox row keeps its decision, and the worker writes the message when it sends it
(write_invitation), as it does for a release's messages.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, bindparam, insert, select, update

from visitplanner.extensions import db
from visitplanner.mail.messages import Invitation, build_message, mailbox, subject
from visitplanner.models import InvitationRun, OutboxMessage, SentInvitation
from visitplanner.models.base import utcnow
from visitplanner.outputs.ics import CalendarOptions
from visitplanner.planning.build import build_programme
from visitplanner.planning.programme import Programme, ProgrammeItem


def next_sequence(item_sequence: int, record: Any | None) -> int:
    """The SEQUENCE of the next message: the item's, but always above what the delegate last got."""
    return item_sequence if record is None else max(item_sequence, record.sequence + 1)


def plan_invitations(items: Iterable[ProgrammeItem], delegate_ids: Iterable[int],
                     sent: dict[tuple[int, int], Any]) -> list[Invitation]:
    """What each delegate must be sent, given what they were sent before (`sent`)."""
    items = list(items)
    current = {item.id for item in items}
    removed: dict[int, list[Any]] = defaultdict(list)  # per delegate: records of deleted items
    for (holder, item_id), record in sorted(sent.items()):
        if item_id not in current and not record.cancelled:
            removed[holder].append(record)
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
        plan += [Invitation(delegate_id, record.item_id, "cancel", record.sequence + 1)
                 for record in removed.get(delegate_id, ())]
    return plan


def _reachable(delegate: Any) -> bool:
    if not delegate.email:
        return False
    try:
        mailbox(delegate.full_name, delegate.email)
    except (ValueError, IndexError):
        return False
    return True


def removed_item(record: Any, zone: ZoneInfo) -> ProgrammeItem:
    """A deleted item as its delegate last saw it, to cancel it."""
    return ProgrammeItem(id=record.item_id, kind="other", title=record.title,
                         starts=record.starts_at.replace(tzinfo=zone),
                         ends=record.ends_at.replace(tzinfo=zone), status="cancelled",
                         sequence=record.sequence)


def _record(delegate_id: int, invitation: Invitation, item: ProgrammeItem,
            visit_id: int, now: Any) -> dict[str, Any]:
    """What the delegate is now sent about the item: their sent_invitations row."""
    return {"delegate_id": delegate_id, "item_id": item.id, "visit_id": visit_id,
            "sequence": invitation.sequence, "item_sequence": item.sequence,
            "cancelled": invitation.kind == "cancel", "title": item.title[:300],
            "starts_at": item.starts.replace(tzinfo=None),
            "ends_at": item.ends.replace(tzinfo=None), "updated_at": now}


def _table(model: Any) -> Table:
    """The model's table, for Core statements (no ORM bookkeeping per row)."""
    return db.metadata.tables[model.__tablename__]


def sent_invitations(visit_id: int) -> dict[tuple[int, int], Any]:
    """What each delegate of the visit was last sent about each item, keyed (delegate, item).

    Plain rows, not ORM objects: the summit's 120,000 load in a fraction of the time.
    """
    table = _table(SentInvitation)
    rows = db.session.execute(select(table).where(table.c.visit_id == visit_id))
    return {(row.delegate_id, row.item_id): row for row in rows}


def queue_invitations(visit: Any, options_for: Callable[[Any], CalendarOptions],
                      delegate_ids: Collection[int] | None = None,
                      release_id: int | None = None, at_most: int | None = None) -> int:
    """Add the messages the visit needs, and what was sent, to the session; the caller commits.
    How many messages are needed.

    A release passes its recipients and its id: its messages are `request`s and `cancel`s.
    When more than `at_most` are needed, an InvitationRun is added instead: the worker queues
    them (and plans them again then, so none is lost or doubled).
    """
    delegates = [delegate for delegate in visit.delegates if _reachable(delegate)
                 and (delegate_ids is None or delegate.id in delegate_ids)]
    if not delegates:
        return 0
    sent = sent_invitations(visit.id)
    languages = sorted({delegate.language or visit.content_language for delegate in delegates})
    programmes = {languages[0]: build_programme(visit, languages[0])}
    # Who attends what does not depend on the language: one plan for every delegate.
    plan: dict[int, list[Invitation]] = defaultdict(list)
    needed = plan_invitations(programmes[languages[0]].items,
                              [delegate.id for delegate in delegates], sent)
    if at_most is not None and len(needed) > at_most:
        db.session.add(InvitationRun(
            visit_id=visit.id, release_id=release_id, planned=len(needed),
            delegate_ids=None if delegate_ids is None else sorted(delegate_ids)))
        return len(needed)
    for invitation in needed:
        plan[invitation.delegate_id].append(invitation)
    programmes.update({lang: build_programme(visit, lang) for lang in languages[1:]})
    items = {lang: {item.id: item for item in programme.items}
             for lang, programme in programmes.items()}
    zone = ZoneInfo(visit.timezone)
    subjects: dict[tuple[str, int, str], str] = {}  # a few hundred, for thousands of messages
    now = utcnow()
    messages: list[dict[str, Any]] = []
    new_records: list[dict[str, Any]] = []
    changed_records: list[dict[str, Any]] = []
    for delegate in delegates:
        lang = delegate.language or visit.content_language
        page_url = options_for(delegate).page_url
        for invitation in plan[delegate.id]:
            record = sent.get((delegate.id, invitation.item_id))
            item = items[lang].get(invitation.item_id) or removed_item(record, zone)
            key = (lang, item.id, invitation.kind)
            if key not in subjects:
                subjects[key] = subject(programmes[lang], item, invitation)[:400]
            kind = invitation.kind
            if release_id is not None:
                kind = "cancel" if kind == "cancel" else "request"
            messages.append({
                "visit_id": visit.id, "delegate_id": delegate.id, "item_id": item.id,
                "release_id": release_id, "recipient": delegate.email, "kind": kind,
                "subject": subjects[key], "status": "pending", "attempts": 0,
                "next_attempt_at": now, "created_at": now, "idempotency_key": invitation.key,
                "content": {"invitation": {"delegate_id": delegate.id, "item_id": item.id,
                                           "kind": invitation.kind,
                                           "sequence": invitation.sequence},
                            "lang": lang, "page_url": page_url}})
            (new_records if record is None else changed_records).append(
                _record(delegate.id, invitation, item, visit.id, now))
    _store(messages, new_records, changed_records)
    return len(messages)


def _store(messages: list[dict[str, Any]], new_records: list[dict[str, Any]],
           changed_records: list[dict[str, Any]]) -> None:
    """Insert the messages and records, update the changed records: one statement each."""
    outbox, records = _table(OutboxMessage), _table(SentInvitation)
    if messages:
        db.session.execute(insert(outbox), messages)
    if new_records:
        db.session.execute(insert(records), new_records)
    if changed_records:
        db.session.execute(
            update(records).where(records.c.delegate_id == bindparam("key_delegate"),
                                  records.c.item_id == bindparam("key_item")),
            [{**row, "key_delegate": row["delegate_id"], "key_item": row["item_id"]}
             for row in changed_records])


def write_invitation(row: OutboxMessage, programme: Programme, record: SentInvitation | None,
                     options: CalendarOptions) -> Any:
    """The message of a queued invitation, written from the programme as it is now.

    An item deleted since it was queued is written as its delegate's record keeps it.
    """
    content = row.content or {}
    invitation = Invitation(**content["invitation"])
    item = next((i for i in programme.items if i.id == invitation.item_id), None)
    if item is None:
        if record is None:
            raise LookupError(f"outbox message {row.id}: item {invitation.item_id} is gone")
        item = removed_item(record, ZoneInfo(programme.visit.timezone))
    view = next((d for d in programme.delegates if d.id == invitation.delegate_id), None)
    if view is None:
        raise LookupError(f"outbox message {row.id}: delegate {invitation.delegate_id} is gone")
    # To the address it was queued for: the envelope (row.recipient) and the header agree.
    view = dataclasses.replace(view, email=row.recipient)
    host = programme.visit.host
    return build_message(programme, item, view, invitation, options,
                         host.name if host else None)
