"""The visit page's body is made once per visit version, UI language and role, then read from
the output cache; an edit shows at once, and each session keeps its own CSRF token."""
from __future__ import annotations

import re

from flask import g
from flask_babel import refresh
from itsdangerous import URLSafeTimedSerializer

from visitplanner.extensions import db


def get(client, url: str) -> str:
    """GET as text, forgetting what the last request cached in `g` and the language: the tests
    share one app context, and each client here has a session of its own."""
    g.pop("csrf_token", None)
    g.pop("_login_user", None)
    refresh()
    return client.get(url).get_data(as_text=True)


def _log_in(client, role: str, make_user, email: str | None = None) -> None:
    email = email or f"cache-{role}@example.org"
    make_user(role, email)
    page = get(client, "/login")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    g.pop("csrf_token", None)
    assert client.post("/login", data={"csrf_token": token, "email": email,
                                       "password": "secret"}).status_code == 302


def _form_token(page: str) -> str:
    form = page.split('action="/visits/')[1].split("</form>")[0]
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)


def test_repeat_views_come_from_the_cache_without_loading_the_visit(
        client, app, demo_visit, logged_in, count_queries, empty_output_cache):
    logged_in(client)
    url = f"/visits/{demo_visit.id}"
    empty_output_cache()
    first = client.get(url).get_data(as_text=True)
    db.session.expire_all()
    with count_queries(app) as statements:
        again = client.get(url).get_data(as_text=True)
    assert again == first
    assert len(statements) == 2, statements  # the session's user, the visit's stamp
    assert not any("items.title" in s or "delegates.full_name" in s for s in statements)


def test_an_edit_shows_at_once(client, demo_visit, logged_in, page):
    logged_in(client)
    url = f"/visits/{demo_visit.id}?lang=en"
    item = demo_visit.items[0]
    assert "Renamed for the test" not in page(client, url)
    item.title = "Renamed for the test"
    item.translations = {}
    db.session.commit()
    assert "Renamed for the test" in page(client, url)
    demo_visit.delegates[0].full_name = "Nieuwe Naam"
    db.session.commit()
    assert "Nieuwe Naam" in page(client, url)


def test_viewers_organisers_and_languages_each_get_their_own_body(app, demo_visit, make_user):
    organiser, viewer = app.test_client(), app.test_client()
    _log_in(organiser, "organiser", make_user)
    _log_in(viewer, "viewer", make_user)
    url = f"/visits/{demo_visit.id}"
    edit_link = f'href="/items/{demo_visit.items[0].id}/edit"'
    assert edit_link in get(organiser, url + "?lang=en")
    assert edit_link not in get(viewer, url + "?lang=en")
    assert edit_link in get(organiser, url + "?lang=en")
    english, french = get(organiser, url + "?lang=en"), get(organiser, url + "?lang=fr")
    assert 'id="programme-heading">Programme<' in english
    assert 'id="conflicts-heading">Conflits' in french


def test_each_session_gets_its_own_csrf_token_in_the_cached_page(app, demo_visit, make_user):
    first, second = app.test_client(), app.test_client()
    _log_in(first, "organiser", make_user)
    g.pop("csrf_token", None)
    g.pop("_login_user", None)
    page = get(second, "/login")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    g.pop("csrf_token", None)
    assert second.post("/login", data={"csrf_token": token, "email": "cache-organiser@example.org",
                                       "password": "secret"}).status_code == 302
    url = f"/visits/{demo_visit.id}"
    pages = [get(client, url) for client in (first, second)]
    tokens = [_form_token(page) for page in pages]
    assert [_logout_token(page) for page in pages] == tokens  # one token per page
    # A token signs the session's secret with the time of the request: compare what it signs.
    secrets = [_signed_secret(app, token) for token in tokens]
    assert secrets[0] != secrets[1]
    assert [_signed_secret(app, _logout_token(get(client, "/"))) for client in (first, second)] \
        == secrets
    g.pop("csrf_token", None)
    g.pop("_login_user", None)
    response = second.post(f"/visits/{demo_visit.id}/invitations",
                           data={"csrf_token": tokens[1]})
    assert response.status_code == 302


def test_the_header_around_the_cached_body_is_each_users_own(app, demo_visit, make_user):
    admin, organiser, colleague = app.test_client(), app.test_client(), app.test_client()
    _log_in(admin, "admin", make_user)
    _log_in(organiser, "organiser", make_user)
    _log_in(colleague, "organiser", make_user, email="cache-colleague@example.org")
    url = f"/visits/{demo_visit.id}"
    for client, who in ((admin, "cache-admin@example.org (administrator)"),
                        (organiser, "cache-organiser@example.org (organiser)"),
                        (colleague, "cache-colleague@example.org (organiser)"),
                        (admin, "cache-admin@example.org (administrator)")):
        page = get(client, url + "?lang=en")
        assert f"<span>{who}</span>" in page
        assert ('href="/users"' in page) == (client is admin)
        timeline = get(client, url + "/timeline")
        assert _header(page) == _header(timeline).replace(f"{url}/timeline?", f"{url}?")
    french = get(colleague, url + "?lang=fr")
    assert "<span>cache-colleague@example.org (organisateur)</span>" in french
    assert f'<a href="{url}?lang=fr" lang="fr" hreflang="fr"\n       aria-current="true">' in french


def test_a_flashed_message_shows_once_above_the_cached_body(client, demo_visit, logged_in,
                                                             post, visit_form):
    logged_in(client)
    url = f"/visits/{demo_visit.id}"
    get(client, url)
    response = post(client, f"/visits/{demo_visit.id}/copy",
                    {"title": "Copied", "start_date": "2030-01-07"})
    copy = response.headers["Location"]
    assert "Visit copied: Copied." in get(client, copy)
    assert "Visit copied" not in get(client, copy)
    assert "Visit copied" not in get(client, url)


def _signed_secret(app, token: str) -> str:
    return URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token").loads(token)


def _header(page: str) -> str:
    header = page.split("<header>")[1].split("</header>")[0]
    return re.sub(r'(name="csrf_token" type="hidden" value=")[^"]+', r"\1", header)


def _logout_token(page: str) -> str:
    form = page.split('class="logout"')[1].split("</form>")[0]
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)
