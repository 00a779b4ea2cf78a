"""The translations page lists, per output language, the texts without a translation, with
links; the visit page counts them and links there."""
from __future__ import annotations

import re

from visitplanner.core.queries import load_visit
from visitplanner.extensions import db
from visitplanner.planning.build import build_programme
from visitplanner.planning.untranslated import missing_translations


def test_translations_page_lists_untranslated_texts_per_language_with_links(client, demo_visit, logged_in, page):
    item = next(i for i in demo_visit.items if i.title == "Evaluatie en afsluiting")
    item.translations = {"fr": item.translations.get("fr", {})}  # no English any more
    item.description = "Terugblik op de week."
    db.session.commit()
    logged_in(client)
    html = page(client, f"/visits/{demo_visit.id}/translations?lang=en")
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


def test_visit_page_counts_the_fields_of_the_translations_page_and_links_there(client, demo_visit, logged_in, page):
    logged_in(client)
    visit_page = page(client, f"/visits/{demo_visit.id}?lang=en")
    assert 'id="untranslated-heading"' not in visit_page  # its own page now
    found = re.search(r'<dt>Untranslated fields</dt><dd><a href="([^"]+)">(\d+)</a>', visit_page)
    assert found is not None and found.group(1) == f"/visits/{demo_visit.id}/translations"
    listed = re.findall(r'#translations-[a-z]{2}-\w+"', page(client, found.group(1)))
    assert int(found.group(2)) == len(listed) > 0


def test_viewers_see_the_count_but_not_the_translations_page(client, demo_visit, logged_in, page):
    logged_in(client, "viewer")
    visit_page = page(client, f"/visits/{demo_visit.id}")
    assert re.search(r"<dt>Untranslated fields</dt><dd>\d+</dd>", visit_page)
    assert client.get(f"/visits/{demo_visit.id}/translations").status_code == 403
    assert client.get("/visits/999999/translations").status_code in (403, 404)


def test_missing_translations_are_what_the_programme_in_that_language_prints_as_written(demo_visit):
    demo_visit.items[0].translations = {}
    demo_visit.delegates[0].translations = {}
    db.session.commit()
    visit = load_visit(demo_visit.id)
    for lang in ("fr", "en"):
        programme = build_programme(visit, lang)
        missing = {(m.kind, m.id): set(m.fields)
                   for m in missing_translations(visit, (lang,))[lang]}
        for item in programme.items:
            topics = {"topics"} if item.topics and item.topics_lang != lang else set()
            assert missing.get(("item", item.id), set()) == set(item.untranslated) | topics
        for delegate in programme.delegates:
            assert missing.get(("delegate", delegate.id), set()) == set(delegate.untranslated)
        for venue in programme.venues:
            assert missing.get(("venue", venue.id), set()) == set(venue.untranslated)
        delegation = {f"delegation_{f}" for f in programme.visit.delegation.untranslated}
        assert missing.get(("visit", visit.id), set()) == set(programme.visit.untranslated) | delegation
    both = missing_translations(visit, ("fr", "en"))
    assert both == {lang: missing_translations(visit, (lang,))[lang] for lang in ("fr", "en")}
    assert ("item", demo_visit.items[0].id) in {(m.kind, m.id) for m in both["en"]}
    assert missing_translations(visit, ("nl",)) == {"nl": ()}  # the content language


def test_programme_itself_prints_no_markers(demo_visit):
    from visitplanner.outputs import pdf

    programme = build_programme(load_visit(demo_visit.id), "en")
    html = pdf.programme_html(programme)
    assert "[nl:" not in html and "\ue000" not in html
    kinds = {m.kind for m in missing_translations(load_visit(demo_visit.id), ("en",))["en"]}
    assert kinds <= {"visit", "item", "delegate", "organisation", "person", "venue"}
