"""Users, passwords (argon2) and API tokens: creating them and finding who is asking."""
from __future__ import annotations

import datetime as dt
import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from visitplanner.core.audit import record_event
from visitplanner.extensions import db
from visitplanner.models import ApiToken, User
from visitplanner.models.base import utcnow
from visitplanner.planning.rules import RuleError, check_email
from visitplanner.planning.vocabulary import USER_ROLES

MIN_PASSWORD_LENGTH = 10
MIN_PASSWORD_SCORE = 3  # zxcvbn: 3 = "safely unguessable", well beyond a dictionary attack
PASSWORD_RULE = (f"Choose a password of at least {MIN_PASSWORD_LENGTH} characters that is not a "
                 "common word, name or pattern (a few unrelated words work well).")
# A token's last use is written at most this often, so reads do not all become writes.
LAST_USED_EVERY = dt.timedelta(minutes=5)

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the e-mail is unknown, so a login takes as long either way.

    Made at the first such login, not at import: hashing costs a sixth of a second per start.
    """
    return _hasher.hash("no such user")


class AccountError(ValueError):
    """A user or token could not be created; the message says why."""


def create_user(email: str, role: str, password: str | None, full_name: str | None = None) -> User:
    """Create and commit a user with an argon2-hashed password."""
    email = email.strip().lower()
    if role not in USER_ROLES:
        raise AccountError(f"Unknown role {role!r}: choose one of {', '.join(USER_ROLES)}.")
    try:
        check_email("email", email)
    except RuleError as exc:
        raise AccountError(f"{email!r} is not an e-mail address.") from exc
    if find_user(email) is not None:
        raise AccountError(f"A user with e-mail {email} already exists.")
    user = User(email=email, role=role, full_name=full_name,
                password_hash=_hasher.hash(password) if password else None)
    db.session.add(user)
    db.session.commit()
    return user


def find_user(email: str) -> User | None:
    """Return the user with this e-mail address, if any."""
    return db.session.scalar(select(User).where(User.email == email.strip().lower()))


def authenticate(email: str, password: str) -> User | None:
    """Return the active user whose password matches, else None."""
    user = find_user(email)
    try:
        if user is None or user.password_hash is None:
            _hasher.verify(_dummy_hash(), password)
            return None
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return user if user.active else None


def check_password(password: str, *known: str | None) -> None:
    """The password policy of the web forms and the CLI alike: long and hard to guess."""
    if len(password) < MIN_PASSWORD_LENGTH or len(password) > 1000 or "\x00" in password:
        raise AccountError(PASSWORD_RULE)
    from zxcvbn import zxcvbn  # its word lists take a while to load: only a new password does

    # zxcvbn's cost grows with length; the first 100 characters decide its score.
    if zxcvbn(password[:100], user_inputs=[k for k in known if k])["score"] < MIN_PASSWORD_SCORE:
        raise AccountError(PASSWORD_RULE)


def verify_password(user: User, password: str) -> bool:
    """Whether the password is the user's."""
    try:
        return user.password_hash is not None and _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def set_password(user: User, password: str) -> None:
    """Store a new password (the caller checked the policy) and end the user's sessions."""
    user.password_hash = _hasher.hash(password)
    end_sessions(user)


def end_sessions(user: User) -> None:
    """Make every session of the user stop working (the caller commits)."""
    user.session_generation += 1


def as_utc(moment: dt.datetime | None) -> dt.datetime | None:
    """SQLite gives naive UTC times back; PostgreSQL aware ones."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment


def token_hash(token: str) -> str:
    """The stored form of an API token."""
    return ApiToken.hash(token)


def issue_token(user: User, name: str | None = None, days: int | None = 90) -> str:
    """Create and commit a new API token for the user that expires after `days` (None: never);
    return it (shown once, never stored)."""
    token = secrets.token_urlsafe(32)
    expires = utcnow() + dt.timedelta(days=days) if days else None
    db.session.add(ApiToken(user=user, token_hash=token_hash(token), name=name,
                            expires_at=expires))
    record_event("token_created", user=user, detail=name, commit=False)
    db.session.commit()
    return token


def user_for_token(token: str) -> User | None:
    """Return the active user owning this unrevoked, unexpired token, else None."""
    stored = db.session.scalar(
        select(ApiToken).options(joinedload(ApiToken.user))
        .where(ApiToken.token_hash == token_hash(token), ApiToken.revoked_at.is_(None))
    )
    if stored is None or not stored.user.active or stored.expired:
        return None
    now = utcnow()
    used = as_utc(stored.last_used_at)
    if used is None or now - used > LAST_USED_EVERY:
        stored.last_used_at = now
        db.session.commit()
    return stored.user


def list_tokens(user: User) -> list[ApiToken]:
    """The user's tokens that still work, newest first."""
    tokens = db.session.scalars(select(ApiToken).where(
        ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None)).order_by(ApiToken.id.desc()))
    return [token for token in tokens if not token.expired]


def revoke_token(user: User, token_id: int) -> bool:
    """Revoke one of the user's tokens at once; False when they hold no such token."""
    stored = db.session.get(ApiToken, token_id)
    if stored is None or stored.user_id != user.id or stored.revoked_at is not None:
        return False
    stored.revoked_at = utcnow()
    record_event("token_revoked", user=user, detail=stored.name, commit=False)
    db.session.commit()
    return True
