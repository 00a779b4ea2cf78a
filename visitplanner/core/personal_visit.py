"""One delegate's programme read from the database: only what they attend, in a fixed number of
statements, as plain records rather than ORM objects (mapping a summit delegate's 250 items,
their venues and speakers into the session cost more than building and showing them)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Table, bindparam, case, literal, or_, select, union_all

from visitplanner.extensions import db
from visitplanner.models import (
    Contact,
    Delegate,
    Item,
    ItemInterpreter,
    ItemSpeaker,
    Journey,
    Organisation,
    Person,
    Stay,
    Venue,
    Visit,
    VisitPartner,
    item_delegates,
    journey_delegates,
    stay_delegates,
)


@dataclass(frozen=True)
class PersonalVisit:
    """A visit loaded for one delegate's programme, read by build_programme like a visit: the
    visit's own facts (any attribute not here is a column of `facts`), its host, partners and
    contacts, and only the items, journeys and stays the delegate attends; of the delegation,
    only the delegate and the escorts and staff (CONTACT_ROLES); no key figures or quotes. No
    personal output shows what is left out.

    Each record has its row's columns as attributes and, like the models, the rows it points
    at (an item's venue, speakers and interpreters; a venue's or person's organisation) and
    its audience as `delegate_ids` (None for the whole delegation)."""

    facts: Any
    host_organisation: Any
    partners: list[Any]
    delegates: list[Any]
    contacts: list[Any]
    items: list[Any]
    journeys: list[Any]
    stays: list[Any]
    key_figures: tuple[Any, ...] = ()
    quotes: tuple[Any, ...] = ()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.facts, name)


# The delegates a personal page lists to call beside its own delegate.
CONTACT_ROLES = ("escort", "staff")
# What a delegate attends, per kind of row: its model and the table of its chosen delegates.
AUDIENCES: dict[str, tuple[Any, Table]] = {
    "item": (Item, item_delegates), "journey": (Journey, journey_delegates),
    "stay": (Stay, stay_delegates)}


def _attended(kind: str) -> Any:
    """The condition on a kind's rows: of the visit, for the whole delegation or the delegate."""
    model, table = AUDIENCES[kind]
    chosen = select(table.c[f"{kind}_id"]).where(table.c.delegate_id == bindparam("delegate_id"))
    return (model.visit_id == bindparam("visit_id")) & or_(model.whole_delegation.is_(True),
                                                           model.id.in_(chosen))


# Columns no personal output shows: reading them (dates are parsed from text on SQLite) costs
# more than the rest of a summit's 500 delegates.
BOOKKEEPING = ("visit_id", "version", "created_at", "updated_at")


def _columns(model: Any, *left_out: str) -> list[Any]:
    """The model's columns but `left_out` and BOOKKEEPING, as attributes of the same name."""
    return [column for column in model.__table__.c
            if column.key not in left_out and column.key not in BOOKKEEPING]


@cache
def _statements() -> dict[str, Any]:
    # Built once, with bound parameters: composing these costs more than running them.
    visit_id: Any = bindparam("visit_id")
    delegate_id: Any = bindparam("delegate_id")
    ids: Any = bindparam("ids", expanding=True)
    attended_items = select(Item.id).where(_attended("item"))
    links = union_all(*(
        select(literal(role).label("role"), link.item_id, link.person_id, link.position)
        .where(link.item_id.in_(attended_items))
        for role, link in (("speakers", ItemSpeaker), ("interpreters", ItemInterpreter))))
    audiences = union_all(*(
        select(literal(kind).label("kind"), table.c[f"{kind}_id"].label("row_id"),
               table.c.delegate_id)
        .join(Delegate, Delegate.id == table.c.delegate_id)
        .where(Delegate.visit_id == visit_id, table.c[f"{kind}_id"].in_(
            select(table.c[f"{kind}_id"]).where(table.c.delegate_id == delegate_id)))
        for kind, (_model, table) in AUDIENCES.items()))
    # Only the visit's host prints its logo: no other organisation's logo is read.
    logo = case((Organisation.id == bindparam("host_id"), Organisation.logo)).label("logo")
    return {
        "visit": select(Visit.__table__).where(Visit.id == visit_id),
        "partners": select(VisitPartner.organisation_id).where(VisitPartner.visit_id == visit_id)
        .order_by(VisitPartner.position),
        "delegates": select(*_columns(Delegate, "notes", "link_key", "link_version",
                                      "link_issued_at"))
        .where(Delegate.visit_id == visit_id,
               or_(Delegate.id == delegate_id, Delegate.role.in_(CONTACT_ROLES)))
        .order_by(Delegate.id),
        "contacts": select(*_columns(Contact)).where(Contact.visit_id == visit_id)
        .order_by(Contact.position, Contact.id),
        # An item's time of change is its calendar event's LAST-MODIFIED.
        "items": select(*_columns(Item), Item.updated_at).where(_attended("item"))
        .order_by(Item.starts_at),
        "journeys": select(*_columns(Journey)).where(_attended("journey"))
        .order_by(Journey.departs_at, Journey.id),
        "stays": select(*_columns(Stay)).where(_attended("stay")).order_by(Stay.check_in, Stay.id),
        "links": links.order_by("position"),
        "audiences": audiences.order_by("delegate_id"),
        "people": select(*_columns(Person)).where(Person.id.in_(ids)),
        "venues": select(*_columns(Venue)).where(Venue.id.in_(ids)),
        "organisations": select(*_columns(Organisation, "logo"), logo)
        .where(Organisation.id.in_(ids)),
    }


def _run(name: str, **values: Any) -> Any:
    return db.session.execute(_statements()[name], values)


def _records(name: str, **values: Any) -> list[SimpleNamespace]:
    result = _run(name, **values)
    keys = list(result.keys())
    return [SimpleNamespace(**dict(zip(keys, row, strict=True))) for row in result]


def _by_id(name: str, ids: Iterable[int | None], **values: Any) -> dict[int, SimpleNamespace]:
    wanted = {row_id for row_id in ids if row_id is not None}
    return {row.id: row for row in _records(name, ids=sorted(wanted), **values)} if wanted else {}


def load_personal_visit(delegate: Delegate) -> PersonalVisit:
    """What `delegate`'s own programme needs, in a fixed number of statements: not the items,
    journeys and stays of the others, nor the visit's key figures and quotes."""
    visit_id, delegate_id = delegate.visit_id, delegate.id
    facts = _run("visit", visit_id=visit_id).one()
    partner_ids = list(_run("partners", visit_id=visit_id).scalars())
    own = {"visit_id": visit_id, "delegate_id": delegate_id}
    delegates = list(_run("delegates", **own))
    contacts = list(_run("contacts", visit_id=visit_id))
    items, journeys, stays = (_records(kind, **own) for kind in ("items", "journeys", "stays"))
    links = _run("links", **own).all()
    people = _by_id("people", (link.person_id for link in links))
    venues = _by_id("venues", [item.venue_id for item in items] + [s.venue_id for s in stays])
    organisations = _by_id("organisations", [
        facts.host_organisation_id, *partner_ids,
        *(item.host_organisation_id for item in items),
        *(row.organisation_id for row in (*people.values(), *venues.values()))],
        host_id=facts.host_organisation_id)
    for row in (*people.values(), *venues.values()):
        row.organisation = organisations.get(row.organisation_id)
    for item in items:
        item.venue, item.host_organisation = (venues.get(item.venue_id),
                                              organisations.get(item.host_organisation_id))
        item.speakers, item.interpreters = [], []
    by_item = {item.id: item for item in items}
    for link in links:
        if link.item_id in by_item:
            getattr(by_item[link.item_id], link.role).append(people[link.person_id])
    for stay in stays:
        stay.venue = venues[stay.venue_id]
    _fill_audiences({"item": items, "journey": journeys, "stay": stays}, own)
    return PersonalVisit(
        facts=facts, host_organisation=organisations.get(facts.host_organisation_id),
        partners=[organisations[org_id] for org_id in partner_ids], delegates=delegates,
        contacts=contacts, items=items, journeys=journeys, stays=stays)


def _fill_audiences(rows: dict[str, list[SimpleNamespace]], own: dict[str, int]) -> None:
    """Give each row its audience: None for the whole delegation, else the ids of its chosen
    delegates of the visit, read only for the rows the delegate is chosen for."""
    chosen: dict[tuple[str, int], list[int]] = {}
    for kind, row_id, delegate_id in _run("audiences", **own):
        chosen.setdefault((kind, row_id), []).append(delegate_id)
    for kind, records in rows.items():
        for record in records:
            record.delegate_ids = (None if record.whole_delegation
                                   else chosen.get((kind, record.id), []))
