"""Delivery drains the outbox in one run: batches of one SMTP connection and one commit each."""
from __future__ import annotations

import datetime as dt
import math
from email.message import EmailMessage

from sqlalchemy import event, func, insert, select
from sqlalchemy.orm import Session

from visitplanner.extensions import db
from visitplanner.mail.sender import MAIL
from visitplanner.models import OutboxMessage
from visitplanner.models.base import utcnow

QUEUED = 1200


def queue_plain_messages(visit_id: int, count: int) -> None:
    now = utcnow()
    rows = []
    for n in range(count):
        message = EmailMessage()
        message["From"], message["To"] = "visitplanner@localhost", f"d{n}@example.org"
        message["Subject"], message["Message-ID"] = f"Message {n}", f"<bulk.{n}@visitplanner.test>"
        message.set_content(f"Message {n}\n")
        rows.append({"visit_id": visit_id, "recipient": f"d{n}@example.org", "kind": "programme",
                     "subject": f"Message {n}", "message": message.as_string(),
                     "idempotency_key": f"bulk.{n}", "status": "pending", "attempts": 0,
                     "next_attempt_at": now, "created_at": now})
    db.session.execute(insert(OutboxMessage), rows)
    db.session.commit()


def test_one_send_run_delivers_1200_messages_in_batches(app, demo_visit, smtp):
    queue_plain_messages(demo_visit.id, QUEUED)
    commits = []
    count = lambda session: commits.append(session)  # noqa: E731
    event.listen(Session, "after_commit", count)
    try:
        result = app.test_cli_runner().invoke(args=["send-outbox"])
    finally:
        event.remove(Session, "after_commit", count)
    assert result.exit_code == 0 and f"{QUEUED} sent, 0 failed" in result.output
    assert len(smtp.received) == QUEUED
    assert sorted(m["Message-ID"] for m in smtp.messages()) == sorted(
        f"<bulk.{n}@visitplanner.test>" for n in range(QUEUED))
    batches = math.ceil(QUEUED / MAIL.batch)
    assert len(smtp.peers) <= batches  # one SMTP connection per batch, not per message
    # Each batch's claim and its outcomes, and one empty claim per kind (invitations, mail).
    assert len(commits) <= 2 * batches + 2
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).where(OutboxMessage.status == "sent")) == QUEUED


def test_a_run_while_the_server_is_down_ends_and_sends_later(app, demo_visit, smtp, monkeypatch):
    from mail_helpers import deliver

    monkeypatch.setitem(app.config, "MAIL_RETRY_SECONDS", 0)  # at once: still one try per run
    queue_plain_messages(demo_visit.id, 120)
    smtp.stop()
    assert deliver() == 0
    db.session.expire_all()
    rows = list(db.session.scalars(select(OutboxMessage)))
    assert {(row.status, row.attempts) for row in rows} == {("pending", 1)}
    assert all(row.last_error and row.claimed_by is None for row in rows)
    smtp.start()
    assert deliver(now=utcnow() + dt.timedelta(seconds=2)) == 120 and len(smtp.received) == 120
