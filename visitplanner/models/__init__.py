"""Every model, imported here so Alembic and the app see the whole schema."""
# The model modules leave out `from __future__ import annotations`: SQLAlchemy would evaluate
# each of their 800 string annotations at every start (20 of the 175 ms of mapping). Only the
# names defined further down are quoted (list["Item"]).
from visitplanner.models.audit import AuditEvent
from visitplanner.models.directory import Organisation, Person, Venue
from visitplanner.models.form_tokens import UsedFormToken
from visitplanner.models.items import Item, ItemInterpreter, ItemSpeaker, item_delegates
from visitplanner.models.news import NewsDraft
from visitplanner.models.outbox import InvitationRun, OutboxMessage, SentInvitation
from visitplanner.models.practical import Contact, Journey, Stay, journey_delegates, stay_delegates
from visitplanner.models.printouts import PrintoutJob
from visitplanner.models.releases import ItemResponse, Release, Setting
from visitplanner.models.users import ApiToken, User
from visitplanner.models.visits import Delegate, KeyFigure, Quote, Visit, VisitPartner

__all__ = [
    "ApiToken", "AuditEvent", "Delegate", "Item", "ItemSpeaker", "KeyFigure", "Organisation",
    "Person", "Quote", "User", "Venue", "Visit", "VisitPartner", "item_delegates",
    "OutboxMessage", "InvitationRun", "SentInvitation", "NewsDraft", "Contact",
    "ItemInterpreter", "Journey",
    "Stay", "journey_delegates", "stay_delegates", "Release", "ItemResponse", "Setting",
    "UsedFormToken", "PrintoutJob",
]
