"""The user's own account: change the password, list, create and revoke API tokens."""
from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user
from flask_wtf import FlaskForm
from wtforms import PasswordField
from wtforms.validators import DataRequired, EqualTo, Length, Optional, ValidationError

from visitplanner.core.accounts import (
    AccountError,
    check_password,
    issue_token,
    list_tokens,
    revoke_token,
    set_password,
    verify_password,
)
from visitplanner.core.audit import record_event
from visitplanner.web.forms import text

_l("Choose a password of at least 10 characters that is not a common word, name or pattern "
   "(a few unrelated words work well).")  # AccountError's message, for the catalogs


def password_policy(form: Any, field: Any) -> None:
    """The CLI's password policy, as a WTForms validator."""
    known = [form[name].data for name in ("email", "full_name") if name in form]
    try:
        check_password(field.data or "", *(known or [current_user.email]))
    except AccountError as exc:
        raise ValidationError(_(str(exc))) from exc


def new_password(label: Any, required: bool = True) -> PasswordField:
    """A new password under the policy."""
    presence = [DataRequired()] if required else [Optional()]
    return PasswordField(label, validators=[*presence, Length(max=1000), password_policy])


class PasswordForm(FlaskForm):
    """The current password, then the new one twice."""

    current = PasswordField(_l("Current password"), validators=[DataRequired(), Length(max=1000)])
    password = new_password(_l("New password"))
    confirm = PasswordField(_l("New password again"), validators=[
        DataRequired(), EqualTo("password", message=_l("The two new passwords differ."))])


class TokenForm(FlaskForm):
    """A label for a new API token."""

    name = text(_l("What the token is for"), 100)


class RevokeForm(FlaskForm):
    """Revoking a token needs only the CSRF token."""


def _page(password_form: PasswordForm, token_form: TokenForm, new_token: str | None = None,
          status: int = 200) -> ResponseReturnValue:
    return render_template("web/account.html", password_form=password_form,
                           token_form=token_form, revoke_form=RevokeForm(), new_token=new_token,
                           tokens=list_tokens(current_user)), status


@login_required
def show_account() -> ResponseReturnValue:
    """The account page."""
    return _page(PasswordForm(formdata=None), TokenForm(formdata=None))


@login_required
def change_password() -> ResponseReturnValue:
    """Change one's own password; every other session ends, this one goes on."""
    form = PasswordForm()
    user = current_user._get_current_object()
    if form.validate_on_submit():
        if verify_password(user, form.current.data or ""):
            set_password(user, form.password.data)
            record_event("password_changed", user=user)
            login_user(user)  # the session takes the new generation
            flash(_("Your password is changed; your other sessions have ended."))
            return redirect(url_for("web.show_account"))
        form.current.errors = [_("This is not your current password.")]
    return _page(form, TokenForm(formdata=None), status=422)


@login_required
def create_api_token() -> ResponseReturnValue:
    """Create an API token of one's own and show it once."""
    form = TokenForm()
    if not form.validate_on_submit():
        return _page(PasswordForm(formdata=None), form, status=422)
    token = issue_token(current_user._get_current_object(), form.name.data,
                        current_app.config["API_TOKEN_DAYS"])
    return _page(PasswordForm(formdata=None), TokenForm(formdata=None), new_token=token)


@login_required
def revoke_api_token(token_id: int) -> ResponseReturnValue:
    """Revoke one of one's own tokens at once."""
    if not RevokeForm().validate_on_submit():
        abort(400)
    if not revoke_token(current_user._get_current_object(), token_id):
        abort(404)
    flash(_("The token is revoked."))
    return redirect(url_for("web.show_account"))
