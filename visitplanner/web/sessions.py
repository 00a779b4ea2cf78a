"""Who is logged in: Flask-Login's user loader, and the login page it sends others to.

Registered with the blueprint, not with the login page's module: every page asks who is logged
in, while the login page's module (its form, the password checks) loads when it is served.
"""
from __future__ import annotations

from functools import cache
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, select

from visitplanner.extensions import db, login_manager
from visitplanner.models import User


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The logged-in user, while the session's generation is still the user's current one."""
    user_id, _, generation = session_id.partition(":")
    if not (user_id.isdigit() and generation.isdigit()) or int(user_id) > 2**31 - 1:
        return None
    found = db.session.execute(_user_of_session(), {"user_id": int(user_id),
                                                    "generation": int(generation)})
    user: User | None = found.scalar_one_or_none()
    return user


@cache
def _user_of_session() -> Any:
    # Built once: every page asks it, and Session.get composes its statement anew each time.
    return select(User).where(User.id == bindparam("user_id"),
                              User.session_generation == bindparam("generation"))


login_manager.login_view = "web.login"
login_manager.login_message = _l("Please log in to see this page.")
login_manager.localize_callback = str  # flash the message in the UI language, as plain text
