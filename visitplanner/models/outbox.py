"""The mail outbox, and what each delegate was last sent about each item."""

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from visitplanner.extensions import Model
from visitplanner.models.base import Claimable, one_of, utcnow
from visitplanner.planning.vocabulary import JOB_STATUSES, MESSAGE_KINDS, MESSAGE_STATUSES


class OutboxMessage(Claimable, Model):
    """One e-mail, written with the decision to send it, then sent and marked by a sender."""

    __tablename__ = "outbox_messages"
    __table_args__ = (one_of("kind", MESSAGE_KINDS, "kind"),
                      one_of("status", MESSAGE_STATUSES, "status"))

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    delegate_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegates.id", ondelete="SET NULL"), index=True)
    # No foreign key: the cancellation of a deleted item still names it.
    item_id: Mapped[int | None] = mapped_column(Integer)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True)
    release_id: Mapped[int | None] = mapped_column(
        ForeignKey("releases.id", ondelete="CASCADE"), index=True)
    recipient: Mapped[str] = mapped_column(String(254))
    kind: Mapped[str] = mapped_column(String(10))
    subject: Mapped[str] = mapped_column(String(400))
    # The whole RFC 5322 message, 7-bit clean, as it goes out (but for `attachment`); for a
    # release's message None: the worker writes it from the release and `content`.
    message: Mapped[str | None] = mapped_column(Text)
    content: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # What the worker renders and attaches at sending time, e.g. {"pdf": "delegate", "id": 3,
    # "lang": "fr"}: rendering takes seconds, so it never happens in the request that queues.
    attachment: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Unique, so the same message can never be queued twice.
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class InvitationRun(Claimable, Model):
    """Invitations too many to queue inside a request (the summit's 120,000): the worker
    queues them, as queue_invitations would have, for these delegates (None: every one)."""

    __tablename__ = "invitation_runs"
    __table_args__ = (one_of("status", JOB_STATUSES, "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    release_id: Mapped[int | None] = mapped_column(
        ForeignKey("releases.id", ondelete="CASCADE"), index=True)
    delegate_ids: Mapped[list[int] | None] = mapped_column(JSON)
    planned: Mapped[int] = mapped_column(default=0)  # messages needed when it was asked for
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SentInvitation(Model):
    """What a delegate was last sent about an item, so later calls send only what changed."""

    __tablename__ = "sent_invitations"

    delegate_id: Mapped[int] = mapped_column(
        ForeignKey("delegates.id", ondelete="CASCADE"), primary_key=True)
    # No foreign key: a deleted item's record is what its cancellation is built from.
    item_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    # The SEQUENCE last sent to this delegate, and the item's own sequence it reflected.
    sequence: Mapped[int] = mapped_column(default=0)
    item_sequence: Mapped[int] = mapped_column(default=0)
    cancelled: Mapped[bool] = mapped_column(default=False)
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False))
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                    onupdate=utcnow)
