"""Calendar exports, secret links and the outbox through the API."""
from __future__ import annotations

import icalendar
import pytest
from mail_helpers import deliver


@pytest.fixture
def events_of(check_calendar):
    """events_of(data): the VEVENTs of an .ics, checked."""
    def read(data: bytes) -> list:
        check_calendar(data)
        return icalendar.Calendar.from_ical(data).walk("VEVENT")
    return read


def test_visit_calendar_has_every_item_with_stable_uids(api, demo_visit, events_of):
    response = api.get(f"/visits/{demo_visit.id}/calendar.ics?lang=fr")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    events = events_of(response.data)
    assert sorted(str(e["UID"]) for e in events) == sorted(
        f"item-{item.id}@visitplanner.test" for item in demo_visit.items)
    assert "Accueil et présentations" in {str(e["SUMMARY"]) for e in events}
    again = events_of(api.get(f"/visits/{demo_visit.id}/calendar.ics").data)
    assert {str(e["UID"]) for e in again} == {str(e["UID"]) for e in events}
    assert api.get(f"/visits/{demo_visit.id}/calendar.ics?lang=xx").status_code == 422
    assert api.get("/visits/999999/calendar.ics").status_code == 404


def test_delegate_calendar_has_their_items_with_them_as_attendee(api, demo_visit, events_of):
    delegate = next(d for d in demo_visit.delegates if d.full_name == "Олена Коваленко")
    events = [e for e in events_of(api.get(f"/delegates/{delegate.id}/calendar.ics").data)
              if str(e["UID"]).startswith("item-")]
    attended = [i for i in demo_visit.items if i.whole_delegation or delegate in i.chosen_delegates]
    assert len(events) == len(attended)
    for event in events:
        assert event["ATTENDEE"] == "mailto:o.kovalenko@example.org"
        assert event["ATTENDEE"].params["CN"] == "Олена Коваленко"
    assert api.get("/delegates/999999/calendar.ics").status_code == 404


def test_person_calendar_has_the_items_they_speak_at(api, demo_visit, events_of):
    item = next(i for i in demo_visit.items if i.speakers)
    person = item.speakers[0]
    events = events_of(api.get(f"/visits/{demo_visit.id}/people/{person.id}/calendar.ics").data)
    assert f"item-{item.id}@visitplanner.test" in {str(e["UID"]) for e in events}
    assert len(events) == sum(person in i.speakers for i in demo_visit.items)
    assert api.get(f"/visits/{demo_visit.id}/people/999999/calendar.ics").status_code == 404


def test_organisers_see_the_secret_links_and_rotating_replaces_them(api, viewer_api, demo_visit):
    delegate_id = demo_visit.delegates[0].id
    shown = api.get(f"/delegates/{delegate_id}").json
    assert shown["personal_url"].startswith("http://visitplanner.test/p/")
    assert shown["calendar_feed_url"].startswith("http://visitplanner.test/c/")
    assert shown["calendar_feed_url"].endswith(".ics")
    assert viewer_api.get(f"/delegates/{delegate_id}").json["personal_url"] is None
    assert viewer_api.post(f"/delegates/{delegate_id}/rotate-token").status_code == 403
    rotated = api.post(f"/delegates/{delegate_id}/rotate-token")
    assert rotated.status_code == 200
    assert rotated.json["personal_url"] != shown["personal_url"]
    assert rotated.json["version"] == shown["version"] + 1
    assert api.post("/delegates/999999/rotate-token").status_code == 404


def test_outbox_lists_queued_messages(api, viewer_api, demo_visit):
    assert api.get(f"/visits/{demo_visit.id}/outbox").json == []
    assert viewer_api.post(f"/visits/{demo_visit.id}/invitations").status_code == 403
    queued = api.post(f"/visits/{demo_visit.id}/invitations").json["queued"]
    assert queued > 0
    outbox = viewer_api.get(f"/visits/{demo_visit.id}/outbox").json
    assert len(outbox) == queued
    assert {m["status"] for m in outbox} == {"pending"}  # the worker sends, not the request
    deliver()
    outbox = viewer_api.get(f"/visits/{demo_visit.id}/outbox").json
    assert {m["status"] for m in outbox} == {"sent"}  # no SMTP host: written as .eml files
    assert set(outbox[0]) == {"id", "recipient", "kind", "item_id", "status", "attempts",
                              "last_error", "release_id", "delegate_id", "person_id", "subject"}
    assert api.post(f"/visits/{demo_visit.id}/invitations").json == {"queued": 0}
    assert api.get("/visits/999999/outbox").status_code == 404


def test_the_document_describes_the_calendar_routes(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    ics = paths["/api/v1/visits/{visit_id}/calendar.ics"]["get"]["responses"]["200"]
    assert "text/calendar" in ics["content"]
    assert "post" in paths["/api/v1/delegates/{delegate_id}/rotate-token"]
    assert "post" in paths["/api/v1/visits/{visit_id}/invitations"]
    assert "get" in paths["/api/v1/visits/{visit_id}/outbox"]
    assert "get" in paths["/api/v1/visits/{visit_id}/people/{person_id}/calendar.ics"]


def test_delegate_calendar_carries_their_journeys_each_end_in_its_own_zone(api, demo_visit,
                                                                         check_calendar):
    import datetime as dt

    delegate = next(d for d in demo_visit.delegates if d.full_name == "Олена Коваленко")
    data = api.get(f"/delegates/{delegate.id}/calendar.ics?lang=en").data
    times = check_calendar(data)
    calendar = icalendar.Calendar.from_ical(data)
    assert {"Europe/Kyiv", "Europe/Warsaw", "Europe/Brussels"} <= {
        str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    train = next(j for j in demo_visit.journeys if j.reference == "IC 706")
    flight = next(j for j in demo_visit.journeys if j.reference == "LO 231")
    # Kyiv 19:40 (EEST, UTC+3) on 20 April; Warsaw 10:05 (CEST, UTC+2) on 21 April.
    assert times[f"journey-{train.id}@visitplanner.test"] == (
        dt.datetime(2024, 4, 20, 16, 40, tzinfo=dt.UTC),
        dt.datetime(2024, 4, 21, 8, 5, tzinfo=dt.UTC))
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    event = events[f"journey-{flight.id}@visitplanner.test"]
    assert event["DTSTART"].params["TZID"] == "Europe/Warsaw"
    assert event["DTEND"].params["TZID"] == "Europe/Brussels"
    assert str(event["SUMMARY"]) == "Arrival: Flight LO 231"
    assert str(event["LOCATION"]) == "Warsaw Chopin (WAW) → Brussels Airport (BRU)"
    description = str(event["DESCRIPTION"])
    assert "Meeting point: Arrivals hall, information desk" in description
    assert "Met by: Kristof Janssens and driver Jan Peeters (minibus)" in description
    assert str(events[f"journey-{train.id}@visitplanner.test"]["SUMMARY"]) == (
        "Arrival: Train IC 706")
    assert len([uid for uid in events if uid.startswith("journey-")]) == 4
    # The interpreter makes none of these journeys; the visit's calendar has none either.
    boiko = next(d for d in demo_visit.delegates if d.full_name == "Svitlana Boiko")
    theirs = check_calendar(api.get(f"/delegates/{boiko.id}/calendar.ics").data)
    assert not any(uid.startswith("journey-") for uid in theirs)
    whole = check_calendar(api.get(f"/visits/{demo_visit.id}/calendar.ics").data)
    assert not any(uid.startswith("journey-") for uid in whole)
