"""The programme and conflicts endpoints, and their fixed query budget."""
import datetime as dt

from conftest import count_queries


def test_demo_programme_has_five_days_in_time_order(api, demo_visit):
    response = api.get(f"/visits/{demo_visit.id}/programme")
    assert response.status_code == 200
    days = response.json["days"]
    assert [day["date"] for day in days] == [
        "2024-04-22", "2024-04-23", "2024-04-24", "2024-04-25", "2024-04-26"]
    for day in days:
        starts = [item["starts_at"] for item in day["items"]]
        assert starts == sorted(starts) and all(s.startswith(day["date"]) for s in starts)
    titles = [item["title"] for day in days for item in day["items"]]
    assert "Bezoek aan Politiezone Montgomery" in titles
    assert "Bezoek aan Politiezone Brussel Noord" in titles


def test_demo_has_no_conflicts(api, demo_visit):
    assert api.get(f"/visits/{demo_visit.id}/conflicts").json == []


def _item(api, visit_id, title, start, end, **extra):
    response = api.post(f"/visits/{visit_id}/items", json={
        "title": title, "starts_at": start, "ends_at": end, **extra})
    assert response.status_code == 201, response.json
    return response.json["id"]


def test_conflicts_finds_all_four_kinds(api):
    visit = api.post("/visits", json={"title": "Test", "start_date": "2024-04-22",
                                      "end_date": "2024-04-23"}).json["id"]
    api.post(f"/visits/{visit}/delegates", json={"full_name": "Andrii Melnyk"})
    near = api.post("/venues", json={"name": "ADVP", "latitude": 50.8366,
                                     "longitude": 4.3587}).json["id"]
    far = api.post("/venues", json={"name": "Antwerpen", "latitude": 51.2194,
                                    "longitude": 4.4025}).json["id"]
    a = _item(api, visit, "KIV", "2024-04-22T09:00", "2024-04-22T11:00", venue_id=near)
    b = _item(api, visit, "ENAA", "2024-04-22T10:00", "2024-04-22T11:30", venue_id=near)
    c = _item(api, visit, "Bezoek Antwerpen", "2024-04-22T11:45", "2024-04-22T13:00",
              venue_id=far)
    d = _item(api, visit, "Extra dag", "2024-04-25T09:00", "2024-04-25T10:00")
    conflicts = api.get(f"/visits/{visit}/conflicts").json
    by_kind = {}
    for conflict in conflicts:
        by_kind.setdefault(conflict["kind"], []).append(conflict)
        assert conflict["message"]
    assert set(by_kind) == {"double_booking", "venue_clash", "outside_visit", "travel_time"}
    assert by_kind["double_booking"][0]["item_ids"] == [a, b]
    assert by_kind["venue_clash"][0]["item_ids"] == [a, b]
    assert by_kind["outside_visit"][0]["item_ids"] == [d]
    assert by_kind["travel_time"][0]["item_ids"] == [b, c]
    assert "km" in by_kind["travel_time"][0]["message"]


def _visit_with_items(api, count):
    visit = api.post("/visits", json={"title": f"{count} items", "start_date": "2024-04-22",
                                      "end_date": "2024-04-26"}).json["id"]
    delegates = [api.post(f"/visits/{visit}/delegates", json={"full_name": f"D{n}"}).json["id"]
                 for n in range(3)]
    speaker = api.post("/people", json={"full_name": "Spreker"}).json["id"]
    venue = api.post("/venues", json={"name": "Zaal"}).json["id"]
    start = dt.datetime(2024, 4, 22, 8, 0)
    for n in range(count):
        begins = start + dt.timedelta(days=n % 5, minutes=5 * (n // 5))
        _item(api, visit, f"Item {n}", begins.isoformat(timespec="minutes"),
              (begins + dt.timedelta(minutes=5)).isoformat(timespec="minutes"),
              venue_id=venue, speaker_ids=[speaker],
              delegate_ids=delegates[:2] if n % 2 else None)
    return visit


def test_query_count_does_not_grow_with_the_visit(app, api):
    small, large = _visit_with_items(api, 5), _visit_with_items(api, 200)
    for path in ("/visits/{}/programme", "/visits/{}/conflicts", "/visits/{}/items",
                 "/visits/{}/delegates"):
        counts = []
        for visit in (small, large):
            with count_queries(app) as statements:
                assert api.get(path.format(visit)).status_code == 200
            counts.append(len(statements))
        assert counts[0] == counts[1], (path, counts)
        assert counts[1] <= 16, (path, counts)  # the practical side adds a few, fixed
    with count_queries(app) as statements:
        assert len(api.get("/visits").json) == 2
    assert len(statements) <= 4
