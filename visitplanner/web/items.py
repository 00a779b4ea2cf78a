"""Browser pages for programme items: add, edit, remove."""
from __future__ import annotations

import datetime as dt
from typing import Any

from flask import flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from visitplanner.core.operations import apply_item
from visitplanner.core.queries import load_visit_delegates
from visitplanner.extensions import db
from visitplanner.models import Item, Visit
from visitplanner.web import choices
from visitplanner.web.editing import (
    confirm_delete,
    get_or_404,
    render_edit,
    save_form,
    writer_required,
)
from visitplanner.web.forms_programme import ItemForm
from visitplanner.web.forms_translations import in_language


def stored_values(item: Item) -> dict[str, Any]:
    """An item's fields as the form shows them."""
    return {"title": item.title, "kind": item.kind, "starts_at": item.starts_at,
            "ends_at": item.ends_at, "venue_id": item.venue_id,
            "host_organisation_id": item.host_organisation_id, "speaker_ids": item.speaker_ids,
            "topics": "\n".join(item.topics or []), "description": item.description,
            "audience": "whole" if item.whole_delegation else "chosen",
            "delegate_ids": item.delegate_ids or [], "status": item.status,
            "meeting_point": item.meeting_point, "meeting_at": item.meeting_at,
            "dress_code": item.dress_code, "transport": item.transport,
            "interpreting": item.interpreting, "interpreter_ids": item.interpreter_ids,
            "translations": item.translations or {}, "version": item.version}


def _item_form(visit: Visit, item: Item | None = None, stored: bool = False,
               start: dict[str, Any] | None = None) -> ItemForm:
    delegates = load_visit_delegates(visit.id)
    ids = {delegate.id for delegate in delegates}
    if stored and item is not None:
        form = ItemForm(formdata=None, data=stored_values(item), visit_delegate_ids=ids)
    elif start is not None and request.method == "GET":
        form = ItemForm(data=start, visit_delegate_ids=ids)
    elif item is None or request.method == "POST":
        form = ItemForm(visit_delegate_ids=ids)
    else:
        form = ItemForm(data=stored_values(item), visit_delegate_ids=ids)
    orgs, people = choices.organisations(), choices.people()
    choices.fill_choices(
        form, venue_id=choices.venues(), host_organisation_id=orgs, speaker_ids=people,
        interpreter_ids=people, delegate_ids=choices.delegates(delegates))
    _offer_new_entries(form)
    return in_language(form, visit.content_language)


def _offer_new_entries(form: ItemForm) -> None:
    """Let the form add a venue or a speaker in place (forms.js), or in a new tab without JS."""
    for field, kind, label, name in (("venue_id", "venue", _("New venue"), "name"),
                                     ("speaker_ids", "person", _("New person"), "full_name")):
        form[field].render_kw = {
            "data-add-url": url_for(f"web.new_{kind}", format="json"),
            "data-add-page": url_for(f"web.new_{kind}"), "data-add-label": label,
            "data-add-name": name, "data-add-save": _("Add"), "data-add-cancel": _("Cancel")}


def _start_values(visit: Visit) -> dict[str, Any]:
    """What a new item's form starts from: a copy (?like=), the slot after the item just saved
    (?after=, same day and venue), else the visit's first morning."""
    like = _visit_item(visit, request.args.get("like"))
    if like is not None:
        return {**stored_values(like), "version": None}
    after = _visit_item(visit, request.args.get("after"))
    if after is not None:
        starts = after.ends_at
        return {"starts_at": starts, "ends_at": starts + (after.ends_at - after.starts_at),
                "venue_id": after.venue_id, "kind": after.kind}
    starts = dt.datetime.combine(visit.start_date, dt.time(9))
    return {"starts_at": starts, "ends_at": starts + dt.timedelta(hours=1)}


def _visit_item(visit: Visit, item_id: str | None) -> Item | None:
    """The visit's item with this id from the query string, if there is one."""
    item = db.session.get(Item, int(item_id)) if item_id and item_id.isdigit() else None
    return item if item is not None and item.visit_id == visit.id else None


@writer_required
def new_item(visit_id: int) -> ResponseReturnValue:
    """Add an item to the programme; "save and add another" opens the next slot."""
    visit = get_or_404(Visit, visit_id)
    form = _item_form(visit, start=_start_values(visit))
    item = Item(visit_id=visit.id)
    if save_form(form, item, apply_item, lambda: form, visit.id):
        flash(_("Item added: %(title)s.", title=item.title))
        if request.form.get("then") == "another":
            return redirect(url_for("web.new_item", visit_id=visit.id, after=item.id))
        return redirect(url_for("web.show_visit", visit_id=visit.id, _anchor=f"item-{item.id}"))
    return render_edit(form, _("New programme item"),
                       url_for("web.show_visit", visit_id=visit.id), visit=visit, another=True)


@writer_required
def edit_item(item_id: int) -> ResponseReturnValue:
    """Change an item; a stale save shows what changed meanwhile."""
    item = get_or_404(Item, item_id)
    form = _item_form(item.visit, item)
    back = url_for("web.show_visit", visit_id=item.visit_id)
    if save_form(form, item, apply_item, lambda: _item_form(item.visit, item, True),
                 item.visit_id):
        flash(_("Item saved: %(title)s.", title=item.title))
        return redirect(f"{back}#item-{item.id}")
    return render_edit(form, _("Edit programme item"), back, visit=item.visit)


@writer_required
def delete_item(item_id: int) -> ResponseReturnValue:
    """Remove an item from the programme, after confirmation."""
    item = get_or_404(Item, item_id)
    back = url_for("web.show_visit", visit_id=item.visit_id)
    return confirm_delete(item, item.title, back, back)
