"""The browser tests' fixtures and helpers: a live server on 127.0.0.1 (SQLite in a tmp dir) and
Debian's Chromium driven by Playwright, never a downloaded browser.

These tests run once, on SQLite: they do not use the `app` fixture that is parametrised over
databases. In CI (CI=true) a missing Chromium or Playwright fails the run instead of skipping.
(Not a conftest.py: the other tests import the top-level conftest by that name.)"""
from __future__ import annotations

import datetime as dt
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

EXPECTED_STATUS = re.compile(r"^Failed to load resource: .* status of (409|422) ")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"end-to-end tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def e2e_app(tmp_path_factory: pytest.TempPathFactory, instance_path: str) -> Iterator[Any]:
    """The app the live server serves (SQLite in a tmp dir), with an organiser, a viewer and
    an admin; tests may seed rows through it."""
    from visitplanner import create_app
    from visitplanner.core.accounts import create_user
    from visitplanner.extensions import db
    from visitplanner.models import Visit

    database = tmp_path_factory.mktemp("e2e") / "e2e.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
                      "BASE_URL": "http://127.0.0.1"})
    with app.app_context():
        db.create_all()
        for role in ("organiser", "viewer", "admin"):
            create_user(f"{role}@e2e.example", role, "secret-e2e")
        db.session.add(Visit(title="Seeded visit", start_date=dt.date(2031, 1, 6),
                             end_date=dt.date(2031, 1, 7)))
        db.session.commit()
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def live_server(e2e_app: Any) -> Iterator[str]:
    """The app served by werkzeug in a thread on 127.0.0.1."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, e2e_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


# One Playwright driver and one Chromium for the whole run: each test module that imports the
# `browser` fixture gets its own session fixture, and a second Sync API driver cannot start.
_CHROMIUM: dict[str, Any] = {"users": 0}


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium; never a downloaded browser."""
    executable = os.environ.get("VISITPLANNER_TEST_CHROMIUM", "/usr/bin/chromium")
    if not os.access(executable, os.X_OK):
        _missing(f"no Chromium at {executable}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed")
    if not _CHROMIUM["users"]:
        _CHROMIUM["driver"] = sync_playwright().start()
        _CHROMIUM["browser"] = _CHROMIUM["driver"].chromium.launch(
            executable_path=executable, headless=True, args=BROWSER_ARGS, timeout=30_000)
    _CHROMIUM["users"] += 1
    yield _CHROMIUM["browser"]
    _CHROMIUM["users"] -= 1
    if not _CHROMIUM["users"]:
        _CHROMIUM["browser"].close()
        _CHROMIUM["driver"].stop()


class Console:
    """JavaScript console errors and uncaught exceptions seen by a page."""

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _console(self, message: Any) -> None:
        # A form page answered 422 (invalid input) or 409 (stale edit) is logged by Chromium as
        # a failed resource; that is the app's deliberate answer, not a JavaScript error.
        if message.type == "error" and not EXPECTED_STATUS.search(message.text):
            self.errors.append(message.text)



@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    """A fresh browser tab (own cookies) with bounded waits; fails on console errors."""
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    console = Console(tab)
    yield tab
    context.close()
    assert not console.errors, console.errors


def shot(page: Any, name: str, full_page: bool = True) -> None:
    """Save a screenshot to test-artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def log_in(page: Any, role: str) -> None:
    """Log in through the form."""
    page.goto("/login?lang=en")
    page.get_by_label("E-mail").fill(f"{role}@e2e.example")
    page.get_by_label("Password").fill("secret-e2e")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def seed_visit(app: Any, title: str, day: dt.date,
               items: list[tuple[str, dt.datetime, dt.datetime]]) -> tuple[int, list[int]]:
    """A visit of two days from `day` with these items (title, starts, ends); their ids."""
    from visitplanner.extensions import db
    from visitplanner.models import Item, Visit

    with app.app_context():
        visit = Visit(title=title, start_date=day, end_date=day + dt.timedelta(days=1),
                      content_language="en")
        visit.items = [Item(title=name, starts_at=starts, ends_at=ends)
                       for name, starts, ends in items]
        db.session.add(visit)
        db.session.commit()
        ids = visit.id, [item.id for item in visit.items]
        db.session.remove()
    return ids


def save_times(app: Any, item_id: int, starts: dt.datetime, ends: dt.datetime) -> None:
    """Save new times as a colleague would: the item's version rises."""
    from visitplanner.extensions import db
    from visitplanner.models import Item

    with app.app_context():
        item = db.session.get(Item, item_id)
        item.starts_at, item.ends_at = starts, ends
        db.session.commit()
        db.session.remove()


def stored_item(app: Any, item_id: int) -> tuple[dt.datetime, dt.datetime, int]:
    """An item's stored times and version."""
    from visitplanner.extensions import db
    from visitplanner.models import Item

    with app.app_context():
        item = db.session.get(Item, item_id)
        found = item.starts_at, item.ends_at, item.version
        db.session.remove()
    return found
