"""Roles (viewers read only, admins manage users) and the UI language."""
from __future__ import annotations

import re

from flask_babel import refresh

from visitplanner.extensions import db
from visitplanner.models import User, Visit


def test_viewer_sees_no_edit_controls(client, demo_visit, logged_in):
    logged_in(client, "viewer")
    for url in ["/", f"/visits/{demo_visit.id}", f"/visits/{demo_visit.id}/delegates",
                "/organisations", "/people", "/venues"]:
        html = client.get(url).get_data(as_text=True)
        assert not re.search(r'href="[^"]*/(edit|delete|new|import)"', html), url
        assert "<form" not in html.replace('<form class="logout"', "").replace(
            '<form method="get" class="search"', ""), url


def test_viewer_writes_are_refused(client, demo_visit, logged_in, post, visit_form):
    logged_in(client, "viewer")
    item = demo_visit.items[0]
    assert client.get("/visits/new").status_code == 403
    assert post(client, "/visits/new", visit_form).status_code == 403
    assert post(client, f"/visits/{demo_visit.id}/edit", visit_form).status_code == 403
    assert post(client, f"/items/{item.id}/delete", {"version": item.version}).status_code == 403
    assert post(client, f"/visits/{demo_visit.id}/delegates/import/confirm",
                {"payload": "x"}).status_code == 403
    assert post(client, "/organisations/new", {"name": "X"}).status_code == 403
    assert db.session.scalar(db.select(db.func.count(Visit.id))) == 1


def test_language_switch_is_remembered(client, demo_visit, logged_in, page):
    logged_in(client)
    html = page(client, f"/visits/{demo_visit.id}?lang=nl")
    assert '<html lang="nl">' in html and "Programma" in html and "maandag 22 april 2024" in html
    html = page(client, "/")
    assert '<html lang="nl">' in html and "Bezoeken" in html
    html = page(client, "/?lang=fr")
    assert '<html lang="fr">' in html and "Visites" in html
    assert "lundi 22 avril 2024" in page(client, f"/visits/{demo_visit.id}")


def test_validation_messages_follow_the_language(client, app, logged_in, page, post, visit_form):
    logged_in(client)
    page(client, "/?lang=nl")
    refresh()
    html = post(client, "/visits/new", {**visit_form, "end_date": "2024-05-01"}).get_data(as_text=True)
    assert "De einddatum moet op of na de begindatum liggen." in html
    refresh()
    html = post(client, "/visits/new", {**visit_form, "title": ""}).get_data(as_text=True)
    assert re.search(r'id="title-error">[^<]*(verplicht|Dit veld)', html)


def test_admin_manages_users(client, app, logged_in, post):
    logged_in(client, "admin")
    response = post(client, "/users/new", {"email": "new@example.org", "role": "viewer",
                                           "password": "plum harbour lantern 42", "active": "y"})
    assert response.status_code == 302
    user = db.session.scalar(db.select(User).filter_by(email="new@example.org"))
    assert user.role == "viewer" and user.active
    response = post(client, f"/users/{user.id}/edit", {"email": user.email, "role": "organiser",
                                                       "version": user.version})
    assert response.status_code == 302
    db.session.expire_all()
    assert user.role == "organiser" and not user.active
    admin = db.session.scalar(db.select(User).filter_by(email="web-admin@example.org"))
    response = post(client, f"/users/{admin.id}/edit", {"email": admin.email, "role": "viewer",
                                                        "active": "y", "version": admin.version})
    assert response.status_code == 422
    db.session.expire_all()
    assert admin.role == "admin"
