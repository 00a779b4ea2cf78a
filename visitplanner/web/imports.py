"""Import delegates from a CSV or Excel file: upload, preview with per-row errors, confirm.

Nothing is written before the user confirms. Between the two steps the checked rows travel in
the confirm form, signed, so any worker can finish the import and nobody can alter the rows."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.datastructures import MultiDict

from visitplanner.core.operations import apply_plain, commit
from visitplanner.core.queries import load_visit_delegates
from visitplanner.extensions import db
from visitplanner.models import Delegate, UsedFormToken, Visit
from visitplanner.models.form_tokens import new_form_token
from visitplanner.planning.vocabulary import DELEGATE_LANGUAGES, LANGUAGES
from visitplanner.web.editing import get_or_404, writer_required
from visitplanner.web.forms import DELEGATE_LANGUAGE_NAMES
from visitplanner.web.forms_directory import ConfirmImportForm, ImportForm
from visitplanner.web.forms_programme import DELEGATE_ROLE_NAMES, GENDER_NAMES, DelegateForm
from visitplanner.web.import_files import ImportFileError, read_rows

MAX_BYTES = 2 * 1024 * 1024
PAYLOAD_AGE = 3600  # seconds a preview stays valid
ROLE_CODES = ", ".join(DELEGATE_ROLE_NAMES)


@dataclass
class PreviewRow:
    """One row of the file: what it would store, or why it cannot be imported."""

    number: int
    values: dict[str, Any]
    errors: dict[str, list[str]] = field(default_factory=dict)
    duplicate: str | None = None

    @property
    def ok(self) -> bool:
        """True when the row would be imported."""
        return not self.errors and self.duplicate is None


def _signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="delegate-import")


def spellings(names: dict[str, Any]) -> dict[str, str]:
    """Each code, and its name in every UI language, folded to lower case, mapped to the code."""
    words = {code.casefold(): code for code in names}
    for lang in LANGUAGES:
        with force_locale(lang):
            words.update({str(label).casefold(): code for code, label in names.items()})
    return words


def _as_codes(row: dict[str, str], words: dict[str, dict[str, str]]) -> dict[str, str]:
    """The row with roles and languages written as the app's codes where it knows the word."""
    return {name: words[name].get(value.strip().casefold(), value) if name in words and value
            else value for name, value in row.items()}


def check_rows(rows: list[dict[str, str]], visit_id: int) -> list[PreviewRow]:
    """Validate each row with the delegate form's rules; flag e-mails seen before."""
    seen = {d.email.lower(): _("already in this delegation")
            for d in load_visit_delegates(visit_id) if d.email}
    words = {"role": spellings(DELEGATE_ROLE_NAMES),
             "language": spellings(DELEGATE_LANGUAGE_NAMES),
             "gender": spellings({code: name for code, name in GENDER_NAMES.items() if code})}
    checked = []
    for number, row in enumerate(rows, start=2):  # row 1 holds the headings
        sent = MultiDict({name: value for name, value in _as_codes(row, words).items()
                          if value is not None})
        form = DelegateForm(formdata=sent, meta={"csrf": False})
        valid = form.validate()
        errors = {} if valid else dict(form.errors)
        if "role" in errors:
            errors["role"] = [_("Use one of %(roles)s, or a role's name in English, Dutch or "
                                "French (such as Member, Lid, Membre).", roles=ROLE_CODES)]
        preview = PreviewRow(number, form.values() if valid else dict(row), errors)
        email = (preview.values.get("email") or "").lower()
        if email and email in seen:
            preview.duplicate = seen[email]
        elif email:
            seen[email] = _("same e-mail as row %(number)s", number=number)
        checked.append(preview)
    return checked


@writer_required
def import_delegates(visit_id: int) -> ResponseReturnValue:
    """Upload a file and preview it; nothing is stored yet."""
    visit = get_or_404(Visit, visit_id)
    form = ImportForm()
    if form.validate_on_submit():
        upload = form.file.data
        data = upload.read(MAX_BYTES + 1)
        try:
            if len(data) > MAX_BYTES:
                raise ImportFileError("too large")
            rows = check_rows(read_rows(upload.filename or "", data), visit.id)
        except ImportFileError:
            form.file.errors.append(_("This file cannot be read. Use a .csv or .xlsx file of at "
                                      "most 2 MB and 1000 rows, with a full_name column."))
        else:
            good = [row.values for row in rows if row.ok]
            confirm = ConfirmImportForm(
                formdata=None, payload=_signer().dumps({"visit_id": visit.id, "rows": good,
                                         "once": new_form_token()}))
            blank = DelegateForm(formdata=None, meta={"csrf": False})
            labels = {f.name: f.label.text for f in blank}
            return render_template("web/import_preview.html", visit=visit, rows=rows,
                                   good=len(good), confirm=confirm, labels=labels)
    status = 422 if form.is_submitted() else 200
    return render_template("web/import.html", visit=visit, form=form, roles=ROLE_CODES,
                           languages=", ".join(DELEGATE_LANGUAGES)), status


@writer_required
def confirm_import(visit_id: int) -> ResponseReturnValue:
    """Store the rows the user saw in the preview, checked once more against the delegation."""
    visit = get_or_404(Visit, visit_id)
    form = ConfirmImportForm()
    try:
        payload = _signer().loads(form.payload.data or "", max_age=PAYLOAD_AGE) \
            if form.validate_on_submit() else None
    except BadSignature:
        payload = None
    if not payload or payload.get("visit_id") != visit.id:
        flash(_("The preview has expired or was altered; upload the file again."))
        return redirect(url_for("web.import_delegates", visit_id=visit.id))
    token = payload.get("once")
    if token and db.session.get(UsedFormToken, token) is not None:
        flash(_("This import was already confirmed; nothing was added twice."))
        return redirect(url_for("web.list_delegates", visit_id=visit.id))
    if token:
        db.session.add(UsedFormToken(token=token))
    rows = [row for row in check_rows(payload["rows"], visit.id) if row.ok]
    for row in rows:
        delegate = Delegate(visit_id=visit.id)
        apply_plain(delegate, row.values)
        db.session.add(delegate)
    commit()
    flash(ngettext("%(num)d delegate imported.", "%(num)d delegates imported.", len(rows)))
    return redirect(url_for("web.list_delegates", visit_id=visit.id))
