"""Who is logged in: Flask-Login's user loader, and the login page it sends others to.

Registered with the blueprint, not with the login page's module: every page asks who is logged
in, while the login page's module (its form, the password checks) loads when it is served.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from visitplanner.extensions import db, login_manager
from visitplanner.models import User


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The logged-in user, while the session's generation is still the user's current one."""
    user_id, _, generation = session_id.partition(":")
    if not (user_id.isdigit() and generation.isdigit()) or int(user_id) > 2**31 - 1:
        return None
    user = db.session.get(User, int(user_id))
    return user if user is not None and user.session_generation == int(generation) else None


login_manager.login_view = "web.login"
login_manager.login_message = _l("Please log in to see this page.")
login_manager.localize_callback = str  # flash the message in the UI language, as plain text
