"""Create, read, change and delete each resource as the API contract says."""
import pytest

VISIT = {"title": "Studiebezoek", "start_date": "2024-04-22", "end_date": "2024-04-26"}


@pytest.fixture
def visit(api):
    return api.post("/visits", json=VISIT).json


@pytest.mark.parametrize("path, body, field, value", [
    ("/organisations", {"name": "PZ Montgomery", "kind": "police_zone", "country": "be"},
     "country", "BE"),
    ("/people", {"full_name": "Olivier Slosse", "honorific": "korpschef"}, "honorific",
     "korpschef"),
    ("/venues", {"name": "Commissariaat", "latitude": 50.86, "longitude": 4.37}, "latitude", 50.86),
    ("/venues", {"name": "Commissariaat", "translations": {"fr": {"name": "Commissariat"}}},
     "translations", {"fr": {"name": "Commissariat", "address": None, "city": None}}),
])
def test_directory_resources_round_trip(api, path, body, field, value):
    created = api.post(path, json=body)
    assert created.status_code == 201
    row = created.json
    assert row[field] == value and row["version"] == 1
    assert api.get(f"{path}/{row['id']}").json == row
    assert api.get(path).json == [row]
    changed = api.patch(f"{path}/{row['id']}", json={"version": 1, "phone": "+32 2 000 00 00"}
                        if path != "/venues" else {"version": 1, "city": "Brussel"})
    assert changed.status_code == 200 and changed.json["version"] == 2
    deleted = api.delete(f"{path}/{row['id']}", json={"version": 2})
    assert deleted.status_code == 204 and "Content-Type" not in deleted.headers
    assert api.get(f"{path}/{row['id']}").status_code == 404


def test_visit_defaults_and_delegation(api):
    response = api.post("/visits", json={**VISIT, "delegation": {
        "country": "UA", "adjective": "Oekraïense", "description": "openbare aanklagers"},
        "translations": {"fr": {"purpose": "mieux comprendre"}}})
    visit = response.json
    assert response.status_code == 201
    assert visit["timezone"] == "Europe/Brussels" and visit["host_country"] == "BE"
    assert visit["status"] == "draft" and visit["content_language"] == "nl"
    assert visit["delegation"]["adjective"] == "Oekraïense"
    assert visit["translations"]["fr"]["purpose"] == "mieux comprendre"


def test_delegation_adjective_follows_from_the_country(api):
    french = api.post("/visits", json={**VISIT, "content_language": "fr",
                                       "delegation": {"country": "MD", "description": "juges"}})
    assert french.json["delegation"]["adjective"] == "moldave"
    given = api.post("/visits", json={**VISIT, "delegation": {"country": "KE", "adjective": "Keniase"}})
    assert given.json["delegation"]["adjective"] == "Keniase"


def test_end_date_before_start_date_is_422_naming_end_date(api):
    response = api.post("/visits", json={**VISIT, "end_date": "2024-04-21"})
    assert response.status_code == 422
    assert "end_date" in response.json["error"]["fields"]


def test_patch_that_breaks_dates_is_422_and_changes_nothing(api, visit):
    response = api.patch(f"/visits/{visit['id']}", json={"version": 1, "end_date": "2024-01-01"})
    assert response.status_code == 422 and "end_date" in response.json["error"]["fields"]
    assert api.get(f"/visits/{visit['id']}").json == visit


def test_unknown_time_zone_is_422(api):
    response = api.post("/visits", json={**VISIT, "timezone": "Europe/Atlantis"})
    assert response.status_code == 422
    assert "timezone" in response.json["error"]["fields"]


def test_malformed_json_is_400(api):
    response = api.post("/visits", data='{"title": ', content_type="application/json")
    assert response.status_code == 400
    assert response.json["error"]["code"] == "bad_request"


def test_each_bad_field_is_named(api):
    response = api.post("/visits", json={"title": "", "start_date": "22/04/2024",
                                         "end_date": "2024-04-26", "colour": "blue"})
    assert response.status_code == 422
    assert {"title", "start_date", "colour"} <= set(response.json["error"]["fields"])


def test_stale_version_is_409_and_nothing_changes(api, visit):
    first = api.patch(f"/visits/{visit['id']}", json={"version": 1, "title": "Eerste"})
    assert first.status_code == 200 and first.json["version"] == 2
    stale = api.patch(f"/visits/{visit['id']}", json={"version": 1, "title": "Tweede"})
    assert stale.status_code == 409
    assert api.get(f"/visits/{visit['id']}").json["title"] == "Eerste"
    assert api.delete(f"/visits/{visit['id']}", json={"version": 1}).status_code == 409
    assert api.get(f"/visits/{visit['id']}").status_code == 200


def test_version_may_come_in_if_match(api, visit):
    response = api.patch(f"/visits/{visit['id']}", json={"title": "Via If-Match"},
                         headers={"If-Match": '"1"'})
    assert response.status_code == 200 and response.json["version"] == 2


def test_missing_version_is_422(api, visit):
    response = api.patch(f"/visits/{visit['id']}", json={"title": "Zonder versie"})
    assert response.status_code == 422 and "version" in response.json["error"]["fields"]


def test_unknown_ids_are_404_in_json(api):
    for path in ("/visits/999", "/items/5", "/delegates/2147483648", "/no-such-thing"):
        response = api.get(path)
        assert response.status_code == 404, path
        assert response.json["error"]["code"] == "not_found"


def test_items_audience_speakers_and_sequence(api, visit):
    delegate = api.post(f"/visits/{visit['id']}/delegates",
                        json={"full_name": "Олена Коваленко", "role": "head"}).json
    speaker = api.post("/people", json={"full_name": "Willy Bruggeman"}).json
    item = api.post(f"/visits/{visit['id']}/items", json={
        "title": "KIV", "starts_at": "2024-04-22T10:00", "ends_at": "2024-04-22T12:00",
        "topics": ["Kadernota Integrale Veiligheid (KIV)"], "speaker_ids": [speaker["id"]],
        "delegate_ids": [delegate["id"]]})
    assert item.status_code == 201, item.json
    assert item.json["delegate_ids"] == [delegate["id"]]
    assert item.json["speaker_ids"] == [speaker["id"]] and item.json["sequence"] == 0
    topics_only = api.patch(f"/items/{item.json['id']}", json={"version": 1, "topics": ["ENAA"]})
    assert topics_only.json["sequence"] == 0
    moved = api.patch(f"/items/{item.json['id']}", json={"version": 2,
                                                          "starts_at": "2024-04-22T10:30"})
    assert moved.json["sequence"] == 1 and moved.json["starts_at"] == "2024-04-22T10:30"
    whole = api.patch(f"/items/{item.json['id']}", json={"version": 3, "delegate_ids": None})
    assert whole.json["delegate_ids"] is None


def test_item_rules(api, visit):
    base = {"title": "KIV", "starts_at": "2024-04-22T10:00", "ends_at": "2024-04-22T09:00"}
    backwards = api.post(f"/visits/{visit['id']}/items", json=base)
    assert backwards.status_code == 422 and "ends_at" in backwards.json["error"]["fields"]
    offset = api.post(f"/visits/{visit['id']}/items",
                      json={**base, "ends_at": "2024-04-22T12:00+02:00"})
    assert offset.status_code == 422 and "ends_at" in offset.json["error"]["fields"]
    other = api.post("/visits", json=VISIT).json
    stranger = api.post(f"/visits/{other['id']}/delegates", json={"full_name": "X"}).json
    foreign = api.post(f"/visits/{visit['id']}/items", json={
        **base, "ends_at": "2024-04-22T12:00", "delegate_ids": [stranger["id"]], "venue_id": 77})
    assert foreign.status_code == 422
    assert {"delegate_ids", "venue_id"} <= set(foreign.json["error"]["fields"])


def test_quotes_and_key_figures(api, visit):
    person = api.post("/people", json={"full_name": "Michaël Jonniaux"}).json
    quote = api.post(f"/visits/{visit['id']}/quotes",
                     json={"person_id": person["id"], "text": "Samen sterker.", "language": "nl"})
    assert quote.status_code == 201 and quote.json["person_id"] == person["id"]
    nobody = api.post(f"/visits/{visit['id']}/quotes", json={"text": "Zonder spreker."})
    assert nobody.status_code == 422 and "person_id" in nobody.json["error"]["fields"]
    figures = api.put(f"/visits/{visit['id']}/key-figures", json={"person_ids": [person["id"]]})
    assert figures.status_code == 200 and figures.json["person_ids"] == [person["id"]]
    assert api.get(f"/visits/{visit['id']}/key-figures").json == figures.json
    missing = api.put(f"/visits/{visit['id']}/key-figures", json={"person_ids": [999]})
    assert missing.status_code == 422
    stale = api.put(f"/visits/{visit['id']}/key-figures", json={"person_ids": [], "version": 1})
    assert stale.status_code == 409
    assert api.get(f"/visits/{visit['id']}").json["version"] == figures.json["version"]


def test_deleting_a_visit_removes_its_delegates_and_items(api, visit):
    api.post(f"/visits/{visit['id']}/delegates", json={"full_name": "Iryna Bondarenko"})
    api.post(f"/visits/{visit['id']}/items", json={
        "title": "Lunch", "kind": "meal", "starts_at": "2024-04-22T12:00",
        "ends_at": "2024-04-22T13:00"})
    assert api.delete(f"/visits/{visit['id']}", json={"version": 1}).status_code == 204
    assert api.get(f"/visits/{visit['id']}/items").status_code == 404


def test_host_translations_round_trip(api, visit):
    org = api.post("/organisations", json={"name": "Politiezone Montgomery", "translations": {
        "fr": {"name": "Zone de police Montgomery", "short_name": "ZP Montgomery"}}}).json
    assert org["translations"]["fr"]["short_name"] == "ZP Montgomery"
    person = api.post("/people", json={"full_name": "Michaël Jonniaux", "function": "Korpschef",
                                       "translations": {"en": {"function": "Chief of Police"}}})
    assert person.status_code == 201 and person.json["translations"]["en"]["function"] == \
        "Chief of Police"
    changed = api.patch(f"/people/{person.json['id']}", json={"version": 1, "translations": {
        "fr": {"honorific": "le chef de corps", "function": "Chef de corps"}}})
    assert changed.json["translations"] == {"fr": {"honorific": "le chef de corps",
                                                   "function": "Chef de corps"}}
    assert api.get(f"/people/{person.json['id']}").json == changed.json
    delegate = api.post(f"/visits/{visit['id']}/delegates", json={
        "full_name": "Diane Reynders", "function": "Begeleider",
        "translations": {"fr": {"function": "Accompagnatrice"}}}).json
    assert delegate["translations"]["fr"]["function"] == "Accompagnatrice"
    item = api.post(f"/visits/{visit['id']}/items", json={
        "title": "Bezoek", "starts_at": "2024-04-24T09:30", "ends_at": "2024-04-24T12:30",
        "topics": ["wijkwerking"], "translations": {"en": {"topics": ["community policing"]}}})
    assert item.json["translations"]["en"]["topics"] == ["community policing"]
    assert api.post("/organisations", json={"name": "X", "translations": {"de": {"name": "Y"}}}) \
        .status_code == 422


def test_directory_rows_in_use_are_not_deleted(api, demo_visit):
    host = demo_visit.host_organisation
    response = api.delete(f"/organisations/{host.id}", json={"version": host.version})
    assert response.status_code == 409
    assert "visits (1)" in response.json["error"]["message"]
    assert api.get(f"/organisations/{host.id}").status_code == 200
    speaker = demo_visit.items[0].speakers[0]
    assert api.delete(f"/people/{speaker.id}", json={"version": speaker.version}).status_code == 409
    venue = demo_visit.items[0].venue
    assert api.delete(f"/venues/{venue.id}", json={"version": venue.version}).status_code == 409
    assert api.get(f"/visits/{demo_visit.id}/conflicts").status_code == 200
    unused = api.post("/venues", json={"name": "Reserve"}).json
    assert api.delete(f"/venues/{unused['id']}", json={"version": 1}).status_code == 204


def test_deleting_a_delegate_takes_them_out_of_item_audiences(api, visit):
    delegate = api.post(f"/visits/{visit['id']}/delegates", json={"full_name": "Dmytro"}).json
    item = api.post(f"/visits/{visit['id']}/items", json={
        "title": "Lunch", "starts_at": "2024-04-22T12:00", "ends_at": "2024-04-22T13:00",
        "delegate_ids": [delegate["id"]]}).json
    assert api.delete(f"/delegates/{delegate['id']}", json={"version": 1}).status_code == 204
    assert api.get(f"/items/{item['id']}").json["delegate_ids"] == []


def test_loose_input_is_refused(api, visit):
    for path, body, field in [
        ("/organisations", {"name": "K", "country": "ZZ"}, "country"),
        ("/organisations", {"name": "K", "website": "javascript:alert(1)"}, "website"),
        ("/visits", {**VISIT, "delegation": {"country": "QQ"}}, "delegation.country"),
        (f"/visits/{visit['id']}/items", {"title": "X", "starts_at": "2024-04-22T10:00",
                                          "ends_at": "2024-04-22T11:00", "speaker_ids": [True]},
         "speaker_ids.0"),
    ]:
        response = api.post(path, json=body)
        assert response.status_code == 422, (path, body)
        assert field in response.json["error"]["fields"], response.json
    ok = api.post("/organisations", json={"name": "K", "country": "xk", "website": "https://k.example"})
    assert ok.status_code == 201 and ok.json["country"] == "XK"


def test_a_time_that_never_happens_is_refused(api, visit):
    # 30 March 2025, Brussels: the clocks jump from 02:00 to 03:00.
    spring = api.post("/visits", json={**VISIT, "start_date": "2025-03-29",
                                       "end_date": "2025-03-31"}).json
    response = api.post(f"/visits/{spring['id']}/items", json={
        "title": "Night walk", "starts_at": "2025-03-30T02:30", "ends_at": "2025-03-30T04:00"})
    assert response.status_code == 422 and "starts_at" in response.json["error"]["fields"]
    fine = api.post(f"/visits/{spring['id']}/items", json={
        "title": "Night walk", "starts_at": "2025-03-30T01:30", "ends_at": "2025-03-30T04:00"})
    assert fine.status_code == 201


def test_delegate_gender_round_trips_and_is_checked(api):
    visit = api.post("/visits", json={**VISIT, "delegation": {"country": "KE"}}).json
    url = f"/visits/{visit['id']}/delegates"
    grace = api.post(url, json={"full_name": "Grace Wanjiru", "gender": "female"})
    assert grace.status_code == 201 and grace.json["gender"] == "female"
    news = api.get(f"/visits/{visit['id']}/news?lang=fr").json["body"]
    assert news.startswith("Grace Wanjiru, une invitée "), news  # one woman: the words agree
    wrong = api.post(url, json={"full_name": "Y", "gender": "f"})
    assert wrong.status_code == 422 and "gender" in wrong.json["error"]["fields"]
    assert api.post(url, json={"full_name": "X"}).json["gender"] is None  # from the honorific
