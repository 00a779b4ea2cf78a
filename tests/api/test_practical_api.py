"""The practical side through the API: journeys, stays, contacts, visit and item fields."""
from __future__ import annotations

import pytest


@pytest.fixture
def visit(api):
    """A visit in Brussels with two delegates."""
    visit = api.post("/visits", json={"title": "Werkbezoek", "start_date": "2024-04-22",
                                      "end_date": "2024-04-26"}).json
    for name in ("Olena Kovalenko", "Ivan Petrenko"):
        api.post(f"/visits/{visit['id']}/delegates", json={"full_name": name})
    return visit


def _delegates(api, visit):
    return [d["id"] for d in api.get(f"/visits/{visit['id']}/delegates").json]


def test_visit_emergency_number_defaults_from_the_host_country(api, visit):
    assert visit["emergency_number"] == "112"
    stored = api.patch(f"/visits/{visit['id']}", json={
        "version": visit["version"], "dress_code": "Business attire",
        "practical_notes": "Bring your passport.",
        "translations": {"fr": {"dress_code": "Tenue de ville"}}}).json
    assert stored["dress_code"] == "Business attire" and stored["emergency_number"] == "112"
    moved = api.patch(f"/visits/{visit['id']}", json={"version": stored["version"],
                                                      "host_country": "US"}).json
    assert moved["emergency_number"] == "911"  # it was the old default, so it follows
    own = api.patch(f"/visits/{visit['id']}", json={"version": moved["version"],
                                                    "emergency_number": "+1 202 555 0100"}).json
    assert own["emergency_number"] == "+1 202 555 0100"


def test_journey_crud_with_zones_and_versions(api, visit):
    olena, _ = _delegates(api, visit)
    created = api.post(f"/visits/{visit['id']}/journeys", json={
        "direction": "arrival", "mode": "train", "reference": "IC 706",
        "from_place": "Kyiv", "to_place": "Warszawa Centralna",
        "departs_at": "2024-04-20T19:40", "departure_timezone": "Europe/Kyiv",
        "arrives_at": "2024-04-21T10:05", "arrival_timezone": "Europe/Warsaw",
        "delegate_ids": [olena], "meeting_point": "Platform 3",
        "translations": {"fr": {"meeting_point": "Quai 3"}}})
    assert created.status_code == 201, created.json
    journey = created.json
    assert journey["delegate_ids"] == [olena] and journey["departs_at"] == "2024-04-20T19:40"
    assert journey["departure_timezone"] == "Europe/Kyiv" and journey["version"] == 1
    defaulted = api.post(f"/visits/{visit['id']}/journeys", json={
        "direction": "departure", "departs_at": "2024-04-26T16:40",
        "arrives_at": "2024-04-26T18:45"}).json
    assert defaulted["departure_timezone"] == defaulted["arrival_timezone"] == "Europe/Brussels"
    assert defaulted["delegate_ids"] is None and defaulted["mode"] == "other"
    changed = api.patch(f"/journeys/{journey['id']}", json={"version": 1, "reference": "IC 707"})
    assert changed.status_code == 200 and changed.json["version"] == 2
    stale = api.patch(f"/journeys/{journey['id']}", json={"version": 1, "reference": "X"})
    assert stale.status_code == 409
    listed = api.get(f"/visits/{visit['id']}/journeys").json
    assert [j["reference"] for j in listed] == ["IC 707", None]
    assert api.delete(f"/journeys/{journey['id']}", json={"version": 2}).status_code == 204
    assert api.get(f"/journeys/{journey['id']}").status_code == 404


def test_a_journey_arriving_before_it_departs_across_zones_is_refused(api, visit):
    # 10:00 in Kyiv is 09:00 in Brussels: arriving at 08:30 Brussels time is before departing.
    answer = api.post(f"/visits/{visit['id']}/journeys", json={
        "direction": "arrival", "departs_at": "2024-04-21T10:00",
        "departure_timezone": "Europe/Kyiv", "arrives_at": "2024-04-21T08:30"})
    assert answer.status_code == 422
    assert "arrives_at" in answer.json["error"]["fields"]
    # The same wall-clock times are fine the other way round (Brussels -> Kyiv, 2 h flight).
    fine = api.post(f"/visits/{visit['id']}/journeys", json={
        "direction": "departure", "departs_at": "2024-04-21T08:30",
        "arrives_at": "2024-04-21T10:00", "arrival_timezone": "Europe/Kyiv"})
    assert fine.status_code == 201
    unknown = api.post(f"/visits/{visit['id']}/journeys", json={
        "direction": "arrival", "departs_at": "2024-04-21T08:00", "arrives_at": "2024-04-21T10:00",
        "departure_timezone": "Europe/Atlantis"})
    assert unknown.status_code == 422
    assert list(unknown.json["error"]["fields"]) == ["departure_timezone"]
    assert len(api.get(f"/visits/{visit['id']}/journeys").json) == 1  # nothing else stored


def test_audiences_outside_the_visit_are_refused(api, visit):
    other = api.post("/visits", json={"title": "Other", "start_date": "2024-05-01",
                                      "end_date": "2024-05-02"}).json
    stranger = api.post(f"/visits/{other['id']}/delegates", json={"full_name": "X"}).json["id"]
    hotel = api.post("/venues", json={"name": "Hotel"}).json["id"]
    for path, body in [("journeys", {"direction": "arrival", "departs_at": "2024-04-21T08:00",
                                     "arrives_at": "2024-04-21T10:00"}),
                       ("stays", {"venue_id": hotel, "check_in": "2024-04-21",
                                  "check_out": "2024-04-26"})]:
        answer = api.post(f"/visits/{visit['id']}/{path}", json={**body,
                                                                 "delegate_ids": [stranger]})
        assert answer.status_code == 422, path
        assert "delegate_ids" in answer.json["error"]["fields"]
        assert api.get(f"/visits/{visit['id']}/{path}").json == []


def test_stays_need_a_hotel_and_a_later_check_out(api, visit):
    hotel = api.post("/venues", json={"name": "Hotel Metropole", "phone": "+32 2 217 23 00"}).json
    early = api.post(f"/visits/{visit['id']}/stays", json={
        "venue_id": hotel["id"], "check_in": "2024-04-26", "check_out": "2024-04-21"})
    assert early.status_code == 422 and "check_out" in early.json["error"]["fields"]
    missing = api.post(f"/visits/{visit['id']}/stays", json={
        "venue_id": 999999, "check_in": "2024-04-21", "check_out": "2024-04-26"})
    assert missing.status_code == 422 and "venue_id" in missing.json["error"]["fields"]
    stay = api.post(f"/visits/{visit['id']}/stays", json={
        "venue_id": hotel["id"], "check_in": "2024-04-21", "check_out": "2024-04-26",
        "booking_reference": "MET-4471"})
    assert stay.status_code == 201 and stay.json["delegate_ids"] is None
    # The hotel is someone's hotel now: deleting the venue is refused, naming the stays.
    refused = api.delete(f"/venues/{hotel['id']}", json={"version": hotel["version"]})
    assert refused.status_code == 409 and "stays as hotel (1)" in refused.json["error"]["message"]
    assert api.get(f"/venues/{hotel['id']}").status_code == 200


def test_contacts_need_a_name_and_a_phone_and_come_in_order(api, visit):
    base = f"/visits/{visit['id']}/contacts"
    no_phone = api.post(base, json={"name": "Kristof Janssens"})
    assert no_phone.status_code == 422 and "phone" in no_phone.json["error"]["fields"]
    bad_phone = api.post(base, json={"name": "Kristof Janssens", "phone": "call me"})
    assert bad_phone.status_code == 422 and "phone" in bad_phone.json["error"]["fields"]
    driver = api.post(base, json={"name": "Jan Peeters", "role": "Driver",
                                  "phone": "+32 476 65 43 21", "position": 2})
    officer = api.post(base, json={"name": "Kristof Janssens", "role": "Protocol officer",
                                   "phone": "+32 475 12 34 56", "available": "24/7",
                                   "position": 1, "translations": {"nl": {"role": "Protocol"}}})
    assert driver.status_code == officer.status_code == 201
    assert [c["name"] for c in api.get(base).json] == ["Kristof Janssens", "Jan Peeters"]


def test_item_practical_fields_and_meeting_time_rule(api, visit):
    interpreter = api.post("/people", json={"full_name": "Ana Rotaru"}).json["id"]
    base = {"title": "Site visit", "kind": "site_visit", "starts_at": "2024-04-23T09:30",
            "ends_at": "2024-04-23T12:00"}
    late = api.post(f"/visits/{visit['id']}/items", json={**base,
                                                          "meeting_at": "2024-04-23T09:45"})
    assert late.status_code == 422 and "meeting_at" in late.json["error"]["fields"]
    item = api.post(f"/visits/{visit['id']}/items", json={
        **base, "meeting_point": "Hotel lobby", "meeting_at": "2024-04-23T09:00",
        "dress_code": "Business attire", "transport": "Minibus, driver Jan Peeters",
        "interpreting": "consecutive uk-nl", "interpreter_ids": [interpreter],
        "translations": {"fr": {"meeting_point": "Hall de l'hôtel"}}})
    assert item.status_code == 201, item.json
    stored = api.get(f"/items/{item.json['id']}").json
    assert stored["meeting_at"] == "2024-04-23T09:00" and stored["interpreter_ids"] == [interpreter]
    assert stored["translations"]["fr"]["meeting_point"] == "Hall de l'hôtel"
    programme = api.get(f"/visits/{visit['id']}/programme").json
    assert programme["days"][0]["items"][0]["transport"] == "Minibus, driver Jan Peeters"


def test_new_conflicts_appear_and_disappear_as_data_changes(api, visit):
    olena, ivan = _delegates(api, visit)
    item = api.post(f"/visits/{visit['id']}/items", json={
        "title": "Welcome", "starts_at": "2024-04-22T09:00", "ends_at": "2024-04-22T10:00"}).json
    train = api.post(f"/visits/{visit['id']}/journeys", json={
        "direction": "arrival", "mode": "train", "reference": "IC 706",
        "departs_at": "2024-04-22T06:00", "departure_timezone": "Europe/Paris",
        "arrives_at": "2024-04-22T10:40", "delegate_ids": [ivan]}).json
    conflicts = api.get(f"/visits/{visit['id']}/conflicts?lang=en").json
    assert [(c["kind"], c["item_ids"]) for c in conflicts] == [("before_arrival", [item["id"]])]
    assert conflicts[0]["message"].startswith("Ivan Petrenko has not arrived yet for 'Welcome'")
    api.patch(f"/journeys/{train['id']}", json={"version": train["version"],
                                                "arrives_at": "2024-04-22T08:10"})
    assert api.get(f"/visits/{visit['id']}/conflicts").json == []
    hotel = api.post("/venues", json={"name": "Hotel"}).json["id"]
    api.post(f"/visits/{visit['id']}/stays", json={
        "venue_id": hotel, "check_in": "2024-04-22", "check_out": "2024-04-24",
        "delegate_ids": [ivan]})
    home = api.post(f"/visits/{visit['id']}/journeys", json={
        "direction": "departure", "departs_at": "2024-04-26T12:00",
        "arrives_at": "2024-04-26T14:00", "delegate_ids": [ivan, olena]}).json
    found = api.get(f"/visits/{visit['id']}/conflicts?lang=en").json
    assert [c["message"] for c in found] == [
        "No hotel is recorded for Olena Kovalenko for the nights from Monday 22 April 2024 to"
        " Thursday 25 April 2024.",
        "No hotel is recorded for Ivan Petrenko for the nights from Wednesday 24 April 2024 to"
        " Thursday 25 April 2024."]
    assert api.delete(f"/journeys/{home['id']}", json={"version": home["version"]}).status_code == 204
