"""Writes: apply validated data to rows. Callers validate first and commit after."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from visitplanner.core.audit import record_event
from visitplanner.extensions import db
from visitplanner.models import (
    Delegate,
    Item,
    ItemInterpreter,
    ItemSpeaker,
    Journey,
    KeyFigure,
    Organisation,
    Person,
    Stay,
    Venue,
    Visit,
    VisitPartner,
)
from visitplanner.models.base import utcnow
from visitplanner.models.visits import new_link_key
from visitplanner.planning.practical import emergency_number_for
from visitplanner.planning.rules import (
    RuleError,
    check_journey_times,
    check_visit_dates,
    check_wall_time,
    raises_sequence,
)

# Which table each reference field points to.
REFERENCES: dict[str, type[Any]] = {
    "organisation_id": Organisation, "host_organisation_id": Organisation,
    "partner_organisation_ids": Organisation, "venue_id": Venue, "speaker_ids": Person,
    "person_id": Person, "person_ids": Person, "interpreter_ids": Person,
}
SINGULAR = {Organisation: "organisation", Venue: "venue", Person: "person"}


def check_against_stored(data: dict[str, Any],
                         visit_id: int | None = None) -> dict[str, list[str]]:
    """Name each field that clashes with stored data: unknown ids, delegates of another visit,
    item times that never happen in the visit's time zone."""
    problems: dict[str, list[str]] = {}
    for field, model in REFERENCES.items():
        value = data.get(field)
        wanted = set(value if isinstance(value, list) else [value] if value else [])
        if wanted:
            found = set(db.session.scalars(select(model.id).where(model.id.in_(wanted))))
            for missing in sorted(wanted - found):
                problems.setdefault(field, []).append(f"No {SINGULAR[model]} with id {missing}.")
    if data.get("delegate_ids") and visit_id is not None:
        found = set(db.session.scalars(select(Delegate.id).where(
            Delegate.visit_id == visit_id, Delegate.id.in_(data["delegate_ids"]))))
        for missing in sorted(set(data["delegate_ids"]) - found):
            problems.setdefault("delegate_ids", []).append(
                f"No delegate with id {missing} in this visit.")
    if visit_id is not None:
        problems.update(_impossible_times(data, visit_id))
        problems.update(_journey_problems(data, visit_id))
    return problems


def _visit_timezone(visit_id: int) -> str | None:
    return db.session.scalar(select(Visit.timezone).where(Visit.id == visit_id))


def journey_zones(data: dict[str, Any], visit_timezone: str) -> tuple[str, str]:
    """A journey's departure and arrival zones; either defaults to the visit's."""
    return (data.get("departure_timezone") or visit_timezone,
            data.get("arrival_timezone") or visit_timezone)


def _journey_problems(data: dict[str, Any], visit_id: int) -> dict[str, list[str]]:
    """Name the journey field at fault: a zone, a time that never happens, arriving first."""
    departs, arrives = data.get("departs_at"), data.get("arrives_at")
    timezone = _visit_timezone(visit_id)
    if not isinstance(departs, dt.datetime) or not isinstance(arrives, dt.datetime) \
            or timezone is None:
        return {}
    departure_zone, arrival_zone = journey_zones(data, timezone)
    try:
        check_journey_times(departs, departure_zone, arrives, arrival_zone)
    except RuleError as exc:
        return {exc.field: [exc.message]}
    return {}


def _impossible_times(data: dict[str, Any], visit_id: int) -> dict[str, list[str]]:
    """Name item times that fall in the gap when the visit's clocks jump forward."""
    timezone = _visit_timezone(visit_id)
    problems: dict[str, list[str]] = {}
    for field in ("starts_at", "ends_at", "meeting_at"):
        if timezone and isinstance(data.get(field), dt.datetime):
            try:
                check_wall_time(field, data[field], timezone)
            except RuleError as exc:
                problems[field] = [exc.message]
    return problems


class StaleEdit(Exception):
    """Someone else saved the row first; nothing was written."""


def commit() -> None:
    """Commit; on a lost race or a broken constraint roll back, so nothing is half-written."""
    try:
        db.session.commit()
    except StaleDataError as exc:
        db.session.rollback()
        raise StaleEdit from exc
    except IntegrityError:
        db.session.rollback()
        raise


def store(row: Any, apply: Callable[[Any, dict[str, Any]], None], data: dict[str, Any]) -> None:
    """Apply and commit in one flush, so the version rises by exactly one."""
    with db.session.no_autoflush:
        apply(row, data)
    commit()


def apply_plain(row: Any, data: dict[str, Any]) -> None:
    """Copy fields that map one to one onto columns."""
    for field, value in data.items():
        setattr(row, field, value)
    if row.id is not None:
        row.touch()


def apply_visit(visit: Visit, data: dict[str, Any]) -> None:
    """Write a visit's fields, its delegation and its ordered partners."""
    data = dict(data)
    delegation = data.pop("delegation", {}) or {}
    partner_ids = data.pop("partner_organisation_ids", [])
    visit.delegation_country = delegation.get("country")
    visit.delegation_adjective = delegation.get("adjective")
    visit.delegation_description = delegation.get("description")
    if partner_ids != visit.partner_organisation_ids:
        visit.partner_links = [VisitPartner(organisation_id=org_id, position=n)
                               for n, org_id in enumerate(dict.fromkeys(partner_ids))]
    data["emergency_number"] = _emergency_number(visit, data)
    apply_plain(visit, data)


def _emergency_number(visit: Visit, data: dict[str, Any]) -> str | None:
    """The number given; else, or when it was the old host country's, the new host country's."""
    number = data.get("emergency_number") or None
    country = data.get("host_country", visit.host_country)
    if number is None or (country != visit.host_country
                          and number == emergency_number_for(visit.host_country)):
        return emergency_number_for(country)
    return number


def apply_item(item: Item, data: dict[str, Any]) -> None:
    """Write an item's fields, speakers and audience; raise its sequence on a visible change."""
    data = dict(data)
    speaker_ids = data.pop("speaker_ids", [])
    interpreter_ids = data.pop("interpreter_ids", [])
    delegate_ids = data.pop("delegate_ids", None)
    if item.id is not None and raises_sequence(vars_of(item), data):
        item.sequence += 1
    if speaker_ids != item.speaker_ids:
        item.speaker_links = [ItemSpeaker(person_id=person_id, position=n)
                              for n, person_id in enumerate(dict.fromkeys(speaker_ids))]
    if interpreter_ids != item.interpreter_ids:
        item.interpreter_links = [ItemInterpreter(person_id=person_id, position=n)
                                  for n, person_id in enumerate(dict.fromkeys(interpreter_ids))]
    set_audience(item, delegate_ids)
    apply_plain(item, data)


def set_audience(row: Any, delegate_ids: list[int] | None) -> None:
    """Give an item, journey or stay its audience: everyone (None) or delegates of its visit."""
    row.whole_delegation = delegate_ids is None
    chosen = [] if delegate_ids is None else list(db.session.scalars(
        select(Delegate).where(Delegate.id.in_(delegate_ids), Delegate.visit_id == row.visit_id)
        .order_by(Delegate.id)))
    if [d.id for d in chosen] != [d.id for d in row.chosen_delegates]:
        row.chosen_delegates = chosen


def apply_journey(journey: Journey, data: dict[str, Any]) -> None:
    """Write a journey: its fields, both zones (the visit's when not given) and who travels."""
    data = dict(data)
    set_audience(journey, data.pop("delegate_ids", None))
    timezone = _visit_timezone(journey.visit_id) or "Europe/Brussels"
    data["departure_timezone"], data["arrival_timezone"] = journey_zones(data, timezone)
    apply_plain(journey, data)


def apply_stay(stay: Stay, data: dict[str, Any]) -> None:
    """Write a stay: the hotel, its dates and who stays there."""
    data = dict(data)
    set_audience(stay, data.pop("delegate_ids", None))
    apply_plain(stay, data)


def vars_of(item: Item) -> dict[str, Any]:
    """The item's current values of the fields that decide its sequence."""
    return {"starts_at": item.starts_at, "ends_at": item.ends_at, "venue_id": item.venue_id,
            "title": item.title, "status": item.status}


# Columns a copy never takes over: its own identity and history.
NOT_COPIED = frozenset({"id", "visit_id", "version", "created_at", "updated_at", "sequence"})


def _clone(row: Any, **changes: Any) -> Any:
    """A new, unsaved row of the same model with the same column values, then `changes`."""
    values = {column.key: getattr(row, column.key) for column in row.__mapper__.column_attrs
              if column.key not in NOT_COPIED}
    return type(row)(**{**values, **changes})


def copy_visit_as(visit: Visit, title: str, start_date: dt.date) -> Visit:
    """A new draft visit like `visit`, shifted to `start_date`: programme, hosts, partners,
    speakers, interpreters, key figures and the contacts on duty come along; delegates, their
    journeys and stays, responses and releases do not. Items that were for chosen delegates
    only become items for the whole delegation."""
    shift = start_date - visit.start_date
    check_visit_dates(start_date, visit.end_date + shift)
    translations = {lang: {k: v for k, v in fields.items() if k != "title"}
                    for lang, fields in (visit.translations or {}).items()}
    copy = _clone(visit, title=title, start_date=start_date, end_date=visit.end_date + shift,
                  status="draft", translations=translations)
    copy.partner_links = [VisitPartner(organisation_id=link.organisation_id,
                                       position=link.position) for link in visit.partner_links]
    copy.key_figure_links = [KeyFigure(person_id=link.person_id, position=link.position)
                             for link in visit.key_figure_links]
    for item in visit.items:
        copied = _clone(item, starts_at=item.starts_at + shift, ends_at=item.ends_at + shift,
                        meeting_at=item.meeting_at + shift if item.meeting_at else None,
                        whole_delegation=True)
        copied.speaker_links = [ItemSpeaker(person_id=link.person_id, position=link.position)
                                for link in item.speaker_links]
        copied.interpreter_links = [ItemInterpreter(person_id=link.person_id,
                                                    position=link.position)
                                    for link in item.interpreter_links]
        copy.items.append(copied)
    copy.contacts = [_clone(contact) for contact in visit.contacts]
    db.session.add(copy)
    return copy


def rotate_token(delegate: Delegate) -> None:
    """Give a delegate new secret links; the old ones fail verification from now on."""
    delegate.link_version += 1
    delegate.link_key = new_link_key()
    delegate.link_issued_at = utcnow()
    delegate.touch()
    record_event("link_rotated", detail=f"delegate {delegate.id}", commit=False)


def set_key_figures(visit: Visit, person_ids: list[int]) -> None:
    """Replace the visit's key figures, keeping the order given."""
    visit.key_figure_links = [KeyFigure(person_id=person_id, position=n)
                              for n, person_id in enumerate(dict.fromkeys(person_ids))]
    visit.touch()
