"""Browser pages about visits: the list, the visit page, the timeline, create, edit, delete."""
from __future__ import annotations

import datetime as dt

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import login_required

from visitplanner.core.operations import apply_visit
from visitplanner.core.queries import load_visit, search_visits
from visitplanner.models import Visit
from visitplanner.planning.build import build_programme
from visitplanner.planning.conflicts import Conflict, find_conflicts
from visitplanner.planning.programme import Programme
from visitplanner.web import choices
from visitplanner.web.editing import (
    confirm_delete,
    get_or_404,
    render_edit,
    save_form,
    writer_required,
)
from visitplanner.web.forms_translations import in_language
from visitplanner.web.forms_visit import VisitForm
from visitplanner.web.timeline import lay_out


@login_required
def list_visits() -> ResponseReturnValue:
    """The home page: upcoming visits first, then past ones; search by title."""
    words = request.args.get("q", "")[:300]
    today = dt.date.today()
    found = search_visits(words)
    upcoming = sorted((v for v in found if v.end_date >= today), key=lambda v: v.start_date)
    past = [v for v in found if v.end_date < today]
    return render_template("web/visits.html", upcoming=upcoming, past=past, words=words)


def _visit_and_programme(visit_id: int) -> tuple[Visit, Programme, list[Conflict]]:
    visit = load_visit(visit_id)
    if visit is None:
        abort(404)
    programme = build_programme(visit, lang=str(get_locale()))
    return visit, programme, find_conflicts(programme)


@login_required
def show_visit(visit_id: int) -> ResponseReturnValue:
    """The visit page: summary, delegation, programme by day, conflicts, links to outputs."""
    visit, programme, conflicts = _visit_and_programme(visit_id)
    flagged = {item_id for conflict in conflicts for item_id in conflict.item_ids}
    names = {delegate.id: delegate.full_name for delegate in visit.delegates}
    titles = {item.id: item.title for item in programme.items}
    return render_template("web/visit.html", visit=visit, programme=programme,
                           conflicts=conflicts, flagged=flagged, delegate_names=names,
                           titles=titles)


@login_required
def show_timeline(visit_id: int) -> ResponseReturnValue:
    """The programme as a timeline: one column per day, items placed by time, printable."""
    visit, programme, conflicts = _visit_and_programme(visit_id)
    flagged = {item_id for conflict in conflicts for item_id in conflict.item_ids}
    return render_template("web/timeline.html", visit=visit, programme=programme,
                           layout=lay_out(programme), flagged=flagged)


def _visit_form(visit: Visit | None = None, stored: bool = False) -> VisitForm:
    if stored:
        form = VisitForm(formdata=None, obj=visit)
    elif visit is None or request.method == "POST":
        form = VisitForm()
    else:
        form = VisitForm(obj=visit)
    orgs = choices.organisations()
    choices.fill_choices(form, host_organisation_id=orgs, partner_organisation_ids=orgs)
    return in_language(form, visit.content_language if visit else None)


@writer_required
def new_visit() -> ResponseReturnValue:
    """Create a visit."""
    form = _visit_form()
    visit = Visit()
    if save_form(form, visit, apply_visit, lambda: form):
        flash(_("Visit created: %(title)s.", title=visit.title))
        return redirect(url_for("web.show_visit", visit_id=visit.id))
    return render_edit(form, _("New visit"), url_for("web.list_visits"))


@writer_required
def edit_visit(visit_id: int) -> ResponseReturnValue:
    """Change a visit; a stale save shows what someone else changed meanwhile."""
    visit = get_or_404(Visit, visit_id)
    form = _visit_form(visit)
    if save_form(form, visit, apply_visit, lambda: _visit_form(visit, stored=True)):
        flash(_("Visit saved."))
        return redirect(url_for("web.show_visit", visit_id=visit.id))
    return render_edit(form, _("Edit visit"), url_for("web.show_visit", visit_id=visit.id))


@writer_required
def delete_visit(visit_id: int) -> ResponseReturnValue:
    """Delete a visit with its delegates and programme, after confirmation."""
    visit = get_or_404(Visit, visit_id)
    return confirm_delete(visit, visit.title, url_for("web.show_visit", visit_id=visit.id),
                          url_for("web.list_visits"))
