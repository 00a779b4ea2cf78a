"""Security events (logins, lockouts, tokens, passwords, secret links) for admins to read."""

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from visitplanner.extensions import Model
from visitplanner.models.base import one_of, utcnow
from visitplanner.models.users import User

AUDIT_KINDS = ("login", "login_failed", "lockout", "logout", "token_created", "token_revoked",
               "password_changed", "password_reset", "link_rotated")


class AuditEvent(Model):
    """One security event: what happened, to whom, from which address. Never a secret."""

    __tablename__ = "audit_events"
    __table_args__ = (one_of("kind", AUDIT_KINDS, "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(30))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"),
                                                index=True)
    email: Mapped[str | None] = mapped_column(String(254))
    address: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(String(300))

    user: Mapped[User | None] = relationship()
