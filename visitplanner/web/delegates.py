"""Browser pages for a visit's delegation: list, add, edit, remove."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required

from visitplanner.models import Delegate, Visit
from visitplanner.operations import apply_plain
from visitplanner.queries import load_visit_delegates
from visitplanner.web.editing import (
    confirm_delete, get_or_404, render_edit, save_form, writer_required,
)
from visitplanner.web.forms_programme import DELEGATE_ROLE_NAMES, DelegateForm


@login_required
def list_delegates(visit_id: int) -> ResponseReturnValue:
    """The delegation of a visit."""
    visit = get_or_404(Visit, visit_id)
    return render_template("web/delegates.html", visit=visit,
                           delegates=load_visit_delegates(visit_id), roles=DELEGATE_ROLE_NAMES)


@writer_required
def new_delegate(visit_id: int) -> ResponseReturnValue:
    """Add a delegate to a visit."""
    visit = get_or_404(Visit, visit_id)
    form = DelegateForm()
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
    form = DelegateForm() if request.method == "POST" else DelegateForm(obj=delegate)
    current = lambda: DelegateForm(formdata=None, obj=delegate)  # noqa: E731
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
