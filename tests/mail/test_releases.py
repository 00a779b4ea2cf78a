"""Releases: one message per person through a real SMTP server (aiosmtpd on 127.0.0.1)."""
from __future__ import annotations

import datetime as dt
import io
import socket
import threading
import time

import icalendar
from mail_helpers import deliver
from pypdf import PdfReader
from sqlalchemy import func, select

from visitplanner.extensions import db
from visitplanner.models import OutboxMessage, Release


def publish(api, visit, expect=201, **body):
    response = api.post(f"/visits/{visit.id}/releases", json=body)
    assert response.status_code == expect, response.json
    return response.json


def change_item(api, item_id, **changes):
    version = api.get(f"/items/{item_id}").json["version"]
    response = api.patch(f"/items/{item_id}", json={**changes, "version": version})
    assert response.status_code == 200, response.json
    return response.json


def by_recipient(inbox):
    return {m["To"].addresses[0].addr_spec: m for m in inbox.messages()}


def item_titled(visit, start):
    return next(i for i in visit.items if i.title.startswith(start))


PEOPLE = {"o.shevchenko@example.org", "o.kovalenko@example.org", "d.reynders@example.org",
          "sofie.desmet@besafe.example"}


def test_first_full_release_sends_one_message_per_person_with_pdf_and_feed(api, demo_visit, smtp):
    answer = publish(api, demo_visit, mode="full", note="Welcome to Brussels.")
    assert answer["number"] == 1 and answer["queued"] == len(PEOPLE)
    assert {m["recipient"] for m in answer["messages"]} == PEOPLE
    assert deliver() == len(PEOPLE)
    received = by_recipient(smtp)
    assert set(received) == PEOPLE and len(smtp.received) == len(PEOPLE)
    dutch = received["d.reynders@example.org"]
    assert dutch["From"].addresses[0].display_name == "Algemene Directie Veiligheid en Preventie"
    assert dutch["Reply-To"].addresses[0].addr_spec == "organiser@example.org"
    assert "(versie 1)" in dutch["Subject"] and demo_visit.title in dutch["Subject"]
    text = dutch.get_body(("plain",)).get_content()
    assert text.startswith("Geachte mevrouw Reynders,")
    assert "Welcome to Brussels." in text and "Afscheidslunch" in text
    assert "http://visitplanner.test/p/" in text and "webcal://visitplanner.test/c/" in text
    assert "Contactpersonen tijdens het bezoek" in text
    assert "webcal://visitplanner.test/c/" in dutch.get_body(("html",)).get_content()
    (pdf,) = [p for p in dutch.iter_attachments() if p.get_content_type() == "application/pdf"]
    pages = PdfReader(io.BytesIO(pdf.get_content())).pages
    assert "Diane Reynders" in " ".join(page.extract_text() for page in pages)
    english = received["o.shevchenko@example.org"].get_body(("plain",)).get_content()
    assert english.startswith("Dear Oleksandr Shevchenko,") and "Farewell" not in "Welcome"
    speaker = received["sofie.desmet@besafe.example"].get_body(("plain",)).get_content()
    assert speaker.startswith("Geachte mevrouw De Smet,") or speaker.startswith("Geachte mevrouw")
    assert "Afscheidslunch" not in speaker  # only the items she speaks at


def test_moving_one_item_tells_only_its_attendees_old_and_new_time(api, demo_visit, smtp):
    plans = item_titled(demo_visit, "Strategische")
    delegates = {d.email: d.id for d in demo_visit.delegates if d.email}
    chosen = [delegates["o.shevchenko@example.org"], delegates["o.kovalenko@example.org"]]
    plans_id = plans.id
    change_item(api, plans_id, delegate_ids=chosen)
    publish(api, demo_visit, mode="full")
    deliver()
    smtp.received.clear()
    change_item(api, plans_id, starts_at="2024-04-22T14:30", ends_at="2024-04-22T16:00")
    answer = publish(api, demo_visit, mode="changes")
    assert {m["recipient"] for m in answer["messages"]} == {
        "o.shevchenko@example.org", "o.kovalenko@example.org"}
    (change,) = answer["messages"][0]["changes"]
    assert change["change"] == "changed" and change["item_id"] == plans_id
    assert change["fields"]["starts_at"] == ["2024-04-22T13:30", "2024-04-22T14:30"]
    assert deliver() == 2
    received = by_recipient(smtp)
    assert set(received) == {"o.shevchenko@example.org", "o.kovalenko@example.org"}
    text = received["o.kovalenko@example.org"].get_body(("plain",)).get_content()
    assert "Changed: " in text and "13:30" in text and "14:30" in text and "→" in text
    assert "changes to your programme (release 2)" in received["o.kovalenko@example.org"]["Subject"]
    assert publish(api, demo_visit, mode="changes")["queued"] == 0  # nothing changed since


def test_a_speakers_item_moved_tells_the_speaker_too(api, demo_visit, smtp):
    publish(api, demo_visit, mode="full")
    deliver()
    smtp.received.clear()
    role = item_titled(demo_visit, "De rol")
    expected = {d.email for d in demo_visit.delegates if d.email and (
        role.whole_delegation or d in role.chosen_delegates)} | {"sofie.desmet@besafe.example"}
    change_item(api, role.id, venue_id=None)
    answer = publish(api, demo_visit, mode="changes")
    assert {m["recipient"] for m in answer["messages"]} == expected
    assert deliver() == len(expected) and set(by_recipient(smtp)) == expected


def test_requests_mode_adds_a_request_with_a_higher_sequence_and_cancels_say_so(
        api, demo_visit, smtp):
    visit = api.get(f"/visits/{demo_visit.id}").json
    api.patch(f"/visits/{demo_visit.id}", json={"calendar_invites": "requests",
                                                "version": visit["version"]})
    first = publish(api, demo_visit, mode="full")
    requests = db.session.scalar(select(func.count()).select_from(OutboxMessage)
                                 .where(OutboxMessage.kind == "request"))
    assert first["queued"] == len(PEOPLE) and requests > 0
    deliver()
    smtp.received.clear()
    lunch = item_titled(demo_visit, "Afscheidslunch")
    lunch_id, before = lunch.id, lunch.sequence
    others = [d.id for d in demo_visit.delegates if d.email != "d.reynders@example.org"]
    change_item(api, lunch_id, starts_at="2024-04-26T12:30", ends_at="2024-04-26T14:00",
                delegate_ids=others)
    publish(api, demo_visit, mode="changes")
    deliver()
    calendars = {}
    for message in smtp.messages():
        for part in message.walk():
            if part.get_content_type() == "text/calendar":
                calendars[message["To"].addresses[0].addr_spec] = (
                    message["Subject"], icalendar.Calendar.from_ical(part.get_payload(decode=True)))
    subject, request = calendars["o.shevchenko@example.org"]
    (event,) = request.walk("VEVENT")
    assert str(request["METHOD"]) == "REQUEST" and int(event["SEQUENCE"]) == before + 1
    assert str(event["UID"]) == f"item-{lunch_id}@visitplanner.test"
    subject, cancel = calendars["d.reynders@example.org"]
    assert str(cancel["METHOD"]) == "CANCEL"
    assert subject.startswith("Niet langer in uw programma: ")


def test_a_hanging_smtp_server_leaves_the_publish_answer_under_a_second(app, api, demo_visit,
                                                                         monkeypatch):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def accept_and_never_answer():
        listener.settimeout(0.2)
        held = []
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                pass
        for connection in held:
            connection.close()

    thread = threading.Thread(target=accept_and_never_answer)
    thread.start()
    monkeypatch.setitem(app.config, "SMTP_HOST", "127.0.0.1")
    monkeypatch.setitem(app.config, "SMTP_PORT", listener.getsockname()[1])
    try:
        started = time.monotonic()
        answer = publish(api, demo_visit, mode="full")
        assert time.monotonic() - started < 1.0
        assert answer["queued"] == len(PEOPLE)
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


def test_a_preview_sends_and_stores_nothing(api, demo_visit, smtp):
    answer = publish(api, demo_visit, expect=200, mode="full", dry_run=True)
    assert answer["id"] is None and answer["number"] == 1
    assert {m["recipient"] for m in answer["messages"]} == PEOPLE
    assert deliver() == 0 and smtp.received == []
    assert db.session.scalar(select(func.count()).select_from(Release)) == 0
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == 0


def test_chosen_recipients_only(api, demo_visit, smtp):
    sofie = next(p.id for i in demo_visit.items for p in i.speakers if p.email)
    answer = publish(api, demo_visit, mode="full", recipients={"person_ids": [sofie]})
    assert [m["recipient"] for m in answer["messages"]] == ["sofie.desmet@besafe.example"]
    listed = api.get(f"/visits/{demo_visit.id}/releases").json
    assert [r["number"] for r in listed] == [1]
    one = api.get(f"/releases/{answer['id']}").json
    assert [m["person_id"] for m in one["messages"]] == [sofie]
    outbox = api.get(f"/visits/{demo_visit.id}/outbox").json
    assert [(o["kind"], o["release_id"]) for o in outbox] == [("programme", answer["id"])]


def test_a_changed_hotel_stay_and_journey_are_told_to_their_travellers(api, demo_visit, smtp):
    import datetime as dt

    from visitplanner.models import Journey, Stay

    publish(api, demo_visit, mode="full")
    assert deliver() == len(PEOPLE)
    first = by_recipient(smtp)["o.shevchenko@example.org"].get_body(("plain",)).get_content()
    assert "Hotel: " in first and "Arrival: LO 231" in first
    smtp.received.clear()
    stay = db.session.scalars(select(Stay)).first()
    stay.check_out = dt.date(2024, 4, 27)
    flight = db.session.scalars(select(Journey).where(Journey.reference == "LO 231")).one()
    flight.arrives_at = dt.datetime(2024, 4, 21, 19, 40)
    travellers = {d.email for d in stay.chosen_delegates if d.email} if not stay.whole_delegation \
        else {d.email for d in demo_visit.delegates if d.email}
    db.session.commit()
    answer = publish(api, demo_visit, mode="changes")
    assert {m["recipient"] for m in answer["messages"]} == travellers
    changes = answer["messages"][0]["changes"]
    assert {(c["stay_id"], c["journey_id"]) for c in changes} == {(stay.id, None),
                                                                   (None, flight.id)}
    stay_change = next(c for c in changes if c["stay_id"] == stay.id)
    assert stay_change["item_id"] is None
    assert stay_change["fields"]["check_out"] == ["2024-04-26", "2024-04-27"]
    deliver()
    text = by_recipient(smtp)["o.shevchenko@example.org"].get_body(("plain",)).get_content()
    assert "Changed: Hotel: " in text and "27 April 2024" in text
    assert "Changed: Arrival: LO 231" in text and "18:10" in text and "19:40" in text


def test_a_full_release_to_the_affected_goes_only_to_those_whose_programme_changed(
        api, demo_visit, smtp):
    publish(api, demo_visit, mode="full")
    plans = item_titled(demo_visit, "Strategische")
    english = plans.translations["en"]["title"]
    keep = {d.id for d in demo_visit.delegates if d.email != "o.kovalenko@example.org"}
    change_item(api, plans.id, delegate_ids=sorted(keep))
    answer = publish(api, demo_visit, mode="full", recipients="affected")
    ((message,),) = [answer["messages"]]
    assert message["recipient"] == "o.kovalenko@example.org"
    assert [c["change"] for c in message["changes"]] == ["removed"]
    deliver()
    text = by_recipient(smtp)["o.kovalenko@example.org"].get_body(("plain",)).get_content()
    assert "Friday 26 April 2024" in text and english not in text  # the whole programme, now


def test_release_and_response_times_carry_their_offset_on_every_database(api, demo_visit, smtp):
    answer = publish(api, demo_visit, mode="full")
    for release in (api.get(f"/releases/{answer['id']}").json,
                    api.get(f"/visits/{demo_visit.id}/releases").json[0]):
        assert dt.datetime.fromisoformat(release["created_at"]).utcoffset() == dt.timedelta(0)
