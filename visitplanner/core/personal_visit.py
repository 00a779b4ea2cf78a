"""One delegate's programme read from the database: only what they attend, in a fixed number of
statements, as plain records rather than ORM objects (mapping a summit delegate's 250 items,
their venues and speakers into the session cost more than building and showing them); the
records are made and linked as core.snapshots makes the whole visit's."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    FromClause,
    String,
    Table,
    bindparam,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    union_all,
)

from visitplanner.core.queries import AUDIENCES, split_ids
from visitplanner.core.snapshots import (
    DELEGATE_PRIVATE,
    Record,
    by_id,
    columns,
    link_records,
    links_statement,
    records,
    run,
    set_audiences,
)
from visitplanner.models import Contact, Delegate, Organisation, Person, Venue, Visit, VisitPartner


@dataclass(frozen=True)
class PersonalVisit:
    """A visit loaded for one delegate's programme, read by build_programme like a visit: the
    visit's own facts (any attribute not here is a column of `facts`), its host, partners and
    contacts, and only the items, journeys and stays the delegate attends; of the delegation,
    only the delegate, and apart as `escorts` the escorts and staff (CONTACT_ROLES) with the
    columns the personal page prints of them (ESCORT_COLUMNS); no key figures or quotes. No
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
    escorts: list[Any]
    key_figures: tuple[Any, ...] = ()
    quotes: tuple[Any, ...] = ()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.facts, name)


# The delegates a personal page lists to call beside its own delegate.
CONTACT_ROLES = ("escort", "staff")
# What the personal page prints of each of them, untranslated, in its order: a summit has 250,
# and their full rows (their translations decoded, a view built for each) cost more than the
# rest of the delegation's part of the page.
ESCORT_COLUMNS = ("full_name", "role", "phone", "email")
# What a delegate attends, per kind of row: its table and the table of its chosen delegates.
AUDIENCE_TABLES: dict[str, tuple[FromClause, Table]] = {
    kind: (model.__table__, table) for kind, (model, table) in AUDIENCES.items()}


def _attended(kind: str) -> Any:
    """The condition on a kind's rows: of the visit, for the whole delegation or the delegate."""
    rows, table = AUDIENCE_TABLES[kind]
    chosen = select(table.c[f"{kind}_id"]).where(table.c.delegate_id == bindparam("delegate_id"))
    return (rows.c.visit_id == bindparam("visit_id")) & or_(rows.c.whole_delegation.is_(True),
                                                            rows.c.id.in_(chosen))


@cache
def _statements() -> dict[str, Any]:
    # Built once, with bound parameters: composing these costs more than running them. Core
    # tables, not the models' attributes: rows come back without the ORM's loading machinery.
    visit_id: Any = bindparam("visit_id")
    delegate_id: Any = bindparam("delegate_id")
    visits, delegates, contacts, partners = (model.__table__ for model in (
        Visit, Delegate, Contact, VisitPartner))
    items, journeys, stays = (AUDIENCE_TABLES[kind][0] for kind in ("item", "journey", "stay"))
    people, venues, organisations = Person.__table__, Venue.__table__, Organisation.__table__
    attended_items = select(items.c.id).where(_attended("item"))
    links = links_statement(attended_items)
    # One row per row the delegate is chosen for, its audience's ids joined by commas: a
    # summit delegate's breakouts, flights and hotel have 570 chosen delegates. All of them
    # are of the delegate's visit (core.operations.set_audience chooses no others).
    audiences = union_all(*(
        select(literal(kind).label("kind"), table.c[f"{kind}_id"].label("row_id"),
               func.aggregate_strings(cast(table.c.delegate_id, String), ",").label("ids"))
        .where(table.c[f"{kind}_id"].in_(
            select(table.c[f"{kind}_id"]).where(table.c.delegate_id == delegate_id)))
        .group_by(table.c[f"{kind}_id"])
        for kind, (_rows, table) in AUDIENCE_TABLES.items()))
    # The people, venues and organisations those rows name, found by the database: a statement
    # the same for every delegate (no list of ids to bind), so each driver prepares it once.
    person_ids = select(links.subquery().c.person_id)
    venue_ids = union_all(select(items.c.venue_id).where(_attended("item")),
                          select(stays.c.venue_id).where(_attended("stay")))
    organisation_ids = union_all(
        select(visits.c.host_organisation_id).where(visits.c.id == visit_id),
        select(partners.c.organisation_id).where(partners.c.visit_id == visit_id),
        select(items.c.host_organisation_id).where(_attended("item")),
        select(venues.c.organisation_id).where(venues.c.id.in_(venue_ids)),
        select(people.c.organisation_id).where(people.c.id.in_(person_ids)))
    # Only the visit's host prints its logo: no other organisation's logo is read.
    logo = case((organisations.c.id == bindparam("host_id"), organisations.c.logo)).label("logo")
    return {
        "visit": select(visits).where(visits.c.id == visit_id),
        "partners": select(partners.c.organisation_id).where(partners.c.visit_id == visit_id)
        .order_by(partners.c.position),
        # The roles compared one by one: an IN of a list is compiled again at every run.
        "escorts": select(*(delegates.c[name] for name in ESCORT_COLUMNS))
        .where(delegates.c.visit_id == visit_id,
               or_(*(delegates.c.role == role for role in CONTACT_ROLES)))
        .order_by(delegates.c.id),
        "contacts": select(*columns(contacts)).where(contacts.c.visit_id == visit_id)
        .order_by(contacts.c.position, contacts.c.id),
        # An item's time of change is its calendar event's LAST-MODIFIED.
        "items": select(*columns(items, kept=("updated_at",))).where(_attended("item"))
        .order_by(items.c.starts_at),
        "journeys": select(*columns(journeys)).where(_attended("journey"))
        .order_by(journeys.c.departs_at, journeys.c.id),
        "stays": select(*columns(stays)).where(_attended("stay"))
        .order_by(stays.c.check_in, stays.c.id),
        "links": links,
        "audiences": audiences,
        "people": select(*columns(people)).where(people.c.id.in_(person_ids)),
        "venues": select(*columns(venues)).where(venues.c.id.in_(venue_ids)),
        "organisations": select(*columns(organisations, "logo"), logo)
        .where(organisations.c.id.in_(organisation_ids)),
    }


def _run(name: str, **values: Any) -> list[Any]:
    return run(_statements()[name], **values)


def _records(name: str, **values: Any) -> list[Record]:
    return records(_statements()[name], **values)


def _by_id(name: str, **values: Any) -> dict[int, Record]:
    return by_id(_statements()[name], **values)


def load_personal_visit(delegate: Delegate) -> PersonalVisit:
    """What `delegate`'s own programme needs, in a fixed number of statements: not the items,
    journeys and stays of the others, nor the visit's key figures and quotes."""
    visit_id, delegate_id = delegate.visit_id, delegate.id
    facts = _run("visit", visit_id=visit_id)[0]
    partner_ids = [row.organisation_id for row in _run("partners", visit_id=visit_id)]
    own = {"visit_id": visit_id, "delegate_id": delegate_id}
    escorts = _run("escorts", visit_id=visit_id)
    contacts = _run("contacts", visit_id=visit_id)
    items, journeys, stays = (_records(kind, **own) for kind in ("items", "journeys", "stays"))
    organisations = _by_id("organisations", host_id=facts.host_organisation_id, **own)
    link_records(items, stays, _run("links", **own),
                 (_by_id("people", **own), _by_id("venues", **own), organisations))
    chosen = {(kind, row_id): split_ids(ids)
              for kind, row_id, ids in _run("audiences", **own)}
    set_audiences({"item": items, "journey": journeys, "stay": stays}, chosen)
    return PersonalVisit(
        facts=facts, host_organisation=organisations.get(facts.host_organisation_id),
        partners=[organisations[org_id] for org_id in partner_ids],
        delegates=[_own_record(delegate)], contacts=contacts, items=items, journeys=journeys,
        stays=stays, escorts=escorts)


def _own_record(delegate: Delegate) -> Record:
    """The delegate's row as the whole visit's snapshot has it, read from the object already
    loaded (by the link's token), not again from the database."""
    return Record(**{column.key: getattr(delegate, column.key)
                     for column in columns(Delegate.__table__, *DELEGATE_PRIVATE)})
