"""Checks every .ics the app makes must pass, with icalendar and, independently, vobject."""
from __future__ import annotations

import datetime as dt

import icalendar
import vobject

REQUIRED = ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "STATUS", "SUMMARY",
            "DESCRIPTION", "CATEGORIES", "ORGANIZER")


def check_calendar(data: bytes) -> dict[str, tuple[dt.datetime, dt.datetime]]:
    """Assert the calendar is well formed; return {UID: (start, end)} in UTC, as both parsers agree."""
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines), "bare line ends"
    assert max(len(line) for line in lines) <= 75, "a line is not folded at 75 octets"

    calendar = icalendar.Calendar.from_ical(data)
    zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    for zone in calendar.walk("VTIMEZONE"):
        assert not any("RDATE" in part for part in zone.subcomponents), "RDATE lists are misread"
    ours = {}
    for event in calendar.walk("VEVENT"):
        missing = [name for name in REQUIRED if name not in event]
        assert not missing, f"missing {missing} in {event.get('UID')}"
        assert event["DTSTAMP"].dt.utcoffset() == dt.timedelta(0)
        for name in ("DTSTART", "DTEND"):
            assert event[name].params["TZID"] in zones, f"{name} names a TZID without VTIMEZONE"
        ours[str(event["UID"])] = (event["DTSTART"].dt.astimezone(dt.UTC),
                                   event["DTEND"].dt.astimezone(dt.UTC))

    theirs = {}
    for event in vobject.readOne(data.decode("utf-8")).vevent_list:
        theirs[event.uid.value] = (event.dtstart.value.astimezone(dt.UTC),
                                   event.dtend.value.astimezone(dt.UTC))
    assert theirs == ours, "icalendar and vobject read different times"
    return ours
