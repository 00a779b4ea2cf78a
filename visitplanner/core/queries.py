"""Reads: every query the views need, each a fixed number of statements."""
from __future__ import annotations

from functools import cache
from types import SimpleNamespace
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import String, bindparam, cast, func, literal, literal_column, select, union_all
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from visitplanner.core.search import matches
from visitplanner.extensions import db
from visitplanner.models import (
    Contact,
    Delegate,
    Item,
    ItemInterpreter,
    ItemSpeaker,
    Journey,
    KeyFigure,
    Organisation,
    Person,
    Quote,
    Release,
    Stay,
    Venue,
    Visit,
    VisitPartner,
    item_delegates,
    journey_delegates,
    stay_delegates,
)


def search_visits(words: str = "") -> list[Visit]:
    """Visits that match `words` (see core.search), with their hosts, latest first."""
    statement = (select(Visit).options(joinedload(Visit.host_organisation))
                 .order_by(Visit.start_date.desc(), Visit.id.desc()))
    visits = list(db.session.scalars(statement))
    if not words.strip():
        return visits
    return [visit for visit in visits if matches(visit, words)]


def _item_options() -> tuple[Any, ...]:
    # Venues, organisations and people by selectin: each distinct row once, not once per item.
    speaker = selectinload(Item.speaker_links).selectinload(ItemSpeaker.person)
    interpreter = selectinload(Item.interpreter_links).selectinload(ItemInterpreter.person)
    return (selectinload(Item.venue).selectinload(Venue.organisation),
            selectinload(Item.host_organisation),
            speaker.selectinload(Person.organisation),
            interpreter.selectinload(Person.organisation))


def load_visit(visit_id: int) -> Visit | None:
    """Load a visit with everything the programme needs, in a fixed number of queries."""
    statement = select(Visit).where(Visit.id == visit_id).options(
        joinedload(Visit.host_organisation).undefer(Organisation.logo),
        selectinload(Visit.partner_links).joinedload(VisitPartner.organisation),
        selectinload(Visit.key_figure_links).joinedload(KeyFigure.person)
        .joinedload(Person.organisation),
        selectinload(Visit.delegates),
        selectinload(Visit.quotes).joinedload(Quote.person).joinedload(Person.organisation),
        selectinload(Visit.items).options(*_item_options()),
        selectinload(Visit.journeys),
        selectinload(Visit.stays).joinedload(Stay.venue).joinedload(Venue.organisation),
        selectinload(Visit.contacts),
    )
    visit = db.session.scalar(statement)
    if visit is not None:
        _fill_audiences(visit.id, visit.delegates, visit.items, visit.journeys, visit.stays)
    return visit


def _fill_audiences(visit_id: int, delegates: list[Delegate], items: list[Item],
                    journeys: list[Journey], stays: list[Stay]) -> None:
    """Give each item, journey and stay its chosen delegates (of the visit's `delegates`), by id.

    Loading the chosen delegates as rows would read each delegate's full row (and its JSON)
    again for every item that names them; one statement of ids is enough.
    """
    by_id = {delegate.id: delegate for delegate in delegates}
    chosen = {key: [by_id[delegate_id] for delegate_id in ids if delegate_id in by_id]
              for key, ids in chosen_delegate_ids(visit_id).items()}
    for kind, rows in (("item", items), ("journey", journeys), ("stay", stays)):
        for row in rows:
            set_committed_value(row, "chosen_delegates", chosen.get((kind, row.id), []))


# What has an audience of chosen delegates: its model and the table of its chosen delegates.
AUDIENCES: dict[str, tuple[Any, Any]] = {
    "item": (Item, item_delegates), "journey": (Journey, journey_delegates),
    "stay": (Stay, stay_delegates)}


def chosen_delegate_ids(visit_id: int) -> dict[tuple[str, int], list[int]]:
    """The chosen delegates' ids of each item, journey and stay of a visit that has any, by
    (kind, row id), in the relationships' order (Delegate.id)."""
    return {(kind, row_id): split_ids(ids)
            for kind, row_id, ids in db.session.execute(audience_statement(),
                                                        {"visit_id": visit_id}).all()}


def split_ids(joined: str) -> list[int]:
    """An audience's ids as aggregate_strings joined them (in no set order), in id order."""
    return sorted(map(int, joined.split(",")))


@cache
def audience_statement() -> Any:
    """(kind, row id, chosen delegates' ids joined by commas) of every item, journey and stay
    of a visit (:visit_id) that has any; built once, like the stamp's statement.

    One row per audience, not per chosen delegate: a summit's 4,500 rows of ids cost more to
    read than 83 rows of lists to split.
    """
    visit_id: Any = bindparam("visit_id")
    return union_all(*(
        select(literal(kind).label("kind"), table.c[f"{kind}_id"].label("row_id"),
               func.aggregate_strings(cast(table.c.delegate_id, String), ",").label("ids"))
        .join(model, model.id == table.c[f"{kind}_id"]).where(model.visit_id == visit_id)
        .group_by(table.c[f"{kind}_id"])
        for kind, (model, table) in AUDIENCES.items()))


def load_visit_delegates(visit_id: int) -> list[Delegate]:
    """A visit's delegates, in the order they were added."""
    return list(db.session.scalars(
        select(Delegate).where(Delegate.visit_id == visit_id).order_by(Delegate.id)))


def load_audience(visit_id: int, kind: str, row_id: int) -> tuple[Any, list[Delegate]] | None:
    """An item, journey or stay of the visit and the delegates it is for, in the order they
    were added; None when the visit has no such row."""
    model, table = AUDIENCES[kind]
    row = db.session.get(model, row_id)
    if row is None or row.visit_id != visit_id:
        return None
    statement = select(Delegate).where(Delegate.visit_id == visit_id).order_by(Delegate.id)
    if not row.whole_delegation:
        chosen = select(table.c.delegate_id).where(table.c[f"{kind}_id"] == row_id)
        statement = statement.where(Delegate.id.in_(chosen))
    return row, list(db.session.scalars(statement))


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


# How the tables that still point at a row read in "still used by ...": in the language of the
# screen, or English where the API calls it (under force_locale).
USAGE_LABELS = {
    "visits": _l("visits"), "visit_partners": _l("visits as partner"),
    "visit_key_figures": _l("visits as key figure"), "people": _l("people"),
    "venues": _l("venues"), "items": _l("programme items"),
    "item_speakers": _l("programme items as speaker"), "quotes": _l("quotes"),
    "stays": _l("hotel stays"), "item_interpreters": _l("programme items as interpreter"),
}


def used_by(row: Any) -> str:
    """'visits (1), programme items (7)': what still points at `row`; '' if nothing."""
    return ", ".join(f"{USAGE_LABELS.get(table, table)} ({count})"
                     for table, count in sorted(usages(row).items()))


@cache
def _stamp_statement() -> Any:
    # Built once: composing this statement costs more than running it.
    visit_id: Any = bindparam("visit_id")

    def summary(model: Any, *where: Any) -> Any:
        # A table's count, sum of versions and latest change as one text, in one pass over its
        # rows. Scalar subqueries, not subqueries joined to the visit's row: PostgreSQL plans
        # nine joined relations in about a millisecond, five times what this takes.
        return select(
            cast(func.count(), String) + "|"
            + cast(func.coalesce(func.sum(model.version), literal_column("0")), String) + "|"
            + func.coalesce(cast(func.max(model.updated_at), String), "")
        ).where(*where).scalar_subquery()

    return select(
        Visit.content_language, Visit.title, Visit.translations, Visit.version, Visit.updated_at,
        summary(Item, Item.visit_id == visit_id),
        summary(Delegate, Delegate.visit_id == visit_id),
        summary(Journey, Journey.visit_id == visit_id),
        summary(Stay, Stay.visit_id == visit_id),
        summary(Contact, Contact.visit_id == visit_id),
        summary(Organisation), summary(Person), summary(Venue),
        select(func.max(Release.number)).where(Release.visit_id == visit_id).scalar_subquery(),
    ).where(Visit.id == visit_id)


def printout_stamp(visit_id: int) -> tuple[Any, str] | None:
    """(facts, stamp) in one statement; None when there is no visit. The facts are the visit's
    content language, title and translations (enough to name a file), as attributes.

    The stamp changes whenever anything a printout shows may have changed: the visit, its
    items, delegates and practical side (journeys, stays, contacts), and any organisation,
    person or venue (each write raises a row's
    version and its updated_at; a deletion lowers a count).
    """
    # Core's connection, not the session's ORM pass: every cached page and file asks this.
    row = db.session.connection().execute(_stamp_statement(), {"visit_id": visit_id}).first()
    if row is None:
        return None
    facts = SimpleNamespace(content_language=row[0], title=row[1], translations=row[2])
    return facts, "|".join(str(value) for value in row[3:])


def latest_release(visit_id: int) -> int | None:
    """The number of the visit's latest published release, None before the first."""
    statement = select(func.max(Release.number)).where(Release.visit_id == visit_id)
    number: int | None = db.session.scalar(statement)
    return number
