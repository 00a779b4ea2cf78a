"""API handlers: thin, verb-first; the work happens in crud, queries and planning."""
from __future__ import annotations

from flask import request

from visitplanner.api import crud, schemas
from visitplanner.api.errors import ApiError, validation_error
from visitplanner.api.resources import (
    CONTACTS,
    DELEGATES,
    ITEMS,
    JOURNEYS,
    ORGANISATIONS,
    PEOPLE,
    QUOTES,
    STAYS,
    VENUES,
    VISITS,
)
from visitplanner.api.types import ReadModel, rule_fields
from visitplanner.core.operations import check_against_stored, copy_visit_as, set_key_figures
from visitplanner.core.queries import load_visit
from visitplanner.planning.build import build_programme
from visitplanner.planning.conflicts import find_conflicts
from visitplanner.planning.rules import RuleError
from visitplanner.planning.vocabulary import LANGUAGES

CONFLICTS_QUERY = {"lang": {
    "type": "string", "enum": list(LANGUAGES),
    "description": "Language of the messages; the visit's content language when left out."}}


# The five operations of each resource, one line each; crud does the work the same way for all.
def list_organisations(): return crud.list_rows(ORGANISATIONS)
def create_organisation(body): return crud.create_row(ORGANISATIONS, body)
def get_organisation(organisation_id): return crud.read_row(ORGANISATIONS, organisation_id)
def update_organisation(organisation_id, body):
    return crud.update_row(ORGANISATIONS, organisation_id, body)
def delete_organisation(organisation_id, body):
    return crud.delete_row(ORGANISATIONS, organisation_id, body)

def list_people(): return crud.list_rows(PEOPLE)
def create_person(body): return crud.create_row(PEOPLE, body)
def get_person(person_id): return crud.read_row(PEOPLE, person_id)
def update_person(person_id, body): return crud.update_row(PEOPLE, person_id, body)
def delete_person(person_id, body): return crud.delete_row(PEOPLE, person_id, body)

def list_venues(): return crud.list_rows(VENUES)
def create_venue(body): return crud.create_row(VENUES, body)
def get_venue(venue_id): return crud.read_row(VENUES, venue_id)
def update_venue(venue_id, body): return crud.update_row(VENUES, venue_id, body)
def delete_venue(venue_id, body): return crud.delete_row(VENUES, venue_id, body)

def list_visits(): return crud.list_rows(VISITS)
def create_visit(body): return crud.create_row(VISITS, body)
def get_visit(visit_id): return VISITS.dump(crud.get_visit(visit_id))
def update_visit(visit_id, body): return crud.update_row(VISITS, visit_id, body)
def delete_visit(visit_id, body): return crud.delete_row(VISITS, visit_id, body)

def list_delegates(visit_id): return crud.list_rows(DELEGATES, visit_id)
def create_delegate(visit_id, body): return crud.create_row(DELEGATES, body, visit_id)
def get_delegate(delegate_id): return crud.read_row(DELEGATES, delegate_id)
def update_delegate(delegate_id, body): return crud.update_row(DELEGATES, delegate_id, body)
def delete_delegate(delegate_id, body): return crud.delete_row(DELEGATES, delegate_id, body)

def list_items(visit_id): return crud.list_rows(ITEMS, visit_id)
def create_item(visit_id, body): return crud.create_row(ITEMS, body, visit_id)
def get_item(item_id): return crud.read_row(ITEMS, item_id)
def update_item(item_id, body): return crud.update_row(ITEMS, item_id, body)
def delete_item(item_id, body): return crud.delete_row(ITEMS, item_id, body)

def list_quotes(visit_id): return crud.list_rows(QUOTES, visit_id)
def create_quote(visit_id, body): return crud.create_row(QUOTES, body, visit_id)
def get_quote(quote_id): return crud.read_row(QUOTES, quote_id)
def update_quote(quote_id, body): return crud.update_row(QUOTES, quote_id, body)
def delete_quote(quote_id, body): return crud.delete_row(QUOTES, quote_id, body)

def list_journeys(visit_id): return crud.list_rows(JOURNEYS, visit_id)
def create_journey(visit_id, body): return crud.create_row(JOURNEYS, body, visit_id)
def get_journey(journey_id): return crud.read_row(JOURNEYS, journey_id)
def update_journey(journey_id, body): return crud.update_row(JOURNEYS, journey_id, body)
def delete_journey(journey_id, body): return crud.delete_row(JOURNEYS, journey_id, body)

def list_stays(visit_id): return crud.list_rows(STAYS, visit_id)
def create_stay(visit_id, body): return crud.create_row(STAYS, body, visit_id)
def get_stay(stay_id): return crud.read_row(STAYS, stay_id)
def update_stay(stay_id, body): return crud.update_row(STAYS, stay_id, body)
def delete_stay(stay_id, body): return crud.delete_row(STAYS, stay_id, body)

def list_contacts(visit_id): return crud.list_rows(CONTACTS, visit_id)
def create_contact(visit_id, body): return crud.create_row(CONTACTS, body, visit_id)
def get_contact(contact_id): return crud.read_row(CONTACTS, contact_id)
def update_contact(contact_id, body): return crud.update_row(CONTACTS, contact_id, body)
def delete_contact(contact_id, body): return crud.delete_row(CONTACTS, contact_id, body)


def copy_visit(visit_id: int, body: schemas.VisitCopy) -> ReadModel:
    """A new draft with the programme, hosts and speakers shifted to the new first day."""
    visit = crud.get_visit(visit_id)
    try:
        copy = copy_visit_as(visit, body.title, body.start_date)
    except RuleError as exc:
        raise validation_error(rule_fields(exc)) from exc
    crud.commit(VISITS)
    return VISITS.dump(copy)


def get_key_figures(visit_id: int) -> schemas.KeyFigures:
    """The host-side people the news draft names as present, in order."""
    visit = crud.get_visit(visit_id)
    return schemas.KeyFigures(person_ids=visit.key_figure_ids, version=visit.version)


def replace_key_figures(visit_id: int, body: schemas.KeyFigures) -> schemas.KeyFigures:
    """Set the host-side people the news draft names as present."""
    visit = crud.get_visit(visit_id)
    if body.version is not None or request.headers.get("If-Match"):
        crud.check_version(VISITS, visit, body)  # optional here, but honoured when sent
    problems = check_against_stored({"person_ids": body.person_ids})
    if problems:
        raise validation_error(problems)
    set_key_figures(visit, body.person_ids)
    crud.commit(VISITS)
    return schemas.KeyFigures(person_ids=visit.key_figure_ids, version=visit.version)


def _programme_of(visit_id: int, lang: str | None = None):
    visit = load_visit(visit_id)
    if visit is None:
        raise ApiError(404, f"No visit with id {visit_id}.")
    return visit, build_programme(visit, lang)


def get_programme(visit_id: int) -> schemas.Programme:
    """The programme: days in order, each day's items in time order."""
    visit, programme = _programme_of(visit_id)
    rows = {item.id: item for item in visit.items}
    return schemas.Programme(days=[
        schemas.ProgrammeDay(date=day.date,
                             items=[schemas.Item.model_validate(rows[i.id]) for i in day.items])
        for day in programme.days
    ])


def list_conflicts(visit_id: int) -> list[schemas.Conflict]:
    """What in the programme a person must look at, worded in ?lang= or the content language."""
    lang = request.args.get("lang")
    if lang is not None and lang not in LANGUAGES:
        raise validation_error({"lang": [f"Use one of {', '.join(LANGUAGES)}."]})
    _, programme = _programme_of(visit_id, lang)
    return [schemas.Conflict(kind=c.kind, message=c.message, item_ids=list(c.item_ids))
            for c in find_conflicts(programme)]

