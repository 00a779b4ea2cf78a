"""build_programme: turn a loaded visit into the Programme view-model every output uses."""
from __future__ import annotations

from itertools import groupby
from typing import Any
from zoneinfo import ZoneInfo

from visitplanner.planning.nationality import adjective_for
from visitplanner.planning.programme import (
    Day, DelegateView, DelegationView, OrganisationView, PersonView, Programme, ProgrammeItem,
    QuoteView, VenueView, VisitView,
)


def translated(row: Any, field: str, lang: str, key: str | None = None) -> Any:
    """Return a free-text field in `lang` when translated, else as written in the content language."""
    translation = (row.translations or {}).get(lang, {}).get(key or field)
    return translation if translation else getattr(row, field)


def organisation_view(org: Any) -> OrganisationView | None:
    """Copy an organisation row into the view-model."""
    if org is None:
        return None
    return OrganisationView(
        id=org.id, name=org.name, short_name=org.short_name, kind=org.kind, address=org.address,
        city=org.city, country=org.country, website=org.website, phone=org.phone, email=org.email,
    )


def person_view(person: Any) -> PersonView:
    """Copy a host-side person into the view-model."""
    return PersonView(
        id=person.id, full_name=person.full_name, honorific=person.honorific,
        function=person.function, organisation=organisation_view(person.organisation),
        email=person.email, phone=person.phone,
    )


def venue_view(venue: Any) -> VenueView | None:
    """Copy a venue into the view-model."""
    if venue is None:
        return None
    return VenueView(
        id=venue.id, name=venue.name, address=venue.address, city=venue.city,
        country=venue.country, latitude=venue.latitude, longitude=venue.longitude,
        organisation=organisation_view(venue.organisation),
    )


def delegate_view(delegate: Any) -> DelegateView:
    """Copy a delegate into the view-model."""
    return DelegateView(
        id=delegate.id, full_name=delegate.full_name, role=delegate.role,
        honorific=delegate.honorific, function=delegate.function,
        organisation=delegate.organisation, country=delegate.country, email=delegate.email,
        phone=delegate.phone, language=delegate.language,
    )


def visit_view(visit: Any, lang: str) -> VisitView:
    """Copy the visit's own facts, free text in `lang`."""
    return VisitView(
        id=visit.id, title=translated(visit, "title", lang), start_date=visit.start_date,
        end_date=visit.end_date, timezone=visit.timezone,
        content_language=visit.content_language, status=visit.status,
        host_country=visit.host_country, host=organisation_view(visit.host_organisation),
        partners=tuple(organisation_view(org) for org in visit.partners),
        delegation=DelegationView(
            country=visit.delegation_country,
            adjective=translated(visit, "delegation_adjective", lang)
            or adjective_for(visit.delegation_country, lang),
            description=translated(visit, "delegation_description", lang),
        ),
        visit_type=translated(visit, "visit_type", lang),
        purpose=translated(visit, "purpose", lang), focus=translated(visit, "focus", lang),
    )


def item_view(item: Any, zone: ZoneInfo, lang: str) -> ProgrammeItem:
    """Copy an item, its wall-clock times made aware in the visit's zone."""
    return ProgrammeItem(
        id=item.id, kind=item.kind, title=translated(item, "title", lang),
        starts=item.starts_at.replace(tzinfo=zone), ends=item.ends_at.replace(tzinfo=zone),
        status=item.status, sequence=item.sequence,
        description=translated(item, "description", lang), venue=venue_view(item.venue),
        host=organisation_view(item.host_organisation),
        speakers=tuple(person_view(person) for person in item.speakers),
        topics=tuple(item.topics or ()),
        delegate_ids=None if item.delegate_ids is None else tuple(item.delegate_ids),
        updated_at=item.updated_at,
    )


def group_by_day(items: list[ProgrammeItem]) -> tuple[Day, ...]:
    """Group items in time order into days, each day once, days in order."""
    ordered = sorted(items, key=lambda item: (item.starts, item.ends, item.id))
    return tuple(Day(date=date, items=tuple(day_items))
                 for date, day_items in groupby(ordered, key=lambda item: item.starts.date()))


def build_programme(visit: Any, lang: str | None = None,
                    delegate_id: int | None = None) -> Programme:
    """Assemble the programme of a loaded visit; with `delegate_id`, only that delegate's items."""
    lang = lang or visit.content_language
    zone = ZoneInfo(visit.timezone)
    items = [item_view(item, zone, lang) for item in visit.items]
    audience = None
    if delegate_id is not None:
        audience = next((delegate_view(d) for d in visit.delegates if d.id == delegate_id), None)
        items = [item for item in items if item.is_attended_by(delegate_id)]
    return Programme(
        visit=visit_view(visit, lang), days=group_by_day(items), lang=lang,
        delegates=tuple(delegate_view(delegate) for delegate in visit.delegates),
        key_figures=tuple(person_view(person) for person in visit.key_figures),
        quotes=tuple(_quote_view(quote) for quote in visit.quotes), audience=audience,
    )


def _quote_view(quote: Any) -> QuoteView:
    return QuoteView(
        id=quote.id, text=quote.text, language=quote.language,
        person=person_view(quote.person) if quote.person is not None else None,
        speaker_name=quote.speaker_name, speaker_function=quote.speaker_function,
    )

