"""API handlers of a visit's practical side: journeys, hotel stays and contacts on duty."""
from __future__ import annotations

from visitplanner.api import crud, schemas
from visitplanner.api.resources import CONTACTS, JOURNEYS, STAYS
from visitplanner.api.types import ApiModel, ReadModel


def list_journeys(visit_id: int) -> list[ReadModel]:
    """Every journey of a visit."""
    return crud.list_rows(JOURNEYS, visit_id)


def create_journey(visit_id: int, body: schemas.JourneyFields) -> ReadModel:
    """Add a journey to a visit."""
    return crud.create_row(JOURNEYS, body, visit_id)


def get_journey(journey_id: int) -> ReadModel:
    """One journey."""
    return crud.read_row(JOURNEYS, journey_id)


def update_journey(journey_id: int, body: ApiModel) -> ReadModel:
    """Change the fields sent of a journey read at its current version."""
    return crud.update_row(JOURNEYS, journey_id, body)


def delete_journey(journey_id: int, body: ApiModel | None) -> None:
    """Delete a journey read at its current version."""
    crud.delete_row(JOURNEYS, journey_id, body)


def list_stays(visit_id: int) -> list[ReadModel]:
    """Every stay of a visit."""
    return crud.list_rows(STAYS, visit_id)


def create_stay(visit_id: int, body: schemas.StayFields) -> ReadModel:
    """Add a stay to a visit."""
    return crud.create_row(STAYS, body, visit_id)


def get_stay(stay_id: int) -> ReadModel:
    """One stay."""
    return crud.read_row(STAYS, stay_id)


def update_stay(stay_id: int, body: ApiModel) -> ReadModel:
    """Change the fields sent of a stay read at its current version."""
    return crud.update_row(STAYS, stay_id, body)


def delete_stay(stay_id: int, body: ApiModel | None) -> None:
    """Delete a stay read at its current version."""
    crud.delete_row(STAYS, stay_id, body)


def list_contacts(visit_id: int) -> list[ReadModel]:
    """Every contact of a visit."""
    return crud.list_rows(CONTACTS, visit_id)


def create_contact(visit_id: int, body: schemas.ContactFields) -> ReadModel:
    """Add a contact to a visit."""
    return crud.create_row(CONTACTS, body, visit_id)


def get_contact(contact_id: int) -> ReadModel:
    """One contact."""
    return crud.read_row(CONTACTS, contact_id)


def update_contact(contact_id: int, body: ApiModel) -> ReadModel:
    """Change the fields sent of a contact read at its current version."""
    return crud.update_row(CONTACTS, contact_id, body)


def delete_contact(contact_id: int, body: ApiModel | None) -> None:
    """Delete a contact read at its current version."""
    crud.delete_row(CONTACTS, contact_id, body)
