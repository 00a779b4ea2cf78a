"""Writing and reading the security events of the audit table."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from visitplanner.extensions import db
from visitplanner.models import AuditEvent


# The address of whoever is calling: set by the app factory to edge.caller_address, so that
# this core reads no request itself. None outside a request (CLI, worker).
def _no_address() -> str | None:
    return None


caller_address: Callable[[], str | None] = _no_address


def record_event(kind: str, user: Any = None, email: str | None = None,
                 detail: str | None = None, commit: bool = True) -> None:
    """Store one security event with the caller's address; never pass a secret as detail."""
    address = caller_address()
    db.session.add(AuditEvent(kind=kind, user=user, email=(email or getattr(user, "email", None)),
                              address=address, detail=(detail or None) and detail[:300]))
    if commit:
        db.session.commit()


def recent_events(limit: int = 500) -> list[AuditEvent]:
    """The latest events, newest first."""
    return list(db.session.scalars(select(AuditEvent).options(joinedload(AuditEvent.user))
                                   .order_by(AuditEvent.id.desc()).limit(limit)))
