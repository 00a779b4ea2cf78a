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
    assert "same e-mail as row 2" in page
    assert "Use one of head, member, interpreter, escort, staff" in page  # "captain"
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


def test_gender_may_be_written_as_the_app_shows_it(client, demo_visit):
    logged_in(client)
    csv = "full_name,gender\nA Woman,Vrouw\nA Man,male\nSomeone,\n"
    page = _upload(client, demo_visit, csv.encode(), "gender.csv").get_data(as_text=True)
    assert page.count('<tr class="ok">') == 3, page
    payload = re.search(r'name="payload" type="hidden" value="([^"]+)"', page).group(1)
    post(client, f"/visits/{demo_visit.id}/delegates/import/confirm", {"payload": payload})
    stored = {d.full_name: d.gender for d in db.session.scalars(
        db.select(Delegate).where(Delegate.full_name.in_(["A Woman", "A Man", "Someone"])))}
    assert stored == {"A Woman": "female", "A Man": "male", "Someone": None}


def test_roles_and_languages_may_be_written_as_the_app_shows_them(client, demo_visit):
    logged_in(client)
    assert "head, member, interpreter, escort, staff" in client.get(
        f"/visits/{demo_visit.id}/delegates/import?lang=en").get_data(as_text=True)
    csv = ("full_name,role,language\n"
           "A One,Member,NL\nB Two,interpreter,Français\nC Three,Tolk,\n"
           "D Four,Interprète,English\nE Five,lid,en\nF Six,HEAD OF DELEGATION,\n"
           "G Seven,Membre,fr\n")
    page = _upload(client, demo_visit, csv.encode(), "roles.csv").get_data(as_text=True)
    assert page.count('<tr class="ok">') == 7, page
    payload = re.search(r'name="payload" type="hidden" value="([^"]+)"', page).group(1)
    post(client, f"/visits/{demo_visit.id}/delegates/import/confirm", {"payload": payload})
    stored = {d.full_name: (d.role, d.language) for d in db.session.scalars(
        db.select(Delegate).where(Delegate.full_name.in_(["A One", "B Two", "C Three", "D Four",
                                                          "E Five", "F Six", "G Seven"])))}
    assert stored == {"A One": ("member", "nl"), "B Two": ("interpreter", "fr"),
                      "C Three": ("interpreter", None), "D Four": ("interpreter", "en"),
                      "E Five": ("member", "en"), "F Six": ("head", None),
                      "G Seven": ("member", "fr")}
