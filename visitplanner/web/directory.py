"""Browser pages for the directory: organisations, people and venues (list, add, edit, remove)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from visitplanner.core.operations import apply_plain
from visitplanner.core.queries import used_by
from visitplanner.extensions import db
from visitplanner.models import Organisation, Person, Venue
from visitplanner.web import choices
from visitplanner.web.editing import (
    confirm_delete,
    get_or_404,
    render_edit,
    save_form,
    writer_required,
)
from visitplanner.web.forms import EditForm
from visitplanner.web.forms_directory import (
    ORGANISATION_KIND_NAMES,
    OrganisationForm,
    PersonForm,
    VenueForm,
)
from visitplanner.web.forms_translations import in_language

# How the tables that still point at an entry read in the "still used" message.
USAGE_LABELS = {
    "visits": _l("visits"), "visit_partners": _l("visits as partner"),
    "visit_key_figures": _l("visits as key figure"), "people": _l("people"),
    "venues": _l("venues"), "items": _l("programme items"),
    "item_speakers": _l("programme items as speaker"), "quotes": _l("quotes"),
    "stays": _l("hotel stays"), "item_interpreters": _l("programme items as interpreter"),
}


@dataclass(frozen=True)
class Kind:
    """One kind of directory entry and how its pages show it."""

    model: type[Any]
    form: type[EditForm]
    singular: str  # endpoint suffix: new_organisation, edit_organisation, ...
    title: Any
    new_heading: Any
    edit_heading: Any
    name_field: str


KINDS = {
    "organisations": Kind(Organisation, OrganisationForm, "organisation", _l("Organisations"),
                          _l("New organisation"), _l("Edit organisation"), "name"),
    "people": Kind(Person, PersonForm, "person", _l("People"), _l("New person"),
                   _l("Edit person"), "full_name"),
    "venues": Kind(Venue, VenueForm, "venue", _l("Venues"), _l("New venue"), _l("Edit venue"),
                   "name"),
}


@login_required
def list_entries(kind: str) -> ResponseReturnValue:
    """Every entry of one kind, by name, with its organisation where it has one."""
    spec = KINDS[kind]
    statement = select(spec.model).order_by(getattr(spec.model, spec.name_field))
    if spec.model is not Organisation:
        statement = statement.options(joinedload(spec.model.organisation))
    return render_template("web/directory.html", kind=kind, spec=spec,
                           rows=list(db.session.scalars(statement)),
                           kinds=ORGANISATION_KIND_NAMES)


def _form(spec: Kind, row: Any = None, stored: bool = False) -> EditForm:
    if stored:
        form = spec.form(formdata=None, obj=row)
    elif row is None or request.method == "POST":
        form = spec.form()
    else:
        form = spec.form(obj=row)
    if "organisation_id" in form:
        choices.fill_choices(form, organisation_id=choices.organisations())
    return in_language(form, None, original=True)


@writer_required
def new_entry(kind: str) -> ResponseReturnValue:
    """Add an organisation, person or venue."""
    spec = KINDS[kind]
    form = _form(spec)
    row = spec.model()
    as_json = request.args.get("format") == "json"  # added from inside another form
    if save_form(form, row, apply_plain, lambda: form):
        if as_json:
            return jsonify(id=row.id, label=getattr(row, spec.name_field)), 201
        flash(_("Saved: %(name)s.", name=getattr(row, spec.name_field)))
        return redirect(url_for(f"web.list_{kind}"))
    if as_json and form.is_submitted():
        return jsonify(errors=form.errors), 422
    return render_edit(form, str(spec.new_heading), url_for(f"web.list_{kind}"))


@writer_required
def edit_entry(kind: str, row_id: int) -> ResponseReturnValue:
    """Change an organisation, person or venue."""
    spec = KINDS[kind]
    row = get_or_404(spec.model, row_id)
    form = _form(spec, row)
    if save_form(form, row, apply_plain, lambda: _form(spec, row, stored=True)):
        flash(_("Saved: %(name)s.", name=getattr(row, spec.name_field)))
        return redirect(url_for(f"web.list_{kind}"))
    return render_edit(form, str(spec.edit_heading), url_for(f"web.list_{kind}"))


@writer_required
def delete_entry(kind: str, row_id: int) -> ResponseReturnValue:
    """Remove an organisation, person or venue, after confirmation."""
    spec = KINDS[kind]
    row = get_or_404(spec.model, row_id)
    back = url_for(f"web.list_{kind}")
    name = getattr(row, spec.name_field)
    uses = used_by(row, USAGE_LABELS)
    if uses:
        flash(_("%(name)s is still used by %(uses)s: change or delete those first.",
                name=name, uses=uses))
        return redirect(back)
    return confirm_delete(row, name, back, back)
