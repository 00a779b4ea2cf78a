"""Stale edits: what the user changed since opening the form, and what others saved meanwhile.

An edit form carries a signed snapshot (a fingerprint per field) of the values it was opened
with. When someone else saved the row first, a field the user left alone takes the stored value,
a field the user changed keeps theirs, and only fields both changed are shown as clashes."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from flask import current_app
from itsdangerous import BadData, URLSafeSerializer
from wtforms import Field, Form

NOT_VALUES = frozenset({"csrf_token", "version", "snapshot", "once"})


@dataclass(frozen=True)
class Change:
    """A field someone else changed while the user was editing."""

    label: str
    theirs: str
    yours: str


def leaves(form: Form) -> dict[str, Field]:
    """Every value field by its full name, nested ones (delegation-country) included."""
    found: dict[str, Field] = {}
    for field in form:
        if field.type == "FormField":
            found.update(leaves(field.form))
        elif field.short_name not in NOT_VALUES:
            found[field.name] = field
    return found


def _plain(field: Field) -> Any:
    """The field's value as JSON, equal for equal input however it arrived (GET or POST)."""
    value = field.data
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").strip()
    elif isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat()
    elif isinstance(value, (list, tuple)):
        value = list(value)
        if field.type == "SelectMultipleField":  # ticked boxes arrive in the page's order
            value.sort(key=str)
    return None if value in ("", [], {}) else value


def fingerprint(field: Field) -> str:
    """A short digest of the field's value."""
    encoded = json.dumps(_plain(field), default=str, sort_keys=True).encode()
    return hashlib.sha256(encoded).hexdigest()[:16]


def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="edit-snapshot")


def _row_key(row: Any) -> str:
    return f"{row.__tablename__}:{row.id}"


def take_snapshot(form: Form, row: Any) -> str:
    """The signed fingerprints of the values `form` shows for `row`."""
    fields = {name: fingerprint(field) for name, field in leaves(form).items()}
    return _signer().dumps({"row": _row_key(row), "fields": fields})


def read_snapshot(sent: str | None, row: Any) -> dict[str, str]:
    """The fingerprints the form was opened with; empty when missing, altered or another row's."""
    try:
        data = _signer().loads(sent or "")
    except BadData:
        return {}
    return data.get("fields", {}) if data.get("row") == _row_key(row) else {}


def shown(field: Field) -> str:
    """A value as the form shows it: choice labels for selects, times to the minute."""
    value = field.data
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    choices = {key: str(label) for key, label, *_ in getattr(field, "choices", None) or []}
    values = value if isinstance(value, list) else [value]
    return ", ".join(choices.get(v, str(v)) for v in values if v not in (None, "")) or "—"


def merge_stale(form: Form, stored: Form, row: Any) -> tuple[list[Change], list[Change]]:
    """Put the stored values into the fields the user left alone; return the clashes (both
    changed the field, differently) and the other changes kept. The form then holds a snapshot
    of the stored row, so saving again writes exactly the user's changes on top of it."""
    opened = read_snapshot(form.snapshot.data, row)
    clashes, kept = [], []
    theirs_by_name = leaves(stored)
    for name, mine in leaves(form).items():
        theirs = theirs_by_name.get(name)
        if theirs is None:
            continue
        mine_now, theirs_now = fingerprint(mine), fingerprint(theirs)
        before = opened.get(name)
        user_changed = before is None or mine_now != before
        if mine_now == theirs_now:
            continue
        label = str(mine.label.text)
        if user_changed:
            if before is None or theirs_now != before:
                clashes.append(Change(label, shown(theirs), shown(mine)))
        else:
            kept.append(Change(label, shown(theirs), shown(mine)))
            mine.data, mine.raw_data = theirs.data, None
    form.snapshot.data = take_snapshot(stored, row)
    return clashes, kept
