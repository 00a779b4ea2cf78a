"""The iCalendar renderer on hand-built programmes: structure, time zones, escaping, invitations."""
from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from ics_check import check_calendar

from visitplanner.outputs.ics import CalendarOptions, render_calendar, render_invitation
from visitplanner.outputs.vtimezone import vtimezone
from visitplanner.planning.build import group_by_day
from visitplanner.planning.programme import (
    DelegateView,
    OrganisationView,
    PersonView,
    Programme,
    ProgrammeItem,
    VenueView,
    VisitView,
)

NOW = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)
OPTIONS = CalendarOptions(uid_host="visits.example.org", organiser_email="protocol@example.org",
                          now=NOW, page_url="https://visits.example.org/p/secret")
HOST = OrganisationView(id=1, name="Algemene Directie Veiligheid en Preventie", phone="+32 2 000")
VENUE = VenueView(id=1, name="ADVP, vergaderzaal Europa", address="Waterloolaan 76",
                  city="1000 Brussel", country="BE", latitude=50.8366, longitude=4.3587)
DELEGATE = DelegateView(id=7, full_name="Олена Коваленко", email="o.kovalenko@example.org",
                        language="en")


def programme(zone: str = "Europe/Brussels", lang: str = "en", times=None, **item) -> Programme:
    """A visit with one item per (start, end) pair of local wall-clock times."""
    tz = ZoneInfo(zone)
    times = times or [(dt.datetime(2024, 3, 30, 9, 30), dt.datetime(2024, 3, 30, 11)),
                      (dt.datetime(2024, 3, 31, 9, 30), dt.datetime(2024, 3, 31, 11))]
    items = [ProgrammeItem(
        id=n + 1, kind=item.get("kind", "session"), title=item.get("title", f"Item {n + 1}"),
        starts=start.replace(tzinfo=tz), ends=end.replace(tzinfo=tz), venue=VENUE, host=HOST,
        speakers=(PersonView(id=3, full_name="Marc Slosse", function="korpschef"),),
        topics=("Kadernota Integrale Veiligheid (KIV)", "bestuurlijke handhaving"),
        description=item.get("description"), sequence=2, status=item.get("status", "confirmed"),
        updated_at=dt.datetime(2024, 2, 1, 8, 0, tzinfo=dt.UTC),
    ) for n, (start, end) in enumerate(times)]
    visit = VisitView(id=1, title="Study visit", start_date=times[0][0].date(),
                      end_date=times[-1][1].date(), timezone=zone, content_language="nl",
                      status="confirmed", host=HOST)
    return Programme(visit=visit, days=group_by_day(items), lang=lang, delegates=(DELEGATE,))


def test_brussels_rules_are_yearly_rrules_not_rdate_lists():
    zone = vtimezone("Europe/Brussels", dt.date(2024, 3, 30), dt.date(2024, 3, 31))
    rules = {part.name: part for part in zone.subcomponents}
    assert set(rules) == {"STANDARD", "DAYLIGHT"}
    assert rules["DAYLIGHT"]["RRULE"].to_ical() in (b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
                                                   b"FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
    assert b"BYMONTH=10" in rules["STANDARD"]["RRULE"].to_ical()
    assert b"BYDAY=-1SU" in rules["STANDARD"]["RRULE"].to_ical()
    assert rules["DAYLIGHT"]["DTSTART"].dt.time() == dt.time(2, 0)
    assert "RDATE" not in rules["DAYLIGHT"] and "RDATE" not in rules["STANDARD"]


def test_every_event_is_complete_and_times_are_right_across_the_spring_change():
    data = render_calendar(programme(), OPTIONS)
    times = check_calendar(data)
    # 09:30 is CET (UTC+1) on Saturday 30 March 2024 and CEST (UTC+2) on Sunday 31 March.
    assert times["item-1@visits.example.org"][0] == dt.datetime(2024, 3, 30, 8, 30, tzinfo=dt.UTC)
    assert times["item-2@visits.example.org"][0] == dt.datetime(2024, 3, 31, 7, 30, tzinfo=dt.UTC)
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert event["SEQUENCE"] == 2 and event["STATUS"] == "CONFIRMED"
    assert event["LOCATION"] == "ADVP, vergaderzaal Europa, Waterloolaan 76, 1000 Brussel, Belgium"
    assert event["GEO"].latitude == pytest.approx(50.8366)
    assert event["URL"] == OPTIONS.page_url
    assert event["LAST-MODIFIED"].dt == dt.datetime(2024, 2, 1, 8, 0, tzinfo=dt.UTC)
    assert event["ORGANIZER"] == "mailto:protocol@example.org"
    assert event["ORGANIZER"].params["CN"] == HOST.name
    assert event["CATEGORIES"].cats == ["Session"]
    description = str(event["DESCRIPTION"])
    for text in ("Host: Algemene Directie", "Marc Slosse (korpschef)", "bestuurlijke handhaving",
                 "https://visits.example.org/p/secret"):
        assert text in description


@pytest.mark.parametrize("zone, start", [
    ("Europe/Brussels", dt.datetime(2024, 10, 27, 1, 30)),
    ("America/New_York", dt.datetime(2024, 3, 10, 0, 30)),
    ("Australia/Sydney", dt.datetime(2024, 4, 6, 20, 0)),
    ("Asia/Tokyo", dt.datetime(2024, 7, 1, 9, 0)),
    ("Africa/Casablanca", dt.datetime(2024, 3, 9, 20, 0)),  # no yearly rule: explicit transitions
])
def test_both_parsers_read_the_same_utc_times_as_zoneinfo(zone, start):
    hours = [(start + dt.timedelta(hours=h), start + dt.timedelta(hours=h + 1)) for h in (0, 30)]
    times = check_calendar(render_calendar(programme(zone, times=hours), OPTIONS))
    for n, (local, _) in enumerate(hours, start=1):
        expected = local.replace(tzinfo=ZoneInfo(zone)).astimezone(dt.UTC)
        assert times[f"item-{n}@visits.example.org"][0] == expected


def test_feeds_carry_a_name_and_a_refresh_interval():
    options = CalendarOptions(**{**OPTIONS.__dict__, "name": "Study visit", "feed": True})
    data = render_calendar(programme(), options)
    check_calendar(data)
    assert b"\r\nNAME:Study visit\r\n" in data and b"\r\nX-WR-CALNAME:Study visit\r\n" in data
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in data
    assert b"\r\nX-PUBLISHED-TTL:PT1H\r\n" in data


def test_user_text_is_escaped_and_cannot_add_properties():
    title = 'Lunch; wine, "cheese"\nATTENDEE:mailto:evil@example.org'
    evil = DelegateView(id=8, full_name='Evil "Name"\r\nX-INJECTED:1', email="e@example.org")
    data = render_invitation(programme(title=title), programme(title=title).items[0], OPTIONS,
                             evil, "REQUEST", 3)
    check_calendar(data)
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == title
    assert str(event["ATTENDEE"]) == "mailto:e@example.org"
    assert b"\r\nX-INJECTED" not in data and b"\r\nATTENDEE:mailto:evil" not in data


def test_an_invitation_is_a_request_to_one_attendee_and_a_cancellation_cancels():
    plan = programme(lang="nl")
    request = icalendar.Calendar.from_ical(
        render_invitation(plan, plan.items[0], OPTIONS, DELEGATE, "REQUEST", 2))
    assert request["METHOD"] == "REQUEST"
    (event,) = request.walk("VEVENT")
    attendee = event["ATTENDEE"]
    assert attendee == "mailto:o.kovalenko@example.org"
    assert attendee.params["CN"] == "Олена Коваленко" and attendee.params["RSVP"] == "TRUE"
    assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"
    assert event["CATEGORIES"].cats == ["Sessie"]
    cancel_data = render_invitation(plan, plan.items[0], OPTIONS, DELEGATE, "CANCEL", 3)
    check_calendar(cancel_data)
    cancel = icalendar.Calendar.from_ical(cancel_data)
    assert cancel["METHOD"] == "CANCEL"
    (cancelled,) = cancel.walk("VEVENT")
    assert cancelled["STATUS"] == "CANCELLED" and cancelled["SEQUENCE"] == 3
    assert cancelled["UID"] == event["UID"] == "item-1@visits.example.org"


def test_a_personal_calendar_names_its_delegate_even_without_a_mailbox():
    no_mail = DelegateView(id=8, full_name="Svitlana Boiko", role="interpreter")
    personal = dataclasses.replace(programme(), audience=no_mail)
    events = icalendar.Calendar.from_ical(render_calendar(personal, OPTIONS)).walk("VEVENT")
    for event in events:
        attendee = event["ATTENDEE"]
        assert attendee == "urn:x-visitplanner:delegate:8@visits.example.org"
        assert attendee.params["CN"] == "Svitlana Boiko" and attendee.params["RSVP"] == "FALSE"
    check_calendar(render_calendar(personal, OPTIONS))
