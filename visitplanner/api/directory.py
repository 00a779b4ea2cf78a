"""API handlers of the shared directory: organisations, people and venues."""
from __future__ import annotations

from visitplanner.api import crud, schemas
from visitplanner.api.resources import ORGANISATIONS, PEOPLE, VENUES
from visitplanner.api.types import ApiModel, ReadModel


def list_organisations() -> list[ReadModel]:
    """Every organisation."""
    return crud.list_rows(ORGANISATIONS)


def create_organisation(body: schemas.OrganisationFields) -> ReadModel:
    """Store a new organisation."""
    return crud.create_row(ORGANISATIONS, body)


def get_organisation(organisation_id: int) -> ReadModel:
    """One organisation."""
    return crud.read_row(ORGANISATIONS, organisation_id)


def update_organisation(organisation_id: int, body: ApiModel) -> ReadModel:
    """Change the fields sent of an organisation read at its current version."""
    return crud.update_row(ORGANISATIONS, organisation_id, body)


def delete_organisation(organisation_id: int, body: ApiModel | None) -> None:
    """Delete an organisation read at its current version."""
    crud.delete_row(ORGANISATIONS, organisation_id, body)


def list_people() -> list[ReadModel]:
    """Every person."""
    return crud.list_rows(PEOPLE)


def create_person(body: schemas.PersonFields) -> ReadModel:
    """Store a new person."""
    return crud.create_row(PEOPLE, body)


def get_person(person_id: int) -> ReadModel:
    """One person."""
    return crud.read_row(PEOPLE, person_id)


def update_person(person_id: int, body: ApiModel) -> ReadModel:
    """Change the fields sent of a person read at its current version."""
    return crud.update_row(PEOPLE, person_id, body)


def delete_person(person_id: int, body: ApiModel | None) -> None:
    """Delete a person read at its current version."""
    crud.delete_row(PEOPLE, person_id, body)


def list_venues() -> list[ReadModel]:
    """Every venue."""
    return crud.list_rows(VENUES)


def create_venue(body: schemas.VenueFields) -> ReadModel:
    """Store a new venue."""
    return crud.create_row(VENUES, body)


def get_venue(venue_id: int) -> ReadModel:
    """One venue."""
    return crud.read_row(VENUES, venue_id)


def update_venue(venue_id: int, body: ApiModel) -> ReadModel:
    """Change the fields sent of a venue read at its current version."""
    return crud.update_row(VENUES, venue_id, body)


def delete_venue(venue_id: int, body: ApiModel | None) -> None:
    """Delete a venue read at its current version."""
    crud.delete_row(VENUES, venue_id, body)
