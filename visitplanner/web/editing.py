"""What every edit page shares: role checks, loading a row, saving a form, stale edits, deleting."""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort, flash, redirect, render_template
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError

from visitplanner.core.operations import REFERENCES, StaleEdit, check_against_stored, commit, store
from visitplanner.extensions import db
from visitplanner.models.form_tokens import UsedFormToken, new_form_token
from visitplanner.web.forms import EditForm
from visitplanner.web.forms_directory import ConfirmDeleteForm
from visitplanner.web.forms_translations import kept_translations
from visitplanner.web.stale_edits import merge_stale, take_snapshot

View = TypeVar("View", bound=Callable[..., ResponseReturnValue])


def writer_required(view: View) -> View:
    """Log-in required, and viewers get 403: only admins and organisers change data."""
    @wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> ResponseReturnValue:
        if not current_user.can_write:
            abort(403)
        return view(*args, **kwargs)
    return login_required(guarded)


def admin_required(view: View) -> View:
    """Log-in required, and only admins pass."""
    @wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> ResponseReturnValue:
        if current_user.role != "admin":
            abort(403)
        return view(*args, **kwargs)
    return login_required(guarded)


def get_or_404(model: type[Any], row_id: int) -> Any:
    """The row, or a 404 page."""
    return db.get_or_404(model, row_id)


def save_form(form: EditForm, row: Any, apply: Callable[[Any, dict[str, Any]], None],
              current: Callable[[], EditForm], visit_id: int | None = None) -> bool:
    """Validate with the shared rules and store; on a stale version keep the user's changes,
    take the rest from the stored row and explain."""
    if not form.is_submitted():
        if row.id is not None:
            form.snapshot.data = take_snapshot(form, row)
        else:
            form.once.data = new_form_token()
    if not form.validate_on_submit():
        return False
    data = form.values()
    if "translations" in form:
        data["translations"] = kept_translations(form, row.translations)
    problems = check_against_stored(data, visit_id)
    for name, messages in problems.items():
        # A reference to a deleted row gets a plain hint; other rules (a time that never
        # happens because the clocks jump forward) keep their own message.
        form[name].errors = ([_("This choice no longer exists; pick another.")]
                             if name in REFERENCES or name == "delegate_ids" else messages)
    if problems:
        return False
    if row.id is not None and form.version.data != str(row.version):
        return _stale(form, row, current)
    if row.id is None:
        if _already_sent(form):
            return False
        db.session.add(row)
    try:
        store(row, apply, data)
    except StaleEdit:
        db.session.refresh(row)
        return _stale(form, row, current)
    except IntegrityError:
        form.form_errors.append(_("This conflicts with stored data."))
        return False
    return True


def _already_sent(form: EditForm) -> bool:
    """Mark the form's token used (committed with the new row); True when it was used before."""
    token = form.once.data
    if not token:
        return False
    if db.session.get(UsedFormToken, token) is not None:
        form.form_errors.append(_("This form was already sent and saved; nothing was added "
                                  "twice."))
        return True
    db.session.add(UsedFormToken(token=token))
    return False


def _stale(form: EditForm, row: Any, current: Callable[[], EditForm]) -> bool:
    form.changes, form.kept = merge_stale(form, current(), row)
    form.version.data = str(row.version)  # saving again applies the user's changes over theirs
    return False


def render_edit(form: EditForm, heading: str, cancel_url: str,
                **context: Any) -> ResponseReturnValue:
    """The edit page; 409 after a stale save, 422 after invalid input."""
    status = 200
    if getattr(form, "changes", None) is not None:
        status = 409
    elif form.is_submitted():
        status = 422
    return render_template("web/edit.html", form=form, heading=heading, cancel_url=cancel_url,
                           **context), status


def confirm_delete(row: Any, name: str, cancel_url: str, done_url: str) -> ResponseReturnValue:
    """Ask before deleting; delete when confirmed at the version shown."""
    form = ConfirmDeleteForm(version=str(row.version))
    if form.validate_on_submit():
        if form.version.data == str(row.version):
            db.session.delete(row)
            try:
                commit()
            except StaleEdit:
                pass
            else:
                flash(_("Deleted: %(name)s.", name=name))
                return redirect(done_url)
        flash(_("Someone changed %(name)s meanwhile; look again before deleting.", name=name))
        return redirect(cancel_url)
    return render_template("web/confirm_delete.html", form=form, name=name,
                           cancel_url=cancel_url)
