"""Helpers of the mail tests: a real SMTP server on 127.0.0.1 and running the worker once."""
from __future__ import annotations

import asyncio
import datetime as dt
import email
import socket
from email import policy

from flask import current_app


class Inbox:
    """An SMTP handler that keeps what it receives; `down` makes it refuse like a dying server."""

    def __init__(self) -> None:
        self.received: list[tuple[list[str], bytes]] = []
        self.peers: set[tuple[str, int]] = set()  # one per SMTP connection that sent mail
        self.down_after: int | None = None
        self.delay = 0.0

    async def handle_DATA(self, server, session, envelope):
        if self.down_after is not None and len(self.received) >= self.down_after:
            return "421 Service not available, closing transmission channel"
        await asyncio.sleep(self.delay)
        self.received.append((list(envelope.rcpt_tos), envelope.content))
        self.peers.add(tuple(session.peer))
        return "250 OK"

    def messages(self) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(content, policy=policy.default)
                for _, content in self.received]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def deliver(now: dt.datetime | None = None) -> int:
    """Run the worker once over the mail outbox, as `visitplanner worker` does; messages sent."""
    from visitplanner.mail.sender import MAIL
    from visitplanner.worker import work_once

    return work_once(current_app._get_current_object(), [MAIL], now=now).done.get("mail", 0)
