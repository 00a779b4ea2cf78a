"""End to end in Chromium: enter three items in a row, adding a venue and a speaker in place;
copy the visit and see the shifted dates."""
from __future__ import annotations

import datetime as dt
import re

DAY = dt.date(2031, 6, 10)


def test_quick_entry_of_three_items_with_a_new_venue_and_speaker(page, e2e_app, log_in, seed_visit, shot):
    visit_id, _ = seed_visit(e2e_app, "Quick entry visit", DAY, [])
    log_in(page, "organiser")
    page.goto(f"/visits/{visit_id}/items/new?lang=en")
    page.get_by_label("Title (English)", exact=True).fill("Welcome at the town hall")
    page.get_by_label("Starts").fill("2031-06-10T09:00")
    page.get_by_label("Ends").fill("2031-06-10T09:45")
    page.get_by_role("button", name="+ New venue").click()
    page.get_by_label("New venue").fill("Town hall of Leuven")
    page.get_by_role("button", name="Add", exact=True).click()
    page.locator("#venue_id option:checked", has_text="Town hall of Leuven").wait_for(
        state="attached")
    page.get_by_role("button", name="+ New person").click()
    page.get_by_label("New person").fill("Mohamed Ridouani")
    page.get_by_role("button", name="Add", exact=True).click()
    page.locator(".ts-wrapper .item", has_text="Mohamed Ridouani").wait_for()
    # What was typed before adding the venue and the person is still there.
    assert page.get_by_label("Title (English)", exact=True).input_value() == \
        "Welcome at the town hall"
    shot(page, "quick-entry-form")
    page.get_by_role("button", name="Save and add another").click()
    page.get_by_text("Item added: Welcome at the town hall.").wait_for()

    assert page.get_by_label("Starts").input_value() == "2031-06-10T09:45"
    assert page.get_by_label("Venue").locator("option:checked").inner_text() == \
        "Town hall of Leuven"
    page.get_by_label("Title (English)", exact=True).fill("Briefing on local policing")
    page.get_by_label("Speakers").locator("..").locator("input").first.fill("Ridou")
    page.locator(".ts-dropdown .option", has_text="Mohamed Ridouani").click()
    page.get_by_role("button", name="Save and add another").click()
    page.get_by_text("Item added: Briefing on local policing.").wait_for()

    assert page.get_by_label("Starts").input_value() == "2031-06-10T10:30"
    page.get_by_label("Title (English)", exact=True).fill("Walk to the station")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(rf"/visits/{visit_id}#item-\d+$"))
    times = page.locator("ol.programme .time").all_inner_texts()
    assert times == ["09:00–09:45", "09:45–10:30", "10:30–11:15"]
    assert page.locator("ol.programme").inner_text().count("Mohamed Ridouani") == 2
    assert page.locator("ol.programme").inner_text().count("Town hall of Leuven") == 3


def test_copy_a_visit_and_see_the_shifted_dates(page, e2e_app, log_in, seed_visit, shot):
    visit_id, _ = seed_visit(e2e_app, "Visit to copy", DAY, [
        ("Opening", dt.datetime(2031, 6, 10, 9), dt.datetime(2031, 6, 10, 10)),
        ("Closing dinner", dt.datetime(2031, 6, 11, 19), dt.datetime(2031, 6, 12, 0, 30))])
    log_in(page, "organiser")
    page.goto(f"/visits/{visit_id}?lang=en")
    page.get_by_role("link", name="Copy this visit").click()
    page.get_by_label("Title of the copy").fill("Visit to copy, second edition")
    page.get_by_label("First day of the copy").fill("2032-01-20")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Visit copied: Visit to copy, second edition.").wait_for()
    assert "Tuesday 20 January 2032 – Wednesday 21 January 2032" in \
        page.locator("p.lead").inner_text()
    programme = page.locator("section[aria-labelledby=programme-heading]").inner_text()
    assert "Tuesday 20 January 2032" in programme and "Wednesday 21 January 2032" in programme
    assert "19:00–00:30 +1" in programme
    assert "Draft" in page.locator(".title-row .badge").inner_text()
    shot(page, "copied-visit")


def test_search_by_country_name_in_french(page, e2e_app, log_in, shot):
    from visitplanner.extensions import db
    from visitplanner.models import Visit

    with e2e_app.app_context():
        db.session.add(Visit(title="Study visit", content_language="en",
                             delegation_country="PL", delegation_description="judges",
                             start_date=dt.date(2031, 11, 3), end_date=dt.date(2031, 11, 4)))
        db.session.commit()
        db.session.remove()
    log_in(page, "viewer")
    page.goto("/?lang=fr")
    page.get_by_label("Rechercher").fill("Pologne")
    page.get_by_role("button", name="Rechercher").click()
    rows = page.locator("tbody tr")
    assert rows.count() == 1 and "Study visit" in rows.inner_text()
    page.get_by_role("link", name="Brouillons").click()
    assert page.locator("tbody tr").count() == 1  # the search is kept with the filter
    shot(page, "search-fr")
