"""Printouts from the browser after an edit: the worker has the PDF ready; a big visit's PDF
that is not ready yet gets a page saying so, never a render inside the request."""
from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(data: bytes) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                         capture_output=True, check=True).stdout.decode("utf-8")
    return " ".join(out.split())


def run_printout_jobs(app) -> int:
    from visitplanner.core.printout_jobs import PRINTOUTS
    from visitplanner.worker import work_once

    return work_once(app, [PRINTOUTS]).done.get("printouts", 0)


def counting_renders(monkeypatch) -> list[str]:
    from visitplanner.core import printouts

    made: list[str] = []
    real = printouts.render_pdf
    monkeypatch.setattr(printouts, "render_pdf", lambda html: made.append(html) or real(html))
    return made


def test_a_web_edit_has_the_worker_make_the_pdf_before_anyone_downloads_it(
        app, client, demo_visit, logged_in, page, post, form_values, monkeypatch):
    logged_in(client)
    run_printout_jobs(app)  # what loading the demo queued
    item = next(i for i in demo_visit.items if i.title == "Afscheidslunch")
    sent = form_values(page(client, f"/items/{item.id}/edit"))
    sent["title"] = "Afscheidsdiner"
    assert post(client, f"/items/{item.id}/edit", sent).status_code == 302
    renders = counting_renders(monkeypatch)
    assert run_printout_jobs(app) == 2 and len(renders) == 1

    download = client.get(f"/visits/{demo_visit.id}/programme.pdf")
    assert download.status_code == 200 and len(renders) == 1
    etag = download.headers["ETag"].strip('"')
    assert (Path(app.instance_path) / "cache" / "programme-pdf" / f"{etag}.bin").exists()
    content = pdf_text(download.data)
    assert "Afscheidsdiner" in content and "Afscheidslunch" not in content


def test_a_big_visit_not_ready_yet_gets_a_page_that_tries_again(
        app, client, demo_visit, logged_in, monkeypatch):
    logged_in(client, "viewer")
    renders = counting_renders(monkeypatch)
    monkeypatch.setitem(app.config, "PRINTOUT_INLINE_ITEMS", 5)
    url = f"/visits/{demo_visit.id}/programme.pdf"
    waiting = client.get(url)
    html = waiting.get_data(as_text=True)
    assert waiting.status_code == 503 and waiting.mimetype == "text/html"
    assert "The PDF is being prepared" in html and "tries again by itself" in html
    retry = waiting.headers["Retry-After"]
    assert f'<meta http-equiv="refresh" content="{retry}">' in html and renders == []

    run_printout_jobs(app)
    ready = client.get(url)
    assert ready.status_code == 200 and ready.mimetype == "application/pdf"
    assert len(renders) == 1 and "Afscheidslunch" in pdf_text(ready.data)
