"""POST /items/{id}/move: the timeline's saves follow the item form's rules and versions."""
from __future__ import annotations

import datetime as dt

from web_client import csrf_token, logged_in

from visitplanner.extensions import db
from visitplanner.models import Item


def _move(client, item, starts, ends, version=None):
    return client.post(f"/items/{item.id}/move", headers={"X-CSRFToken": csrf_token(client)},
                       json={"starts_at": starts, "ends_at": ends,
                             "version": item.version if version is None else version})


def _first_item(demo_visit):
    return min(demo_visit.items, key=lambda item: item.starts_at)


def test_move_saves_times_and_answers_the_timeline_state(client, demo_visit):
    logged_in(client)
    item = _first_item(demo_visit)
    day = item.starts_at.date().isoformat()
    response = _move(client, item, f"{day}T06:00", f"{day}T06:45")
    assert response.status_code == 200, response.json
    db.session.expire_all()
    stored = db.session.get(Item, item.id)
    assert (stored.starts_at.time(), stored.ends_at.time()) == (dt.time(6), dt.time(6, 45))
    assert stored.sequence >= 1 and stored.speaker_ids == item.speaker_ids
    event = next(e for e in response.json["events"] if e["id"] == str(item.id))
    assert event["start"] == f"{day}T06:00" and event["extendedProps"]["version"] == stored.version
    assert "Saved:" in response.json["message"]
    assert isinstance(response.json["conflicts"], list)


def test_stale_invalid_and_unauthorised_moves_change_nothing(client, demo_visit):
    logged_in(client)
    item = _first_item(demo_visit)
    before = (item.starts_at, item.ends_at, item.version)
    day = item.starts_at.date().isoformat()
    stale = _move(client, item, f"{day}T06:00", f"{day}T07:00", version=item.version - 1)
    assert stale.status_code == 409 and "Someone else changed" in stale.json["error"]
    backwards = _move(client, item, f"{day}T08:00", f"{day}T07:00")
    assert backwards.status_code == 422
    assert backwards.json["error"] == "The end time must be after the start time."
    assert _move(client, item, "soon", "later").status_code == 400
    no_token = client.post(f"/items/{item.id}/move", json={})
    assert no_token.status_code == 400  # CSRF refused
    db.session.expire_all()
    stored = db.session.get(Item, item.id)
    assert (stored.starts_at, stored.ends_at, stored.version) == before


def test_move_into_the_hour_the_clocks_skip_gets_the_rule_message(client, demo_visit):
    logged_in(client)
    item = _first_item(demo_visit)
    response = _move(client, item, "2024-03-31T02:30", "2024-03-31T03:30")
    assert response.status_code == 422
    assert "does not exist in Europe/Brussels" in response.json["error"]


def test_viewer_may_not_move(client, demo_visit):
    logged_in(client, "viewer")
    item = _first_item(demo_visit)
    assert _move(client, item, "2024-04-22T06:00", "2024-04-22T07:00").status_code == 403


def test_move_keeps_interpreters_and_carries_the_meeting_time(client, demo_visit):
    from visitplanner.models import ItemInterpreter, Person

    logged_in(client)
    item = _first_item(demo_visit)
    person = Person(full_name="Ana Tolmaci")
    db.session.add(person)
    db.session.flush()
    item.interpreter_links = [ItemInterpreter(person_id=person.id, position=0)]
    item.meeting_at = item.starts_at - dt.timedelta(minutes=15)
    db.session.commit()
    later = item.starts_at + dt.timedelta(hours=2)
    response = _move(client, item, later.strftime("%Y-%m-%dT%H:%M"),
                     (item.ends_at + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
    assert response.status_code == 200, response.json
    db.session.expire_all()
    stored = db.session.get(Item, item.id)
    assert stored.interpreter_ids == [person.id]
    assert stored.meeting_at == later - dt.timedelta(minutes=15)
