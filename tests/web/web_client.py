"""Helpers for the web page tests: log in as a role, post forms with the session's CSRF token."""
from __future__ import annotations

import re
from typing import Any

from flask_babel import refresh

from conftest import make_user


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
