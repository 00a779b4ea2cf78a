"""Admin pages for users: list, create, change role, deactivate."""
from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from visitplanner.core.accounts import AccountError, create_user, find_user, set_password
from visitplanner.core.audit import recent_events, record_event
from visitplanner.core.operations import apply_plain
from visitplanner.extensions import db
from visitplanner.models import User
from visitplanner.models.audit import AUDIT_KINDS
from visitplanner.web.editing import admin_required, get_or_404, render_edit, save_form
from visitplanner.web.forms_directory import USER_ROLE_NAMES, UserForm


@admin_required
def list_users() -> ResponseReturnValue:
    """Every login, by e-mail."""
    users = list(db.session.scalars(select(User).order_by(User.email)))
    return render_template("web/users.html", users=users, roles=USER_ROLE_NAMES)


@admin_required
def new_user() -> ResponseReturnValue:
    """Create a login with a role and a password."""
    form = UserForm()
    if form.validate_on_submit():
        if not form.password.data:
            form.password.errors.append(_("Give the new user a password."))
        elif find_user(form.email.data) is not None:
            form.email.errors.append(_("A user with this e-mail address already exists."))
        else:
            try:
                user = create_user(form.email.data, form.role.data, form.password.data,
                                   form.full_name.data)
            except AccountError as exc:
                form.email.errors.append(str(exc))
            else:
                user.active = form.active.data
                db.session.commit()
                flash(_("User created: %(email)s.", email=user.email))
                return redirect(url_for("web.list_users"))
    return render_edit(form, _("New user"), url_for("web.list_users"))


AUDIT_KIND_NAMES = dict(zip(AUDIT_KINDS, (
    _l("Logged in"), _l("Failed login"), _l("Locked out after failed logins"), _l("Logged out"),
    _l("API token created"), _l("API token revoked"), _l("Password changed"),
    _l("Password reset by an admin"), _l("Secret links renewed")), strict=True))


def _user_changes(user: User, data: dict[str, Any]) -> None:
    """Write the role, name and active flag; a new password, when given, ends their sessions."""
    apply_plain(user, {key: data[key] for key in ("full_name", "role", "active")})
    if data.get("password"):
        set_password(user, data["password"])
        record_event("password_reset", user=user, detail=f"by {current_user.email}",
                     commit=False)
    elif not data["active"]:
        user.session_generation += 1  # a deactivated user's sessions end at once


@admin_required
def edit_user(user_id: int) -> ResponseReturnValue:
    """Change a user's role or name, or deactivate them; admins cannot lock themselves out."""
    user = get_or_404(User, user_id)
    form = UserForm(obj=user)
    form.password.data = None if not form.is_submitted() else form.password.data
    form.password.label.text = _("New password (leave empty to keep the current one)")
    form.email.render_kw = {"readonly": True}
    current = lambda: UserForm(formdata=None, obj=user)  # noqa: E731
    if form.is_submitted() and user.id == current_user.id and (
            form.role.data != "admin" or not form.active.data):
        form.role.errors = [_("You cannot take away your own admin rights.")]
    elif save_form(form, user, _user_changes, current):
        flash(_("User saved: %(email)s.", email=user.email))
        return redirect(url_for("web.list_users"))
    return render_edit(form, _("Edit user"), url_for("web.list_users"))


@admin_required
def list_audit_events() -> ResponseReturnValue:
    """The latest security events, for admins."""
    return render_template("web/audit.html", events=recent_events(), kinds=AUDIT_KIND_NAMES)
