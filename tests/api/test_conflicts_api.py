"""Conflict messages through the API: ?lang= picks their language, else the content language."""


def _overlapping_visit(api):
    visit = api.post("/visits", json={"title": "Studiebezoek", "start_date": "2024-04-22",
                                      "end_date": "2024-04-23", "content_language": "nl"})
    visit_id = visit.json["id"]
    venue = api.post("/venues", json={"name": "ADVP"}).json["id"]
    for title, starts, ends in (("KIV", "09:00", "11:00"), ("ENAA", "10:00", "11:30")):
        response = api.post(f"/visits/{visit_id}/items", json={
            "title": title, "venue_id": venue, "starts_at": f"2024-04-22T{starts}",
            "ends_at": f"2024-04-22T{ends}"})
        assert response.status_code == 201, response.json
    return visit_id


def test_conflicts_in_the_asked_language_or_the_content_language(api):
    visit = _overlapping_visit(api)
    french = {c["kind"]: c["message"] for c in api.get(f"/visits/{visit}/conflicts?lang=fr").json}
    assert french["venue_clash"] == (
        "Le lieu ADVP est réservé deux fois le lundi 22 avril 2024\u00a0: «\u00a0KIV\u00a0»"
        " (09:00–11:00) chevauche «\u00a0ENAA\u00a0» (10:00–11:30).")
    assert french["double_booking"].startswith(
        "Toute la délégation doit être à deux endroits à la fois le lundi 22 avril 2024")
    default = {c["kind"]: c["message"] for c in api.get(f"/visits/{visit}/conflicts").json}
    assert default["venue_clash"].startswith("ADVP is dubbel geboekt op maandag 22 april 2024")
    english = api.get(f"/visits/{visit}/conflicts?lang=en").json
    assert english[0]["message"].startswith("The whole delegation is in two places at once")


def test_unknown_language_is_422_naming_lang(api):
    visit = _overlapping_visit(api)
    response = api.get(f"/visits/{visit}/conflicts?lang=de")
    assert response.status_code == 422
    error = response.json["error"]
    assert error["code"] == "validation_error" and list(error["fields"]) == ["lang"]


def test_document_names_the_lang_parameter(client):
    operation = client.get("/api/v1/openapi.json").json["paths"][
        "/api/v1/visits/{visit_id}/conflicts"]["get"]
    [lang] = [p for p in operation["parameters"] if p["name"] == "lang"]
    assert lang["in"] == "query" and lang["schema"]["enum"] == ["nl", "fr", "en"]
