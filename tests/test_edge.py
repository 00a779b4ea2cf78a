"""What both doors read from a request the same way: ?lang= on every output route, row ids."""
from __future__ import annotations

import re
from typing import Any

import pytest
from flask import url_for

from visitplanner.api import ROUTES
from visitplanner.planning.vocabulary import LANGUAGES
from visitplanner.web.language import OUTPUT_ENDPOINTS

API_OUTPUTS = {f"api.{route.handler.__name__}" for route in ROUTES if "lang" in route.query}
ALLOWED = ", ".join(LANGUAGES)  # "nl, fr, en": what the answer offers instead
# Files in no language (data for spreadsheets, logos): they take no ?lang=.
LANGUAGE_FREE_FILES = {"web.export_import_template", "web.export_delegates_xlsx",
                       "web.show_logo", "api.get_logo"}
# What every answer to a file is, as opposed to a page (HTML) or data (JSON).
PAGE_TYPES = {"text/html", "application/json"}


@pytest.fixture
def signed_in(app: Any, client: Any) -> Any:
    """A browser client signed in as an organiser."""
    from visitplanner.core.accounts import create_user

    create_user("walker@example.org", "organiser", "secret")
    form = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)
    assert client.post("/login", data={"csrf_token": token, "email": "walker@example.org",
                                       "password": "secret"}).status_code == 302
    return client


@pytest.fixture
def url_values(app: Any, demo_visit: Any) -> dict[str, Any]:
    """A real value for every argument the url map's rules take."""
    from visitplanner.core.delegate_links import make_token

    delegate = demo_visit.delegates[0]
    speaker = next(link.person for item in demo_visit.items for link in item.speaker_links)
    return {"visit_id": demo_visit.id, "delegate_id": delegate.id, "person_id": speaker.id,
            "item_id": demo_visit.items[0].id, "row_id": demo_visit.host_organisation_id,
            "format": "md", "user_id": 1, "kind": "delegation", "fmt": "xlsx",
            "token": make_token(delegate.link_key, app.config["SECRET_KEY"])}


def get_rules(app: Any) -> list[Any]:
    """Every rule of the url map that answers GET, but the static files."""
    return [rule for rule in app.url_map.iter_rules()
            if "GET" in rule.methods and rule.endpoint != "static"]


def url_of(app: Any, rule: Any, values: dict[str, Any]) -> str:
    """The URL of a rule with real ids, and ?lang=xx."""
    known = {name: values.get(name, 1) for name in rule.arguments - set(rule.defaults or ())}
    with app.test_request_context():
        return url_for(rule.endpoint, **known, lang="xx")


def test_the_walk_finds_the_output_routes_of_both_doors(app: Any) -> None:
    endpoints = {rule.endpoint for rule in get_rules(app)}
    assert {"web.export_programme_pdf", "web.export_visit_calendar", "web.export_news",
            "web.export_calendar_feed"} <= OUTPUT_ENDPOINTS <= endpoints
    assert {"api.export_programme_pdf", "api.export_person_calendar", "api.export_news",
            "api.list_conflicts"} <= API_OUTPUTS <= endpoints


def test_unknown_lang_gets_the_same_answer_on_every_output_route(
        app: Any, signed_in: Any, api: Any, url_values: dict[str, Any]) -> None:
    checked = set()
    for rule in get_rules(app):
        url = url_of(app, rule, url_values)
        if rule.endpoint in API_OUTPUTS:
            response = api.get(url.removeprefix("/api/v1"))
            assert response.status_code == 422, url
            error = response.json["error"]
            assert error["fields"] == {"lang": [f"Use one of {ALLOWED}."]}, url
            assert "lang" in error["message"], url
        elif rule.endpoint in OUTPUT_ENDPOINTS:
            response = signed_in.get(url)
            page = response.get_data(as_text=True)
            assert response.status_code == 400 and response.mimetype == "text/html", url
            assert "“xx”" in page and ALLOWED in page, url
            assert "form was sent twice" not in page, url
        else:
            continue
        checked.add(rule.endpoint)
    assert checked == API_OUTPUTS | OUTPUT_ENDPOINTS


def test_every_route_that_answers_a_file_is_an_output_route(
        app: Any, signed_in: Any, api: Any, url_values: dict[str, Any]) -> None:
    for rule in get_rules(app):
        if rule.endpoint in API_OUTPUTS | OUTPUT_ENDPOINTS | LANGUAGE_FREE_FILES:
            continue
        url = url_of(app, rule, url_values)
        client = api if url.startswith("/api/") else signed_in
        response = client.get(url.removeprefix("/api/v1") if client is api else url)
        assert response.status_code < 500, url
        if response.status_code == 200:
            assert response.mimetype in PAGE_TYPES, f"{url} answers a file but ignores ?lang="


@pytest.mark.parametrize("number", [2**31, 2**31 + 5, 10**10, 22666914899, 10**30])
def test_ids_beyond_an_integer_column_are_404_for_every_method(
        signed_in: Any, api: Any, number: int) -> None:
    for method in ("GET", "PATCH", "DELETE"):
        response = api.request(method, f"/delegates/{number}", json={"version": 1})
        assert response.status_code == 404 and response.json["error"]["code"] == "not_found"
    assert api.get(f"/visits/{number}/programme.pdf").status_code == 404
    assert signed_in.get(f"/visits/{number}").status_code == 404
    assert signed_in.get(f"/delegates/{number}/programme.pdf").status_code == 404


def test_the_id_pattern_takes_exactly_1_to_the_largest_integer() -> None:
    from visitplanner.edge import numbers_up_to

    pattern = re.compile(numbers_up_to(2**31 - 1) + r"\Z")
    for number in (1, 9, 10, 99, 1999999999, 2147483639, 2147483647):
        assert pattern.match(str(number)), number
    for text in ("0", "00", "01", "2147483648", "2147483650", "3000000000", "99999999999", "-1"):
        assert not pattern.match(text), text
