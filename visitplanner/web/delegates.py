"""Browser pages for a visit's delegation: list, add, edit, remove."""
from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from visitplanner.core.calendars import delegate_links
from visitplanner.core.operations import apply_plain, rotate_token
from visitplanner.core.queries import AUDIENCES, load_audience, load_visit_delegates
from visitplanner.extensions import db
from visitplanner.models import Delegate, Visit
from visitplanner.web.editing import (
    confirm_delete,
    get_or_404,
    render_edit,
    save_form,
    writer_required,
)
from visitplanner.web.formatting import local
from visitplanner.web.forms_practical import DIRECTION_NAMES
from visitplanner.web.forms_programme import DELEGATE_ROLE_NAMES, DelegateForm
from visitplanner.web.forms_translations import in_language


@login_required
def list_delegates(visit_id: int) -> ResponseReturnValue:
    """The delegation of a visit; with ?item=, ?journey= or ?stay=, only those it is for."""
    visit = get_or_404(Visit, visit_id)
    audience = _asked_audience(visit)
    delegates = load_visit_delegates(visit_id) if audience is None else audience[1]
    # Secret links are shown to those who may send them, as in the API.
    links = {d.id: delegate_links(d) for d in delegates} if current_user.can_write else {}
    return render_template("web/delegates.html", visit=visit, delegates=delegates, links=links,
                           roles=DELEGATE_ROLE_NAMES, rotate_form=FlaskForm(),
                           audience_of=None if audience is None else audience[0])


def _asked_audience(visit: Visit) -> tuple[str, list[Delegate]] | None:
    """The name of the item, journey or stay the query string asks for and its delegates."""
    asked = [kind for kind in AUDIENCES if kind in request.args]
    if not asked:
        return None
    kind = asked[0]
    row_id = request.args.get(kind, type=int)
    found = None if row_id is None else load_audience(visit.id, kind, row_id)
    if found is None:
        abort(404)
    row, delegates = found
    return audience_name(kind, row), delegates


def audience_name(kind: str, row: Any) -> str:
    """What the delegates page calls an item, journey or stay in the UI language."""
    if kind == "item":
        return str(local(row, "title"))
    if kind == "stay":
        return str(local(row.venue, "name"))
    return " ".join(filter(None, (str(DIRECTION_NAMES[row.direction]), row.reference)))


@writer_required
def rotate_delegate_token(delegate_id: int) -> ResponseReturnValue:
    """Give a delegate new secret links, e.g. after a link was forwarded by mistake."""
    delegate = get_or_404(Delegate, delegate_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    rotate_token(delegate)
    db.session.commit()
    flash(_("New personal links for %(name)s; the old links no longer work.",
            name=delegate.full_name))
    return redirect(url_for("web.list_delegates", visit_id=delegate.visit_id))


@writer_required
def new_delegate(visit_id: int) -> ResponseReturnValue:
    """Add a delegate to a visit."""
    visit = get_or_404(Visit, visit_id)
    form = in_language(DelegateForm(), visit.content_language)
    delegate = Delegate(visit_id=visit.id)
    if save_form(form, delegate, apply_plain, lambda: form, visit.id):
        flash(_("Delegate added: %(name)s.", name=delegate.full_name))
        return redirect(url_for("web.list_delegates", visit_id=visit.id))
    return render_edit(form, _("New delegate"), url_for("web.list_delegates", visit_id=visit.id),
                       visit=visit)


@writer_required
def edit_delegate(delegate_id: int) -> ResponseReturnValue:
    """Change a delegate."""
    delegate = get_or_404(Delegate, delegate_id)
    lang = delegate.visit.content_language
    form = DelegateForm() if request.method == "POST" else DelegateForm(obj=delegate)
    in_language(form, lang)
    current = lambda: in_language(DelegateForm(formdata=None, obj=delegate), lang)  # noqa: E731
    back = url_for("web.list_delegates", visit_id=delegate.visit_id)
    if save_form(form, delegate, apply_plain, current, delegate.visit_id):
        flash(_("Delegate saved: %(name)s.", name=delegate.full_name))
        return redirect(back)
    return render_edit(form, _("Edit delegate"), back, visit=delegate.visit)


@writer_required
def delete_delegate(delegate_id: int) -> ResponseReturnValue:
    """Remove a delegate from the delegation, after confirmation."""
    delegate = get_or_404(Delegate, delegate_id)
    back = url_for("web.list_delegates", visit_id=delegate.visit_id)
    return confirm_delete(delegate, delegate.full_name, back, back)
