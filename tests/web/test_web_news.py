"""The news page: read, edit with history, regenerate after a warning, download; viewers only read."""
import io
import re

import docx
from web_client import logged_in, post

from visitplanner.models import NewsDraft


def _form(page: str) -> dict[str, str]:
    token = re.search(r'id="csrf_token" name="csrf_token" type="hidden" value="([^"]+)"', page)
    base = re.search(r'id="base_revision" name="base_revision" type="hidden" value="([^"]*)"', page)
    return {"csrf_token": token.group(1), "base_revision": base.group(1)}


def test_organiser_edits_and_history_grows(client, demo_visit):
    logged_in(client, "organiser")
    url = f"/visits/{demo_visit.id}/news?draft=nl"
    page = client.get(url).get_data(as_text=True)
    assert "zes Oekraïense openbare aanklagers" in page and "<textarea" in page
    data = {**_form(page), "action": "save", "title": "Nieuwe titel", "body": "Eerste versie."}
    assert client.post(url, data=data).status_code == 302
    page = client.get(url).get_data(as_text=True)
    data = {**_form(page), "action": "save", "title": "Nieuwe titel", "body": "Tweede versie."}
    assert client.post(url, data=data).status_code == 302
    rows = NewsDraft.query.filter_by(visit_id=demo_visit.id, lang="nl").order_by(NewsDraft.id).all()
    assert [r.body for r in rows] == ["Eerste versie.", "Tweede versie."]
    assert [(r.author.email, r.created_at is not None) for r in rows] == [("web-organiser@example.org", True)] * 2
    page = client.get(url).get_data(as_text=True)
    assert "Tweede versie." in page and page.count("web-organiser@example.org ·") == 2
    stale = client.post(url, data={**data, "body": "Verouderd.", "base_revision": str(rows[0].id)})
    assert stale.status_code == 409 and NewsDraft.query.count() == 2
    word = client.get(f"/visits/{demo_visit.id}/news.docx?draft=nl")
    assert docx.Document(io.BytesIO(word.data)).paragraphs[1].text == "Tweede versie."


def test_regenerating_warns_before_replacing_edits(client, demo_visit):
    logged_in(client, "organiser")
    url = f"/visits/{demo_visit.id}/news?draft=en"
    page = client.get(url).get_data(as_text=True)
    client.post(url, data={**_form(page), "action": "save", "title": "Mine", "body": "Edited."})
    warning = post(client, url, {"action": "regenerate"})
    assert warning.status_code == 200 and 'name="confirmed" value="yes"' in warning.get_data(as_text=True)
    assert NewsDraft.query.count() == 1
    done = post(client, url, {"action": "regenerate", "confirmed": "yes"})
    assert done.status_code == 302
    latest = NewsDraft.query.order_by(NewsDraft.id.desc()).first()
    assert NewsDraft.query.count() == 2 and "six Ukrainian prosecutors" in latest.body


def test_viewer_reads_but_cannot_save(client, demo_visit):
    logged_in(client, "viewer")
    url = f"/visits/{demo_visit.id}/news?draft=fr"
    page = client.get(url).get_data(as_text=True)
    assert "six procureurs ukrainiens" in page and "readonly" in page and 'name="title"' not in page
    response = post(client, url, {"action": "save", "title": "x", "body": "y"})
    assert response.status_code == 403 and NewsDraft.query.count() == 0
    markdown = client.get(f"/visits/{demo_visit.id}/news.md?draft=fr")
    assert markdown.status_code == 200 and "six procureurs ukrainiens" in markdown.get_data(as_text=True)
    assert client.get(f"/visits/{demo_visit.id}/news.pdf").status_code == 404


def test_news_needs_a_login_and_the_visit_page_links_to_it(client, demo_visit):
    assert client.get(f"/visits/{demo_visit.id}/news").status_code == 302
    logged_in(client, "viewer")
    page = client.get(f"/visits/{demo_visit.id}").get_data(as_text=True)
    assert f'href="/visits/{demo_visit.id}/news?draft=fr"' in page


def test_captions_are_edited_apart_and_the_word_file_may_leave_them_out(client, demo_visit):
    logged_in(client, "organiser")
    url = f"/visits/{demo_visit.id}/news?draft=nl"
    page = client.get(url).get_data(as_text=True)
    assert 'name="captions"' in page and "De Oekraïense delegatie bij Politiezone Montgomery, 24 april" in page
    data = {**_form(page), "action": "save", "title": "Titel", "body": "Tekst.",
            "captions": "Foto één\n\nFoto twee\n"}
    assert client.post(url, data=data).status_code == 302
    assert NewsDraft.query.one().captions == "Foto één\nFoto twee"
    with_captions = docx.Document(io.BytesIO(client.get(f"/visits/{demo_visit.id}/news.docx?draft=nl").data))
    assert [p.text for p in with_captions.paragraphs][-2:] == ["Foto één", "Foto twee"]
    without = client.get(f"/visits/{demo_visit.id}/news.docx?draft=nl&captions=0")
    assert [p.text for p in docx.Document(io.BytesIO(without.data)).paragraphs] == ["Titel", "Tekst."]


def test_the_page_lists_what_still_needs_a_translation_above_the_text(client, demo_visit):
    from visitplanner.extensions import db
    from visitplanner.models import Visit

    visit = db.session.get(Visit, demo_visit.id)
    visit.translations = {lang: {k: v for k, v in text.items() if k != "visit_type"}
                          for lang, text in visit.translations.items()}
    db.session.commit()
    logged_in(client, "viewer")
    page = client.get(f"/visits/{demo_visit.id}/news?draft=en").get_data(as_text=True)
    todo = page.index("Kind of visit: “werkbezoek”")
    assert todo < page.index('id="preview-heading"') and "werkbezoek" not in page[todo + 30:]
