"""Timeline editing in the browser: the page's items as calendar events, and moving one.

A move is saved like the item form saves: the same rules, the same optimistic version. A stale
move (someone saved the item since the page was loaded) is refused with the stored times."""
from __future__ import annotations

import datetime as dt
from typing import Any

from flask import jsonify, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from visitplanner.core.operations import StaleEdit, apply_item, check_against_stored, store
from visitplanner.core.queries import load_visit
from visitplanner.extensions import db
from visitplanner.models import Item
from visitplanner.planning.build import build_programme
from visitplanner.planning.conflicts import Conflict, find_conflicts
from visitplanner.planning.programme import Programme
from visitplanner.planning.rules import RuleError, check_item_times, check_meeting_time
from visitplanner.web.editing import get_or_404, writer_required
from visitplanner.web.formatting import CONFLICT_NAMES, clock_span, day, time_span
from visitplanner.web.forms import rule_message

WALL_TIME = "%Y-%m-%dT%H:%M"


def current_state(visit_id: int) -> dict[str, Any]:
    """The timeline state of the visit as stored now."""
    visit = load_visit(visit_id)
    programme = build_programme(visit, lang=str(get_locale()))
    return timeline_state(visit, programme, find_conflicts(programme))


def timeline_state(visit: Any, programme: Programme, conflicts: list[Conflict]) -> dict[str, Any]:
    """Every item as a calendar event (wall-clock times, version, conflict flag) and the
    conflicts as the page lists them, in the UI language."""
    flagged = {item_id for conflict in conflicts for item_id in conflict.item_ids}
    versions = {item.id: item.version for item in visit.items}
    titles = {item.id: item.title for item in programme.items}
    events = [{
        "id": str(item.id), "title": item.title, "start": item.starts.strftime(WALL_TIME),
        "end": item.ends.strftime(WALL_TIME), "url": _item_url(visit.id, item.id),
        "classNames": [f"kind-{item.kind}", f"status-{item.status}"]
        + (["conflicting"] if item.id in flagged else []),
        "extendedProps": {"version": versions[item.id], "span": time_span(item),
                          "venue": item.venue.name if item.venue else "",
                          "conflicting": item.id in flagged},
    } for item in programme.items]
    return {"events": events, "conflicts": [{
        "kind": str(CONFLICT_NAMES[c.kind]), "message": c.message,
        "items": [{"id": i, "title": titles.get(i, f"#{i}")} for i in c.item_ids],
    } for c in conflicts]}


def _item_url(visit_id: int, item_id: int) -> str:
    if current_user.can_write:
        return url_for("web.edit_item", item_id=item_id)
    return url_for("web.show_visit", visit_id=visit_id, _anchor=f"item-{item_id}")


def _wall_time(value: Any) -> dt.datetime:
    if not isinstance(value, str):
        raise ValueError(value)
    return dt.datetime.strptime(value[:16], WALL_TIME)


@writer_required
def move_item(item_id: int) -> ResponseReturnValue:
    """Give an item new times from the timeline: JSON {starts_at, ends_at, version}."""
    item = get_or_404(Item, item_id)
    sent = request.get_json(silent=True) or {}
    try:
        starts, ends = _wall_time(sent["starts_at"]), _wall_time(sent["ends_at"])
        version = int(sent["version"])
    except (KeyError, TypeError, ValueError):
        return jsonify(error=_("Send starts_at, ends_at and version.")), 400
    if version != item.version:
        return _stale(item)
    # The meeting time moves with the start, so it stays as long before it as it was.
    meeting = item.meeting_at + (starts - item.starts_at) if item.meeting_at else None
    try:
        check_item_times(starts, ends)
        check_meeting_time(meeting, starts)
    except RuleError as exc:
        return _refused(item, rule_message(exc.message))
    times = {"starts_at": starts, "ends_at": ends, "meeting_at": meeting}
    problems = check_against_stored(times, item.visit_id)
    if problems:
        return _refused(item, " ".join(m for messages in problems.values() for m in messages))
    # The item's links as stored, so that apply_item changes the times only.
    data = {**times, "speaker_ids": item.speaker_ids,
            "interpreter_ids": item.interpreter_ids, "delegate_ids": item.delegate_ids}
    try:
        store(item, apply_item, data)
    except StaleEdit:
        return _stale(get_or_404(Item, item_id))
    message = _("Saved: %(title)s, %(span)s.", title=item.title,
                span=clock_span(item.starts_at, item.ends_at))
    return jsonify(saved=str(item.id), message=message, **current_state(item.visit_id))


def _stale(item: Item) -> ResponseReturnValue:
    """409 with the stored item, so that the page shows the colleague's change."""
    message = _("Someone else changed %(title)s meanwhile: it is now on %(day)s, %(span)s. "
                "Your move was not saved.", title=item.title, day=day(item.starts_at.date()),
                span=clock_span(item.starts_at, item.ends_at))
    return jsonify(error=message, **current_state(item.visit_id)), 409


def _refused(item: Item, message: str) -> ResponseReturnValue:
    db.session.rollback()
    return jsonify(error=message, **current_state(item.visit_id)), 422
