"""Browser pages about visits: the list, the visit page, the timeline, create, edit, delete."""
from __future__ import annotations

import datetime as dt

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from visitplanner.core.operations import apply_visit, commit, copy_visit_as
from visitplanner.core.queries import load_visit, printout_stamp, search_visits
from visitplanner.core.snapshots import load_visit_snapshot
from visitplanner.models import Visit
from visitplanner.planning.build import build_programme, translated
from visitplanner.planning.conflicts import Conflict, find_conflicts
from visitplanner.planning.programme import Programme
from visitplanner.planning.rules import RuleError
from visitplanner.web import choices
from visitplanner.web.cached_pages import CSRF_SLOT, cached_body, page_around
from visitplanner.web.editing import (
    confirm_delete,
    get_or_404,
    render_edit,
    save_form,
    writer_required,
)
from visitplanner.web.forms import rule_message
from visitplanner.web.forms_translations import in_language
from visitplanner.web.forms_visit import CopyVisitForm, VisitForm
from visitplanner.web.links import row_url
from visitplanner.web.timeline import lay_out
from visitplanner.web.timeline_edits import timeline_state
from visitplanner.web.untranslated import count_untranslated

SHOWN = ("all", "upcoming", "past", "draft")


@login_required
def list_visits() -> ResponseReturnValue:
    """The home page: upcoming visits first, then past ones; search and filter."""
    words = request.args.get("q", "")[:300]
    shown = request.args.get("show", "all")
    shown = shown if shown in SHOWN else "all"
    today = dt.date.today()
    found = search_visits(words)
    if shown == "draft":
        found = [v for v in found if v.status == "draft"]
    upcoming = sorted((v for v in found if v.end_date >= today), key=lambda v: v.start_date)
    past = [v for v in found if v.end_date < today]
    return render_template("web/visits.html", upcoming=[] if shown == "past" else upcoming,
                           past=[] if shown == "upcoming" else past, words=words, shown=shown)


def _visit_and_programme(visit_id: int) -> tuple[Visit, Programme, list[Conflict]]:
    visit = load_visit(visit_id)
    if visit is None:
        abort(404)
    programme = build_programme(visit, lang=str(get_locale()))
    return visit, programme, find_conflicts(programme)


@login_required
def show_visit(visit_id: int) -> ResponseReturnValue:
    """The visit page: summary, delegation, programme by day, conflicts, links to outputs.

    Its body is made once per visit version, UI language and role, then read from the output
    cache that every worker shares; only the CSRF token is the session's own.
    """
    found = printout_stamp(visit_id)
    if found is None:
        abort(404)
    facts, stamp = found
    lang, can_write = str(get_locale()), bool(current_user.can_write)
    body = cached_body("visit-page-editor" if can_write else "visit-page-viewer",
                       f"{visit_id}|{stamp}", lang, lambda: visit_body(visit_id, lang, can_write))
    return page_around(body, "web/visit.html", title=translated(facts, "title", lang))


def visit_body(visit_id: int, lang: str, can_write: bool) -> str:
    """The visit page's body in the UI language `lang`, for organisers or for viewers, its
    send-invitations form with the CSRF slot (see web.cached_pages)."""
    visit = load_visit_snapshot(visit_id)
    if visit is None:
        abort(404)
    programme = build_programme(visit, lang)
    conflicts = find_conflicts(programme)
    names = {delegate.id: delegate.full_name for delegate in programme.delegates}
    counts = {"delegates": len(programme.delegates), "items": len(programme.items),
              "conflicts": len(conflicts), "untranslated": count_untranslated(visit)}
    return render_template(
        "web/_visit_body.html", visit=visit, programme=programme, conflicts=conflicts,
        flagged={item_id for conflict in conflicts for item_id in conflict.item_ids},
        titles={item.id: item.title for item in programme.items}, counts=counts,
        can_write=can_write,
        csrf_input=CSRF_SLOT,
        names_of=lambda ids: ", ".join(names.get(i, f"#{i}") for i in ids),
        item_actions=_item_actions(visit_id, programme) if can_write else {},
        speaker_calendar_url=row_url("web.export_person_calendar", "person_id",
                                     visit_id=visit_id),
        row_urls=_row_urls() if can_write else {})


def _item_actions(visit_id: int, programme: Programme) -> dict[int, tuple[str, str, str]]:
    """The edit, duplicate and delete links of each item, by id: filled in here rather than
    by three calls in the template per item (a summit has 900)."""
    urls = (row_url("web.edit_item", "item_id"),
            row_url("web.new_item", "like", visit_id=visit_id),
            row_url("web.delete_item", "item_id"))
    edit, duplicate, delete = (url.format for url in urls)
    return {item.id: (edit(id=item.id), duplicate(id=item.id), delete(id=item.id))
            for item in programme.items}


def _row_urls() -> dict[str, dict[str, str]]:
    """The edit and delete links of each contact, journey and stay, by kind and action."""
    return {kind: {action: row_url(f"web.{action}_{kind}", "row_id")
                   for action in ("edit", "delete")}
            for kind in ("contacts", "journeys", "stays")}


@login_required
def show_timeline(visit_id: int) -> ResponseReturnValue:
    """The programme as a timeline: one column per day, items placed by time, printable."""
    visit, programme, conflicts = _visit_and_programme(visit_id)
    flagged = {item_id for conflict in conflicts for item_id in conflict.item_ids}
    titles = {item.id: item.title for item in programme.items}
    return render_template("web/timeline.html", visit=visit, programme=programme,
                           layout=lay_out(programme), flagged=flagged, conflicts=conflicts,
                           titles=titles, state=timeline_state(visit, programme, conflicts))


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
def copy_visit(visit_id: int) -> ResponseReturnValue:
    """Copy a visit as a new draft from a new first day; delegates stay behind."""
    visit = get_or_404(Visit, visit_id)
    form = CopyVisitForm(data={"title": visit.title} if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            copy = copy_visit_as(visit, form.title.data, form.start_date.data)
        except RuleError as exc:
            form.start_date.errors = [rule_message(exc.message)]
        else:
            commit()
            flash(_("Visit copied: %(title)s. Add its delegates next.", title=copy.title))
            return redirect(url_for("web.show_visit", visit_id=copy.id))
    return render_edit(form, _("Copy the visit"), url_for("web.show_visit", visit_id=visit.id),
                       visit=visit)


@writer_required
def delete_visit(visit_id: int) -> ResponseReturnValue:
    """Delete a visit with its delegates and programme, after confirmation."""
    visit = get_or_404(Visit, visit_id)
    return confirm_delete(visit, visit.title, url_for("web.show_visit", visit_id=visit.id),
                          url_for("web.list_visits"))
