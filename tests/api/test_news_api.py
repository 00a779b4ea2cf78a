"""GET /visits/{id}/news: every format read back; the saved draft wins; bad input gets 422."""
import io

import docx

from visitplanner.core.news_drafts import save_revision
from visitplanner.models import NewsDraft
from visitplanner.outputs.news import DraftText


def test_json_draft_in_each_language(api, demo_visit):
    nl = api.get(f"/visits/{demo_visit.id}/news")
    assert nl.status_code == 200 and set(nl.json) == {"title", "body", "captions", "to_translate"}
    assert nl.json["captions"][0] == "De Oekraïense delegatie bij Politiezone Montgomery, 24 april 2024"
    assert nl.json["to_translate"] == []
    assert "zes Oekraïense openbare aanklagers" in nl.json["body"]
    fr = api.get(f"/visits/{demo_visit.id}/news?lang=fr&format=json")
    assert "six procureurs ukrainiens" in fr.json["body"]
    assert "Ukrainian prosecutors" in api.get(f"/visits/{demo_visit.id}/news?lang=en").json["body"]


def test_every_file_format_reads_back(api, demo_visit):
    url = f"/visits/{demo_visit.id}/news?lang=nl&format="
    title = api.get(url + "json").json["title"]
    markdown = api.get(url + "md")
    assert markdown.mimetype == "text/markdown"
    assert markdown.get_data(as_text=True).startswith(f"# {title}\n")
    html = api.get(url + "html")
    assert html.mimetype == "text/html" and f"<h1>{title}</h1>" in html.get_data(as_text=True)
    word = api.get(url + "docx")
    assert word.headers["Content-Disposition"].endswith(f'news-{demo_visit.id}-nl.docx"')
    document = docx.Document(io.BytesIO(word.data))
    assert document.paragraphs[0].text == title
    assert sum(p.style.name == "Quote" for p in document.paragraphs) == 2


def test_the_saved_draft_wins(api, demo_visit):
    save_revision(demo_visit.id, "fr", DraftText(title="Titre revu", body="Texte *revu*.",
                                                 captions=("Photo revue",)), None)
    assert api.get(f"/visits/{demo_visit.id}/news?lang=fr").json == \
        {"title": "Titre revu", "body": "Texte *revu*.", "captions": ["Photo revue"],
         "to_translate": []}
    assert "<em>revu</em>" in api.get(f"/visits/{demo_visit.id}/news?lang=fr&format=html").get_data(as_text=True)
    assert api.get(f"/visits/{demo_visit.id}/news?lang=nl").json["title"] != "Titre revu"


def test_bad_language_or_format_and_unknown_visit(api, viewer_api, demo_visit):
    bad = api.get(f"/visits/{demo_visit.id}/news?lang=de&format=pdf")
    assert bad.status_code == 422 and set(bad.json["error"]["fields"]) == {"lang", "format"}
    assert api.get("/visits/999999/news").status_code == 404
    assert viewer_api.get(f"/visits/{demo_visit.id}/news").status_code == 200
    assert NewsDraft.query.count() == 0  # reading never stores a draft
    wrong = api.get(f"/visits/{demo_visit.id}/news?format=md&captions=maybe")
    assert wrong.status_code == 422 and set(wrong.json["error"]["fields"]) == {"captions"}


def test_files_may_leave_the_captions_out(api, demo_visit):
    url = f"/visits/{demo_visit.id}/news?lang=en&format=md"
    assert "## Suggested photo captions" in api.get(url).get_data(as_text=True)
    without = api.get(url + "&captions=false").get_data(as_text=True)
    assert "photo captions" not in without and "Montgomery Police Zone, 24 April" not in without
    assert without.startswith("# DGSP and partners welcome Ukrainian delegation")


def test_untranslated_text_is_listed_in_to_translate(api, demo_visit):
    from visitplanner.extensions import db
    from visitplanner.models import Visit

    visit = db.session.get(Visit, demo_visit.id)
    visit.translations = {lang: {k: v for k, v in text.items() if k != "purpose"}
                          for lang, text in visit.translations.items()}
    db.session.commit()
    en = api.get(f"/visits/{demo_visit.id}/news?lang=en").json
    assert en["to_translate"] == [
        "Purpose: “meer inzicht krijgen in het Belgische veiligheidslandschap”"]
    assert "inzicht" not in en["body"] and "The aim" not in en["body"]
