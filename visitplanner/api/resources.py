"""The API's resources: which schema, model and writer each one uses."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import selectinload

from visitplanner import models
from visitplanner.api import schemas
from visitplanner.api.crud import Resource
from visitplanner.api.delegate_links import DelegateResource
from visitplanner.api.types import ApiModel, Version
from visitplanner.core.operations import (
    apply_item,
    apply_journey,
    apply_plain,
    apply_stay,
    apply_visit,
)


class VersionBody(ApiModel):
    """The version a client read, for DELETE (or send `If-Match`)."""

    version: Version | None = None


def _visit_loader(model: Any) -> list[Any]:
    return [selectinload(model.partner_links)]


def _audience_loader(model: Any) -> list[Any]:
    return [selectinload(model.chosen_delegates)]


def _item_loader(model: Any) -> list[Any]:
    return [selectinload(model.speaker_links), selectinload(model.interpreter_links),
            selectinload(model.chosen_delegates)]


ORGANISATIONS = Resource(models.Organisation, schemas.OrganisationFields, schemas.Organisation,
                         apply_plain, "organisation", shared=True)
PEOPLE = Resource(models.Person, schemas.PersonFields, schemas.Person, apply_plain, "person",
                  shared=True)
VENUES = Resource(models.Venue, schemas.VenueFields, schemas.Venue, apply_plain, "venue",
                  shared=True)
VISITS = Resource(models.Visit, schemas.VisitFields, schemas.Visit, apply_visit, "visit",
                  loader=_visit_loader)
DELEGATES = DelegateResource(models.Delegate, schemas.DelegateFields, schemas.Delegate,
                             apply_plain, "delegate")
ITEMS = Resource(models.Item, schemas.ItemFields, schemas.Item, apply_item, "item",
                 loader=_item_loader)
QUOTES = Resource(models.Quote, schemas.QuoteFields, schemas.Quote, apply_plain, "quote")
JOURNEYS = Resource(models.Journey, schemas.JourneyFields, schemas.Journey, apply_journey,
                   "journey", loader=_audience_loader,
                   order=lambda model: [model.departs_at, model.id])
STAYS = Resource(models.Stay, schemas.StayFields, schemas.Stay, apply_stay, "stay",
                 loader=_audience_loader, order=lambda model: [model.check_in, model.id])
CONTACTS = Resource(models.Contact, schemas.ContactFields, schemas.Contact, apply_plain,
                    "contact", order=lambda model: [model.position, model.id])
