"""The Programme view-model: plain read-only dataclasses every output is made from."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TypeVar, dataclass_transform

View = TypeVar("View")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def view_model(cls: type[View]) -> type[View]:
    """Make `cls` a view-model dataclass: frozen to the type checker, which rejects any
    assignment to a field, and compared and hashed by its fields; made without frozen's guard
    on each field at run time, which cost a third of building a programme."""
    return dataclass(unsafe_hash=True)(cls)


@view_model
class OrganisationView:
    """A host or partner body, as outputs show it."""

    id: int
    name: str
    short_name: str | None = None
    kind: str = "other"
    address: str | None = None
    city: str | None = None
    country: str | None = None
    website: str | None = None
    phone: str | None = None
    email: str | None = None
    # The uploaded logo (PNG or JPEG bytes and their media type); set on the visit's host only.
    logo: bytes | None = None
    logo_type: str | None = None
    # The text fields shown as stored, in the visit's content language, because the
    # programme's language has no translation for them.
    untranslated: frozenset[str] = frozenset()



@view_model
class VenueView:
    """A place with an address and, when known, coordinates."""

    id: int
    name: str
    address: str | None = None
    city: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    organisation: OrganisationView | None = None
    phone: str | None = None
    untranslated: frozenset[str] = frozenset()



@view_model
class PersonView:
    """A host-side person: speaker, host or key figure."""

    id: int
    full_name: str
    honorific: str | None = None
    function: str | None = None
    organisation: OrganisationView | None = None
    # The name in Latin letters as recorded, when `full_name` is in another script.
    latin_name: str | None = None
    # True when `honorific` is the organiser's own translation, which outputs print as given.
    honorific_translated: bool = False
    email: str | None = None
    phone: str | None = None
    untranslated: frozenset[str] = frozenset()



@view_model
class DelegateView:
    """One member of the delegation."""

    id: int
    full_name: str
    role: str = "member"
    # The name in Latin letters as recorded, when `full_name` is in another script.
    latin_name: str | None = None
    honorific: str | None = None
    gender: str | None = None  # "female", "male" or None (unknown)
    function: str | None = None
    organisation: str | None = None
    country: str | None = None
    email: str | None = None
    phone: str | None = None
    language: str | None = None
    # True when `honorific` is the organiser's own translation, which outputs print as given.
    honorific_translated: bool = False
    # As the organiser wrote them ("vegetarian", "wheelchair"), for caterers and hosts.
    dietary: str | None = None
    accessibility: str | None = None
    untranslated: frozenset[str] = frozenset()



@view_model
class QuoteView:
    """A quote for the news draft, with its attribution."""

    id: int
    text: str
    language: str | None
    person: PersonView | None = None
    speaker_name: str | None = None
    speaker_function: str | None = None


@view_model
class DelegationView:
    """The visiting group as a whole."""

    country: str | None = None
    adjective: str | None = None
    description: str | None = None
    untranslated: frozenset[str] = frozenset()



@view_model
class VisitView:
    """The visit's own facts, free text resolved to the programme's language."""

    id: int
    title: str
    start_date: dt.date
    end_date: dt.date
    timezone: str
    content_language: str
    status: str
    host_country: str = "BE"
    host: OrganisationView | None = None
    partners: tuple[OrganisationView, ...] = ()
    delegation: DelegationView = field(default_factory=DelegationView)
    visit_type: str | None = None
    purpose: str | None = None
    focus: str | None = None
    # The number to dial in an emergency: the organiser's, else the host country's (112 in
    # the EU); None when neither is known.
    emergency_number: str | None = None
    dress_code: str | None = None
    practical_notes: str | None = None
    untranslated: frozenset[str] = frozenset()



@view_model
class ProgrammeItem:
    """One entry of the programme; `starts`/`ends` are aware datetimes in the visit's zone."""

    id: int
    kind: str
    title: str
    starts: dt.datetime
    ends: dt.datetime
    status: str = "confirmed"
    sequence: int = 0
    description: str | None = None
    venue: VenueView | None = None
    host: OrganisationView | None = None
    speakers: tuple[PersonView, ...] = ()
    topics: tuple[str, ...] = ()
    # The language `topics` are written in: the programme's, or the content language when
    # they have no translation into it. None: unknown.
    topics_lang: str | None = None
    # None means the whole delegation attends; otherwise the ids of the chosen delegates.
    delegate_ids: tuple[int, ...] | None = None
    updated_at: dt.datetime | None = None
    # The practical side; `meeting_at` is aware in the visit's zone, never after `starts`.
    meeting_point: str | None = None
    meeting_at: dt.datetime | None = None
    dress_code: str | None = None
    transport: str | None = None
    interpreting: str | None = None
    interpreters: tuple[PersonView, ...] = ()
    untranslated: frozenset[str] = frozenset()


    @property
    def person_ids(self) -> frozenset[int]:
        """The host-side people who take part: the speakers and the interpreters."""
        return frozenset(person.id for person in self.speakers + self.interpreters)

    def is_attended_by(self, delegate_id: int) -> bool:
        """Tell whether the delegate is in this item's audience."""
        return self.delegate_ids is None or delegate_id in self.delegate_ids


@view_model
class JourneyView:
    """An arrival or departure; `departs` and `arrives` are aware, each in its own zone."""

    id: int
    direction: str
    mode: str
    departs: dt.datetime
    arrives: dt.datetime
    departure_timezone: str
    arrival_timezone: str
    reference: str | None = None
    from_place: str | None = None
    to_place: str | None = None
    meeting_point: str | None = None
    met_by: str | None = None
    notes: str | None = None
    # None means the whole delegation travels; otherwise the ids of the chosen delegates.
    delegate_ids: tuple[int, ...] | None = None
    untranslated: frozenset[str] = frozenset()

    def is_for(self, delegate_id: int) -> bool:
        """Tell whether the delegate makes this journey."""
        return self.delegate_ids is None or delegate_id in self.delegate_ids


@view_model
class StayView:
    """Nights at a hotel, from the check-in date to the check-out date."""

    id: int
    hotel: VenueView
    check_in: dt.date
    check_out: dt.date
    booking_reference: str | None = None
    notes: str | None = None
    # None means the whole delegation stays there; otherwise the ids of the chosen delegates.
    delegate_ids: tuple[int, ...] | None = None
    untranslated: frozenset[str] = frozenset()

    def is_for(self, delegate_id: int) -> bool:
        """Tell whether the delegate stays at this hotel."""
        return self.delegate_ids is None or delegate_id in self.delegate_ids

    @property
    def nights(self) -> tuple[dt.date, ...]:
        """The evenings spent there: check-in up to the day before check-out."""
        count = (self.check_out - self.check_in).days
        return tuple(self.check_in + dt.timedelta(days=n) for n in range(count))


@view_model
class ContactView:
    """Someone to call during the visit."""

    id: int
    name: str
    phone: str
    role: str | None = None
    email: str | None = None
    available: str | None = None
    untranslated: frozenset[str] = frozenset()


@view_model
class Day:
    """One day of the programme with its items in time order."""

    date: dt.date
    items: tuple[ProgrammeItem, ...]


@view_model
class Programme:
    """A visit's items grouped by day, plus the people and places outputs need."""

    visit: VisitView
    days: tuple[Day, ...]
    lang: str
    delegates: tuple[DelegateView, ...] = ()
    key_figures: tuple[PersonView, ...] = ()
    quotes: tuple[QuoteView, ...] = ()
    # Journeys in departure order and stays by check-in; only those of personal_for when set.
    journeys: tuple[JourneyView, ...] = ()
    stays: tuple[StayView, ...] = ()
    contacts: tuple[ContactView, ...] = ()
    # The delegate whose personal programme this is; None for the whole programme. (An item's
    # audience, by contrast, is who attends it: ProgrammeItem.delegate_ids.)
    personal_for: DelegateView | None = None

    @property
    def items(self) -> tuple[ProgrammeItem, ...]:
        """Every item of every day, in time order."""
        return tuple(item for day in self.days for item in day.items)

    @property
    def venues(self) -> tuple[VenueView, ...]:
        """The venues used by the programme, each once, in order of first use."""
        seen: dict[int, VenueView] = {}
        for item in self.items:
            if item.venue is not None:
                seen.setdefault(item.venue.id, item.venue)
        return tuple(seen.values())

    @property
    def arrivals(self) -> tuple[JourneyView, ...]:
        """The journeys that bring people to the visit."""
        return tuple(j for j in self.journeys if j.direction == "arrival")

    @property
    def departures(self) -> tuple[JourneyView, ...]:
        """The journeys that take people home."""
        return tuple(j for j in self.journeys if j.direction == "departure")

    @property
    def speakers(self) -> tuple[PersonView, ...]:
        """The host-side speakers of the programme, each once, in order of first appearance."""
        seen: dict[int, PersonView] = {}
        for item in self.items:
            for person in item.speakers:
                seen.setdefault(person.id, person)
        return tuple(seen.values())
