"""Delegate import: upload, preview with per-row errors and duplicates, confirm; nothing before."""
from __future__ import annotations

import io
import re

from openpyxl import Workbook

from web_client import logged_in, post
from visitplanner.extensions import db
from visitplanner.models import Delegate

CSV = ("full_name;email;role;language\n"
       "Ion Popescu;ion@example.md;head;en\n"
       ";nobody@example.md;member;\n"
       "Maria Rusu;ion@example.md;member;fr\n"
       "Elena Ceban;elena@example.md;captain;\n"
       "Olena Again;olena.kovalenko@example.org;member;\n")


def _count(visit_id):
    return db.session.scalar(db.select(db.func.count(Delegate.id)).filter_by(visit_id=visit_id))


def _upload(client, visit, data: bytes, name: str):
    return post(client, f"/visits/{visit.id}/delegates/import",
                {"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def test_preview_flags_rows_and_writes_nothing(client, demo_visit):
    logged_in(client)
    before = _count(demo_visit.id)
    existing = demo_visit.delegates[0]
    csv = CSV.replace("olena.kovalenko@example.org", existing.email or "olena@x.org")
    response = _upload(client, demo_visit, csv.encode(), "delegates.csv")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert _count(demo_visit.id) == before
    rows = re.findall(r'<tr class="(ok|problem)">', page)
    assert rows == ["ok", "problem", "problem", "problem",
                    "problem" if existing.email else "ok"]
    assert "same e-mail as row 2" in page and "Not a valid choice" in page
    payload = re.search(r'name="payload" type="hidden" value="([^"]+)"', page).group(1)
    response = post(client, f"/visits/{demo_visit.id}/delegates/import/confirm",
                    {"payload": payload})
    assert response.status_code == 302
    assert _count(demo_visit.id) == before + rows.count("ok")
    ion = db.session.scalar(db.select(Delegate).filter_by(full_name="Ion Popescu"))
    assert (ion.role, ion.language, ion.email) == ("head", "en", "ion@example.md")


def test_confirm_refuses_an_altered_payload(client, demo_visit):
    logged_in(client)
    before = _count(demo_visit.id)
    response = post(client, f"/visits/{demo_visit.id}/delegates/import/confirm",
                    {"payload": "eyJyb3dzIjpbXX0.forged"})
    assert response.status_code == 302 and "/import" in response.headers["Location"]
    assert _count(demo_visit.id) == before


def test_xlsx_file(client, demo_visit):
    logged_in(client)
    book = Workbook()
    sheet = book.active
    sheet.append(["Full name", "E-mail", "Phone"])
    sheet.append(["Vasile Lungu", "vasile@example.md", 37322123456])
    data = io.BytesIO()
    book.save(data)
    page = _upload(client, demo_visit, data.getvalue(), "list.xlsx").get_data(as_text=True)
    assert "Vasile Lungu" in page and page.count('<tr class="ok">') == 1


def test_unreadable_file_is_explained(client, demo_visit):
    logged_in(client)
    response = _upload(client, demo_visit, b"\x00\x01 not excel", "broken.xlsx")
    assert response.status_code == 422
    assert 'id="file-error"' in response.get_data(as_text=True)
    response = _upload(client, demo_visit, b"name\nx", "notes.txt")
    assert response.status_code == 422
