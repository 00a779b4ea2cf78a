"""The visit page flags, per output language, the texts without a translation, with links."""
from __future__ import annotations

import re

from web_client import logged_in, page

from visitplanner.core.queries import load_visit
from visitplanner.extensions import db
from visitplanner.planning.build import build_programme
from visitplanner.planning.untranslated import missing_translations


def test_visit_page_lists_untranslated_texts_per_language_with_links(client, demo_visit):
    item = next(i for i in demo_visit.items if i.title == "Evaluatie en afsluiting")
    item.translations = {"fr": item.translations.get("fr", {})}  # no English any more
    item.description = "Terugblik op de week."
    db.session.commit()
    logged_in(client)
    html = page(client, f"/visits/{demo_visit.id}?lang=en")
    section = html.split('id="untranslated-heading"')[1].split("</section>")[0]
    french = section.split('id="untranslated-fr"')[1].split('id="untranslated-en"')[0]
    english = section.split('id="untranslated-en"')[1]
    assert "Evaluatie en afsluiting" in english
    link = f"/items/{item.id}/edit#translations-en-title"
    assert f'href="{link}">Title</a>' in english
    assert f'href="/items/{item.id}/edit#translations-en-description">Description</a>' in english
    assert f"/items/{item.id}/edit#translations-fr-title" not in french
    assert "/items/" in french  # the new description has no French either
    # Every link opens a page with the input it names.
    for url in sorted(set(re.findall(r'href="([^"#]+)#(translations-[a-z]{2}-\w+)"', section))):
        assert f'id="{url[1]}"' in page(client, url[0]), url


def test_programme_itself_prints_no_markers(demo_visit):
    from visitplanner.outputs import pdf

    programme = build_programme(load_visit(demo_visit.id), "en")
    html = pdf.programme_html(programme)
    assert "[nl:" not in html and "\ue000" not in html
    kinds = {m.kind for m in missing_translations(build_programme(load_visit(demo_visit.id), "en"))}
    assert kinds <= {"visit", "item", "delegate", "organisation", "person", "venue"}
