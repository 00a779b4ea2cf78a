"""Reads: every query the views need, each a fixed number of statements."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from visitplanner.extensions import db
from visitplanner.models import (
    Delegate,
    Item,
    ItemInterpreter,
    ItemSpeaker,
    Journey,
    KeyFigure,
    Person,
    Quote,
    Stay,
    Venue,
    Visit,
    VisitPartner,
)


def list_visits_with_hosts() -> list[Visit]:
    """Every visit with its host organisation, latest first."""
    statement = (select(Visit).options(joinedload(Visit.host_organisation))
                 .order_by(Visit.start_date.desc(), Visit.id.desc()))
    return list(db.session.scalars(statement))


def search_visits(words: str = "") -> list[Visit]:
    """Visits whose title contains `words` (any case), with their hosts, latest first."""
    statement = (select(Visit).options(joinedload(Visit.host_organisation))
                 .order_by(Visit.start_date.desc(), Visit.id.desc()))
    if words.strip():
        statement = statement.where(Visit.title.ilike(f"%{escape_like(words.strip())}%",
                                                      escape="\\"))
    return list(db.session.scalars(statement))


def escape_like(text: str) -> str:
    """Make % and _ match themselves in a LIKE pattern."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def load_visit(visit_id: int) -> Visit | None:
    """Load a visit with everything the programme needs, in a fixed number of queries."""
    speaker = selectinload(Item.speaker_links).joinedload(ItemSpeaker.person)
    interpreter = selectinload(Item.interpreter_links).joinedload(ItemInterpreter.person)
    statement = select(Visit).where(Visit.id == visit_id).options(
        joinedload(Visit.host_organisation),
        selectinload(Visit.partner_links).joinedload(VisitPartner.organisation),
        selectinload(Visit.key_figure_links).joinedload(KeyFigure.person)
        .joinedload(Person.organisation),
        selectinload(Visit.delegates),
        selectinload(Visit.quotes).joinedload(Quote.person).joinedload(Person.organisation),
        selectinload(Visit.items).options(
            joinedload(Item.venue).joinedload(Venue.organisation),
            joinedload(Item.host_organisation),
            speaker.joinedload(Person.organisation),
            interpreter.joinedload(Person.organisation),
            selectinload(Item.chosen_delegates),
        ),
        selectinload(Visit.journeys).selectinload(Journey.chosen_delegates),
        selectinload(Visit.stays).options(
            joinedload(Stay.venue).joinedload(Venue.organisation),
            selectinload(Stay.chosen_delegates),
        ),
        selectinload(Visit.contacts),
    )
    return db.session.scalar(statement)


def load_visit_items(visit_id: int) -> list[Item]:
    """A visit's items with their speakers and chosen delegates, in time order."""
    statement = (select(Item).where(Item.visit_id == visit_id)
                 .options(selectinload(Item.speaker_links), selectinload(Item.interpreter_links),
                          selectinload(Item.chosen_delegates))
                 .order_by(Item.starts_at, Item.id))
    return list(db.session.scalars(statement))


def load_visit_delegates(visit_id: int) -> list[Delegate]:
    """A visit's delegates, in the order they were added."""
    return list(db.session.scalars(
        select(Delegate).where(Delegate.visit_id == visit_id).order_by(Delegate.id)))


def usages(row: Any) -> dict[str, int]:
    """How many rows of each table still point at `row` (e.g. {"items": 7, "visits": 1})."""
    counts: dict[str, int] = {}
    for table in db.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table is row.__table__:
                found = db.session.scalar(
                    select(func.count()).select_from(table).where(key.parent == row.id))
                if found:
                    counts[table.name] = counts.get(table.name, 0) + found
    return counts


def used_by(row: Any, labels: dict[str, Any]) -> str:
    """'visits (1), items (7)': what still points at `row`, named with `labels`; '' if nothing."""
    return ", ".join(f"{labels.get(table, table)} ({count})"
                     for table, count in sorted(usages(row).items()))
