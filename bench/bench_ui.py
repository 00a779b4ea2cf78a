"""Browser figures, measured in Debian's Chromium through Playwright (never a downloaded one):

1. A scripted organiser enters the demo's 15 programme items from a list, once the old way
   (visit page → "Add programme item" → every field → Save, each time) and once with quick
   entry ("Save and add another": the start follows the previous item, the venue is kept,
   speakers are picked by typing). Clicks, fields filled and seconds for each.
2. The timeline page of a 300-item visit: time until the editable calendar is interactive
   (the page's "timeline-ready" mark), beside the same page without JavaScript (the static
   timeline) in the same run.
3. The item form of a 500-delegate visit: time until its searchable selects are ready, and
   until typing a name shows the match, beside the same form without JavaScript.

Run from the repository root: .venv/bin/python bench/bench_ui.py [--runs N]
The machine is noisy: compare ratios and medians.
"""
from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run without installing

from playwright.sync_api import sync_playwright  # noqa: E402

from visitplanner import create_app  # noqa: E402
from visitplanner.core.accounts import create_user  # noqa: E402
from visitplanner.demo import load_demo  # noqa: E402
from visitplanner.extensions import db  # noqa: E402
from visitplanner.models import Delegate, Item, Visit  # noqa: E402

CHROMIUM = os.environ.get("VISITPLANNER_TEST_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
TIMELINE_ITEMS = 300
DELEGATES = 500


@dataclass
class Entry:
    """What the organiser did for one way of entering the programme."""

    clicks: int = 0
    fields: int = 0
    seconds: float = 0.0


def serve(app: Any) -> tuple[str, Any]:
    """The app on 127.0.0.1 in a thread; its base URL and the server."""
    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


def setup(app: Any) -> dict[str, Any]:
    """The demo directory, an empty copy of its visit for each run, a 300-item visit."""
    with app.app_context():
        db.create_all()
        create_user("bench@example.org", "organiser", "secret-bench")
        demo = load_demo()
        names = {venue.id: venue.name for venue in {i.venue for i in demo.items if i.venue}}
        people = {p.id: p.full_name for i in demo.items for p in i.speakers}
        wanted = [{"title": i.title, "kind": i.kind, "starts": i.starts_at, "ends": i.ends_at,
                   "venue": names.get(i.venue_id) if i.venue_id else None,
                   "speakers": [people[p] for p in i.speaker_ids]}
                  for i in sorted(demo.items, key=lambda i: i.starts_at)]
        big = Visit(title="Timeline of 300 items", start_date=dt.date(2031, 3, 3),
                    end_date=dt.date(2031, 3, 12), content_language="en")
        for n in range(TIMELINE_ITEMS):
            day = big.start_date + dt.timedelta(days=n % 10)
            starts = dt.datetime.combine(day, dt.time(8)) + dt.timedelta(minutes=20 * (n // 10))
            big.items.append(Item(title=f"Item {n + 1}", kind="session", starts_at=starts,
                                  ends_at=starts + dt.timedelta(minutes=45)))
        crowd = Visit(title="Visit of 500 delegates", start_date=dt.date(2031, 5, 5),
                      end_date=dt.date(2031, 5, 6), content_language="en")
        crowd.delegates = [Delegate(full_name=f"Delegate {n:03d} Rusu") for n in range(DELEGATES)]
        db.session.add_all([big, crowd])
        db.session.commit()
        found = {"items": wanted, "big": big.id, "crowd": crowd.id, "start": demo.start_date,
                 "end": demo.end_date, "language": demo.content_language}
        db.session.remove()
    return found


def empty_visit(app: Any, data: dict[str, Any], title: str) -> int:
    with app.app_context():
        visit = Visit(title=title, start_date=data["start"], end_date=data["end"],
                      content_language=data["language"])
        db.session.add(visit)
        db.session.commit()
        visit_id = visit.id
        db.session.remove()
    return visit_id


def log_in(page: Any) -> None:
    page.goto("/login?lang=en")
    page.get_by_label("E-mail").fill("bench@example.org")
    page.get_by_label("Password").fill("secret-bench")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def local(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


def enter_old_way(page: Any, visit_id: int, items: list[dict[str, Any]]) -> Entry:
    """Every item from the visit page, every field filled, speakers picked in the list."""
    done = Entry()
    started = time.perf_counter()
    for item in items:
        page.goto(f"/visits/{visit_id}")
        page.get_by_role("link", name="Add programme item").click()
        page.locator("#title").fill(item["title"])
        page.locator("#kind").select_option(item["kind"])
        page.locator("#starts_at").fill(local(item["starts"]))
        page.locator("#ends_at").fill(local(item["ends"]))
        done.clicks, done.fields = done.clicks + 1, done.fields + 4
        if item["venue"]:
            page.locator("#venue_id").select_option(label=item["venue"])
            done.fields += 1
        for name in item["speakers"]:  # a click per speaker in the long list
            page.locator("#speaker_ids").select_option(
                [*page.locator("#speaker_ids").evaluate(
                    "s => [...s.selectedOptions].map(o => o.label)"), name])
            done.clicks += 1
        page.get_by_role("button", name="Save", exact=True).click()
        page.wait_for_url(f"**/visits/{visit_id}#item-*")
        done.clicks += 1
    done.seconds = time.perf_counter() - started
    return done


def enter_quick(page: Any, visit_id: int, items: list[dict[str, Any]]) -> Entry:
    """From one form: "Save and add another"; only what differs from the form's guess."""
    done = Entry()
    started = time.perf_counter()
    page.goto(f"/visits/{visit_id}")
    page.get_by_role("link", name="Add programme item").click()
    done.clicks += 1
    for n, item in enumerate(items):
        page.locator("#title").fill(item["title"])
        done.fields += 1
        if page.locator("#kind").input_value() != item["kind"]:
            page.locator("#kind").select_option(item["kind"])
            done.fields += 1
        if page.locator("#starts_at").input_value() != local(item["starts"]):
            page.locator("#starts_at").fill(local(item["starts"]))
            done.fields += 1
        if page.locator("#ends_at").input_value() != local(item["ends"]):
            page.locator("#ends_at").fill(local(item["ends"]))
            done.fields += 1
        venue = page.locator("#venue_id option:checked").inner_text()
        if item["venue"] and venue != item["venue"]:
            page.locator("#venue_id").select_option(label=item["venue"])
            done.fields += 1
        for name in item["speakers"]:  # type a few letters, click the match
            page.locator("#speaker_ids-ts-control").fill(name[:4])
            page.locator(".ts-dropdown .option", has_text=name).first.click()
            done.fields, done.clicks = done.fields + 1, done.clicks + 1
        last = n == len(items) - 1
        page.get_by_role("button", name="Save" if last else "Save and add another",
                         exact=True).click()
        done.clicks += 1
        if not last:
            page.get_by_text(f"Item added: {item['title']}.").wait_for()
    page.wait_for_url(f"**/visits/{visit_id}#item-*")
    done.seconds = time.perf_counter() - started
    return done


def timeline_times(browser: Any, base: str, visit_id: int, runs: int) -> dict[str, float]:
    """Median milliseconds to the interactive calendar, and to load without JavaScript."""
    found: dict[str, list[float]] = {"interactive": [], "static": []}
    for javascript in (True, False):
        context = browser.new_context(base_url=base, java_script_enabled=javascript,
                                      viewport={"width": 1280, "height": 900})
        page = context.new_page()
        log_in(page)
        for _ in range(runs):
            page.goto(f"/visits/{visit_id}/timeline?lang=en", wait_until="load")
            if javascript:
                page.locator("#calendar[data-ready=true]").wait_for()
                found["interactive"].append(page.evaluate(
                    "performance.getEntriesByName('timeline-ready')[0].startTime"))
            else:
                found["static"].append(page.evaluate(
                    "performance.getEntriesByType('navigation')[0].loadEventEnd"))
        context.close()
    return {key: statistics.median(values) for key, values in found.items()}


def form_times(browser: Any, base: str, visit_id: int, runs: int) -> dict[str, float]:
    """Median milliseconds until the 500-delegate selects are searchable, until a typed name
    shows its match, and until the form loads without JavaScript."""
    found: dict[str, list[float]] = {"ready": [], "typed": [], "static": []}
    for javascript in (True, False):
        context = browser.new_context(base_url=base, java_script_enabled=javascript)
        page = context.new_page()
        log_in(page)
        for _ in range(runs):
            page.goto(f"/visits/{visit_id}/items/new?lang=en", wait_until="load")
            if not javascript:
                found["static"].append(page.evaluate(
                    "performance.getEntriesByType('navigation')[0].loadEventEnd"))
                continue
            page.locator("#delegate_ids-ts-control").wait_for()
            found["ready"].append(page.evaluate("performance.now()"))
            started = time.perf_counter()
            page.locator("#delegate_ids-ts-control").fill("Delegate 377")
            page.locator(".ts-dropdown .option", has_text="Delegate 377 Rusu").wait_for()
            found["typed"].append((time.perf_counter() - started) * 1000)
        context.close()
    return {key: statistics.median(values) for key, values in found.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite3",
                          "BASE_URL": "http://127.0.0.1"})
        data = setup(app)
        base, server = serve(app)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
            context.set_default_timeout(30_000)
            page = context.new_page()
            log_in(page)
            results: dict[str, list[Entry]] = {"old way": [], "quick entry": []}
            for run in range(runs):
                results["old way"].append(enter_old_way(
                    page, empty_visit(app, data, f"Old way {run}"), data["items"]))
                results["quick entry"].append(enter_quick(
                    page, empty_visit(app, data, f"Quick entry {run}"), data["items"]))
            context.close()
            timeline = timeline_times(browser, base, data["big"], runs)
            form = form_times(browser, base, data["crowd"], runs)
            browser.close()
        server.shutdown()
    print(f"Entering the demo's {len(data['items'])} items (median of {runs} runs)")
    print(f"{'way':<12} {'clicks':>7} {'fields':>7} {'seconds':>8}")
    for way, entries in results.items():
        print(f"{way:<12} {entries[0].clicks:>7} {entries[0].fields:>7} "
              f"{statistics.median(e.seconds for e in entries):>8.1f}")
    old, quick = results["old way"][0], results["quick entry"][0]
    seconds = {way: statistics.median(e.seconds for e in entries)
               for way, entries in results.items()}
    print(f"quick/old: clicks {quick.clicks / old.clicks:.2f}, "
          f"actions {(quick.clicks + quick.fields) / (old.clicks + old.fields):.2f}, "
          f"seconds {seconds['quick entry'] / seconds['old way']:.2f}")
    print(f"\nTimeline of {TIMELINE_ITEMS} items (median of {runs} loads, ms from navigation)")
    print(f"interactive calendar (drag ready): {timeline['interactive']:.0f} ms")
    print(f"static timeline, no JavaScript (baseline): {timeline['static']:.0f} ms")
    print(f"ratio: {timeline['interactive'] / timeline['static']:.2f}")
    print(f"\nItem form of a {DELEGATES}-delegate visit (median of {runs}, ms)")
    print(f"searchable selects ready: {form['ready']:.0f} ms from navigation; "
          f"typed name to match shown: {form['typed']:.0f} ms")
    print(f"same form without JavaScript (baseline): {form['static']:.0f} ms")


if __name__ == "__main__":
    main()
