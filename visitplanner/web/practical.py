"""Browser pages for a visit's practical side: add, edit and remove journeys, stays, contacts."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from visitplanner.core.operations import apply_journey, apply_plain, apply_stay
from visitplanner.core.queries import load_visit_delegates
from visitplanner.models import Contact, Journey, Stay, Visit
from visitplanner.web import choices
from visitplanner.web.editing import (
    confirm_delete,
    get_or_404,
    render_edit,
    save_form,
    writer_required,
)
from visitplanner.web.forms import EditForm
from visitplanner.web.forms_practical import AudienceForm, ContactForm, JourneyForm, StayForm
from visitplanner.web.forms_translations import in_language


@dataclass(frozen=True)
class Kind:
    """One kind of practical row and how its pages show it."""

    model: type[Any]
    form: type[EditForm]
    apply: Callable[[Any, dict[str, Any]], None]
    new_heading: Any
    edit_heading: Any
    name: Callable[[Any], str]  # how a row is named in messages


def _journey_name(journey: Journey) -> str:
    return " → ".join(p for p in (journey.from_place, journey.to_place) if p) \
        or journey.reference or _("Journey")


KINDS = {
    "journeys": Kind(Journey, JourneyForm, apply_journey, _l("New arrival or departure"),
                     _l("Edit arrival or departure"), _journey_name),
    "stays": Kind(Stay, StayForm, apply_stay, _l("New hotel stay"), _l("Edit hotel stay"),
                  lambda stay: stay.venue.name),
    "contacts": Kind(Contact, ContactForm, apply_plain, _l("New contact"), _l("Edit contact"),
                     lambda contact: contact.name),
}


def stored_values(form_class: type[EditForm], row: Any) -> dict[str, Any]:
    """A row's fields as its form shows them."""
    values = {name: getattr(row, name) for name in form_class().data if hasattr(row, name)}
    values["translations"] = row.translations or {}
    values["version"] = row.version
    if issubclass(form_class, AudienceForm):
        values["audience"] = "whole" if row.whole_delegation else "chosen"
        values["delegate_ids"] = row.delegate_ids or []
    return values


def _form(spec: Kind, visit: Visit, row: Any = None, stored: bool = False) -> EditForm:
    delegates = load_visit_delegates(visit.id)
    extra = {}
    if issubclass(spec.form, AudienceForm):
        extra["visit_delegate_ids"] = {delegate.id for delegate in delegates}
    if stored:
        form = spec.form(formdata=None, data=stored_values(spec.form, row), **extra)
    elif row is None or request.method == "POST":
        form = spec.form(**extra)
    else:
        form = spec.form(data=stored_values(spec.form, row), **extra)
    if isinstance(form, AudienceForm):
        choices.fill_choices(form, delegate_ids=choices.delegates(delegates))
    if isinstance(form, StayForm):
        choices.fill_choices(form, venue_id=choices.venues())
    if isinstance(form, JourneyForm) and row is None and request.method == "GET":
        _journey_defaults(form, visit)
    return in_language(form, visit.content_language)


def _journey_defaults(form: JourneyForm, visit: Visit) -> None:
    """A new journey starts in the visit's zone, on the eve of its first day."""
    form.departure_timezone.data = form.arrival_timezone.data = visit.timezone
    eve = visit.start_date - dt.timedelta(days=1)
    form.departs_at.data = dt.datetime.combine(eve, dt.time(15))
    form.arrives_at.data = dt.datetime.combine(eve, dt.time(18))


def _back(visit_id: int) -> str:
    return url_for("web.show_visit", visit_id=visit_id, _anchor="practical-heading")


@writer_required
def new_practical(kind: str, visit_id: int) -> ResponseReturnValue:
    """Add a journey, a hotel stay or a contact to a visit."""
    spec = KINDS[kind]
    visit = get_or_404(Visit, visit_id)
    form = _form(spec, visit)
    row = spec.model(visit_id=visit.id)
    if save_form(form, row, spec.apply, lambda: form, visit.id):
        flash(_("Added: %(name)s.", name=spec.name(row)))
        return redirect(_back(visit.id))
    return render_edit(form, str(spec.new_heading), _back(visit.id), visit=visit)


@writer_required
def edit_practical(kind: str, row_id: int) -> ResponseReturnValue:
    """Change a journey, stay or contact; a stale save shows what changed meanwhile."""
    spec = KINDS[kind]
    row = get_or_404(spec.model, row_id)
    form = _form(spec, row.visit, row)
    if save_form(form, row, spec.apply, lambda: _form(spec, row.visit, row, True), row.visit_id):
        flash(_("Saved: %(name)s.", name=spec.name(row)))
        return redirect(_back(row.visit_id))
    return render_edit(form, str(spec.edit_heading), _back(row.visit_id), visit=row.visit)


@writer_required
def delete_practical(kind: str, row_id: int) -> ResponseReturnValue:
    """Remove a journey, stay or contact, after confirmation."""
    spec = KINDS[kind]
    row = get_or_404(spec.model, row_id)
    back = _back(row.visit_id)
    return confirm_delete(row, spec.name(row), back, back)
