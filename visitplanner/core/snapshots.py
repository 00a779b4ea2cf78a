"""Visits read without the ORM for the pages that show them: plain records with the attributes
planning.build reads from a loaded visit, in a fixed number of statements.

Making the ORM's objects was most of a summit page's time (300 items, 500 delegates, 3,000
chosen delegates); rows read by Core and copied into records cost half as much, and the
builders read a record's attributes faster. Records belong to no session: nothing on them
loads lazily, and nothing written to them reaches the database. Two loaders build them:
load_visit_snapshot here (the whole visit) and core.personal_visit (one delegate's part).
"""
from __future__ import annotations

from functools import cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import FromClause, bindparam, case, literal, select, union, union_all

from visitplanner.core.queries import chosen_delegate_ids
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
    Stay,
    Venue,
    Visit,
    VisitPartner,
)

VISIT_ID: Any = bindparam("visit_id")
# Columns no programme shows: reading them (SQLite parses each date from text) costs more than
# the rest of a summit's 500 delegates. An item keeps its updated_at: it dates its calendar event.
BOOKKEEPING = ("visit_id", "version", "created_at", "updated_at")
DELEGATE_PRIVATE = ("notes", "link_key", "link_version", "link_issued_at")


class Record(SimpleNamespace):
    """One row's columns as attributes, and the records it links to."""


def columns(table: FromClause, *left_out: str, kept: tuple[str, ...] = ()) -> list[Any]:
    """The table's columns but `left_out` and BOOKKEEPING, those `kept` kept."""
    return [column for column in table.c if column.key in kept
            or column.key not in left_out and column.key not in BOOKKEEPING]


def run(statement: Any, **values: Any) -> Any:
    """The rows of a Core statement, all at once: by Core's connection, not the session's ORM
    pass, which costs more than reading plain rows; a result iterated fetches them singly."""
    return db.session.connection().execute(statement, values).all()


def records(statement: Any, **values: Any) -> list[Record]:
    """The rows of a Core statement as records."""
    result = db.session.connection().execute(statement, values)
    keys = tuple(result.keys())
    made = []
    for row in result.all():  # filled in place: a quarter less than Record(**dict(...))
        record = Record()
        record.__dict__.update(zip(keys, row, strict=True))
        made.append(record)
    return made


def by_id(statement: Any, **values: Any) -> dict[int, Record]:
    """The rows of a Core statement as records, by id."""
    return {record.id: record for record in records(statement, **values)}


def links_statement(item_ids: Any) -> Any:
    """(role, item_id, person_id) of the speakers and interpreters of `item_ids`, in order."""
    return union_all(*(
        select(literal(role).label("role"), link.c.item_id, link.c.person_id, link.c.position)
        .where(link.c.item_id.in_(item_ids))
        for role, link in (("speakers", ItemSpeaker.__table__),
                           ("interpreters", ItemInterpreter.__table__)))).order_by("position")


def link_records(items: list[Record], stays: list[Record], links: list[Any],
                 directory: tuple[dict[int, Record], dict[int, Record], dict[int, Record]]
                 ) -> None:
    """Give items, stays, people and venues the records they point at, as the models'
    relationships do; `directory` is (people, venues, organisations) by id."""
    people, venues, organisations = directory
    for row in (*people.values(), *venues.values()):
        row.organisation = organisations.get(row.organisation_id)
    by_item = {}
    for item in items:
        item.venue = venues.get(item.venue_id)
        item.host_organisation = organisations.get(item.host_organisation_id)
        item.speakers, item.interpreters = [], []
        by_item[item.id] = item
    for role, item_id, person_id, _position in links:  # unpacked: a tenth of reading by name
        if item_id in by_item:
            getattr(by_item[item_id], role).append(people[person_id])
    for stay in stays:
        stay.venue = venues[stay.venue_id]


def set_audiences(rows: dict[str, list[Record]], chosen: dict[tuple[str, int], list[int]]
                  ) -> None:
    """Give each item, journey and stay its audience as the models' `delegate_ids` do: None
    for the whole delegation, else its chosen delegates' ids from `chosen`, by (kind, id)."""
    for kind, kind_rows in rows.items():
        for row in kind_rows:
            row.delegate_ids = None if row.whole_delegation else chosen.get((kind, row.id), [])


def load_visit_snapshot(visit_id: int) -> Record | None:
    """The visit with everything its programme shows, as records (see core.queries.load_visit
    for the same as ORM objects); None when there is no such visit."""
    statements = _statements()
    found = records(statements["visit"], visit_id=visit_id)
    if not found:
        return None
    visit = found[0]
    rows = {name: records(statement, visit_id=visit_id)
            for name, statement in statements.items() if name not in ("visit", "links")}
    people, venues, organisations = (
        {row.id: row for row in rows[name]} for name in ("people", "venues", "organisations"))
    link_records(rows["items"], rows["stays"], run(statements["links"], visit_id=visit_id),
                 (people, venues, organisations))
    set_audiences({kind: rows[f"{kind}s"] for kind in ("item", "journey", "stay")},
                  _audiences(visit_id, {delegate.id for delegate in rows["delegates"]}))
    for quote in rows["quotes"]:
        quote.person = people.get(quote.person_id)
    visit.host_organisation = organisations.get(visit.host_organisation_id)
    visit.partners = [organisations[row.organisation_id] for row in rows["partners"]]
    visit.key_figures = [people[row.person_id] for row in rows["key_figures"]]
    for name in ("delegates", "items", "journeys", "stays", "contacts", "quotes"):
        setattr(visit, name, rows[name])
    return visit


def _audiences(visit_id: int, delegates: set[int]) -> dict[tuple[str, int], list[int]]:
    """The chosen delegates' ids of each item, journey and stay, by (kind, row id)."""
    return {key: [delegate_id for delegate_id in ids if delegate_id in delegates]
            for key, ids in chosen_delegate_ids(visit_id).items()}


@cache
def _statements() -> dict[str, Any]:
    """The statements of a snapshot, each built once, in the relationships' orders."""
    def of_visit(model: Any, *order: Any, left_out: tuple[str, ...] = (),
                 kept: tuple[str, ...] = ()) -> Any:
        return (select(*columns(model.__table__, *left_out, kept=kept))
                .where(model.visit_id == VISIT_ID).order_by(*order))

    item_ids = select(Item.id).where(Item.visit_id == VISIT_ID)
    person_ids: Any = union(
        select(ItemSpeaker.person_id).where(ItemSpeaker.item_id.in_(item_ids)),
        select(ItemInterpreter.person_id).where(ItemInterpreter.item_id.in_(item_ids)),
        select(KeyFigure.person_id).where(KeyFigure.visit_id == VISIT_ID),
        select(Quote.person_id).where(Quote.visit_id == VISIT_ID))
    venue_ids: Any = union(select(Item.venue_id).where(Item.visit_id == VISIT_ID),
                           select(Stay.venue_id).where(Stay.visit_id == VISIT_ID))
    host_id = select(Visit.host_organisation_id).where(Visit.id == VISIT_ID).scalar_subquery()
    organisation_ids: Any = union(
        select(Visit.host_organisation_id).where(Visit.id == VISIT_ID),
        select(VisitPartner.organisation_id).where(VisitPartner.visit_id == VISIT_ID),
        select(Item.host_organisation_id).where(Item.visit_id == VISIT_ID),
        select(Venue.organisation_id).where(Venue.id.in_(venue_ids)),
        select(Person.organisation_id).where(Person.id.in_(person_ids)))
    # Only the host's logo prints (on covers and badges): the other logos stay unread.
    logo = case((Organisation.id == host_id, Organisation.logo)).label("logo")
    return {
        "visit": select(*columns(Visit.__table__)).where(Visit.id == VISIT_ID),
        "delegates": of_visit(Delegate, Delegate.id, left_out=DELEGATE_PRIVATE),
        "items": of_visit(Item, Item.starts_at, Item.id, kept=("updated_at",)),
        "journeys": of_visit(Journey, Journey.departs_at, Journey.id),
        "stays": of_visit(Stay, Stay.check_in, Stay.id),
        "contacts": of_visit(Contact, Contact.position, Contact.id),
        "quotes": of_visit(Quote, Quote.id),
        "partners": of_visit(VisitPartner, VisitPartner.position),
        "key_figures": of_visit(KeyFigure, KeyFigure.position),
        "links": links_statement(item_ids),
        "people": select(*columns(Person.__table__)).where(Person.id.in_(person_ids)),
        "venues": select(*columns(Venue.__table__)).where(Venue.id.in_(venue_ids)),
        "organisations": select(*columns(Organisation.__table__, "logo"), logo)
        .where(Organisation.id.in_(organisation_ids)),
    }
