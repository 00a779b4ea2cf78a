"""Users, passwords (argon2) and API tokens: creating them and finding who is asking."""
from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from visitplanner.extensions import db
from visitplanner.models import ApiToken, User
from visitplanner.planning.vocabulary import USER_ROLES

_hasher = PasswordHasher()
# Verified against when the e-mail is unknown, so a login takes as long either way.
_DUMMY_HASH = _hasher.hash("no such user")


class AccountError(ValueError):
    """A user or token could not be created; the message says why."""


def create_user(email: str, role: str, password: str | None, full_name: str | None = None) -> User:
    """Create and commit a user with an argon2-hashed password."""
    email = email.strip().lower()
    if role not in USER_ROLES:
        raise AccountError(f"Unknown role {role!r}: choose one of {', '.join(USER_ROLES)}.")
    if "@" not in email:
        raise AccountError(f"{email!r} is not an e-mail address.")
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
            _hasher.verify(_DUMMY_HASH, password)
            return None
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return user if user.active else None


def issue_token(user: User, name: str | None = None) -> str:
    """Create and commit a new API token for the user; return it (shown once, never stored)."""
    token = secrets.token_urlsafe(32)
    db.session.add(ApiToken(user=user, token_hash=ApiToken.hash(token), name=name))
    db.session.commit()
    return token


def user_for_token(token: str) -> User | None:
    """Return the active user owning this unrevoked token, else None."""
    stored = db.session.scalar(
        select(ApiToken).options(joinedload(ApiToken.user))
        .where(ApiToken.token_hash == ApiToken.hash(token), ApiToken.revoked_at.is_(None))
    )
    if stored is None or not stored.user.active:
        return None
    return stored.user
