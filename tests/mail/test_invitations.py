"""Invitations by e-mail through a real SMTP server (aiosmtpd on 127.0.0.1)."""
from __future__ import annotations

import datetime as dt
import email
import threading
from email import policy
from pathlib import Path

import icalendar
import pytest
from mail_helpers import deliver
from sqlalchemy import select, update

from visitplanner.extensions import db
from visitplanner.models import Delegate, OutboxMessage

LATER = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)  # past every back-off


@pytest.fixture
def calendar_of(check_calendar):
    """calendar_of(message): the calendar an e-mail carries, checked."""
    def read(message) -> icalendar.Calendar:
        part = next(p for p in message.iter_parts() if p.get_content_type() == "text/calendar")
        data = part.get_payload(decode=True)
        check_calendar(data)
        return icalendar.Calendar.from_ical(data)
    return read


@pytest.fixture
def summary(calendar_of):
    """summary(message): (recipient, METHOD, UID, SEQUENCE, STATUS) of an invitation."""
    def read(message) -> tuple[str, str, str, int, str]:
        calendar = calendar_of(message)
        (event,) = calendar.walk("VEVENT")
        return (message["To"].addresses[0].addr_spec, str(calendar["METHOD"]), str(event["UID"]),
                int(event["SEQUENCE"]), str(event["STATUS"]))
    return read


def reachable(visit) -> list:
    return [d for d in visit.delegates if d.email]


def attends(delegate, item) -> bool:
    return item.status != "cancelled" and (item.whole_delegation or delegate in item.chosen_delegates)


def invite(api, visit) -> int:
    response = api.post(f"/visits/{visit.id}/invitations")
    assert response.status_code == 200, response.json
    deliver()
    return response.json["queued"]


def change_item(api, item_id: int, **changes):
    version = api.get(f"/items/{item_id}").json["version"]
    response = api.patch(f"/items/{item_id}", json={**changes, "version": version})
    assert response.status_code == 200, response.json
    return response.json


def test_first_invitations_one_per_delegate_and_item_then_nothing(api, demo_visit, smtp, calendar_of, summary):
    expected = {(d.email, f"item-{i.id}@visitplanner.test")
                for d in reachable(demo_visit) for i in demo_visit.items if attends(d, i)}
    assert invite(api, demo_visit) == len(expected)
    messages = smtp.messages()
    assert {summary(m)[:3:2] for m in messages} == expected and len(messages) == len(expected)
    assert all(rcpts == [m["To"].addresses[0].addr_spec]
               for (rcpts, _), m in zip(smtp.received, messages))
    first = messages[0]
    assert first.get_content_type() == "multipart/alternative"
    parts = list(first.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html", "text/calendar"]
    assert parts[2].get_param("method") == "REQUEST"
    assert parts[2].get_content_charset().lower() == "utf-8"
    assert all(summary(m)[1] == "REQUEST" for m in messages)
    event = calendar_of(first).walk("VEVENT")[0]
    assert event["ATTENDEE"].params["RSVP"] == "TRUE"
    assert event["ORGANIZER"] == "mailto:visitplanner@localhost"
    dutch = next(m for m in messages if m["To"].addresses[0].addr_spec == "d.reynders@example.org")
    assert dutch["Subject"].startswith("Uitnodiging: ")
    assert "Wanneer" in dutch.get_body(("plain",)).get_content()
    assert "http://visitplanner.test/p/" in dutch.get_body(("html",)).get_content()
    assert invite(api, demo_visit) == 0 and len(smtp.received) == len(expected)


def test_a_changed_item_goes_again_to_its_attendees_with_a_higher_sequence(api, demo_visit, smtp, summary):
    invite(api, demo_visit)
    smtp.received.clear()
    item = next(i for i in demo_visit.items if not i.whole_delegation)
    item_id, before = item.id, item.sequence
    attendees = {d.email for d in reachable(demo_visit) if attends(d, item)}
    change_item(api, item_id, starts_at="2024-04-22T08:00", ends_at="2024-04-22T08:45")
    assert invite(api, demo_visit) == len(attendees)
    found = [summary(m) for m in smtp.messages()]
    assert {f[0] for f in found} == attendees
    assert all(f[1:] == ("REQUEST", f"item-{item_id}@visitplanner.test", before + 1, "CONFIRMED")
               for f in found)


def test_cancelled_and_deleted_items_are_cancelled_with_the_same_uid(api, demo_visit, smtp, summary):
    invite(api, demo_visit)
    smtp.received.clear()
    cancelled, deleted = [i for i in demo_visit.items if i.whole_delegation][:2]
    cancelled_id, deleted_id = cancelled.id, deleted.id
    change_item(api, cancelled_id, status="cancelled")
    version = api.get(f"/items/{deleted_id}").json["version"]
    assert api.delete(f"/items/{deleted_id}", json={"version": version}).status_code == 204
    people = {d.email for d in reachable(demo_visit)}
    assert invite(api, demo_visit) == 2 * len(people)
    found = {(f[0], f[2]): f for f in map(summary, smtp.messages())}
    for email_address in people:
        for item_id, sequence in ((cancelled_id, 1), (deleted_id, 1)):
            _, method, _, seq, status = found[(email_address, f"item-{item_id}@visitplanner.test")]
            assert (method, status, seq) == ("CANCEL", "CANCELLED", sequence)
    assert invite(api, demo_visit) == 0


def test_a_delegate_taken_off_an_item_alone_gets_a_cancellation(api, demo_visit, smtp, summary):
    invite(api, demo_visit)
    smtp.received.clear()
    item = next(i for i in demo_visit.items if i.whole_delegation)
    leaving = reachable(demo_visit)[0]
    staying = [d.id for d in demo_visit.delegates if d.id != leaving.id]
    item_id, leaving_email = item.id, leaving.email
    change_item(api, item_id, delegate_ids=staying)
    assert invite(api, demo_visit) == 1
    (found,) = [summary(m) for m in smtp.messages()]
    assert found == (leaving_email, "CANCEL", f"item-{item_id}@visitplanner.test", 1, "CANCELLED")
    change_item(api, item_id, delegate_ids=None)
    assert invite(api, demo_visit) == 1  # back in the audience: invited again, higher SEQUENCE
    assert summary(smtp.messages()[-1])[1:4] == ("REQUEST", f"item-{item_id}@visitplanner.test", 2)


def test_a_server_that_goes_down_mid_send_loses_and_repeats_nothing(app, api, demo_visit, smtp):
    smtp.down_after = 3
    queued = invite(api, demo_visit)
    assert len(smtp.received) == 3
    smtp.stop()
    assert deliver(now=LATER) == 0  # refused: still down
    rows = db.session.scalars(select(OutboxMessage).execution_options(populate_existing=True))
    waiting = [row for row in rows if row.status == "pending"]
    assert len(waiting) == queued - 3
    assert all(row.attempts == 2 and row.last_error for row in waiting)
    smtp.down_after = None
    smtp.start()
    assert deliver() == 0  # back-off: not due yet
    assert deliver(now=LATER + dt.timedelta(days=1)) == queued - 3
    ids = [m["Message-ID"] for m in smtp.messages()]
    assert len(ids) == len(set(ids)) == queued
    statuses = db.session.scalars(select(OutboxMessage.status))
    assert set(statuses) == {"sent"}


def test_two_senders_at_once_never_send_a_message_twice(app, demo_visit, smtp):
    from visitplanner.core.calendars import queue_visit_invitations

    queued = queue_visit_invitations(demo_visit.id)
    db.session.commit()
    smtp.delay = 0.002
    reports = []

    def sender():
        with app.app_context():
            reports.append(deliver())

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sum(reports) == queued
    ids = [m["Message-ID"] for m in smtp.messages()]
    assert len(ids) == len(set(ids)) == queued


def test_names_cannot_inject_headers(api, demo_visit, smtp):
    response = api.post(f"/visits/{demo_visit.id}/delegates", json={
        "full_name": "Eve\r\nBcc: spy@example.org", "email": "eve@example.org"})
    assert response.status_code == 422  # a name is one line
    response = api.post(f"/visits/{demo_visit.id}/delegates", json={
        "full_name": "Eve", "email": "eve@example.org"})
    # A name stored before the rule refused line breaks still cannot inject a header.
    db.session.execute(update(Delegate).where(Delegate.id == response.json["id"])
                       .values(full_name="Eve\r\nBcc: spy@example.org"))
    db.session.commit()
    invite(api, demo_visit)
    eve = [(rcpts, m) for (rcpts, _), m in zip(smtp.received, smtp.messages())
           if "eve@example.org" in rcpts]
    assert eve
    for rcpts, message in eve:
        assert rcpts == ["eve@example.org"] and message["Bcc"] is None
        assert message["To"].addresses[0].display_name == "Eve Bcc: spy@example.org"


def test_without_smtp_messages_land_as_eml_files(app, api, demo_visit):
    queued = invite(api, demo_visit)
    rows = list(db.session.scalars(select(OutboxMessage)))
    files = [Path(app.instance_path, "outbox", f"{row.id:08d}-{row.kind}.eml") for row in rows]
    assert len(rows) == queued and all(path.is_file() for path in files)
    parsed = email.message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert parsed.get_content_type() == "multipart/alternative"
