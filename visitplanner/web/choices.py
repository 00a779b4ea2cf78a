"""The choices of the select fields: organisations, people, venues and a visit's delegates."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from visitplanner.extensions import db
from visitplanner.models import Organisation, Person, Venue

NONE = SelectChoice("", "—")


def _named(model: type[Any], column: Any) -> list[SelectChoice]:
    return [SelectChoice(row_id, text) for row_id, text in db.session.execute(
        select(model.id, column).order_by(column, model.id))]


def organisations() -> list[SelectChoice]:
    """Every organisation, by name."""
    return _named(Organisation, Organisation.name)


def people() -> list[SelectChoice]:
    """Every host-side person, by name."""
    return _named(Person, Person.full_name)


def venues() -> list[SelectChoice]:
    """Every venue, by name."""
    return _named(Venue, Venue.name)


def delegates(rows: list[Any]) -> list[SelectChoice]:
    """A visit's delegates, in the order given."""
    return [SelectChoice(delegate.id, delegate.full_name) for delegate in rows]


def fill_choices(form: Any, **fields: list[SelectChoice]) -> Any:
    """Give select fields their choices; a single select also offers 'none'."""
    for name, choices in fields.items():
        field = form[name]
        field.choices = choices if field.type == "SelectMultipleField" else [NONE, *choices]
    return form
