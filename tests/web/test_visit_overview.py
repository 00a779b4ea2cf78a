"""The visit page's side panel, download names, copying a visit, what viewers see."""
from __future__ import annotations

import datetime as dt
import io
import re
from urllib.parse import unquote

from pypdf import PdfReader

from visitplanner.extensions import db
from visitplanner.models import Item, Visit


def test_panel_counts_and_next_steps_come_before_the_programme(client, demo_visit, logged_in):
    logged_in(client)
    page = client.get(f"/visits/{demo_visit.id}").get_data(as_text=True)
    panel = page.index('class="visit-panel"')
    assert panel < page.index('id="outputs-heading"') < page.index('id="programme-heading"')
    counts = dict(re.findall(r"<dt>([^<]+)</dt><dd>(?:<a [^>]+>)?(\d+)", page))
    assert counts["Delegates"] == str(len(demo_visit.delegates))
    assert counts["Programme items"] == str(len(demo_visit.items))
    assert int(counts["Untranslated fields"]) >= 0 and "Open conflicts" in counts
    assert f'href="/visits/{demo_visit.id}/copy"' in page


def test_programme_pdf_is_named_after_the_visit(client, demo_visit, logged_in):
    logged_in(client)  # the demo's French title: "Visite d'étude de procureurs ukrainiens"
    response = client.get(f"/visits/{demo_visit.id}/programme.pdf?lang=fr")
    disposition = response.headers["Content-Disposition"]
    assert 'filename="Visite-d-etude-de-procureurs-ukrainiens-programme-fr.pdf"' in disposition
    encoded = disposition.split("filename*=UTF-8''")[1]
    assert unquote(encoded) == "Visite-d-étude-de-procureurs-ukrainiens-programme-fr.pdf"


def test_overnight_item_shows_plus_one(client, demo_visit, logged_in):
    logged_in(client)
    day = demo_visit.start_date
    db.session.add(Item(visit_id=demo_visit.id, title="Night train", kind="transfer",
                        starts_at=dt.datetime.combine(day, dt.time(20)),
                        ends_at=dt.datetime.combine(day + dt.timedelta(days=1), dt.time(8))))
    db.session.commit()
    page = client.get(f"/visits/{demo_visit.id}").get_data(as_text=True)
    assert "20:00–08:00 +1" in page


def test_viewer_sees_no_management_links(client, demo_visit, logged_in):
    logged_in(client, "viewer")
    page = client.get(f"/visits/{demo_visit.id}").get_data(as_text=True)
    for words in ("Manage the delegation", "Add programme item", "Edit visit", "Copy this visit",
                  "Delete visit", "Import delegates", "/edit", "/delete", "Duplicate"):
        assert words not in page, words
    assert client.get(f"/visits/{demo_visit.id}/copy").status_code == 403


def test_copy_page_makes_a_shifted_draft(client, demo_visit, logged_in, post):
    logged_in(client)
    form = client.get(f"/visits/{demo_visit.id}/copy").get_data(as_text=True)
    assert demo_visit.title in form
    shift = dt.timedelta(days=365)
    start = demo_visit.start_date + shift
    response = post(client, f"/visits/{demo_visit.id}/copy",
                    {"title": "Next year's visit", "start_date": start.isoformat()})
    assert response.status_code == 302
    copy = db.session.scalar(db.select(Visit).where(Visit.title == "Next year's visit"))
    assert copy.status == "draft" and copy.start_date == start
    assert copy.end_date == demo_visit.end_date + shift and copy.delegates == []
    old = sorted(item.starts_at for item in demo_visit.items)
    assert sorted(item.starts_at for item in copy.items) == [t + shift for t in old]
    bad = post(client, f"/visits/{demo_visit.id}/copy", {"title": "X", "start_date": "2101-01-01"})
    assert bad.status_code == 422 and "2100-12-31" in bad.get_data(as_text=True)


def test_french_interface_agrees_and_spaces_its_colons(client, demo_visit, logged_in, page):
    logged_in(client)
    demo_visit.status = "confirmed"
    db.session.commit()
    visit_page = page(client, f"/visits/{demo_visit.id}?lang=fr")
    assert "Confirmée</span>" in visit_page and "Confirmé</span>" not in visit_page
    assert "Lieu\u202f: " in visit_page and "Lieu: " not in visit_page
    assert "Confirmée" in page(client, "/?lang=fr")


def test_country_pickers_offer_countries_only(client, logged_in, page):
    logged_in(client)
    form = page(client, "/visits/new?lang=en")
    assert ">Moldova<" in form and ">Kosovo<" in form
    for region in ("Pseudo-Accents", "Pseudo-Bidi", "Diego Garcia", "Canary Islands"):
        assert region not in form


def test_untranslated_french_delegation_keeps_french_word_order(client, logged_in, page):
    logged_in(client)
    visit = Visit(title="Visite d'étude", content_language="fr", delegation_country="MD",
                  delegation_adjective="moldaves", delegation_description="juges",
                  start_date=dt.date(2030, 4, 22), end_date=dt.date(2030, 4, 23))
    db.session.add(visit)
    db.session.commit()
    for lang in ("en", "nl"):
        html = page(client, f"/visits/{visit.id}?lang={lang}")
        assert "juges moldaves" in html and "moldaves juges" not in html, lang
        assert "<td>juges moldaves</td>" in page(client, f"/?lang={lang}"), lang
    pdf = client.get(f"/visits/{visit.id}/programme.pdf?lang=en").data
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    words = " ".join(text.split()).lower()  # the cover may capitalise the phrase
    assert "juges moldaves" in words and "moldaves juges" not in words
