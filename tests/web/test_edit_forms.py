"""Edit forms: the language of each text, translations, stale saves merged field by field,
countries chosen by name."""
from __future__ import annotations

import re

from web_client import form_values, logged_in, page, post

from visitplanner.extensions import db
from visitplanner.models import Delegate, Item, Organisation


def _reload(row):
    db.session.expire_all()
    return db.session.get(type(row), row.id)


def test_item_form_names_the_content_language_and_saves_translations(client, demo_visit):
    logged_in(client)
    item = demo_visit.items[1]  # its English has no practical fields (the first's has)
    html = page(client, f"/items/{item.id}/edit?lang=en")
    assert "Title (Dutch)" in html and "Topics, one per line (Dutch)" in html
    assert "Title (French)" in html and "Title (English)" in html
    assert "Title (Dutch)</label>" not in html.split('class="translations"')[1]  # no nl copy
    sent = form_values(html)
    sent.update({"translations-en-title": "Meeting at the prosecutor's office",
                 "translations-en-topics": "Cybercrime\r\n\r\n War crimes ",
                 "translations-fr-title": ""})
    assert post(client, f"/items/{item.id}/edit", sent).status_code == 302
    stored = _reload(item)
    assert stored.translations["en"] == {"title": "Meeting at the prosecutor's office",
                                         "topics": ["Cybercrime", "War crimes"]}
    assert "fr" not in stored.translations or "title" not in stored.translations["fr"]
    english = page(client, f"/visits/{demo_visit.id}?lang=en")
    assert "Meeting at the prosecutor&#39;s office" in english

    sent = form_values(page(client, f"/items/{item.id}/edit"))
    assert sent["translations-en-topics"] == "Cybercrime\nWar crimes"  # prefilled
    sent["translations-en-title"] = ""
    assert post(client, f"/items/{item.id}/edit", sent).status_code == 302
    assert _reload(item).translations["en"] == {"topics": ["Cybercrime", "War crimes"]}


def test_a_translation_of_a_language_not_shown_is_kept(client, api, demo_visit):
    logged_in(client)
    delegate = demo_visit.delegates[0]
    answer = api.patch(f"/delegates/{delegate.id}", json={
        "version": delegate.version, "translations": {"nl": {"function": "Aanklager"}}})
    assert answer.status_code == 200
    html = page(client, f"/delegates/{delegate.id}/edit")
    assert "Function (Dutch)" in html and "Function (French)" in html
    assert 'name="translations-nl-function"' not in html  # Dutch is the content language
    sent = {**form_values(html), "translations-fr-function": "Procureure"}
    assert post(client, f"/delegates/{delegate.id}/edit", sent).status_code == 302
    stored = _reload(delegate).translations
    assert stored["nl"]["function"] == "Aanklager" and stored["fr"] == {"function": "Procureure"}


def test_visit_and_directory_forms_translate_their_free_text(client, demo_visit):
    logged_in(client)
    html = page(client, f"/visits/{demo_visit.id}/edit")
    assert "Purpose (Dutch)" in html and "Nationality, as an adjective (French)" in html
    sent = {**form_values(html), "translations-fr-delegation_adjective": "ukrainiens",
            "translations-en-title": "Study visit of Ukrainian prosecutors"}
    assert post(client, f"/visits/{demo_visit.id}/edit", sent).status_code == 302
    visit = _reload(demo_visit)
    assert visit.translations["fr"]["delegation_adjective"] == "ukrainiens"
    assert visit.translations["en"]["title"] == "Study visit of Ukrainian prosecutors"
    assert "Title (in the content language)" in page(client, "/visits/new")

    organisation = demo_visit.host_organisation
    html = page(client, f"/organisations/{organisation.id}/edit")
    assert "Name (original text)" in html and "Name (Dutch)" in html  # every language
    sent = {**form_values(html), "translations-fr-name": "Parquet fédéral",
            "translations-fr-short_name": ""}
    assert post(client, f"/organisations/{organisation.id}/edit", sent).status_code == 302
    stored = _reload(organisation).translations
    assert stored["fr"]["name"] == "Parquet fédéral" and "short_name" not in stored["fr"]
    assert stored["en"]["city"] == "1000 Brussels"  # prefilled and saved unchanged


def test_translations_keep_the_api_limits(client, demo_visit):
    logged_in(client)
    item = demo_visit.items[0]
    sent = {**form_values(page(client, f"/items/{item.id}/edit")),
            "translations-fr-title": "x" * 301,
            "translations-en-topics": "\n".join(f"topic {n}" for n in range(31))}
    response = post(client, f"/items/{item.id}/edit", sent)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "At most 30 topics" in html and "<details class=\"translations\" open>" in html


def test_a_stale_save_keeps_the_colleagues_change_of_another_field(client, api, demo_visit):
    logged_in(client)
    item = demo_visit.items[0]
    opened = form_values(page(client, f"/items/{item.id}/edit"))  # tab 2 opens the form
    moved = {"starts_at": item.starts_at.replace(hour=12, minute=45).isoformat(),
             "ends_at": item.starts_at.replace(hour=13, minute=45).isoformat()}
    answer = api.patch(f"/items/{item.id}", json={"version": item.version, **moved})
    assert answer.status_code == 200  # tab 1 moved the item

    response = post(client, f"/items/{item.id}/edit", {**opened, "title": "New title"})
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    clash_table = re.search(r'<section class="stale".*?</section>', html, re.S).group(0)
    assert "<table>" not in clash_table  # nothing both changed
    assert "Starts: " in clash_table and "12:45" in clash_table  # theirs, kept
    again = form_values(html)
    assert again["starts_at"].endswith("T12:45") and again["title"] == "New title"
    assert post(client, f"/items/{item.id}/edit", again).status_code == 302
    stored = _reload(item)
    assert stored.title == "New title"
    assert (stored.starts_at.hour, stored.starts_at.minute) == (12, 45)


def test_a_stale_save_shows_only_fields_both_changed(client, api, demo_visit):
    logged_in(client)
    delegate = demo_visit.delegates[1]
    opened = form_values(page(client, f"/delegates/{delegate.id}/edit"))
    api.patch(f"/delegates/{delegate.id}", json={"version": delegate.version,
                                                 "function": "Theirs", "phone": "+32 2 000"})
    response = post(client, f"/delegates/{delegate.id}/edit",
                    {**opened, "function": "Mine", "notes": "Vegetarian lunch"})
    html = response.get_data(as_text=True)
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", html)
    assert rows == [("Function (Dutch)", "Theirs", "Mine")]
    again = form_values(html)
    assert again["phone"] == "+32 2 000" and again["function"] == "Mine"
    assert post(client, f"/delegates/{delegate.id}/edit", again).status_code == 302
    stored = _reload(delegate)
    assert (stored.function, stored.phone, stored.notes) == ("Mine", "+32 2 000",
                                                             "Vegetarian lunch")


def test_an_altered_snapshot_counts_every_field_as_the_users(client, api, demo_visit):
    logged_in(client)
    organisation = demo_visit.host_organisation
    opened = form_values(page(client, f"/organisations/{organisation.id}/edit"))
    api.patch(f"/organisations/{organisation.id}", json={"version": organisation.version,
                                                         "city": "Leuven"})
    response = post(client, f"/organisations/{organisation.id}/edit",
                    {**opened, "snapshot": opened["snapshot"][:-2] + "xx"})
    assert response.status_code == 409
    assert "Leuven" in response.get_data(as_text=True)  # listed as a clash, not merged in
    assert form_values(response.get_data(as_text=True))["city"] != "Leuven"


def test_countries_are_chosen_by_name_in_the_ui_language(client, demo_visit):
    logged_in(client)
    html = page(client, f"/visits/{demo_visit.id}/edit?lang=fr")
    select = re.search(r'<select id="delegation-country".*?</select>', html, re.S).group(0)
    names = re.findall(r'<option[^>]*>([^<]+)</option>', select)
    assert names[0] == "—" and "Moldavie" in names
    assert names.index("Danemark") < names.index("Égypte") < names.index("Espagne")
    assert 'value="UA" selected' in select or 'selected value="UA"' in select
    assert "Moldavië" in page(client, f"/visits/{demo_visit.id}/edit?lang=nl")

    sent = {**form_values(page(client, f"/visits/{demo_visit.id}/edit?lang=en")),
            "delegation-country": "Moldova"}
    response = post(client, f"/visits/{demo_visit.id}/edit", sent)
    assert response.status_code == 422 and "Pick a country from the list." in \
        response.get_data(as_text=True)
    assert _reload(demo_visit).delegation_country == "UA"
    sent["delegation-country"] = "MD"
    assert post(client, f"/visits/{demo_visit.id}/edit", sent).status_code == 302
    assert _reload(demo_visit).delegation_country == "MD"


def test_delegates_table_has_one_row_per_delegate_with_actions(client, demo_visit):
    logged_in(client)
    html = page(client, f"/visits/{demo_visit.id}/delegates?lang=en")
    assert '<th scope="col">Actions</th>' in html
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    assert body.count("<tr>") == len(demo_visit.delegates)
    assert body.count('<td class="row-actions">') == 2 * len(demo_visit.delegates)


def test_visit_page_shows_item_descriptions(client, demo_visit):
    logged_in(client)
    item = db.session.scalar(db.select(Item).where(Item.visit_id == demo_visit.id)
                             .order_by(Item.starts_at))
    item.description = "Welcome by the federal prosecutor.\nThen questions."
    db.session.commit()
    html = page(client, f"/visits/{demo_visit.id}")
    assert '<p class="description">Welcome by the federal prosecutor.\nThen questions.</p>' in html


def test_new_entries_still_save_without_a_snapshot(client, demo_visit):
    logged_in(client)
    response = post(client, "/organisations/new", {"name": "Parket Gent", "kind": "court",
                                                   "country": "be",
                                                   "translations-fr-name": "Parquet de Gand"})
    assert response.status_code == 302
    organisation = db.session.scalar(db.select(Organisation).where(
        Organisation.name == "Parket Gent"))
    assert organisation.country == "BE"
    assert organisation.translations == {"fr": {"name": "Parquet de Gand"}}
    response = post(client, f"/visits/{demo_visit.id}/delegates/new",
                    {"full_name": "Oksana Melnyk", "role": "member", "country": "UA"})
    assert response.status_code == 302
    assert db.session.scalar(db.select(Delegate).where(
        Delegate.full_name == "Oksana Melnyk")).translations == {}
