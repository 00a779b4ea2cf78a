"""PDF downloads from the browser: login required, links on the visit page."""
from __future__ import annotations

from flask import render_template

from visitplanner.planning.build import build_programme
from visitplanner.web.links import row_url


def test_downloads_need_a_login(client, demo_visit):
    for url in (f"/visits/{demo_visit.id}/programme.pdf", f"/visits/{demo_visit.id}/badges.pdf",
                f"/delegates/{demo_visit.delegates[0].id}/programme.pdf"):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_viewer_downloads_the_programme_in_a_chosen_language(client, demo_visit, logged_in):
    logged_in(client, "viewer")
    response = client.get(f"/visits/{demo_visit.id}/programme.pdf?lang=fr")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert client.get(f"/visits/{demo_visit.id}/programme.pdf",
                      headers={"If-None-Match": response.headers["ETag"]}).status_code == 200
    assert client.get(f"/visits/{demo_visit.id}/programme.pdf?lang=fr",
                      headers={"If-None-Match": response.headers["ETag"]}).status_code == 304
    assert client.get(f"/visits/{demo_visit.id}/programme.pdf?lang=xx").status_code == 400
    assert client.get("/visits/999999/badges.pdf").status_code == 404
    with client.session_transaction() as session:
        assert session.get("lang") != "fr"  # a French PDF does not switch the UI to French


def test_visit_page_links_to_the_printouts(app, demo_visit):
    with app.test_request_context("/"):
        programme = build_programme(demo_visit)
        html = render_template("web/_visit_outputs.html", visit=demo_visit, programme=programme,
                               speaker_calendar_url=row_url("web.export_person_calendar",
                                                            "person_id", visit_id=demo_visit.id))
    for lang in ("nl", "fr", "en"):
        assert f'href="/visits/{demo_visit.id}/programme.pdf?lang={lang}"' in html
    assert f'href="/visits/{demo_visit.id}/badges.pdf"' in html
    speaker = programme.speakers[0]
    assert (f'<a href="/visits/{demo_visit.id}/people/{speaker.id}/calendar.ics" download>'
            f'{speaker.full_name} (.ics)</a>') in html
