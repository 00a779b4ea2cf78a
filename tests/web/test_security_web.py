"""Issue 10 through the browser door: redirects, hostile text, brute force, sessions, passwords,
headers, the audit table and a database outage."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import g

from visitplanner.extensions import db
from visitplanner.models import AuditEvent, Organisation, User, Visit

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
STRONG = "plum harbour lantern 42"
VISIT = {"title": "Study visit of Moldovan judges", "start_date": "2024-05-06",
         "end_date": "2024-05-08", "timezone": "Europe/Brussels", "content_language": "en",
         "host_country": "BE", "status": "draft", "delegation-country": "MD",
         "delegation-description": "judges"}


def fresh() -> None:
    """Forget what the last request cached in `g` (its user, its CSRF token): the tests share
    one app context, and each client here has a session of its own."""
    g.pop("csrf_token", None)
    g.pop("_login_user", None)


def get(client, url):
    fresh()
    return client.get(url)


@pytest.fixture
def post(post):
    """The web tests' post, forgetting first what the last request cached in `g`."""
    def post_fresh(client, url, data=None, **kwargs):
        fresh()
        return post(client, url, data, **kwargs)
    return post_fresh


def _login(client, email, password, next_url=""):
    fresh()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    return client.post(f"/login{next_url}", data={"csrf_token": token, "email": email,
                                                  "password": password})


@pytest.mark.parametrize("target", ["////evil.test/phish", "//evil.test", "/\\evil.test",
                                    "https://evil.test/", "/\t/evil.test", "/%0a/x\\y"])
def test_login_never_redirects_to_another_site(client, target, logged_in, csrf_token):
    """Finding 2: only same-site relative paths are followed after login."""
    logged_in(client)
    client.post("/logout", data={"csrf_token": csrf_token(client)})
    from urllib.parse import quote
    response = _login(client, "web-organiser@example.org", "secret", "?next=" + quote(target))
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    response = _login(client, "web-organiser@example.org", "secret", "?next=/visits/new")
    assert response.headers["Location"] == "/visits/new"


FORMS = {
    "/visits/new": {**VISIT, "title": "Visit\x00"},
    "/organisations/new": {"name": "Zone\x00", "kind": "police_zone"},
    "/people/new": {"full_name": "Jan\x00"},
    "/venues/new": {"name": "Hall\x00"},
}


@pytest.mark.parametrize("url", list(FORMS))
def test_nul_in_web_forms_is_refused_with_the_api_wording(client, url, logged_in, post):
    """Finding 5 and the one validation path: NUL is a field error, not a 500 (PostgreSQL)."""
    logged_in(client)
    response = post(client, url, FORMS[url])
    assert response.status_code == 422
    assert "Remove the control characters (such as NUL) from this text." in response.get_data(
        as_text=True)


def test_nul_in_delegate_form_and_login_email(client, demo_visit, logged_in, post, csrf_token):
    logged_in(client)
    response = post(client, f"/visits/{demo_visit.id}/delegates/new",
                    {"full_name": "A\x00B", "role": "member"})
    assert response.status_code == 422
    client.post("/logout", data={"csrf_token": csrf_token(client)})
    assert _login(client, "a\x00@example.org", "x").status_code == 422


def test_web_forms_refuse_newlines_in_one_line_fields_and_javascript_urls(client, api, logged_in, post):
    logged_in(client)
    response = post(client, "/organisations/new", {"name": "Zone", "kind": "other",
                                                   "website": "javascript:alert(1)"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Use a web address that starts with http:// or https://." in page
    api_answer = api.post("/organisations", json={"name": "Zone", "website": "javascript:x"})
    assert api_answer.json["error"]["fields"]["website"] == [
        "Use a web address that starts with http:// or https://."]
    response = post(client, "/organisations/new", {"name": "Zone\nTwo", "kind": "other"})
    assert "Write this on one line, without line breaks." in response.get_data(as_text=True)
    response = post(client, "/visits/new", {**VISIT, "purpose": "One\r\nTwo\tcolumns"})
    assert response.status_code == 302  # a text area takes line breaks and tabs
    assert db.session.scalar(db.select(Organisation)) is None
    response = post(client, "/people/new", {"full_name": "Eve", "email": "a>,<evil@x.test"})
    assert "Not an e-mail address." in response.get_data(as_text=True)


def test_login_is_rate_limited_per_account_with_retry_after(client, limits, make_user):
    """Finding 7: after a few wrong passwords even the right one is refused for a while."""
    limits["RATELIMIT_LOGIN_FAILURES"] = "3 per 15 minutes"
    User.query  # noqa: B018  (the model is bound)
    make_user("organiser", "target@example.org")
    for _ in range(3):
        counted = _login(client, "target@example.org", "wrong")
        assert counted.status_code == 422
        assert "Retry-After" not in counted.headers and "X-RateLimit-Limit" in counted.headers
    refused = _login(client, "target@example.org", "secret")
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    assert "Too many attempts" in refused.get_data(as_text=True)
    kinds = [e.kind for e in db.session.scalars(db.select(AuditEvent))]
    assert kinds.count("login_failed") == 3 and "lockout" in kinds


def test_login_is_rate_limited_per_address(client, limits):
    limits["RATELIMIT_LOGIN"] = "4 per minute"
    answers = [_login(client, f"u{n}@example.org", "x").status_code for n in range(6)]
    assert answers[:4] == [422] * 4 and answers[4:] == [429, 429]


def test_only_the_login_and_the_api_go_through_the_limiter(app):
    """Pages without a limit skip the limiter's lookups; the login and every API call do not."""
    from visitplanner.security import has_no_limits

    def skips(path: str) -> bool:
        with app.test_request_context(path):
            return has_no_limits()

    assert not skips("/login") and not skips("/api/v1/visits") and not skips("/api/v1/tokens")
    assert skips("/") and skips("/visits/1") and skips("/p/some-token")


def test_logout_ends_the_session_cookie_everywhere(app, client, logged_in, csrf_token):
    """Finding 8: a copied session cookie stops working after logout."""
    logged_in(client)
    thief = app.test_client()
    cookie = client.get_cookie("session")
    thief.set_cookie("session", cookie.value)
    assert thief.get("/").status_code == 200
    client.post("/logout", data={"csrf_token": csrf_token(client)})
    assert thief.get("/").status_code == 302
    assert client.get("/").status_code == 302


def test_password_change_keeps_this_session_and_ends_the_others(app, client, logged_in, post):
    logged_in(client)
    other = app.test_client()
    assert _login(other, "web-organiser@example.org", "secret").status_code == 302
    weak = post(client, "/account/password", {"current": "secret", "password": "password",
                                              "confirm": "password"})
    assert weak.status_code == 422 and "at least 10 characters" in weak.get_data(as_text=True)
    wrong = post(client, "/account/password", {"current": "nope", "password": STRONG,
                                               "confirm": STRONG})
    assert wrong.status_code == 422
    done = post(client, "/account/password", {"current": "secret", "password": STRONG,
                                              "confirm": STRONG})
    assert done.status_code == 302
    assert get(client, "/").status_code == 200
    assert get(other, "/").status_code == 302
    post(client, "/logout")
    assert _login(client, "web-organiser@example.org", STRONG).status_code == 302
    kinds = {e.kind for e in db.session.scalars(db.select(AuditEvent))}
    assert {"login", "password_changed", "logout"} <= kinds


def test_admin_resets_a_password_under_the_policy_and_reads_the_audit(app, client, logged_in, post, make_user):
    user = make_user("viewer", "reset-me@example.org")
    victim = app.test_client()
    assert _login(victim, "reset-me@example.org", "secret").status_code == 302
    fresh()
    logged_in(client, "admin")
    form = {"email": user.email, "role": "viewer", "active": "y", "version": user.version}
    weak = post(client, f"/users/{user.id}/edit", {**form, "password": "password1"})
    assert weak.status_code == 422
    done = post(client, f"/users/{user.id}/edit", {**form, "password": STRONG})
    assert done.status_code == 302
    assert get(victim, "/").status_code == 302
    assert _login(victim, "reset-me@example.org", STRONG).status_code == 302
    page = get(client, "/audit").get_data(as_text=True)
    assert "Password reset by an admin" in page and "reset-me@example.org" in page
    make_user("viewer", "web-viewer@example.org")
    viewer = app.test_client()
    _login(viewer, "web-viewer@example.org", "secret")
    assert get(viewer, "/audit").status_code == 403


def test_token_page_lists_creates_and_revokes_tokens(client, app, logged_in, post):
    logged_in(client, "viewer")
    page = post(client, "/account/tokens", {"name": "laptop script"}).get_data(as_text=True)
    token = re.search(r'<code id="new-token">([^<]+)</code>', page).group(1)
    api = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    listed = api.get("/api/v1/tokens", headers=headers).json
    assert [t["name"] for t in listed] == ["laptop script"]
    assert "laptop script" in client.get("/account").get_data(as_text=True)
    post(client, f"/account/tokens/{listed[0]['id']}/revoke")
    assert api.get("/api/v1/tokens", headers=headers).status_code == 401
    assert "No API tokens." in client.get("/account").get_data(as_text=True)


def test_security_headers_and_a_csp_without_inline_script(client):
    """Finding 9: CSP, no framing, no sniffing; the templates hold no inline script."""
    response = client.get("/login")
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Strict-Transport-Security" not in headers  # plain http here
    for path in TEMPLATES.rglob("*.html"):
        if path.parent.name == "programme":
            continue  # rendered by WeasyPrint into PDFs, never served to a browser
        source = path.read_text()
        assert not re.search(r"<script(?![^>]*\ssrc=)", source), path
        assert not re.search(r"\son[a-z]+=", source), path
        assert "<style" not in source, path


def test_https_base_url_makes_cookies_secure_and_sends_hsts(monkeypatch, instance_path):
    from visitplanner.config import settings_from_env
    monkeypatch.setenv("VISITPLANNER_BASE_URL", "https://visits.example.org")
    settings = settings_from_env(Path(instance_path))
    assert settings["SESSION_COOKIE_SECURE"] and settings["REMEMBER_COOKIE_SECURE"]
    monkeypatch.setenv("VISITPLANNER_BASE_URL", "http://127.0.0.1:5000")
    assert not settings_from_env(Path(instance_path))["SESSION_COOKIE_SECURE"]


def test_hsts_behind_https(app, client):
    app.config["BASE_URL"] = "https://visits.example.org"
    try:
        assert "max-age=" in client.get("/login").headers["Strict-Transport-Security"]
    finally:
        app.config["BASE_URL"] = "http://visitplanner.test"


def test_too_large_form_gets_413(client, logged_in, post):
    logged_in(client)
    response = post(client, "/visits/new", {**VISIT, "purpose": "x" * (5 * 1024 * 1024)})
    assert response.status_code == 413
    assert db.session.scalar(db.select(Visit)) is None


# Nothing listens on port 1: every connection is refused at once, as in an outage.
UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/visitplanner?connect_timeout=2"


def test_database_outage_answers_503_with_retry_after():
    """Finding 11: while the database cannot be reached, 503 and Retry-After, web and API."""
    from visitplanner import create_app
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": UNREACHABLE,
                      "BASE_URL": "http://visitplanner.test", "WTF_CSRF_ENABLED": False})
    client = app.test_client()
    answer = client.get("/api/v1/visits", headers={"Authorization": "Bearer x"})
    assert answer.status_code == 503 and int(answer.headers["Retry-After"]) > 0
    assert answer.json["error"]["code"] == "service_unavailable"
    patch = client.patch("/api/v1/visits/1", headers={"Authorization": "Bearer x"},
                         json={"title": "x", "version": 1})
    assert patch.status_code == 503 and int(patch.headers["Retry-After"]) > 0
    login = client.post("/login", data={"email": "a@example.org", "password": "x"})
    assert login.status_code == 503 and int(login.headers["Retry-After"]) > 0
    assert "database cannot be reached" in login.get_data(as_text=True)
