"""Browser pages for programme items: add, edit, remove."""
from __future__ import annotations

import datetime as dt
from typing import Any

from flask import flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from visitplanner.core.operations import apply_item
from visitplanner.core.queries import load_visit_delegates
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


def _item_form(visit: Visit, item: Item | None = None, stored: bool = False) -> ItemForm:
    delegates = load_visit_delegates(visit.id)
    ids = {delegate.id for delegate in delegates}
    if stored and item is not None:
        form = ItemForm(formdata=None, data=stored_values(item), visit_delegate_ids=ids)
    elif item is None or request.method == "POST":
        form = ItemForm(visit_delegate_ids=ids)
    else:
        form = ItemForm(data=stored_values(item), visit_delegate_ids=ids)
    orgs, people = choices.organisations(), choices.people()
    choices.fill_choices(
        form, venue_id=choices.venues(), host_organisation_id=orgs, speaker_ids=people,
        interpreter_ids=people, delegate_ids=choices.delegates(delegates))
    return in_language(form, visit.content_language)


@writer_required
def new_item(visit_id: int) -> ResponseReturnValue:
    """Add an item to the programme."""
    visit = get_or_404(Visit, visit_id)
    form = _item_form(visit)
    if request.method == "GET":  # start from the visit's first morning
        form.starts_at.data = dt.datetime.combine(visit.start_date, dt.time(9))
        form.ends_at.data = dt.datetime.combine(visit.start_date, dt.time(10))
    item = Item(visit_id=visit.id)
    if save_form(form, item, apply_item, lambda: form, visit.id):
        flash(_("Item added: %(title)s.", title=item.title))
        return redirect(url_for("web.show_visit", visit_id=visit.id, _anchor=f"item-{item.id}"))
    return render_edit(form, _("New programme item"),
                       url_for("web.show_visit", visit_id=visit.id), visit=visit)


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
