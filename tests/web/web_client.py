"""Helpers for the web page tests: log in as a role, post forms with the session's CSRF token."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from conftest import make_user
from flask_babel import refresh


def csrf_token(client: Any) -> str:
    """The session's CSRF token, read from the logout form every page carries."""
    page = client.get("/").get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def logged_in(client: Any, role: str = "organiser") -> Any:
    """Create a user with `role` and log the client in as them."""
    email = f"web-{role}@example.org"  # the demo already has organiser@example.org
    make_user(role, email)
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post("/login", data={"csrf_token": token, "email": email,
                                           "password": "secret"})
    assert response.status_code == 302
    return client


def post(client: Any, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
    """Post a form with the CSRF token."""
    return client.post(url, data={"csrf_token": csrf_token(client), **(data or {})}, **kwargs)


VISIT = {"title": "Study visit of Moldovan judges", "start_date": "2024-05-06",
         "end_date": "2024-05-08", "timezone": "Europe/Brussels", "content_language": "en",
         "host_country": "BE", "status": "draft", "delegation-country": "MD",
         "delegation-description": "judges"}


def page(client: Any, url: str) -> str:
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


def form_values(html: str) -> dict[str, Any]:
    """The values the edit form on `html` would submit as it stands."""
    reader = _FormReader()
    reader.feed(html)
    # A browser drops the one newline that follows <textarea>.
    return {name: value.removeprefix("\r\n").removeprefix("\n") if isinstance(value, str)
            else value for name, value in reader.fields.items()}
