"""Send what the outbox holds: claim due rows atomically, send, mark sent or retry with back-off."""
from __future__ import annotations

import datetime as dt
import logging
import os
import smtplib
import ssl
import uuid
from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import or_, select, update

from visitplanner.extensions import db
from visitplanner.models import OutboxMessage
from visitplanner.models.base import utcnow

logger = logging.getLogger(__name__)

LEASE = dt.timedelta(minutes=10)  # a sender that died gives its rows back after this
FIRST_RETRY = dt.timedelta(minutes=1)
LONGEST_RETRY = dt.timedelta(hours=6)
MAX_ATTEMPTS = 10
SMTP_TIMEOUT = 20


class Transport(Protocol):
    """Something that delivers one message, or raises."""

    def send(self, row: OutboxMessage) -> None: ...

    def close(self) -> None: ...


class SmtpTransport:
    """An SMTP connection, opened on first use and reopened after a failure."""

    def __init__(self, config: Any) -> None:
        self.config = config
        self.sender = parseaddr(config["MAIL_FROM"])[1] or config["MAIL_FROM"]
        self.connection: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        config = self.config
        connection = smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"], timeout=SMTP_TIMEOUT)
        if config["SMTP_STARTTLS"]:
            connection.starttls(context=ssl.create_default_context())
        if config["SMTP_USER"]:
            connection.login(config["SMTP_USER"], config["SMTP_PASSWORD"] or "")
        return connection

    def send(self, row: OutboxMessage) -> None:
        try:
            self.connection = self.connection or self._connect()
            self.connection.sendmail(self.sender, [row.recipient], row.message)
        except Exception:
            self.close()
            raise

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.quit()
            except (smtplib.SMTPException, OSError):
                self.connection.close()
            self.connection = None


class FileTransport:
    """The development sink: one .eml file per message in instance/outbox/."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, row: OutboxMessage) -> None:
        # Messages hold personal links and addresses: only the app's own user may read them.
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = self.folder / f"{row.id:08d}-{row.kind}.eml"
        if target.exists():
            return  # written before the sender could mark it sent: not again
        partial = target.with_suffix(f".{uuid.uuid4().hex}.part")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(row.message)
        os.replace(partial, target)

    def close(self) -> None:
        pass


def transport_for(config: Any, instance_path: str) -> Transport:
    """SMTP when a host is configured, else .eml files in instance/outbox/."""
    if config.get("SMTP_HOST"):
        return SmtpTransport(config)
    return FileTransport(Path(instance_path) / "outbox")


def retry_delay(attempts: int) -> dt.timedelta:
    """Exponential back-off: 1, 2, 4, ... minutes, at most six hours."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_RETRY)


def claim(token: str, now: dt.datetime, limit: int) -> list[OutboxMessage]:
    """Claim due rows for this sender in one UPDATE and commit, so no other sender takes them."""
    free = or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now)
    due = (select(OutboxMessage.id).where(OutboxMessage.status == "pending", free,
                                          OutboxMessage.next_attempt_at <= now)
           .order_by(OutboxMessage.id).limit(limit))
    # The conditions repeat outside the subquery: PostgreSQL re-checks them on a row another
    # sender claimed meanwhile, and skips it.
    db.session.execute(
        update(OutboxMessage).where(OutboxMessage.id.in_(due.scalar_subquery()),
                                    OutboxMessage.status == "pending", free)
        .values(claimed_by=token, claimed_until=now + LEASE)
        .execution_options(synchronize_session=False))
    db.session.commit()
    return list(db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.claimed_by == token).order_by(OutboxMessage.id)
        .execution_options(populate_existing=True)))


@dataclass
class SendReport:
    """How a run of the sender went."""

    sent: int = 0
    failed: int = 0


def _finish(row: OutboxMessage, token: str, **values: Any) -> None:
    db.session.execute(
        update(OutboxMessage).where(OutboxMessage.id == row.id, OutboxMessage.claimed_by == token)
        .values(attempts=OutboxMessage.attempts + 1, claimed_by=None, claimed_until=None, **values)
        .execution_options(synchronize_session=False))
    db.session.commit()


def send_due(config: Any, instance_path: str, now: dt.datetime | None = None,
             limit: int = 500) -> SendReport:
    """Send every due message once; a failure waits for its next try, or fails for good."""
    now = now or utcnow()
    token = uuid.uuid4().hex
    report = SendReport()
    transport = transport_for(config, instance_path)
    try:
        for row in claim(token, now, limit):
            try:
                transport.send(row)
            except Exception as exc:  # noqa: BLE001  (any failure of one message is retried later)
                attempts = row.attempts + 1
                _finish(row, token, last_error=f"{type(exc).__name__}: {exc}"[:1000],
                        status="failed" if attempts >= MAX_ATTEMPTS else "pending",
                        next_attempt_at=now + retry_delay(attempts))
                report.failed += 1
            else:
                _finish(row, token, status="sent", sent_at=utcnow(), last_error=None)
                report.sent += 1
    finally:
        transport.close()
    if report.sent or report.failed:
        logger.info("outbox: %d sent, %d failed (will retry)", report.sent, report.failed)
    return report
