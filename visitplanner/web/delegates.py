"""Browser pages for a visit's delegation: list, add, edit, remove."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from visitplanner.core.calendars import delegate_links
from visitplanner.core.operations import apply_plain, rotate_links
from visitplanner.core.queries import load_visit_delegates
from visitplanner.extensions import db
from visitplanner.models import Delegate, Visit
from visitplanner.web.editing import (
    confirm_delete,
    get_or_404,
    render_edit,
    save_form,
    writer_required,
)
from visitplanner.web.forms_programme import DELEGATE_ROLE_NAMES, DelegateForm
from visitplanner.web.forms_translations import in_language


@login_required
def list_delegates(visit_id: int) -> ResponseReturnValue:
    """The delegation of a visit."""
    visit = get_or_404(Visit, visit_id)
    delegates = load_visit_delegates(visit_id)
    # Secret links are shown to those who may send them, as in the API.
    links = {d.id: delegate_links(d) for d in delegates} if current_user.can_write else {}
    return render_template("web/delegates.html", visit=visit, delegates=delegates, links=links,
                           roles=DELEGATE_ROLE_NAMES, rotate_form=FlaskForm())


@writer_required
def rotate_delegate_links(delegate_id: int) -> ResponseReturnValue:
    """Give a delegate new secret links, e.g. after a link was forwarded by mistake."""
    delegate = get_or_404(Delegate, delegate_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    rotate_links(delegate)
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
