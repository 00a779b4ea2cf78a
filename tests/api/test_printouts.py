"""The printouts through the API: PDFs with ETags, 304, fresh PDFs after an edit, errors in JSON."""
from __future__ import annotations

import subprocess


def pdf_text(data: bytes) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                         capture_output=True, check=True).stdout.decode("utf-8")
    return " ".join(out.split())


def test_programme_pdf_is_cached_by_etag_and_changes_with_an_edit(api, demo_visit):
    url = f"/visits/{demo_visit.id}/programme.pdf?lang=nl"
    first = api.get(url)
    assert first.status_code == 200 and first.mimetype == "application/pdf"
    etag = first.headers["ETag"]
    assert "maandag 22 april 2024" in pdf_text(first.data)
    unchanged = api.get(url, headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.data == b""
    assert unchanged.headers["ETag"] == etag

    item = next(i for i in api.get(f"/visits/{demo_visit.id}/items").json
                if i["title"] == "Evaluatie en afsluiting")
    patched = api.patch(f"/items/{item['id']}", json={
        "version": item["version"], "title": "Slotzitting <script>alert(1)</script>"})
    assert patched.status_code == 200
    changed = api.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    content = pdf_text(changed.data)
    assert "Slotzitting <script>alert(1)</script>" in content
    assert "Evaluatie en afsluiting" not in content


def test_personal_programme_comes_in_the_delegate_language(api, demo_visit):
    head = next(d for d in demo_visit.delegates if d.role == "head")  # language "en"
    response = api.get(f"/delegates/{head.id}/programme.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    content = pdf_text(response.data)
    assert "Personal programme of Oleksandr Shevchenko" in content
    assert "Monday 22 April 2024" in content


def test_badges_pdf_names_every_delegate(viewer_api, demo_visit):
    response = viewer_api.get(f"/visits/{demo_visit.id}/badges.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    content = pdf_text(response.data)
    assert all(d.full_name in content for d in demo_visit.delegates)


def test_bad_language_and_unknown_ids_answer_json_errors(api, demo_visit):
    bad = api.get(f"/visits/{demo_visit.id}/programme.pdf?lang=de")
    assert bad.status_code == 422 and "lang" in bad.json["error"]["fields"]
    empty = api.get(f"/delegates/{demo_visit.delegates[0].id}/programme.pdf?lang=")
    assert empty.status_code == 422
    for path in ("/visits/999999/programme.pdf", "/visits/999999/badges.pdf",
                 "/delegates/999999/programme.pdf", "/visits/99999999999/badges.pdf"):
        response = api.get(path)
        assert response.status_code == 404 and response.json["error"]["code"] == "not_found"


def test_openapi_documents_the_pdf_routes(api):
    paths = api.client.get("/api/v1/openapi.json").json["paths"]
    for path in ("/api/v1/visits/{visit_id}/programme.pdf",
                 "/api/v1/delegates/{delegate_id}/programme.pdf",
                 "/api/v1/visits/{visit_id}/badges.pdf"):
        operation = paths[path]["get"]
        assert "application/pdf" in operation["responses"]["200"]["content"]
        lang = next(p for p in operation["parameters"] if p["name"] == "lang")
        assert lang["schema"]["enum"] == ["nl", "fr", "en"]


def test_an_unchanged_visit_is_answered_from_the_cache_without_loading_it(app, api, demo_visit,
                                                                          count_queries):
    url = f"/visits/{demo_visit.id}/programme.pdf?lang=fr"
    first = api.get(url)
    with count_queries(app) as statements:
        again = api.get(url)
    assert again.data == first.data and again.headers["ETag"] == first.headers["ETag"]
    assert len(statements) <= 3, statements  # the token, its user, the visit's stamp
    assert not any(_reads_programme(s) for s in statements)  # the stamp only counts rows


def _reads_programme(statement: str) -> bool:
    return "items.title" in statement or "delegates.full_name" in statement


def test_directory_edits_and_deleted_items_make_a_new_pdf(api, demo_visit):
    url = f"/visits/{demo_visit.id}/programme.pdf?lang=nl"
    before = api.get(url)
    org = api.get(f"/organisations/{demo_visit.partners[0].id}").json
    renamed = api.patch(f"/organisations/{org['id']}",
                        json={"version": org["version"], "name": "Politiezone Montgomery-Etterbeek"})
    assert renamed.status_code == 200
    after = api.get(url, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and "Politiezone Montgomery-Etterbeek" in pdf_text(after.data)
    item = next(i for i in api.get(f"/visits/{demo_visit.id}/items").json if i["title"] == "Afscheidslunch")
    assert api.delete(f"/items/{item['id']}", json={"version": item["version"]}).status_code == 204
    last = api.get(url, headers={"If-None-Match": after.headers["ETag"]})
    assert last.status_code == 200 and "Afscheidslunch" not in pdf_text(last.data)


def test_the_cover_names_the_latest_release_once_one_is_published(api, demo_visit):
    from visitplanner.extensions import db
    from visitplanner.models import Release

    url = f"/visits/{demo_visit.id}/programme.pdf?lang=nl"
    before = pdf_text(api.get(url).data)
    assert "Versie" not in before and "Afgedrukt op" in before
    db.session.add(Release(visit_id=demo_visit.id, number=3, mode="full", snapshot={}))
    db.session.commit()
    assert "Versie 3 · Afgedrukt op" in pdf_text(api.get(url).data)
