"""Server time of the visit page (uncached and cached), the personal page and the personal
feed, through Flask's test client, beside a hello-world Flask app through the same client (the
floor), measured in the same run: rounds alternate, medians of wall-clock and CPU time.

`measure_pages(app, visit_id, token)` is what bench_scale.py calls; run alone it builds the
summit visit of bench/summit.py in a temporary SQLite database and prints the figures:

    .venv/bin/python bench/bench_pages.py [--rounds 5] [--requests 5]
"""
from __future__ import annotations

import argparse
import re
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run without installing
sys.path.insert(0, str(ROOT / "bench"))

from flask import Flask  # noqa: E402

BENCH_EMAIL = "bench-pages@example.org"
# The output cache's kinds of page bodies (web/visits.py, web/delegate_links.py): removed
# before each request measured uncached.
VISIT_KINDS = ("visit-page-editor", "visit-page-viewer")
PERSONAL_KINDS = ("personal-page",)


def hello_world() -> Flask:
    """The floor: the smallest Flask app."""
    hello = Flask("hello")
    hello.add_url_rule("/", "hello", lambda: "Hello, World!")
    return hello


def logged_in_client(app: Any) -> Any:
    """A test client of `app` logged in as an organiser made for the benchmark."""
    from visitplanner.core.accounts import create_user, find_user
    from visitplanner.extensions import db

    password = secrets.token_urlsafe(16)
    with app.app_context():
        user = find_user(BENCH_EMAIL)
        if user is not None:
            db.session.delete(user)
            db.session.commit()
        create_user(BENCH_EMAIL, "organiser", password)
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token is not None, "the login page has no CSRF token"
    response = client.post("/login", data={"csrf_token": token.group(1), "email": BENCH_EMAIL,
                                           "password": password})
    assert response.status_code == 302, response.status_code
    return client


def _emptied(app: Any, kinds: tuple[str, ...]) -> Callable[[], None]:
    def empty() -> None:
        for kind in kinds:
            shutil.rmtree(Path(app.instance_path) / "cache" / kind, ignore_errors=True)
    return empty


def _timed(get: Callable[[], Any], before: Callable[[], None] | None,
           requests: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of `requests` calls of `get` (each must answer 200)."""
    walls, cpus = [], []
    for _ in range(requests):
        if before is not None:
            before()
        wall, cpu = time.perf_counter(), time.process_time()
        response = get()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
        assert response.status_code == 200, response.status_code
    return walls, cpus


def measure_pages(app: Any, visit_id: int, token: str, rounds: int = 5,
                  requests: int = 5) -> dict[str, Any]:
    """Median server times (ms, wall and CPU) of the visit page uncached and cached, the
    personal page /p/<token> uncached and cached, the feed /c/<token>.ics and the hello-world
    floor; each page's share of the floor's req/s (the floor's time over the page's)."""
    client = logged_in_client(app)
    floor = hello_world().test_client()
    figures: dict[str, tuple[Callable[[], Any], Callable[[], None] | None]] = {
        "visit_uncached": (lambda: client.get(f"/visits/{visit_id}"),
                           _emptied(app, VISIT_KINDS)),
        "visit_cached": (lambda: client.get(f"/visits/{visit_id}"), None),
        "personal_uncached": (lambda: client.get(f"/p/{token}"), _emptied(app, PERSONAL_KINDS)),
        "personal_page": (lambda: client.get(f"/p/{token}"), None),
        "feed": (lambda: client.get(f"/c/{token}.ics"), None),
        "hello_world": (lambda: floor.get("/"), None),
    }
    for get, _before in figures.values():
        get()  # warm: templates compiled, caches filled, the calendar domain fixed
    walls: dict[str, list[float]] = {name: [] for name in figures}
    cpus: dict[str, list[float]] = {name: [] for name in figures}
    for _ in range(rounds):
        for name, (get, before) in figures.items():
            wall, cpu = _timed(get, before, requests)
            walls[name] += wall
            cpus[name] += cpu
    result: dict[str, Any] = {}
    for name in figures:
        result[f"{name}_ms"] = round(statistics.median(walls[name]) * 1000, 2)
        result[f"{name}_cpu_ms"] = round(statistics.median(cpus[name]) * 1000, 2)
    hello = result["hello_world_ms"]
    for name in ("visit_uncached", "visit_cached", "personal_uncached", "personal_page", "feed"):
        result[f"{name}_share_of_hello_world"] = round(hello / result[f"{name}_ms"], 4)
    result["visit_html_bytes"] = len(client.get(f"/visits/{visit_id}").data)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=5)
    args = parser.parse_args()
    from summit import store_summit

    from visitplanner import create_app
    from visitplanner.core.calendars import delegate_links
    from visitplanner.extensions import db
    from visitplanner.models import Delegate

    folder = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    try:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'summit.sqlite3'}",
                          "SECRET_KEY": secrets.token_hex(16), "BASE_URL": "http://bench.test",
                          "CALENDAR_DOMAIN": "bench.test"})
        app.instance_path = str(folder)
        with app.app_context():
            db.create_all()
            summit = store_summit()
            delegate = db.session.get(Delegate, summit.delegate_id)
            with app.test_request_context():
                token = delegate_links(delegate)["personal_url"].rsplit("/p/", 1)[1]
        figures = measure_pages(app, summit.visit_id, token, args.rounds, args.requests)
        width = max(map(len, figures))
        for name, value in figures.items():
            print(f"{name:<{width}}  {value}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
