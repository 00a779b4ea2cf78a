"""The news draft as a Word file: A4, the document language everywhere, real core properties,
photo captions kept with the article or left out."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

LANG_TAG = qn("w:lang")


def languages_in(data: bytes) -> tuple[set[str], int, int]:
    """The w:lang values of the styles part, and how many runs carry / lack one."""
    document = docx.Document(io.BytesIO(data))
    styles = {el.get(qn("w:val")) for el in document.styles.element.iter(LANG_TAG)}
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs]
    tagged = [run for run in runs if run._r.rPr is not None and run._r.rPr.find(LANG_TAG) is not None]
    return styles, len(tagged), len(runs) - len(tagged)


@pytest.mark.parametrize("lang, tag, author", [
    ("nl", "nl-BE", "Algemene Directie Veiligheid en Preventie"),
    ("fr", "fr-BE", "Direction générale Sécurité et Prévention"),
    ("en", "en-GB", "Directorate-General for Security and Prevention"),
])
def test_word_file_is_a4_in_the_draft_language_with_its_properties(api, demo_visit, lang, tag,
                                                                   author):
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    data = api.get(f"/visits/{demo_visit.id}/news?format=docx&lang={lang}").data
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    styles, tagged, untagged = languages_in(data)
    assert styles == {tag} and tagged > 10 and untagged == 0
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert f'w:val="{tag}"' in package.read("word/styles.xml").decode()
    properties = document.core_properties
    assert properties.author == author and properties.title == document.paragraphs[0].text
    assert properties.created >= before - dt.timedelta(seconds=1)
    assert properties.created.year != 2013 and properties.language == tag


def test_captions_are_kept_with_the_article_or_left_out(api, demo_visit):
    url = f"/visits/{demo_visit.id}/news?format=docx&lang=nl"
    paragraphs = docx.Document(io.BytesIO(api.get(url).data)).paragraphs
    heading = next(n for n, p in enumerate(paragraphs)
                   if p.text == "Suggesties voor fotobijschriften")
    kept = paragraphs[heading - 1:]
    assert len(kept) >= 3  # the article's last paragraph, the heading and a caption
    assert all(p.paragraph_format.keep_with_next for p in kept[:-1])
    assert not kept[-1].paragraph_format.keep_with_next
    without = docx.Document(io.BytesIO(api.get(url + "&captions=false").data)).paragraphs
    assert [p.text for p in without] == [p.text for p in paragraphs[:heading]]


def test_document_locale_can_be_configured(app, api, demo_visit):
    app.config["DOCUMENT_LOCALES"] = {"nl": "nl-NL"}
    try:
        data = api.get(f"/visits/{demo_visit.id}/news?format=docx&lang=nl").data
    finally:
        app.config["DOCUMENT_LOCALES"] = {}
    assert languages_in(data)[0] == {"nl-NL"}
