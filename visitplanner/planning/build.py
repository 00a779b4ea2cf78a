"""build_programme: turn a loaded visit into the Programme view-model every output uses."""
from __future__ import annotations

from itertools import groupby
from typing import Any
from zoneinfo import ZoneInfo

from visitplanner.planning.nationality import adjective_for
from visitplanner.planning.practical import emergency_number_for
from visitplanner.planning.programme import (
    ContactView,
    Day,
    DelegateView,
    DelegationView,
    JourneyView,
    OrganisationView,
    PersonView,
    Programme,
    ProgrammeItem,
    QuoteView,
    StayView,
    VenueView,
    VisitView,
)
from visitplanner.planning.vocabulary import LANGUAGES


def sources(lang: str) -> tuple[str, ...]:
    """The translations a text in `lang` is taken from, in order, before the stored text.

    Content comes in nl, fr or en; a delegate's own language beyond those (de, uk) has no
    translations of its own, so its texts come in English first.
    """
    return (lang,) if lang in LANGUAGES else (lang, "en")

# The free-text fields of each record that a programme shows in its language: what the views
# translate, and what planning.untranslated lists when no translation is there.
VISIT_TEXT = ("title", "visit_type", "purpose", "focus", "dress_code", "practical_notes")
DELEGATION_TEXT = ("delegation_adjective", "delegation_description")
ORGANISATION_TEXT = ("name", "short_name", "address", "city")
PERSON_TEXT = ("function", "honorific")
VENUE_TEXT = ("name", "address", "city")
DELEGATE_TEXT = ("function", "honorific", "organisation")
ITEM_PRACTICAL_TEXT = ("meeting_point", "dress_code", "transport", "interpreting")
ITEM_TEXT = ("title", "description", *ITEM_PRACTICAL_TEXT)
JOURNEY_TEXT = ("from_place", "to_place", "meeting_point", "met_by", "notes")


def translated(row: Any, field: str, lang: str, key: str | None = None) -> Any:
    """A free-text field in `lang` when translated, else as written in the content language."""
    texts = row.translations
    if texts:  # most rows have none: a summit's build asks 4,000 times
        for source in sources(lang):
            translation = texts.get(source, {}).get(key or field)
            if translation:
                return translation
    return getattr(row, field)


def has_translation(row: Any, field: str, lang: str) -> bool:
    """Tell whether `translated` gives the organiser's translation rather than the stored text."""
    texts = row.translations
    return bool(texts) and any(texts.get(source, {}).get(field) for source in sources(lang))


def untranslated(row: Any, lang: str, content_lang: str, *fields: str) -> frozenset[str]:
    """The fields `translated` shows as stored, in `content_lang`, for want of a translation."""
    if lang == content_lang:
        return frozenset()
    texts = row.translations
    if not texts:  # nothing translated: every field with text shows as stored
        return frozenset(field for field in fields if getattr(row, field))
    from_langs = [texts.get(source) or {} for source in sources(lang)]
    return frozenset(field for field in fields if getattr(row, field)
                     and not any(text.get(field) for text in from_langs))


def organisation_view(org: Any, lang: str, content_lang: str,
                      logo: bool = False) -> OrganisationView | None:
    """Copy an organisation row into the view-model, its names and address in `lang`.

    With `logo`, the logo too: only the visit's host prints it, so only its row loads it.
    """
    if org is None:
        return None
    return OrganisationView(
        logo=org.logo if logo and org.logo_type else None,
        logo_type=org.logo_type if logo else None,
        id=org.id, name=translated(org, "name", lang),
        short_name=translated(org, "short_name", lang), kind=org.kind,
        address=translated(org, "address", lang), city=translated(org, "city", lang),
        country=org.country, website=org.website, phone=org.phone, email=org.email,
        untranslated=untranslated(org, lang, content_lang, *ORGANISATION_TEXT),
    )


def person_view(person: Any, lang: str, content_lang: str) -> PersonView:
    """Copy a host-side person into the view-model, honorific and function in `lang`."""
    return PersonView(
        id=person.id, full_name=person.full_name, latin_name=person.latin_name,
        honorific=translated(person, "honorific", lang),
        function=translated(person, "function", lang),
        organisation=organisation_view(person.organisation, lang, content_lang),
        email=person.email, phone=person.phone,
        honorific_translated=has_translation(person, "honorific", lang),
        untranslated=untranslated(person, lang, content_lang, *PERSON_TEXT),
    )


def venue_view(venue: Any, lang: str, content_lang: str) -> VenueView | None:
    """Copy a venue into the view-model; None stays None."""
    return None if venue is None else place_view(venue, lang, content_lang)


def place_view(venue: Any, lang: str, content_lang: str) -> VenueView:
    """Copy a venue that is there, its name and address in `lang`."""
    return VenueView(
        id=venue.id, name=translated(venue, "name", lang),
        address=translated(venue, "address", lang), city=translated(venue, "city", lang),
        country=venue.country, latitude=venue.latitude, longitude=venue.longitude,
        organisation=organisation_view(venue.organisation, lang, content_lang), phone=venue.phone,
        untranslated=untranslated(venue, lang, content_lang, *VENUE_TEXT),
    )


def delegate_view(delegate: Any, lang: str, content_lang: str) -> DelegateView:
    """Copy a delegate into the view-model, honorific, function and organisation in `lang`."""
    return DelegateView(
        id=delegate.id, full_name=delegate.full_name, latin_name=delegate.latin_name,
        role=delegate.role, honorific=translated(delegate, "honorific", lang),
        gender=delegate.gender,
        function=translated(delegate, "function", lang),
        organisation=translated(delegate, "organisation", lang), country=delegate.country,
        email=delegate.email, phone=delegate.phone, language=delegate.language,
        dietary=delegate.dietary, accessibility=delegate.accessibility,
        honorific_translated=has_translation(delegate, "honorific", lang),
        untranslated=untranslated(delegate, lang, content_lang, *DELEGATE_TEXT),
    )


def delegation_view(visit: Any, lang: str) -> DelegationView:
    """The visit's delegation, its words in `lang` where translated."""
    delegation_untranslated = untranslated(visit, lang, visit.content_language, *DELEGATION_TEXT)
    return DelegationView(
        country=visit.delegation_country,
        adjective=translated(visit, "delegation_adjective", lang)
        or adjective_for(visit.delegation_country, lang),
        description=translated(visit, "delegation_description", lang),
        untranslated=frozenset(f.removeprefix("delegation_") for f in delegation_untranslated),
    )


def visit_view(visit: Any, lang: str) -> VisitView:
    """Copy the visit's own facts, free text in `lang`."""
    content_lang = visit.content_language
    return VisitView(
        id=visit.id, title=translated(visit, "title", lang), start_date=visit.start_date,
        end_date=visit.end_date, timezone=visit.timezone,
        content_language=content_lang, status=visit.status, host_country=visit.host_country,
        host=organisation_view(visit.host_organisation, lang, content_lang, logo=True),
        partners=tuple(filter(None, (organisation_view(org, lang, content_lang)
                                     for org in visit.partners))),
        delegation=delegation_view(visit, lang),
        visit_type=translated(visit, "visit_type", lang),
        purpose=translated(visit, "purpose", lang), focus=translated(visit, "focus", lang),
        emergency_number=visit.emergency_number or emergency_number_for(visit.host_country),
        dress_code=translated(visit, "dress_code", lang),
        practical_notes=translated(visit, "practical_notes", lang),
        untranslated=untranslated(visit, lang, content_lang, *VISIT_TEXT),
    )


class SharedViews:
    """The views of the venues, organisations and people many items share, each made once per
    build (a summit's 300 items name 30 venues and 80 speakers)."""

    def __init__(self, lang: str, content_lang: str) -> None:
        self.lang, self.content_lang = lang, content_lang
        self._made: dict[tuple[str, int], Any] = {}

    def organisation(self, org: Any) -> OrganisationView | None:
        """The view of an organisation, None for none."""
        return None if org is None else self._once("organisation", org, organisation_view)

    def person(self, person: Any) -> PersonView:
        """The view of a host-side person."""
        return self._once("person", person, person_view)  # type: ignore[no-any-return]

    def venue(self, venue: Any) -> VenueView | None:
        """The view of a venue, None for none."""
        return None if venue is None else self._once("venue", venue, place_view)

    def _once(self, kind: str, row: Any, make: Any) -> Any:
        view = self._made.get((kind, row.id))
        if view is None:
            view = self._made[(kind, row.id)] = make(row, self.lang, self.content_lang)
        return view


def item_view(item: Any, zone: ZoneInfo, shared: SharedViews) -> ProgrammeItem:
    """Copy an item, its wall-clock times made aware in the visit's zone, its text in the
    language of `shared`."""
    lang, content_lang = shared.lang, shared.content_lang
    return ProgrammeItem(
        id=item.id, kind=item.kind, title=translated(item, "title", lang),
        starts=item.starts_at.replace(tzinfo=zone), ends=item.ends_at.replace(tzinfo=zone),
        status=item.status, sequence=item.sequence,
        description=translated(item, "description", lang),
        venue=shared.venue(item.venue), host=shared.organisation(item.host_organisation),
        speakers=tuple(shared.person(person) for person in item.speakers),
        topics=tuple(translated(item, "topics", lang) or ()),
        topics_lang=lang if has_translation(item, "topics", lang) else content_lang,
        delegate_ids=_ids(item.delegate_ids), updated_at=item.updated_at,
        meeting_point=translated(item, "meeting_point", lang),
        meeting_at=item.meeting_at.replace(tzinfo=zone) if item.meeting_at else None,
        dress_code=translated(item, "dress_code", lang),
        transport=translated(item, "transport", lang),
        interpreting=translated(item, "interpreting", lang),
        interpreters=tuple(shared.person(p) for p in item.interpreters),
        untranslated=untranslated(item, lang, content_lang, *ITEM_TEXT),
    )


def journey_view(journey: Any, lang: str, content_lang: str) -> JourneyView:
    """Copy a journey, each end's wall-clock time made aware in its own zone, text in `lang`."""
    text = {name: translated(journey, name, lang) for name in JOURNEY_TEXT}
    return JourneyView(
        id=journey.id, direction=journey.direction, mode=journey.mode,
        departs=journey.departs_at.replace(tzinfo=ZoneInfo(journey.departure_timezone)),
        arrives=journey.arrives_at.replace(tzinfo=ZoneInfo(journey.arrival_timezone)),
        departure_timezone=journey.departure_timezone,
        arrival_timezone=journey.arrival_timezone, reference=journey.reference,
        delegate_ids=_ids(journey.delegate_ids),
        untranslated=untranslated(journey, lang, content_lang, *JOURNEY_TEXT), **text,
    )


def stay_view(stay: Any, lang: str, content_lang: str) -> StayView:
    """Copy a stay with its hotel, notes in `lang`."""
    return StayView(
        id=stay.id, hotel=place_view(stay.venue, lang, content_lang), check_in=stay.check_in,
        check_out=stay.check_out,
        booking_reference=stay.booking_reference, notes=translated(stay, "notes", lang),
        delegate_ids=_ids(stay.delegate_ids),
        untranslated=untranslated(stay, lang, content_lang, "notes"),
    )


def contact_view(contact: Any, lang: str, content_lang: str) -> ContactView:
    """Copy a contact on duty, role and availability in `lang`."""
    return ContactView(
        id=contact.id, name=contact.name, phone=contact.phone,
        role=translated(contact, "role", lang), email=contact.email,
        available=translated(contact, "available", lang),
        untranslated=untranslated(contact, lang, content_lang, "role", "available"),
    )


def _ids(ids: list[int] | None) -> tuple[int, ...] | None:
    """An audience as the view-model holds it: None for everyone, else a tuple of ids."""
    return None if ids is None else tuple(ids)


def group_by_day(items: list[ProgrammeItem]) -> tuple[Day, ...]:
    """Group items in time order into days, each day once, days in order."""
    ordered = sorted(items, key=lambda item: (item.starts, item.ends, item.id))
    return tuple(Day(date=date, items=tuple(day_items))
                 for date, day_items in groupby(ordered, key=lambda item: item.starts.date()))


def build_programme(visit: Any, lang: str | None = None,
                    delegate_id: int | None = None) -> Programme:
    """Assemble the programme of a loaded visit; with `delegate_id`, only that delegate's items,
    journeys and stays (see core.personal_visit for a visit loaded for them)."""
    content_lang = visit.content_language
    lang = lang or content_lang
    zone = ZoneInfo(visit.timezone)
    shared = SharedViews(lang, content_lang)
    items, journeys, stays = visit.items, visit.journeys, visit.stays
    personal_for = None
    if delegate_id is not None:
        personal_for = next((delegate_view(d, lang, content_lang) for d in visit.delegates
                             if d.id == delegate_id), None)
        items, journeys, stays = ([row for row in rows if _is_for(row, delegate_id)]
                                  for rows in (items, journeys, stays))
    return Programme(
        visit=visit_view(visit, lang),
        days=group_by_day([item_view(item, zone, shared) for item in items]), lang=lang,
        delegates=tuple(delegate_view(d, lang, content_lang) for d in visit.delegates),
        key_figures=tuple(shared.person(p) for p in visit.key_figures),
        quotes=tuple(_quote_view(quote, lang, content_lang) for quote in visit.quotes),
        journeys=tuple(sorted((journey_view(journey, lang, content_lang) for journey in journeys),
                              key=lambda j: (j.departs, j.id))),
        stays=tuple(stay_view(stay, lang, content_lang) for stay in stays),
        contacts=tuple(contact_view(c, lang, content_lang) for c in visit.contacts),
        personal_for=personal_for,
    )


def _is_for(row: Any, delegate_id: int) -> bool:
    """Whether an item, journey or stay row is for the delegate (as the views' is_for tells)."""
    ids = row.delegate_ids
    return ids is None or delegate_id in ids


def _quote_view(quote: Any, lang: str, content_lang: str) -> QuoteView:
    return QuoteView(
        id=quote.id, text=quote.text, language=quote.language,
        person=person_view(quote.person, lang, content_lang) if quote.person else None,
        speaker_name=quote.speaker_name, speaker_function=quote.speaker_function,
    )

