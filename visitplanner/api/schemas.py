"""One schema per resource: it validates requests, shapes answers and writes the OpenAPI."""
from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StrictFloat, StringConstraints, field_validator, model_validator

from visitplanner.api.types import (
    ApiModel,
    Country,
    Email,
    Id,
    LocalDateTime,
    Name200,
    Name300,
    Name5000,
    ReadModel,
    Text30,
    Text50,
    Text60,
    Text64,
    Text100,
    Text200,
    Text300,
    Text5000,
    Text10000,
    Version,
    WebAddress,
    patch_model,
)
from visitplanner.planning import rules
from visitplanner.planning.practical import emergency_number_for
from visitplanner.planning.vocabulary import (
    CalendarInvites,
    ConflictKind,
    DelegateLanguage,
    DelegateRole,
    Gender,
    ItemKind,
    ItemStatus,
    JourneyDirection,
    JourneyMode,
    LanguageCode,
    OrganisationKind,
    VisitStatus,
)

Phone = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=50,
                                         pattern=rules.PHONE_PATTERN),
                  Field(examples=["+32 475 12 34 56"])]


class Stored(ReadModel):
    """What every stored resource adds: its id and version."""

    id: int
    version: int


class OrganisationTranslation(ApiModel):
    """An organisation's names and address in one more language."""

    name: Text200 | None = None
    short_name: Text60 | None = None
    address: Text300 | None = None
    city: Text100 | None = None


class OrganisationFields(ApiModel):
    """A host or partner body."""

    name: Name200
    short_name: Text60 | None = None
    kind: OrganisationKind = "other"
    address: Text300 | None = None
    city: Text100 | None = None
    country: Country | None = None
    website: WebAddress | None = None
    phone: Text50 | None = None
    email: Email | None = None
    translations: dict[LanguageCode, OrganisationTranslation] = Field(default_factory=dict)


class PersonTranslation(ApiModel):
    """A person's honorific and function in one more language."""

    honorific: Text60 | None = Field(
        None, description="As written before the name in a sentence: 'le chef de corps', 'Ms'.")
    function: Text200 | None = None


class PersonFields(ApiModel):
    """A host-side person."""

    full_name: Name200
    honorific: Text60 | None = None
    function: Text200 | None = None
    organisation_id: Id | None = None
    email: Email | None = None
    phone: Text50 | None = None
    translations: dict[LanguageCode, PersonTranslation] = Field(default_factory=dict)


class VenueTranslation(ApiModel):
    """A venue's name and address in one more language ("Bruxelles" for "Brussel")."""

    name: Text200 | None = None
    address: Text300 | None = None
    city: Text100 | None = None


class VenueFields(ApiModel):
    """A place with an address."""

    name: Name200
    address: Text300 | None = None
    city: Text100 | None = None
    country: Country | None = None
    organisation_id: Id | None = None
    phone: Text50 | None = Field(None, description="The front desk, for hotels.")
    # Strict: JSON false is not the coordinate 0.0.
    latitude: StrictFloat | None = Field(None, ge=-90, le=90, allow_inf_nan=False)
    longitude: StrictFloat | None = Field(None, ge=-180, le=180, allow_inf_nan=False)
    translations: dict[LanguageCode, VenueTranslation] = Field(default_factory=dict)


class Delegation(ApiModel):
    """The visiting group as a whole."""

    country: Country | None = None
    adjective: Text100 | None = None
    description: Text200 | None = None


class VisitTranslation(ApiModel):
    """A visit's free text in one more language."""

    title: Text300 | None = None
    purpose: Text5000 | None = None
    focus: Text5000 | None = None
    visit_type: Text100 | None = None
    delegation_adjective: Text100 | None = None
    delegation_description: Text200 | None = None
    dress_code: Text200 | None = None
    practical_notes: Text10000 | None = None


class VisitFields(ApiModel):
    """One delegation's stay."""

    title: Name300
    start_date: dt.date
    end_date: dt.date
    timezone: Text64 = "Europe/Brussels"
    content_language: LanguageCode = "nl"
    host_organisation_id: Id | None = None
    partner_organisation_ids: list[Id] = Field(default_factory=list, max_length=50)
    host_country: Country = "BE"
    delegation: Delegation = Field(default_factory=Delegation)
    visit_type: Text100 | None = None
    purpose: Text5000 | None = None
    focus: Text5000 | None = None
    status: VisitStatus = "draft"
    emergency_number: Text30 | None = Field(
        None, description="Default: the host country's general number, 112 in the EU.")
    dress_code: Text200 | None = Field(None, description="The default for the whole visit.")
    practical_notes: Text10000 | None = None
    translations: dict[LanguageCode, VisitTranslation] = Field(default_factory=dict)
    calendar_invites: CalendarInvites = Field(
        "feed", description="feed: the personal feed keeps calendars current; requests: also "
        "one meeting request or cancellation per changed item with each release.")

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        return rules.check_timezone(value)

    def check_rules(self) -> None:
        rules.check_visit_dates(self.start_date, self.end_date)


class DelegateTranslation(ApiModel):
    """A delegate's honorific, function and organisation in one more language."""

    honorific: Text60 | None = None
    function: Text200 | None = None
    organisation: Text200 | None = None


class DelegateFields(ApiModel):
    """One member of the delegation."""

    full_name: Name200
    honorific: Text60 | None = None
    gender: Gender | None = Field(
        None, description="grammatical gender for the news draft; null: from the honorific")
    function: Text200 | None = None
    organisation: Text200 | None = None
    country: Country | None = None
    email: Email | None = None
    phone: Text50 | None = None
    language: DelegateLanguage | None = None
    role: DelegateRole = "member"
    dietary: Text300 | None = None
    accessibility: Text300 | None = None
    notes: Text5000 | None = None
    translations: dict[LanguageCode, DelegateTranslation] = Field(default_factory=dict)


class ItemTranslation(ApiModel):
    """An item's free text in one more language."""

    title: Text300 | None = None
    description: Text10000 | None = None
    topics: list[Text200] | None = Field(None, max_length=30)
    meeting_point: Text300 | None = None
    dress_code: Text200 | None = None
    transport: Text300 | None = None
    interpreting: Text200 | None = None


class ItemFields(ApiModel):
    """One entry of the programme."""

    title: Name300
    kind: ItemKind = "session"
    starts_at: LocalDateTime
    ends_at: LocalDateTime
    venue_id: Id | None = None
    host_organisation_id: Id | None = None
    topics: list[Text200] = Field(default_factory=list, max_length=30)
    description: Text10000 | None = None
    speaker_ids: list[Id] = Field(default_factory=list, max_length=50)
    delegate_ids: list[Id] | None = Field(None, max_length=500,
                                          description="null: the whole delegation attends")
    status: ItemStatus = "confirmed"
    meeting_point: Text300 | None = Field(None, examples=["Hotel lobby"])
    meeting_at: LocalDateTime | None = Field(None, description="Not after starts_at.")
    dress_code: Text200 | None = None
    transport: Text300 | None = Field(None, examples=["Minibus, driver Jan Peeters"])
    interpreting: Text200 | None = Field(None, examples=["consecutive uk-nl"])
    interpreter_ids: list[Id] = Field(default_factory=list, max_length=20,
                                      description="Host-side people (person ids).")
    translations: dict[LanguageCode, ItemTranslation] = Field(default_factory=dict)

    def check_rules(self) -> None:
        rules.check_item_times(self.starts_at, self.ends_at)
        rules.check_meeting_time(self.meeting_at, self.starts_at)


class JourneyTranslation(ApiModel):
    """A journey's free text in one more language."""

    from_place: Text200 | None = None
    to_place: Text200 | None = None
    meeting_point: Text300 | None = None
    met_by: Text200 | None = None
    notes: Text5000 | None = None


class JourneyFields(ApiModel):
    """An arrival or departure; each time is local to its own zone (the visit's by default)."""

    direction: JourneyDirection
    mode: JourneyMode = "other"
    reference: Text60 | None = Field(None, examples=["SN 2902"])
    from_place: Text200 | None = None
    to_place: Text200 | None = None
    departs_at: LocalDateTime
    departure_timezone: Text64 | None = Field(
        None, description="IANA zone of departs_at; the visit's when left out.")
    arrives_at: LocalDateTime
    arrival_timezone: Text64 | None = Field(
        None, description="IANA zone of arrives_at; the visit's when left out.")
    delegate_ids: list[Id] | None = Field(None, max_length=500,
                                          description="null: the whole delegation travels")
    meeting_point: Text300 | None = None
    met_by: Text200 | None = None
    notes: Text5000 | None = None
    translations: dict[LanguageCode, JourneyTranslation] = Field(default_factory=dict)


class StayTranslation(ApiModel):
    """A stay's notes in one more language."""

    notes: Text5000 | None = None


class StayFields(ApiModel):
    """Nights at a hotel, which is a venue (address, phone, coordinates)."""

    venue_id: Id
    check_in: dt.date
    check_out: dt.date = Field(description="After check_in.")
    delegate_ids: list[Id] | None = Field(None, max_length=500,
                                          description="null: the whole delegation stays")
    booking_reference: Text100 | None = None
    notes: Text5000 | None = None
    translations: dict[LanguageCode, StayTranslation] = Field(default_factory=dict)

    def check_rules(self) -> None:
        rules.check_stay_dates(self.check_in, self.check_out)


class ContactTranslation(ApiModel):
    """A contact's role and availability in one more language."""

    role: Text100 | None = None
    available: Text100 | None = None


class ContactFields(ApiModel):
    """Someone to call during the visit."""

    name: Name200
    phone: Phone
    role: Text100 | None = Field(None, examples=["Protocol officer"])
    email: Email | None = None
    available: Text100 | None = Field(None, examples=["24/7"])
    position: int = Field(0, ge=0, le=10_000, description="Place in the list, lowest first.")
    translations: dict[LanguageCode, ContactTranslation] = Field(default_factory=dict)


class QuoteFields(ApiModel):
    """A quote for the news draft."""

    person_id: Id | None = None
    speaker_name: Text200 | None = None
    speaker_function: Text200 | None = None
    text: Name5000
    language: LanguageCode | None = None

    def check_rules(self) -> None:
        if self.person_id is None and not (self.speaker_name or "").strip():
            raise rules.RuleError("person_id", "Give a person_id or a speaker_name.")


class KeyFigures(ApiModel):
    """The host-side people the news draft names as present."""

    person_ids: list[Id] = Field(max_length=100)
    version: Version | None = Field(None, description="The visit's version; optional on PUT.")


class OrganisationOut(OrganisationFields, Stored):
    """An organisation as stored; `logo_type` is set when it has a logo (GET .../logo)."""

    logo_type: str | None = None


class PersonOut(PersonFields, Stored):
    """A person as stored."""


class VenueOut(VenueFields, Stored):
    """A venue as stored."""


class VisitCopy(ApiModel):
    """What a copied visit gets of its own: a title and its first day."""

    title: Name300
    start_date: dt.date


class VisitOut(VisitFields, Stored):
    """A visit as stored; without its own emergency number, the host country's."""

    @model_validator(mode="after")
    def _default_emergency_number(self) -> VisitOut:
        if self.emergency_number is None:
            self.emergency_number = emergency_number_for(self.host_country)
        return self


class DelegateOut(DelegateFields, Stored):
    """A delegate as stored."""

    visit_id: int
    personal_url: str | None = Field(
        None, description="Read-only, for organisers: the delegate's secret programme page.")
    calendar_feed_url: str | None = Field(
        None, description="Read-only, for organisers: the delegate's secret calendar feed.")


class ItemOut(ItemFields, Stored):
    """An item as stored; `sequence` rises when its time, venue, title or status change."""

    visit_id: int
    sequence: int


class QuoteOut(QuoteFields, Stored):
    """A quote as stored."""

    visit_id: int


class JourneyOut(JourneyFields, Stored):
    """A journey as stored, with both zones."""

    visit_id: int
    departure_timezone: str
    arrival_timezone: str


class StayOut(StayFields, Stored):
    """A stay as stored."""

    visit_id: int


class ContactOut(ContactFields, Stored):
    """A contact as stored."""

    visit_id: int


class ProgrammeDayOut(ReadModel):
    """One day of the programme."""

    date: dt.date
    items: list[ItemOut]


class ProgrammeOut(ReadModel):
    """The programme: days and items in time order."""

    days: list[ProgrammeDayOut]


class ConflictOut(ReadModel):
    """Something in the programme a person must look at."""

    kind: ConflictKind
    message: str
    item_ids: list[int]


OrganisationPatch = patch_model(OrganisationFields)
PersonPatch = patch_model(PersonFields)
VenuePatch = patch_model(VenueFields)
VisitPatch = patch_model(VisitFields)
DelegatePatch = patch_model(DelegateFields)
ItemPatch = patch_model(ItemFields)
QuotePatch = patch_model(QuoteFields)
JourneyPatch = patch_model(JourneyFields)
StayPatch = patch_model(StayFields)
ContactPatch = patch_model(ContactFields)
