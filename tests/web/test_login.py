"""The browser shell: log in, see the visits, log out; CSRF on every form."""
import re

import flask_babel
from conftest import make_user


def csrf_token(page: bytes) -> str:
    return re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1).decode()


def log_in(client, email="organiser@example.org", password="demo"):
    token = csrf_token(client.get("/login").data)
    return client.post("/login", data={"csrf_token": token, "email": email,
                                       "password": password})


def test_pages_need_a_login(client):
    response = client.get("/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_demo_login_shows_the_ukrainian_visit(client, demo_visit):
    page = client.get("/login")
    assert b'name="email"' in page.data and b'name="password"' in page.data
    response = log_in(client)
    assert response.status_code == 302
    home = client.get("/").get_data(as_text=True)  # the UI speaks English by default
    assert "Study visit of Ukrainian prosecutors" in home
    flask_babel.refresh()  # test requests share one app context, where Flask-Babel caches
    dutch = client.get("/?lang=nl").get_data(as_text=True)
    assert "Werkbezoek van Oekraïense openbare aanklagers" in dutch


def test_wrong_password_is_refused_with_a_message(client, app):
    make_user("organiser")
    response = log_in(client, password="wrong")
    assert response.status_code == 422
    assert "wrong password" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_login_without_csrf_token_is_refused(client, app):
    make_user("organiser")
    response = client.post("/login", data={"email": "organiser@example.org", "password": "secret"})
    assert response.status_code == 400
    assert client.get("/").status_code == 302


def test_next_may_not_leave_the_site(client, app):
    make_user("viewer")
    token = csrf_token(client.get("/login").data)
    response = client.post("/login?next=//evil.example/", data={
        "csrf_token": token, "email": "viewer@example.org", "password": "secret"})
    assert response.headers["Location"] == "/"


def test_logout(client, demo_visit):
    log_in(client)
    token = csrf_token(client.get("/").data)
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/").status_code == 302


def test_user_text_is_escaped(client, api):
    api.post("/visits", json={"title": "<script>alert(1)</script>", "start_date": "2024-04-22",
                              "end_date": "2024-04-23"})
    log_in(client, "organiser@example.org", "secret")
    page = client.get("/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_error_pages_follow_the_ui_language_and_api_errors_stay_json(client, app):
    make_user("organiser")
    log_in(client, "organiser@example.org", "secret")
    flask_babel.refresh()  # test requests share one app context, where Flask-Babel caches
    page = client.get("/visits/9999?lang=nl")
    assert page.status_code == 404 and 'lang="nl"' in page.get_data(as_text=True)
    assert "<h1>Niet gevonden</h1>" in page.get_data(as_text=True)
    assert client.get("/api/v1/visits/9999").json["error"]["code"] == "unauthorized"
    assert client.get("/api/v1/no-such-route").json["error"]["code"] == "not_found"
