"""Fixtures of the web page tests: log in as a role, post forms with the session's CSRF token,
read pages and their edit forms as a browser would."""
from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from flask_babel import refresh


def read_csrf_token(client: Any) -> str:
    """The session's CSRF token, read from the logout form every page carries."""
    page = client.get("/").get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


@pytest.fixture
def empty_output_cache(app: Any) -> Callable[[], None]:
    """empty_output_cache(): remove every cached output (PDFs, calendars, page bodies)."""
    return lambda: shutil.rmtree(Path(app.instance_path) / "cache", ignore_errors=True)


@pytest.fixture
def logged_in(make_user: Callable[..., Any]) -> Callable[..., Any]:
    """logged_in(client, role="organiser"): a new user with `role`, the client logged in."""
    return lambda client, role="organiser": log_in_as(make_user, client, role)


def log_in_as(make_user: Callable[..., Any], client: Any, role: str) -> Any:
    """Create a user with `role` and log the client in as them."""
    email = f"web-{role}@example.org"  # the demo already has organiser@example.org
    make_user(role, email)
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post("/login", data={"csrf_token": token, "email": email,
                                           "password": "secret"})
    assert response.status_code == 302
    return client


def post_form(client: Any, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
    """Post a form with the CSRF token."""
    return client.post(url, data={"csrf_token": read_csrf_token(client), **(data or {})}, **kwargs)


VISIT_FORM = {"title": "Study visit of Moldovan judges", "start_date": "2024-05-06",
         "end_date": "2024-05-08", "timezone": "Europe/Brussels", "content_language": "en",
         "host_country": "BE", "status": "draft", "delegation-country": "MD",
         "delegation-description": "judges"}


def read_page(client: Any, url: str) -> str:
    """GET a page as text, choosing the language afresh: the test shares one app context."""
    refresh()
    return client.get(url).get_data(as_text=True)


class _FormReader(HTMLParser):
    """What a browser would send for the page's edit form (the one with a Save button)."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, Any] = {}
        self._select: str | None = None
        self._multiple = False
        self._textarea: str | None = None
        self._in_main_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form":
            self._in_main_form = a.get("class") == "stacked"
        if not self._in_main_form or not a.get("name") and tag != "option":
            return
        if tag == "input" and a.get("type") in ("checkbox", "radio"):
            if "checked" in a:
                self.fields.setdefault(a["name"], []).append(a.get("value") or "y")
        elif tag == "input":
            self.fields[a["name"]] = a.get("value") or ""
        elif tag == "select":
            self._select = a["name"]
            self._multiple = "multiple" in a
            self.fields.setdefault(a["name"], [] if self._multiple else "")
        elif tag == "option" and self._select and "selected" in a:
            if self._multiple:
                self.fields[self._select].append(a.get("value") or "")
            else:
                self.fields[self._select] = a.get("value") or ""
        elif tag == "textarea":
            self._textarea = a["name"]
            self.fields[a["name"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._in_main_form = False

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.fields[self._textarea] += data


def read_form(html: str) -> dict[str, Any]:
    """The values the edit form on `html` would submit as it stands."""
    reader = _FormReader()
    reader.feed(html)
    # A browser drops the one newline that follows <textarea>.
    return {name: value.removeprefix("\r\n").removeprefix("\n") if isinstance(value, str)
            else value for name, value in reader.fields.items()}


@pytest.fixture
def post() -> Callable[..., Any]:
    """post(client, url, data=None, **kwargs): post a form with the session's CSRF token."""
    return post_form


@pytest.fixture
def page() -> Callable[[Any, str], str]:
    """page(client, url): GET a page as text, choosing the UI language afresh."""
    return read_page


@pytest.fixture
def form_values() -> Callable[[str], dict[str, Any]]:
    """form_values(html): what the page's edit form would submit as it stands."""
    return read_form


@pytest.fixture
def visit_form() -> dict[str, str]:
    """The fields of a valid new-visit form."""
    return dict(VISIT_FORM)


@pytest.fixture
def csrf_token() -> Callable[[Any], str]:
    """csrf_token(client): the session's CSRF token, as the forms carry it."""
    return read_csrf_token
