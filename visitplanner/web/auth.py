"""Logging in and out of the browser UI."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length

from visitplanner.core.accounts import authenticate
from visitplanner.extensions import db, login_manager
from visitplanner.models import User


class LoginForm(FlaskForm):
    """E-mail and password."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=1000)])


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Return the logged-in user for Flask-Login."""
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


login_manager.login_view = "web.login"
login_manager.login_message = _l("Please log in to see this page.")
login_manager.localize_callback = str  # flash the message in the UI language, as plain text


def _safe_next(target: str | None) -> str:
    """Return `next` only when it stays on this site, so a link cannot send users elsewhere."""
    if target and target.startswith("/") and not urlsplit(target).netloc and "\\" not in target:
        return target
    return url_for("web.list_visits")


def login() -> ResponseReturnValue:
    """Show the login form; log the user in on a right e-mail and password."""
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data or "", form.password.data or "")
        if user is not None:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors = [_("Unknown e-mail address or wrong password.")]
    status = 422 if request.method == "POST" else 200
    return render_template("web/login.html", form=form), status


@login_required
def logout() -> ResponseReturnValue:
    """Log out and go back to the login page."""
    logout_user()
    flash(_("You are logged out."))
    return redirect(url_for("web.login"))
