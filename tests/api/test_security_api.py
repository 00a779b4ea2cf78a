"""Issue 10 through the API door: secret links, hostile text, big and deep bodies, rate limits,
tokens, and the smaller findings."""
from __future__ import annotations

import datetime as dt
import json
import re

import icalendar
import pytest
from sqlalchemy import update

from visitplanner.core.accounts import issue_token
from visitplanner.extensions import db
from visitplanner.models import ApiToken, Delegate, Item, Quote, Visit


def _log_in(make_user, client, role):
    """Log the browser client in as a new user with `role`."""
    make_user(role, f"browser-{role}@example.org")
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert client.post("/login", data={"csrf_token": token, "password": "secret",
                                       "email": f"browser-{role}@example.org"}).status_code == 302


def test_viewers_get_no_secret_links_in_delegate_calendars(api, viewer_api, demo_visit, client, make_user):
    """Finding 3: the personal link is in organisers' calendars only (API and web)."""
    delegate = demo_visit.delegates[0]
    token = api.get(f"/delegates/{delegate.id}").json["personal_url"].rsplit("/", 1)[1]
    organiser = api.get(f"/delegates/{delegate.id}/calendar.ics").data.decode()
    assert token in organiser.replace("\r\n ", "")
    viewer = viewer_api.get(f"/delegates/{delegate.id}/calendar.ics")
    assert viewer.status_code == 200
    unfolded = viewer.data.decode().replace("\r\n ", "")
    assert token not in unfolded and "/p/" not in unfolded and "/c/" not in unfolded
    _log_in(make_user, client, "viewer")
    web = client.get(f"/delegates/{delegate.id}/calendar.ics").data.decode().replace("\r\n ", "")
    assert web.count("BEGIN:VEVENT") and token not in web and "/p/" not in web


def test_newlines_are_refused_in_titles_and_stored_ones_do_not_break_calendars(
        api, demo_visit, client, make_user):
    """Finding 4: single-line fields refuse newlines; old rows with one still export."""
    answer = api.patch(f"/visits/{demo_visit.id}", json={"title": "A\nB",
                                                          "version": demo_visit.version})
    assert answer.status_code == 422
    assert answer.json["error"]["fields"]["title"] == [
        "Write this on one line, without line breaks."]
    delegate = demo_visit.delegates[0]
    person = next(i for i in demo_visit.items if i.speakers).speakers[0]
    db.session.execute(update(Visit).values(title="Line one\nline two\r\nthree"))
    db.session.execute(update(Delegate).values(full_name="Name\non two lines"))
    db.session.execute(update(Item).values(title="Item\ntitle"))
    db.session.commit()
    feed = api.get(f"/delegates/{delegate.id}").json["calendar_feed_url"]
    _log_in(make_user, client, "organiser")
    urls = [f"/visits/{demo_visit.id}/calendar.ics", f"/delegates/{delegate.id}/calendar.ics",
            f"/visits/{demo_visit.id}/people/{person.id}/calendar.ics"]
    answers = [api.get(url) for url in urls] + [client.get(url) for url in urls]
    answers.append(client.get(feed.removeprefix("http://visitplanner.test")))
    for response in answers:
        assert response.status_code == 200
        calendar = icalendar.Calendar.from_ical(response.data)
        assert "\n" not in str(calendar["X-WR-CALNAME"])


def test_control_characters_are_refused_and_never_break_the_word_export(api, demo_visit):
    """Finding 5: U+0001-001F in a quote is a 422; a stored one no longer breaks Word."""
    answer = api.post(f"/visits/{demo_visit.id}/quotes",
                      json={"speaker_name": "A", "text": "Hello\x01\x1f world"})
    assert answer.status_code == 422
    assert "control characters" in answer.json["error"]["fields"]["text"][0]
    ok = api.post(f"/visits/{demo_visit.id}/quotes",
                  json={"speaker_name": "A", "text": "First line\nsecond\ttabbed"})
    assert ok.status_code == 201
    db.session.execute(update(Quote).values(text="Stored \x01 before \x0b the rules"))
    db.session.commit()
    word = api.get(f"/visits/{demo_visit.id}/news?format=docx")
    assert word.status_code == 200 and word.data[:2] == b"PK"
    for bad in ("\x00", "\ud800", "\x7f"):
        answer = api.post("/organisations", json={"name": f"Zone{bad}"})
        assert answer.status_code == 422, repr(bad)


def test_deep_and_huge_json_get_clear_answers(api):
    """Finding 6: 1,000 nested brackets are a 400, an over-large body a 413, and many bad
    keys a short 422."""
    deep = api.post("/organisations", data="[" * 1000 + "]" * 1000,
                    content_type="application/json")
    assert deep.status_code in (400, 422) and deep.json["error"]
    deep = api.post("/organisations", data='{"name": ' + "[" * 100000 + "]" * 100000 + "}",
                    content_type="application/json")
    assert deep.status_code == 400
    big = json.dumps({f"key{n}": n for n in range(300_000)})
    assert len(big) > 4 * 1024 * 1024
    answer = api.post("/organisations", data=big, content_type="application/json")
    assert answer.status_code == 413 and answer.json["error"]["code"] == "payload_too_large"
    many = json.dumps({"name": "Zone", **{f"k{n}": n for n in range(50_000)}})
    answer = api.post("/organisations", data=many, content_type="application/json")
    assert answer.status_code == 413 or (answer.status_code == 422 and len(answer.data) < 20_000)
    some = json.dumps({"name": "Zone", **{f"k{n}": n for n in range(5_000)}})
    answer = api.post("/organisations", data=some, content_type="application/json")
    assert answer.status_code == 422 and len(answer.data) < 20_000


def test_api_calls_are_rate_limited_per_token_with_retry_after(app, api, limits, make_user, api_client):
    """Finding 7: a token that calls too often gets 429 and Retry-After; others go on."""
    limits["RATELIMIT_API"] = "5 per minute"
    answers = [api.get("/visits").status_code for _ in range(7)]
    assert answers == [200] * 5 + [429] * 2
    refused = api.get("/visits")
    assert int(refused.headers["Retry-After"]) > 0
    assert refused.json["error"]["code"] == "too_many_requests"
    other = api_client(issue_token(make_user("viewer", "other@example.org")))
    assert other.get("/visits").status_code == 200


def test_guessing_tokens_is_rate_limited_per_address(app, api, limits, api_client):
    limits["RATELIMIT_API_FAILURES"] = "3 per minute"
    guesser = api_client("guess")
    assert [guesser.get("/visits").status_code for _ in range(4)] == [401, 401, 401, 429]


def test_tokens_expire_are_listed_without_secret_and_revoked_at_once(app, api, make_user, api_client):
    """Finding 8: GET /tokens, DELETE /tokens/{id}, expiry."""
    user = make_user("viewer", "tokens@example.org")
    first = api_client(issue_token(user, "script", days=30))
    second = api_client(issue_token(user, "laptop", days=30))
    listed = first.get("/tokens")
    assert listed.status_code == 200
    assert [t["name"] for t in listed.json] == ["laptop", "script"]
    assert set(listed.json[0]) == {"id", "name", "created_at", "last_used_at", "expires_at"}
    assert "token" not in json.dumps(listed.json).replace("tokens@", "")
    expires = dt.datetime.fromisoformat(listed.json[0]["expires_at"])
    assert 29 <= (expires - dt.datetime.now(dt.UTC)).days <= 30
    assert listed.json[1]["last_used_at"] is not None  # the first token was just used
    assert api.delete(f"/tokens/{listed.json[0]['id']}").status_code == 404  # not theirs
    assert first.delete(f"/tokens/{listed.json[0]['id']}").status_code == 204
    assert second.get("/tokens").status_code == 401
    assert first.get("/tokens").status_code == 200
    db.session.execute(update(ApiToken).values(
        expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)))
    db.session.commit()
    assert first.get("/tokens").status_code == 401


def test_smaller_findings(api, demo_visit):
    """Finding 12: `localtime`, `longitude: false`, 405 with Allow, odd e-mail addresses."""
    visit = {"title": "V", "start_date": "2024-05-06", "end_date": "2024-05-07"}
    answer = api.post("/visits", json={**visit, "timezone": "localtime"})
    assert answer.status_code == 422 and "timezone" in answer.json["error"]["fields"]
    answer = api.post("/venues", json={"name": "Hall", "latitude": 50.8, "longitude": False})
    assert answer.status_code == 422 and "longitude" in answer.json["error"]["fields"]
    assert api.post("/venues", json={"name": "Hall", "latitude": 50, "longitude": 4}
                    ).status_code == 201
    answer = api.request("PUT", "/visits")
    assert answer.status_code == 405 and set(answer.headers["Allow"].split(", ")) >= {
        "GET", "POST"}
    answer = api.post(f"/visits/{demo_visit.id}/delegates",
                      json={"full_name": "Eve", "email": "a>,<evil@x.test"})
    assert answer.status_code == 422
    assert answer.json["error"]["fields"]["email"] == ["Not an e-mail address."]
    assert api.post(f"/visits/{demo_visit.id}/delegates",
                    json={"full_name": "Ann", "email": "ann.o'neil@politie.be"}
                    ).status_code == 201


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x.test/",
                                 "http://", "https:///path"])
def test_only_http_and_https_web_addresses(api, url):
    assert api.post("/organisations", json={"name": "Z", "website": url}).status_code == 422
