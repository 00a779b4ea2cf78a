"""Logging in and out of the browser UI."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length

from visitplanner.core.accounts import authenticate, end_sessions
from visitplanner.core.audit import record_event
from visitplanner.planning import rules
from visitplanner.web.forms import follows


class LoginForm(FlaskForm):
    """E-mail and password."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254),
                                                 follows(rules.check_text)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=1000),
                                                         follows(rules.check_text)])


def safe_next(target: str | None) -> str:
    """Return `next` only when it is a path on this site, so a link cannot send users elsewhere:
    no scheme or host, no `//` or `/\\` start, no spaces or control characters browsers drop."""
    if (target and target.startswith("/") and not target.startswith(("//", "/\\"))
            and "\\" not in target and not any(ord(c) <= 32 or ord(c) == 127 for c in target)):
        return target
    return url_for("web.list_visits")


def login() -> ResponseReturnValue:
    """Show the login form; log the user in on a right e-mail and password."""
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data or "", form.password.data or "")
        if user is not None:
            login_user(user)
            record_event("login", user=user)
            return redirect(safe_next(request.args.get("next")))
        record_event("login_failed", email=(form.email.data or "").strip().lower()[:254])
        form.password.errors = [_("Unknown e-mail address or wrong password.")]
    status = 422 if request.method == "POST" else 200
    return render_template("web/login.html", form=form), status


@login_required
def logout() -> ResponseReturnValue:
    """Log out everywhere: this session and the user's others end."""
    user = current_user._get_current_object()
    end_sessions(user)
    record_event("logout", user=user)
    logout_user()
    flash(_("You are logged out."))
    return redirect(url_for("web.login"))
