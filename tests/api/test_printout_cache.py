"""The output cache behind the printouts and calendars: made once per visit version, rebuilt by
the worker after an edit, never rendered in a request for a big visit, 304 from the stamp."""
from __future__ import annotations

import datetime as dt
import subprocess
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from visitplanner.extensions import db
from visitplanner.models import PrintoutJob


def pdf_text(data: bytes) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                         capture_output=True, check=True).stdout.decode("utf-8")
    return " ".join(out.split())


@pytest.fixture
def renders(monkeypatch):
    """Every PDF rendered (its HTML) and every calendar built, in order."""
    from visitplanner.core import calendars, printouts

    made: list[str] = []
    real_pdf, real_ics = printouts.render_pdf, calendars.render_calendar
    monkeypatch.setattr(printouts, "render_pdf", lambda html: made.append("pdf") or real_pdf(html))
    monkeypatch.setattr(calendars, "render_calendar",
                        lambda *args: made.append("ics") or real_ics(*args))
    return made


def run_printout_jobs(app) -> int:
    """One run of the worker's printouts kind: how many jobs it did."""
    from visitplanner.core.printout_jobs import PRINTOUTS
    from visitplanner.worker import work_once

    return work_once(app, [PRINTOUTS]).done.get("printouts", 0)


def cached_file(app, kind: str, etag: str) -> Path:
    return Path(app.instance_path) / "cache" / kind / f"{etag}.bin"


def jobs(visit_id: int) -> set[tuple[str, int, str]]:
    db.session.expire_all()
    return {(job.printout, job.subject_id, job.language) for job in db.session.scalars(
        select(PrintoutJob).where(PrintoutJob.visit_id == visit_id, PrintoutJob.status == "pending")
    ) if utc(job.next_attempt_at) <= dt.datetime.now(dt.UTC)}


def utc(moment: dt.datetime) -> dt.datetime:
    """A stored time as aware UTC (SQLite gives naive UTC)."""
    return moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def rename_item(api, visit_id: int, title: str, new_title: str) -> None:
    item = next(i for i in api.get(f"/visits/{visit_id}/items").json if i["title"] == title)
    patched = api.patch(f"/items/{item['id']}", json={"version": item["version"],
                                                      "title": new_title})
    assert patched.status_code == 200


def test_an_api_edit_queues_a_rebuild_and_the_worker_makes_the_next_download_a_hit(
        app, api, demo_visit, renders):
    url = f"/visits/{demo_visit.id}/programme.pdf"
    run_printout_jobs(app)  # what loading the demo queued
    rename_item(api, demo_visit.id, "Evaluatie en afsluiting", "Slotzitting")
    assert jobs(demo_visit.id) == {("programme", 0, ""), ("calendar", 0, "")}
    renders.clear()
    assert run_printout_jobs(app) == 2
    assert renders == ["pdf", "ics"]

    download = api.get(url)
    assert download.status_code == 200 and renders == ["pdf", "ics"]  # nothing made meanwhile
    assert cached_file(app, "programme-pdf", download.headers["ETag"].strip('"')).read_bytes() \
        == download.data
    assert "Slotzitting" in pdf_text(download.data)
    calendar = api.get(f"/visits/{demo_visit.id}/calendar.ics")
    assert b"SUMMARY:Slotzitting" in calendar.data and renders == ["pdf", "ics"]


def test_a_practical_edit_changes_the_pdf_too(app, api, demo_visit):
    url = f"/visits/{demo_visit.id}/programme.pdf"
    before = api.get(url)
    journey = api.get(f"/visits/{demo_visit.id}/journeys").json[0]
    patched = api.patch(f"/journeys/{journey['id']}", json={
        "version": journey["version"], "meeting_point": "Ingang Wetstraat 16"})
    assert patched.status_code == 200
    after = api.get(url, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and "Ingang Wetstraat 16" in pdf_text(after.data)


def test_a_big_visit_is_queued_and_answered_503_until_the_worker_made_it(
        app, api, demo_visit, renders, monkeypatch):
    monkeypatch.setitem(app.config, "PRINTOUT_INLINE_ITEMS", 5)  # the demo has 15 items
    url = f"/visits/{demo_visit.id}/programme.pdf?lang=fr"
    for _ in range(2):  # asking again while it waits neither renders nor queues twice
        pending = api.get(url)
        assert pending.status_code == 503 and int(pending.headers["Retry-After"]) >= 5
        assert pending.json["error"]["code"] == "service_unavailable"
        assert "being prepared" in pending.json["error"]["message"]
    assert renders == [] and ("programme", 0, "fr") in jobs(demo_visit.id)
    head = next(d for d in demo_visit.delegates if d.role == "head")
    assert api.get(f"/delegates/{head.id}/programme.pdf").status_code == 503
    assert ("delegate", head.id, "en") in jobs(demo_visit.id)

    run_printout_jobs(app)
    ready = api.get(url)
    assert ready.status_code == 200 and "lundi 22 avril 2024" in pdf_text(ready.data)
    personal = api.get(f"/delegates/{head.id}/programme.pdf")
    assert personal.status_code == 200
    assert "Personal programme of Oleksandr Shevchenko" in pdf_text(personal.data)
    made = len(renders)
    assert api.get(url).status_code == 200 and len(renders) == made


def test_a_304_comes_from_the_stamp_without_building_the_html(app, api, demo_visit,
                                                              count_queries, monkeypatch):
    from visitplanner.core import printouts

    url = f"/visits/{demo_visit.id}/programme.pdf?lang=nl"
    etag = api.get(url).headers["ETag"]
    built: list[int] = []
    monkeypatch.setattr(printouts, "load_visit", lambda *args: built.append(1))
    with count_queries(app) as statements:
        unchanged = api.get(url, headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and built == []
    assert len(statements) <= 3, statements  # the token, its user, the visit's stamp


def test_the_visit_calendar_is_built_once_per_version_and_language(api, demo_visit, renders):
    url = f"/visits/{demo_visit.id}/calendar.ics"
    first = api.get(url)
    assert api.get(url).data == first.data and renders == ["ics"]
    assert b"SUMMARY:Afscheidslunch" in first.data
    french = api.get(url + "?lang=fr")
    assert french.data != first.data and renders == ["ics", "ics"]
    rename_item(api, demo_visit.id, "Afscheidslunch", "Lunch")
    changed = api.get(url)
    assert b"SUMMARY:Lunch" in changed.data and renders == ["ics", "ics", "ics"]


def test_a_visit_that_is_over_leaves_the_queue_once_built_and_others_wait_for_the_night(
        app, demo_visit):
    from visitplanner.core.printout_jobs import next_night
    from visitplanner.models import Item, Visit

    run_printout_jobs(app)
    db.session.expire_all()
    assert list(db.session.scalars(select(PrintoutJob))) == []  # April 2024 is over
    start = dt.date.today() + dt.timedelta(days=30)
    visit = Visit(title="Werkbezoek", start_date=start, end_date=start + dt.timedelta(days=1),
                  timezone="Europe/Brussels", content_language="nl", status="draft")
    visit.items.append(Item(title="Ontvangst", starts_at=dt.datetime.combine(start, dt.time(9)),
                            ends_at=dt.datetime.combine(start, dt.time(10))))
    db.session.add(visit)
    db.session.commit()  # written as the CLI or a script would: queued all the same
    assert jobs(visit.id) == {("programme", 0, ""), ("calendar", 0, "")}
    assert run_printout_jobs(app) == 2
    db.session.expire_all()
    waiting = list(db.session.scalars(select(PrintoutJob)))
    assert sorted(job.printout for job in waiting) == ["calendar", "programme"]
    assert {utc(job.next_attempt_at) for job in waiting} == {next_night()}


def test_two_downloads_at_once_render_the_pdf_once(app, api, demo_visit, renders):
    url = f"/api/v1/visits/{demo_visit.id}/programme.pdf?lang=en"
    start = threading.Barrier(2)
    answers: list[tuple[int, bytes]] = []

    def download() -> None:
        client = app.test_client()
        start.wait(timeout=10)
        response = client.get(url, headers=api.headers)
        answers.append((response.status_code, response.data))

    downloads = [threading.Thread(target=download) for _ in range(2)]
    for thread in downloads:
        thread.start()
    for thread in downloads:
        thread.join(timeout=120)
    assert [status for status, _ in answers] == [200, 200]
    assert answers[0][1] == answers[1][1] and renders == ["pdf"]
