"""Mail delivery, the worker's first job kind: outbox rows go out over SMTP (or as .eml files)."""
from __future__ import annotations

import datetime as dt
import os
import smtplib
import ssl
import uuid
from email.utils import parseaddr
from pathlib import Path
from typing import Any, Protocol

from flask import Flask

from visitplanner.core.outbox import outbox_message
from visitplanner.mail.attachments import with_attachment
from visitplanner.models import OutboxMessage
from visitplanner.models.base import utcnow
from visitplanner.worker import JobKind

SMTP_TIMEOUT = 20  # a server that accepts and never answers holds one worker this long, no more


class Transport(Protocol):
    """Something that delivers one message, or raises."""

    def send(self, row: OutboxMessage, data: str) -> None: ...

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

    def send(self, row: OutboxMessage, data: str) -> None:
        try:
            self.connection = self.connection or self._connect()
            self.connection.sendmail(self.sender, [row.recipient], data)
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

    def send(self, row: OutboxMessage, data: str) -> None:
        # Messages hold personal links and addresses: only the app's own user may read them.
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = self.folder / f"{row.id:08d}-{row.kind}.eml"
        if target.exists():
            return  # written before the worker could mark it sent: not again
        partial = target.with_suffix(f".{uuid.uuid4().hex}.part")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(data)
        os.replace(partial, target)

    def close(self) -> None:
        pass


def transport_for(config: Any, instance_path: str) -> Transport:
    """SMTP when a host is configured, else .eml files in instance/outbox/."""
    if config.get("SMTP_HOST"):
        return SmtpTransport(config)
    return FileTransport(Path(instance_path) / "outbox")


class Delivery:
    """The mail job's handler: attach what the row asks for (rendered here), then send."""

    def __init__(self, app: Flask) -> None:
        self.transport = transport_for(app.config, app.instance_path)

    def handle(self, row: OutboxMessage) -> None:
        self.transport.send(row, with_attachment(outbox_message(row), row.attachment))

    def close(self) -> None:
        self.transport.close()


def _first_retry(app: Flask) -> dt.timedelta:
    return dt.timedelta(seconds=float(app.config.get("MAIL_RETRY_SECONDS", 60)))


# Batches of 50: one SMTP connection and one commit for 50 messages, and each batch still
# done well within the claim's lease when every message renders its personal programme.
MAIL = JobKind(name="mail", model=OutboxMessage, open_handler=Delivery, batch=50,
               first_retry=_first_retry, done=lambda: {"status": "sent", "sent_at": utcnow()})
