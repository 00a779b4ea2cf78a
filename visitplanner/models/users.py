"""People who log in, and their API tokens (stored hashed)."""

import datetime as dt
import hashlib

from flask_login import UserMixin
from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from visitplanner.extensions import Model
from visitplanner.models.base import Versioned, one_of, utcnow
from visitplanner.planning.vocabulary import USER_ROLES


class User(Versioned, UserMixin, Model):
    """An admin, organiser or viewer."""

    __tablename__ = "users"
    __table_args__ = (one_of("role", USER_ROLES, "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    full_name: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="viewer")
    active: Mapped[bool] = mapped_column(default=True)
    # Part of the session's user id: raising it (logout, new password) ends every session.
    session_generation: Mapped[int] = mapped_column(default=1, server_default="1")

    tokens: Mapped[list["ApiToken"]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    @property
    def is_active(self) -> bool:  # Flask-Login refuses deactivated users.
        return self.active

    def get_id(self) -> str:
        """The session's user id: id and session generation, so old sessions stop matching."""
        return f"{self.id}:{self.session_generation}"

    @property
    def can_write(self) -> bool:
        """Admins and organisers change data; viewers only read."""
        return self.role in ("admin", "organiser")


class ApiToken(Model):
    """A bearer token; only its SHA-256 is kept, so a database leak reveals no token."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship(back_populates="tokens")

    @staticmethod
    def hash(token: str) -> str:
        """Return the stored form of a token (high-entropy, so a plain SHA-256 suffices)."""
        return hashlib.sha256(token.encode()).hexdigest()

    @property
    def expired(self) -> bool:
        """Whether the token is past its expiry."""
        expires = self.expires_at
        if expires is not None and expires.tzinfo is None:
            expires = expires.replace(tzinfo=dt.UTC)
        return expires is not None and expires <= utcnow()
