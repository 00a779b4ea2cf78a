"""A visit read without the ORM for the pages that show all of it: plain records with the
attributes planning.build reads from a loaded visit, in a fixed number of statements.

Making the ORM's objects was most of a summit page's time (300 items, 500 delegates, 3,000
chosen delegates); rows read by Core and copied into records cost half as much, and the
builders read a record's attributes faster. Records belong to no session: nothing on them
loads lazily, and nothing written to them reaches the database.
"""
from __future__ import annotations

from functools import cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, case, select, union

from visitplanner.core.queries import audience_statement
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
BOOKKEEPING = ("version", "created_at", "updated_at")
LEFT_OUT = {"delegates": ("notes", "link_key", "link_version", "link_issued_at"),
            "organisations": ("logo",)}


class Record(SimpleNamespace):
    """One row's columns as attributes, and the records it links to."""


def load_visit_snapshot(visit_id: int) -> Record | None:
    """The visit with everything its programme shows, as records (see core.queries.load_visit
    for the same as ORM objects); None when there is no such visit."""
    statements = _statements()
    found = _records(statements["visit"], visit_id)
    if not found:
        return None
    visit = found[0]
    rows = {name: _records(statement, visit_id) for name, statement in statements.items()
            if name != "visit"}
    organisations = {org.id: org for org in rows["organisations"]}
    link = _linker(organisations)
    people = {person.id: link(person, "organisation") for person in rows["people"]}
    venues = {venue.id: link(venue, "organisation") for venue in rows["venues"]}
    audiences = _audiences(visit_id, {delegate.id for delegate in rows["delegates"]})
    speakers, interpreters = (_grouped(rows[name], people) for name in ("speakers",
                                                                      "interpreters"))
    for item in rows["items"]:
        item.venue = venues.get(item.venue_id)
        item.host_organisation = organisations.get(item.host_organisation_id)
        item.speakers = speakers.get(item.id, [])
        item.interpreters = interpreters.get(item.id, [])
    for stay in rows["stays"]:
        stay.venue = venues[stay.venue_id]
    for quote in rows["quotes"]:
        quote.person = people.get(quote.person_id)
    for kind in ("item", "journey", "stay"):
        for row in rows[f"{kind}s"]:
            row.delegate_ids = None if row.whole_delegation else audiences.get((kind, row.id), [])
    visit.host_organisation = organisations.get(visit.host_organisation_id)
    visit.partners = [organisations[row.organisation_id] for row in rows["partners"]]
    visit.key_figures = [people[row.person_id] for row in rows["key_figures"]]
    for name in ("delegates", "items", "journeys", "stays", "contacts", "quotes"):
        setattr(visit, name, rows[name])
    return visit


def _rows(statement: Any, visit_id: int) -> Any:
    # Core's connection, not the session: the session's ORM pass over plain rows costs more
    # than reading them.
    return db.session.connection().execute(statement, {"visit_id": visit_id})


def _records(statement: Any, visit_id: int) -> list[Record]:
    result = _rows(statement, visit_id)
    keys = tuple(result.keys())
    return [Record(**dict(zip(keys, row, strict=True))) for row in result.all()]


def _linker(organisations: dict[int, Record]) -> Any:
    def link(record: Record, name: str) -> Record:
        setattr(record, name, organisations.get(getattr(record, f"{name}_id")))
        return record
    return link


def _grouped(links: list[Record], people: dict[int, Record]) -> dict[int, list[Record]]:
    """Each item's speakers (or interpreters), in the organiser's order."""
    grouped: dict[int, list[Record]] = {}
    for row in links:
        grouped.setdefault(row.item_id, []).append(people[row.person_id])
    return grouped


def _audiences(visit_id: int, delegates: set[int]) -> dict[tuple[str, int], list[int]]:
    """The chosen delegates' ids of each item, journey and stay, by (kind, row id)."""
    chosen: dict[tuple[str, int], list[int]] = {}
    for kind, row_id, delegate_id in _rows(audience_statement(), visit_id).all():
        if delegate_id in delegates:
            chosen.setdefault((kind, row_id), []).append(delegate_id)
    return chosen


@cache
def _statements() -> dict[str, Any]:
    """The statements of a snapshot, each built once, in the relationships' orders."""
    def columns(model: Any, *kept: str) -> list[Any]:
        table = model.__table__
        left_out = (*BOOKKEEPING, *LEFT_OUT.get(table.name, ()))
        return [column for column in table.c if column.key in kept or column.key not in left_out]

    def of_visit(model: Any, *order: Any, kept: tuple[str, ...] = ()) -> Any:
        return (select(*columns(model, *kept)).where(model.visit_id == VISIT_ID)
                .order_by(*order))

    def of_items(link: Any) -> Any:
        return (select(link.__table__).join(Item, Item.id == link.item_id)
                .where(Item.visit_id == VISIT_ID).order_by(link.item_id, link.position))

    person_ids: Any = union(
        select(ItemSpeaker.person_id).join(Item).where(Item.visit_id == VISIT_ID),
        select(ItemInterpreter.person_id).join(Item).where(Item.visit_id == VISIT_ID),
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
        "visit": select(*columns(Visit)).where(Visit.id == VISIT_ID),
        "delegates": of_visit(Delegate, Delegate.id),
        "items": of_visit(Item, Item.starts_at, Item.id, kept=("updated_at",)),
        "journeys": of_visit(Journey, Journey.departs_at, Journey.id),
        "stays": of_visit(Stay, Stay.check_in, Stay.id),
        "contacts": of_visit(Contact, Contact.position, Contact.id),
        "quotes": of_visit(Quote, Quote.id),
        "partners": of_visit(VisitPartner, VisitPartner.position),
        "key_figures": of_visit(KeyFigure, KeyFigure.position),
        "speakers": of_items(ItemSpeaker),
        "interpreters": of_items(ItemInterpreter),
        "people": select(*columns(Person)).where(Person.id.in_(person_ids)),
        "venues": select(*columns(Venue)).where(Venue.id.in_(venue_ids)),
        "organisations": select(*columns(Organisation), logo)
        .where(Organisation.id.in_(organisation_ids)),
    }
