"""Time of the programme PDF endpoint beside a bare WeasyPrint render of the same HTML.

A 5-day visit with 40 items and a 10-day visit with 300 items, each with 30 delegates and a host
logo, in a temporary SQLite database.
Run from the repository root: python bench/bench_pdf.py
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run without installing

# (days, items, delegates, runs): the large visit renders for seconds, so fewer rounds.
SCENARIOS = ((5, 40, 30, 7), (10, 300, 30, 3))
TARGET_RATIO, TARGET_CACHED_MS = 1.15, 20.0


def make_visit(days: int, items: int, delegate_count: int) -> int:
    """Store a benchmark visit and return its id."""
    from visitplanner.core.logos import set_logo
    from visitplanner.demo import demo_logo
    from visitplanner.extensions import db
    from visitplanner.models import Delegate, Item, ItemSpeaker, Organisation, Person, Venue, Visit

    host = Organisation(name="Algemene Directie Veiligheid en Preventie", kind="directorate",
                        address="Waterloolaan 76", city="1000 Brussel", country="BE",
                        phone="+32 2 557 33 99", email="protocol@example.org")
    venues = [Venue(name=f"Vergaderzaal {n}", address=f"Wetstraat {n}", city="1000 Brussel",
                    country="BE", organisation=host) for n in range(1, 7)]
    people = [Person(full_name=f"Spreker {n}", function="Adviseur", organisation=host,
                     email=f"spreker{n}@example.org", phone="+32 2 557 34 10") for n in range(8)]
    delegates = [Delegate(full_name=f"Делегат {n} Коваленко" if n % 3 else f"Delegate {n}",
                          role="head" if n == 0 else "member", function="Procureur",
                          organisation="Regionaal parket", country="UA", language="en")
                 for n in range(delegate_count)]
    set_logo(host, demo_logo())
    start = dt.date(2024, 4, 22)
    visit = Visit(title="Studiebezoek van Oekraïense openbare aanklagers", start_date=start,
                  end_date=start + dt.timedelta(days=days - 1), timezone="Europe/Brussels",
                  content_language="nl", host_organisation=host, delegation_country="UA",
                  delegation_adjective="Oekraïense", delegation_description="openbare aanklagers",
                  purpose="meer inzicht krijgen in het Belgische veiligheidslandschap",
                  status="confirmed", delegates=delegates)
    per_day = items // days
    slot = min(75, 13 * 60 // per_day)  # minutes: a day's items fit between 08:30 and 21:30
    for n in range(items):
        day = start + dt.timedelta(days=n // per_day)
        starts = (dt.datetime(day.year, day.month, day.day, 8, 30)
                  + dt.timedelta(minutes=slot * (n % per_day)))
        visit.items.append(Item(
            title=f"Programmaonderdeel {n + 1}: integrale veiligheid en bestuurlijke handhaving",
            kind=("session", "site_visit", "meal", "transfer")[n % 4], starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=slot - 5), venue=venues[n % len(venues)],
            host_organisation=host, topics=["bestuurlijke handhaving", "preventie"],
            description="De nieuwe wet geeft lokale overheden meer slagkracht." * 2,
            translations={}, whole_delegation=n % 5 != 0,
            chosen_delegates=delegates[: 10] if n % 5 == 0 else [],
            speaker_links=[ItemSpeaker(person=people[n % len(people)], position=0)]))
    db.session.add(visit)
    db.session.commit()
    return visit.id


def medians_ms(*works: Callable[[], object], runs: int,
               before: Callable[[], object] = lambda: None) -> list[tuple[float, float]]:
    """(wall, CPU) median ms of each work over `runs` rounds. The works take turns within a round,
    so a machine that slows down meanwhile slows all alike; CPU time ignores other processes
    on a shared machine. `before` runs untimed."""
    times: list[list[tuple[float, float]]] = [[] for _ in works]
    for _ in range(runs):
        for work, spent in zip(works, times, strict=True):
            before()
            wall, cpu = time.perf_counter(), time.process_time()
            work()
            spent.append((time.perf_counter() - wall, time.process_time() - cpu))
    return [(statistics.median(w for w, _ in spent) * 1e3,
             statistics.median(c for _, c in spent) * 1e3) for spent in times]


def measure(app: Any, days: int, items: int, delegates: int, runs: int) -> bool:
    """Print one visit's medians and whether the targets hold."""
    from weasyprint import HTML

    from visitplanner.core.accounts import create_user, issue_token
    from visitplanner.core.printouts import visit_printout
    from visitplanner.outputs.pdf import BASE_URL
    from visitplanner.outputs.pdf_layout import StaticFetcher

    with app.app_context():
        visit_id = make_visit(days, items, delegates)
        token = issue_token(create_user(f"bench{visit_id}@example.org", "viewer", "bench"))
        printout = visit_printout(visit_id, "nl")
        assert printout is not None, "the benchmark's visit is gone"
        html = printout.html
        pdf_cache = Path(app.instance_path) / "cache" / printout.kind
    client = app.test_client()
    url = f"/api/v1/visits/{visit_id}/programme.pdf?lang=nl"
    headers = {"Authorization": f"Bearer {token}"}

    def endpoint() -> None:
        assert client.get(url, headers=headers).status_code == 200

    def empty_cache() -> None:
        shutil.rmtree(pdf_cache, ignore_errors=True)

    def bare_render() -> None:
        HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFetcher()).write_pdf()

    bare_render()  # warm up fonts and WeasyPrint's own caches
    bare, uncached = medians_ms(bare_render, endpoint, runs=runs, before=empty_cache)
    endpoint()
    etag = client.get(url, headers=headers).headers["ETag"]
    cached, not_modified = medians_ms(
        endpoint, lambda: client.get(url, headers={**headers, "If-None-Match": etag}), runs=runs)
    ratio = uncached[1] / bare[1]
    print(f"\n{days} days, {items} items, {delegates} delegates; median of {runs} runs")
    print(f"{'':24} {'wall ms':>8} {'CPU ms':>8}")
    for name, (wall, cpu) in [("bare WeasyPrint render", bare),
                              ("endpoint, cache empty", uncached),
                              ("endpoint, cached", cached), ("endpoint, 304", not_modified)]:
        print(f"{name:24} {wall:8.1f} {cpu:8.1f}")
    print(f"ratio endpoint / bare (CPU): {ratio:.2f}  target <= {TARGET_RATIO}: "
          f"{'ok' if ratio <= TARGET_RATIO else 'MISSED'}")
    print(f"cached endpoint (CPU): {cached[1]:.1f} ms  target < {TARGET_CACHED_MS:.0f} ms: "
          f"{'ok' if cached[1] < TARGET_CACHED_MS else 'MISSED'}")
    return ratio <= TARGET_RATIO and cached[1] < TARGET_CACHED_MS


def main() -> None:
    """Measure every scenario in one temporary database."""
    workdir = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    os.environ["VISITPLANNER_INSTANCE_PATH"] = str(workdir)
    from visitplanner import create_app
    from visitplanner.extensions import db

    # Rendered while the request waits even at 300 items: this measures the render itself.
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'bench.sqlite3'}",
                      "PRINTOUT_INLINE_ITEMS": 10_000})
    try:
        with app.app_context():
            db.create_all()
        for days, items, delegates, runs in SCENARIOS:
            measure(app, days, items, delegates, runs)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
