"""POST /visits/{id}/copy: a new draft with the programme shifted, delegates left behind."""
import datetime as dt

from visitplanner.extensions import db
from visitplanner.models import Contact, Journey, Visit

VISIT = {"title": "Studiebezoek", "start_date": "2024-04-22", "end_date": "2024-04-24",
         "status": "confirmed", "translations": {"fr": {"title": "Visite d'étude",
                                                        "purpose": "mieux comprendre"}}}


def _visit_with_programme(api):
    visit = api.post("/visits", json=VISIT).json
    person = api.post("/people", json={"full_name": "Olivier Slosse"}).json
    venue = api.post("/venues", json={"name": "Commissariaat"}).json
    delegate = api.post(f"/visits/{visit['id']}/delegates", json={"full_name": "Ion Rusu"}).json
    api.post(f"/visits/{visit['id']}/items", json={
        "title": "Welkom", "starts_at": "2024-04-22T09:00", "ends_at": "2024-04-22T10:00",
        "venue_id": venue["id"], "speaker_ids": [person["id"]]})
    api.post(f"/visits/{visit['id']}/items", json={
        "title": "Diner", "starts_at": "2024-04-23T20:00", "ends_at": "2024-04-24T00:30",
        "delegate_ids": [delegate["id"]]})
    return visit, person, venue


def test_copy_shifts_the_programme_and_leaves_the_delegates(api):
    visit, person, venue = _visit_with_programme(api)
    response = api.post(f"/visits/{visit['id']}/copy",
                        json={"title": "Studiebezoek 2025", "start_date": "2025-03-10"})
    assert response.status_code == 201
    copy = response.json
    assert copy["id"] != visit["id"] and copy["status"] == "draft"
    assert copy["title"] == "Studiebezoek 2025"
    assert (copy["start_date"], copy["end_date"]) == ("2025-03-10", "2025-03-12")
    assert copy["translations"]["fr"]["purpose"] == "mieux comprendre"
    assert copy["translations"]["fr"].get("title") is None  # the old title does not linger
    items = api.get(f"/visits/{copy['id']}/items").json
    assert [(i["title"], i["starts_at"], i["ends_at"]) for i in items] == [
        ("Welkom", "2025-03-10T09:00", "2025-03-10T10:00"),
        ("Diner", "2025-03-11T20:00", "2025-03-12T00:30")]
    assert items[0]["venue_id"] == venue["id"] and items[0]["speaker_ids"] == [person["id"]]
    assert items[1]["delegate_ids"] is None  # the chosen delegates stayed behind
    assert api.get(f"/visits/{copy['id']}/delegates").json == []
    assert len(api.get(f"/visits/{visit['id']}/items").json) == 2  # the original is untouched


def test_copy_refuses_bad_input_and_viewers(api, viewer_api):
    visit, _, _ = _visit_with_programme(api)
    missing = api.post(f"/visits/{visit['id']}/copy", json={"title": "X"})
    assert missing.status_code == 422 and "start_date" in missing.json["error"]["fields"]
    too_late = api.post(f"/visits/{visit['id']}/copy",
                        json={"title": "X", "start_date": "2100-12-31"})
    assert too_late.status_code == 422 and "end_date" in too_late.json["error"]["fields"]
    assert api.post("/visits/999999/copy",
                    json={"title": "X", "start_date": "2025-01-01"}).status_code == 404
    assert viewer_api.post(f"/visits/{visit['id']}/copy",
                           json={"title": "X", "start_date": "2025-01-01"}).status_code == 403
    assert len(api.get("/visits").json) == 1


def test_copy_takes_the_practical_side_but_not_journeys(api):
    visit = api.post("/visits", json=VISIT).json
    interpreter = api.post("/people", json={"full_name": "Ana Tolmaci"}).json
    api.post(f"/visits/{visit['id']}/items", json={
        "title": "Visite du port", "starts_at": "2024-04-22T14:00", "ends_at": "2024-04-22T16:00",
        "meeting_point": "Hall", "meeting_at": "2024-04-22T13:45",
        "interpreter_ids": [interpreter["id"]]})
    stored = db.session.get(Visit, visit["id"])  # contacts and journeys have no API yet
    stored.contacts = [Contact(name="Desk", phone="+32 2 000")]
    stored.journeys = [Journey(direction="arrival", departure_timezone="Europe/Chisinau",
                               arrival_timezone="Europe/Brussels",
                               departs_at=dt.datetime(2024, 4, 22, 7),
                               arrives_at=dt.datetime(2024, 4, 22, 9))]
    db.session.commit()
    copy = api.post(f"/visits/{visit['id']}/copy",
                    json={"title": "Again", "start_date": "2024-05-06"}).json
    item = api.get(f"/visits/{copy['id']}/items").json[0]
    assert item["meeting_at"] == "2024-05-06T13:45" and item["meeting_point"] == "Hall"
    assert item["interpreter_ids"] == [interpreter["id"]]
    copied = db.session.get(Visit, copy["id"])
    assert [(c.name, c.phone) for c in copied.contacts] == [("Desk", "+32 2 000")]
    assert copied.journeys == []
