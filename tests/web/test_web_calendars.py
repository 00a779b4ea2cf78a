"""Calendars, invitations and the delegates' secret links in the browser."""
from __future__ import annotations

import re

import icalendar


def personal_links(app, delegate) -> dict[str, str]:
    from visitplanner.core.calendars import delegate_links

    with app.test_request_context():
        return {k: v.removeprefix("http://visitplanner.test") for k, v in delegate_links(delegate).items()}


def test_calendar_downloads_need_a_login(client, demo_visit):
    for url in (f"/visits/{demo_visit.id}/calendar.ics", f"/visits/{demo_visit.id}/outbox",
                f"/delegates/{demo_visit.delegates[0].id}/calendar.ics"):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_viewer_downloads_calendars_but_cannot_send(client, demo_visit, check_calendar, logged_in, post):
    logged_in(client, "viewer")
    response = client.get(f"/visits/{demo_visit.id}/calendar.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    check_calendar(response.data)
    page = client.get(f"/visits/{demo_visit.id}").get_data(as_text=True)
    assert f"/visits/{demo_visit.id}/calendar.ics" in page and f"/visits/{demo_visit.id}/outbox" in page
    assert f'action="/visits/{demo_visit.id}/invitations"' not in page
    assert post(client, f"/visits/{demo_visit.id}/invitations").status_code == 403


def test_an_organiser_sends_invitations_and_sees_the_outbox(client, demo_visit, logged_in, post):
    logged_in(client, "organiser")
    assert client.post(f"/visits/{demo_visit.id}/invitations").status_code == 400  # no CSRF token
    response = post(client, f"/visits/{demo_visit.id}/invitations", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "o.kovalenko@example.org" in page and "Uitnodiging: " in page
    assert post(client, "/visits/999999/invitations").status_code == 404


def test_the_secret_links_work_without_login_until_rotated(app, client, api, demo_visit, check_calendar):
    delegate = next(d for d in demo_visit.delegates if d.language == "fr")
    links = personal_links(app, delegate)
    page = client.get(links["personal_url"])
    assert page.status_code == 200 and page.headers["Referrer-Policy"] == "no-referrer"
    text = page.get_data(as_text=True)
    assert delegate.full_name in text and "Accueil et présentations" in text
    assert re.search(r"lundi 22 avril 2024", text)
    feed = client.get(links["calendar_feed_url"])
    assert feed.status_code == 200 and feed.mimetype == "text/calendar"
    check_calendar(feed.data)
    calendar = icalendar.Calendar.from_ical(feed.data)
    assert "REFRESH-INTERVAL" in calendar and "X-WR-CALNAME" in calendar
    journeys = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("journey-")]
    assert any(str(e["SUMMARY"]) == "Arrivée : Train IC 706" or
               str(e["SUMMARY"]).endswith("IC 706") for e in journeys)
    assert api.post(f"/delegates/{delegate.id}/rotate-token").status_code == 200
    assert client.get(links["personal_url"]).status_code == 404
    assert client.get(links["calendar_feed_url"]).status_code == 404
    assert client.get(personal_links(app, delegate)["personal_url"]).status_code == 200
    for forged in ("/p/nonsense", "/c/WzEsMV0.forged.ics", "/p/" + links["personal_url"][3:-2]):
        assert client.get(forged).status_code == 404



def test_delegates_page_offers_own_programme_and_rotates_links(app, client, demo_visit, logged_in, post):
    delegate = demo_visit.delegates[1]
    old = personal_links(app, delegate)
    logged_in(client, "organiser")
    page = client.get(f"/visits/{demo_visit.id}/delegates").get_data(as_text=True)
    assert f"/delegates/{delegate.id}/programme.pdf" in page
    assert f"/delegates/{delegate.id}/calendar.ics" in page
    assert old["personal_url"] in page
    assert client.get(old["personal_url"]).status_code == 200
    response = post(client, f"/delegates/{delegate.id}/rotate-token", follow_redirects=True)
    assert response.status_code == 200 and "no longer work" in response.get_data(as_text=True)
    assert client.get(old["personal_url"]).status_code == 404
    assert client.get(old["calendar_feed_url"]).status_code == 404
    assert client.get(personal_links(app, delegate)["personal_url"]).status_code == 200


def test_a_viewer_sees_no_secret_links_and_cannot_rotate_them(app, client, demo_visit, logged_in, post):
    delegate = demo_visit.delegates[1]
    logged_in(client, "viewer")
    page = client.get(f"/visits/{demo_visit.id}/delegates").get_data(as_text=True)
    assert f"/delegates/{delegate.id}/programme.pdf" in page
    assert personal_links(app, delegate)["personal_url"] not in page
    assert post(client, f"/delegates/{delegate.id}/rotate-token").status_code == 403


def test_visit_page_offers_each_speakers_calendar(client, demo_visit, logged_in):
    logged_in(client, "viewer")
    page = client.get(f"/visits/{demo_visit.id}").get_data(as_text=True)
    speaker = demo_visit.items[0].speakers[0]
    url = f"/visits/{demo_visit.id}/people/{speaker.id}/calendar.ics"
    assert url in page
    calendar = icalendar.Calendar.from_ical(client.get(url).data)
    for event in calendar.walk("VEVENT"):
        assert "Programma online:" in str(event["DESCRIPTION"])
        assert "persoonlijk" not in str(event["DESCRIPTION"])
