"""iCalendar output: a Programme in, RFC 5545 bytes out (exports, feeds and invitations)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from babel import Locale

from visitplanner.outputs.common import field, label
from visitplanner.outputs.practical import journey_means
from visitplanner.outputs.vtimezone import vtimezone
from visitplanner.planning.programme import (
    DelegateView,
    JourneyView,
    PersonView,
    Programme,
    ProgrammeItem,
    VenueView,
)

if TYPE_CHECKING:  # icalendar itself loads at the first calendar: a tenth of a second of start-up
    from icalendar import Calendar, Event, vCalAddress

PRODID = "-//visitplanner//visitplanner//EN"
STATUSES = {"tentative": "TENTATIVE", "confirmed": "CONFIRMED", "cancelled": "CANCELLED"}
# Control characters are not allowed in iCalendar text; DQUOTE may not appear in parameters.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
PARAM_UNSAFE = re.compile(r'[\x00-\x1f\x7f"]+')
Method = Literal["REQUEST", "CANCEL"]


@dataclass(frozen=True)
class CalendarOptions:
    """What a calendar needs beyond the programme: addresses, links and, for feeds, a name."""

    uid_host: str
    organiser_email: str
    now: dt.datetime
    page_url: str | None = None  # the personal page (or the visit page) each event links to
    name: str | None = None
    feed: bool = False
    refresh: dt.timedelta = dt.timedelta(hours=1)


def text(value: str) -> str:
    """Text without the control characters iCalendar forbids (newlines stay, escaped)."""
    return CONTROL.sub(" ", value.replace("\r\n", "\n").replace("\r", "\n"))


def param(value: str) -> str:
    """A parameter value on one line and without quotes, so it cannot break the property."""
    return " ".join(PARAM_UNSAFE.sub(" ", value).split())


def uid(item_id: int, host: str) -> str:
    """The UID of an item: the same for every calendar and invitation, forever."""
    return f"item-{item_id}@{host}"


def journey_uid(journey_id: int, host: str) -> str:
    """The UID of a journey: as stable as an item's, and never the same as one."""
    return f"journey-{journey_id}@{host}"


def address(venue: VenueView, lang: str) -> str:
    """Venue name and full address on one line, the country named in `lang`."""
    country = Locale.parse(lang).territories.get(venue.country) if venue.country else None
    parts = [venue.name, venue.address, venue.city, country]
    return ", ".join(part for part in parts if part)


def _person(person: PersonView) -> str:
    details = [person.function, person.organisation.name if person.organisation else None]
    extra = ", ".join(detail for detail in details if detail)
    return f"{person.full_name} ({extra})" if extra else person.full_name


def description(item: ProgrammeItem, lang: str, page_url: str | None,
                personal: bool = True) -> str:
    """Host, speakers, topics, notes and the link to the (personal) page, one block each."""
    lines = []
    if item.host:
        lines.append(f"{field('ics.host', lang)} {item.host.name}")
    if item.speakers:
        lines.append(f"{field('ics.speakers', lang)} " + "; ".join(map(_person, item.speakers)))
    if item.topics:
        lines.append(f"{field('ics.topics', lang)} " + ", ".join(item.topics))
    if item.description:
        lines.append(item.description)
    if page_url:
        page = "ics.personal_page" if personal else "ics.visit_page"
        lines.append(f"{field(page, lang)} {page_url}")
    return "\n\n".join(lines)


def _cal_address(uri: str, name: str | None, **params: str) -> vCalAddress:
    from icalendar import vCalAddress

    cal_address = vCalAddress(uri)
    if name and param(name):
        cal_address.params["CN"] = param(name)
    cal_address.params.update(params)
    return cal_address


def event(programme: Programme, item: ProgrammeItem, options: CalendarOptions,
          attendee: DelegateView | None = None, sequence: int | None = None,
          status: str | None = None) -> Event:
    """The VEVENT of one item."""
    from icalendar import Event, vGeo

    lang = programme.lang
    vevent = Event()
    vevent.add("uid", uid(item.id, options.uid_host))
    vevent.add("dtstamp", options.now.astimezone(dt.UTC))
    vevent.add("dtstart", item.starts)
    vevent.add("dtend", item.ends)
    vevent.add("sequence", item.sequence if sequence is None else sequence)
    vevent.add("status", STATUSES[status or item.status])
    vevent.add("summary", text(item.title))
    if item.venue:
        vevent.add("location", text(address(item.venue, lang)))
        if item.venue.latitude is not None and item.venue.longitude is not None:
            vevent.add("geo", vGeo((item.venue.latitude, item.venue.longitude)))
    vevent.add("description", text(description(item, lang, options.page_url,
                                               personal=attendee is not None)))
    vevent.add("categories", [label(f"kind.{item.kind}", lang)])
    if options.page_url:
        vevent.add("url", options.page_url)
    if item.updated_at is not None:
        modified = item.updated_at
        if modified.tzinfo is None:  # SQLite gives naive UTC
            modified = modified.replace(tzinfo=dt.UTC)
        vevent.add("last-modified", modified.astimezone(dt.UTC))
    host = programme.visit.host
    vevent.add("organizer", _cal_address(f"mailto:{options.organiser_email}",
                                         host.name if host else None))
    if attendee is not None:
        # A delegate without a mailbox is still named; a URN stands in for the address.
        uri = (f"mailto:{attendee.email}" if attendee.email
               else f"urn:x-visitplanner:delegate:{attendee.id}@{options.uid_host}")
        vevent.add("attendee", _cal_address(
            uri, attendee.full_name, ROLE="REQ-PARTICIPANT", PARTSTAT="NEEDS-ACTION",
            RSVP="TRUE" if attendee.email else "FALSE", CUTYPE="INDIVIDUAL"))
    return vevent


def journey_event(programme: Programme, journey: JourneyView,
                  options: CalendarOptions) -> Event:
    """The VEVENT of one arrival or departure: each end in its own zone (TZID)."""
    from icalendar import Event

    lang = programme.lang
    direction = label(f"release.{journey.direction}", lang)
    vevent = Event()
    vevent.add("uid", journey_uid(journey.id, options.uid_host))
    vevent.add("dtstamp", options.now.astimezone(dt.UTC))
    vevent.add("dtstart", journey.departs)
    vevent.add("dtend", journey.arrives)
    vevent.add("sequence", 0)
    vevent.add("status", STATUSES["confirmed"])
    vevent.add("summary", text(f"{direction}: {journey_means(journey, lang)}"))
    places = [place for place in (journey.from_place, journey.to_place) if place]
    if places:
        vevent.add("location", text(" → ".join(places)))
    lines = []
    if journey.meeting_point:
        lines.append(f"{field('pdf.meeting_point', lang)} {journey.meeting_point}")
    if journey.met_by:
        lines.append(f"{field('pdf.met_by', lang)} {journey.met_by}")
    if journey.notes:
        lines.append(journey.notes)
    if options.page_url:
        lines.append(f"{field('ics.personal_page', lang)} {options.page_url}")
    vevent.add("description", text("\n\n".join(lines)))
    vevent.add("categories", [direction])
    if options.page_url:
        vevent.add("url", options.page_url)
    host = programme.visit.host
    vevent.add("organizer", _cal_address(f"mailto:{options.organiser_email}",
                                         host.name if host else None))
    return vevent


def _calendar(programme: Programme, items: tuple[ProgrammeItem, ...], options: CalendarOptions,
              method: str | None = None, journeys: tuple[JourneyView, ...] = ()) -> Calendar:
    from icalendar import Calendar, vDuration

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if options.name:
        # Calendar names are shown on one line, and icalendar does not escape NAME's breaks.
        name = " ".join(text(options.name).split())
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
    if options.feed:
        calendar.add("refresh-interval", options.refresh, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(options.refresh))
    first = min((item.starts.date() for item in items), default=programme.visit.start_date)
    last = max((item.ends.date() for item in items), default=programme.visit.end_date)
    # The visit's zone first, then each zone a journey starts or ends in, over its own dates.
    zones: dict[str, list[dt.date]] = {programme.visit.timezone: [first, last]}
    for journey in journeys:
        zones.setdefault(journey.departure_timezone, []).append(journey.departs.date())
        zones.setdefault(journey.arrival_timezone, []).append(journey.arrives.date())
    for zone, dates in zones.items():
        calendar.add_component(vtimezone(zone, min(dates), max(dates)))
    return calendar


def render_calendar(programme: Programme, options: CalendarOptions) -> bytes:
    """Every item of the programme; a personal programme names its delegate as ATTENDEE and
    carries that delegate's own journeys (the visit's whole calendar has none)."""
    journeys = programme.journeys if programme.personal_for is not None else ()
    calendar = _calendar(programme, programme.items, options, journeys=journeys)
    for item in programme.items:
        calendar.add_component(event(programme, item, options, programme.personal_for))
    for journey in journeys:
        calendar.add_component(journey_event(programme, journey, options))
    return bytes(calendar.to_ical())


def render_invitation(programme: Programme, item: ProgrammeItem, options: CalendarOptions,
                      attendee: DelegateView, method: Method, sequence: int) -> bytes:
    """A meeting request (METHOD:REQUEST) or cancellation (METHOD:CANCEL) of one item."""
    calendar = _calendar(programme, (item,), options, method)
    status = "cancelled" if method == "CANCEL" else None
    calendar.add_component(event(programme, item, options, attendee, sequence, status))
    return bytes(calendar.to_ical())
