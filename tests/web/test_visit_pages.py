"""Visit pages: list and search, create, edit (with a stale version), delete, the visit page."""
from __future__ import annotations

import re

from visitplanner.extensions import db
from visitplanner.models import Delegate, Item, Visit
from visitplanner.planning.build import translated


def test_every_page_answers_for_an_organiser(client, demo_visit, logged_in):
    logged_in(client)
    item, delegate = demo_visit.items[0], demo_visit.delegates[0]
    organisation = demo_visit.host_organisation
    for url in ["/", "/?q=Oekra", f"/visits/{demo_visit.id}", f"/visits/{demo_visit.id}/timeline",
                "/visits/new", f"/visits/{demo_visit.id}/edit", f"/visits/{demo_visit.id}/delete",
                f"/visits/{demo_visit.id}/delegates", f"/visits/{demo_visit.id}/delegates/new",
                f"/visits/{demo_visit.id}/delegates?item={item.id}",
                f"/visits/{demo_visit.id}/translations",
                f"/delegates/{delegate.id}/edit", f"/delegates/{delegate.id}/delete",
                f"/visits/{demo_visit.id}/delegates/import", f"/visits/{demo_visit.id}/items/new",
                f"/items/{item.id}/edit", f"/items/{item.id}/delete", "/organisations", "/people",
                "/venues", "/organisations/new", f"/organisations/{organisation.id}/edit",
                "/people/new", "/venues/new"]:
        assert client.get(url).status_code == 200, url
    assert client.get("/visits/999999").status_code == 404
    assert client.get("/users").status_code == 403  # organisers do not manage users


def test_visit_page_shows_programme_conflicts_and_outputs(client, demo_visit, logged_in):
    logged_in(client)
    page = client.get(f"/visits/{demo_visit.id}").get_data(as_text=True)
    assert "Олена Коваленко" in page
    assert 'id="conflicts-heading"' in page and 'id="outputs-heading"' in page
    for item in demo_visit.items:
        assert f'id="item-{item.id}"' in page


def test_visit_page_queries_do_not_grow_with_the_programme(client, app, demo_visit, count_queries,
                                                           logged_in, empty_output_cache):
    logged_in(client)
    url = f"/visits/{demo_visit.id}"
    client.get(url)
    db.session.expire_all()
    empty_output_cache()  # the page's body is made afresh, not read from the cache
    with count_queries(app) as before:
        client.get(url)
    first = demo_visit.items[0]
    for n in range(5):
        db.session.add(Item(visit_id=demo_visit.id, title=f"Extra {n}", kind="session",
                            starts_at=first.starts_at, ends_at=first.ends_at,
                            venue_id=first.venue_id, topics=[], translations={}))
    db.session.commit()
    db.session.expire_all()
    with count_queries(app) as after:
        client.get(url)  # a new version: made afresh
    assert len(after) == len(before)


def test_long_audiences_show_their_count_with_the_names_one_click_away(client, demo_visit, logged_in):
    extra = [Delegate(visit=demo_visit, full_name=f"Gast {n:02d}", role="member") for n in range(12)]
    db.session.add_all(extra)
    long, short = demo_visit.items[0], demo_visit.items[1]
    long.whole_delegation, long.chosen_delegates = False, extra[:11]
    short.whole_delegation, short.chosen_delegates = False, extra[:2]
    db.session.commit()
    logged_in(client)
    page = client.get(f"/visits/{demo_visit.id}?lang=en").get_data(as_text=True)
    entry = page.split(f'id="item-{long.id}"')[1].split("</li>\n    <li")[0]
    link = f"/visits/{demo_visit.id}/delegates?item={long.id}"
    assert f'<a class="audience" href="{link}">11 delegates</a>' in entry
    assert "Gast 00" not in entry
    listed = client.get(link).get_data(as_text=True)
    assert "Delegates (11)" in listed and translated(long, "title", "en") in listed
    assert all(f"Gast {n:02d}" in listed for n in range(11)) and "Gast 11" not in listed
    assert "Олена Коваленко" not in listed  # a delegate of the visit, not of this item
    entry = page.split(f'id="item-{short.id}"')[1].split("</li>\n    <li")[0]
    assert "Gast 00, Gast 01" in entry and 'class="audience"' not in entry
    # The 20 delegates show as their count too, a link to the delegation.
    delegation = page.split('id="delegation-heading"')[1].split("</section>")[0]
    assert "Delegation (20)" in delegation
    assert f'<a class="people" href="/visits/{demo_visit.id}/delegates">20 delegates</a>' in delegation
    assert "Gast 11" not in delegation


def test_the_delegates_of_an_item_journey_or_stay_must_be_of_the_visit(client, demo_visit, logged_in, page):
    logged_in(client)
    base = f"/visits/{demo_visit.id}/delegates"
    item = demo_visit.items[0]
    everyone = page(client, f"{base}?item={item.id}")  # an item for the whole delegation
    assert f"Delegates ({len(demo_visit.delegates)})" in everyone
    for query in ("item=abc", "item=999999", "journey=999999", "stay=", "item=-1"):
        assert client.get(f"{base}?{query}").status_code == 404, query
    other = Visit(title="Other", start_date=demo_visit.start_date, end_date=demo_visit.end_date,
                  timezone="Europe/Brussels", content_language="nl")
    db.session.add(other)
    db.session.commit()
    assert client.get(f"/visits/{other.id}/delegates?item={item.id}").status_code == 404


def test_search_splits_upcoming_and_past(client, demo_visit, logged_in, post, visit_form):
    logged_in(client)
    post(client, "/visits/new", {**visit_form, "start_date": "2099-01-05", "end_date": "2099-01-06"})
    client.get("/")  # shows the flash message
    page = client.get("/").get_data(as_text=True)
    demo_link = f'href="/visits/{demo_visit.id}"'
    assert page.index("Upcoming and current") < page.index("Moldovan") \
        < page.index("Past visits") < page.index(demo_link)
    found = client.get("/?q=moldovan").get_data(as_text=True)
    assert "Moldovan" in found and demo_link not in found


def test_create_visit_from_the_form(client, app, logged_in, post, visit_form):
    logged_in(client)
    response = post(client, "/visits/new", visit_form)
    assert response.status_code == 302
    visit = db.session.scalar(db.select(Visit))
    assert (visit.title, visit.delegation_country, visit.delegation_description) == \
        ("Study visit of Moldovan judges", "MD", "judges")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Visit created" in page


def test_form_fields_carry_the_api_names_and_types(client, app, logged_in):
    logged_in(client)
    page = client.get("/visits/new").get_data(as_text=True)
    assert re.search(r'<input[^>]*id="start_date"[^>]*name="start_date"[^>]*type="date"', page)
    assert '<label for="title">' in page and 'name="end_date"' in page


def test_invalid_dates_are_explained_next_to_the_field(client, app, logged_in, post, visit_form):
    logged_in(client)
    response = post(client, "/visits/new", {**visit_form, "end_date": "2024-05-01"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert re.search(r'id="end_date-error">The end date must be on or after the start date', page)
    assert 'value="Study visit of Moldovan judges"' in page
    assert db.session.scalar(db.select(Visit)) is None


def test_unknown_time_zone_is_refused(client, app, logged_in, post, visit_form):
    logged_in(client)
    response = post(client, "/visits/new", {**visit_form, "timezone": "Mars/Olympus"})
    assert response.status_code == 422 and 'id="timezone-error"' in response.get_data(as_text=True)


def test_form_without_csrf_token_is_refused(client, app, logged_in, visit_form):
    logged_in(client)
    assert client.post("/visits/new", data=visit_form).status_code == 400
    assert db.session.scalar(db.select(Visit)) is None


def test_stale_edit_is_explained_and_can_be_reapplied(client, api, demo_visit, logged_in, post, visit_form):
    logged_in(client)
    read_version = demo_visit.version
    api.patch(f"/visits/{demo_visit.id}", json={"version": read_version, "focus": "Someone else"})
    mine = {**visit_form, "title": "My new title", "focus": "Mine", "version": read_version}
    response = post(client, f"/visits/{demo_visit.id}/edit", mine)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Someone else saved this" in page and "Someone else" in page and "Mine" in page
    db.session.expire_all()
    assert db.session.get(Visit, demo_visit.id).title != "My new title"
    version_now = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    response = post(client, f"/visits/{demo_visit.id}/edit", {**mine, "version": version_now})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Visit, demo_visit.id).focus == "Mine"


def test_delete_asks_first(client, demo_visit, logged_in, post):
    logged_in(client)
    page = client.get(f"/visits/{demo_visit.id}/delete").get_data(as_text=True)
    assert "This cannot be undone" in page
    assert db.session.get(Visit, demo_visit.id) is not None
    response = post(client, f"/visits/{demo_visit.id}/delete", {"version": demo_visit.version})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Visit, demo_visit.id) is None


def test_timeline_places_items_by_time(client, demo_visit, logged_in):
    logged_in(client)
    page = client.get(f"/visits/{demo_visit.id}/timeline").get_data(as_text=True)
    assert page.count('class="day"') == len({i.starts_at.date() for i in demo_visit.items})
    assert page.count('class="block kind-') == len(demo_visit.items)
    assert "@media print" not in page  # print rules live in the stylesheet


def test_an_organisation_in_use_is_not_deleted_from_the_browser(client, demo_visit, logged_in, post):
    logged_in(client, "organiser")
    host = demo_visit.host_organisation
    response = post(client, f"/organisations/{host.id}/delete",
                    data={"version": str(host.version)}, follow_redirects=True)
    assert "still used by" in response.get_data(as_text=True)
    assert client.get(f"/organisations/{host.id}/edit").status_code == 200


def test_the_delegates_page_names_who_takes_a_journey_or_stays_at_a_hotel(client, two_group_visit, logged_in, page):
    logged_in(client)
    base = f"/visits/{two_group_visit.id}/delegates"
    flight = two_group_visit.journeys[0]
    listed = page(client, f"{base}?journey={flight.id}&lang=en")
    assert "Delegates (3)" in listed and "Arrival RO 391" in listed
    assert "Ion Rusu" in listed and "Elena Lungu" not in listed
    listed = page(client, f"{base}?stay={two_group_visit.stays[1].id}&lang=en")
    assert "Delegates (2)" in listed and "Hotel Sablon" in listed
    assert "Elena Lungu" in listed and "Ion Rusu" not in listed


def test_translations_and_audience_pages_query_the_same_whatever_the_size(client, app, demo_visit, count_queries, logged_in):
    logged_in(client)
    first = demo_visit.items[0]
    first.whole_delegation, first.chosen_delegates = False, demo_visit.delegates[:2]
    db.session.commit()
    urls = [f"/visits/{demo_visit.id}/translations",
            f"/visits/{demo_visit.id}/delegates?item={first.id}"]

    def counts() -> list[int]:
        found = []
        for url in urls:
            db.session.expire_all()
            with count_queries(app) as statements:
                assert client.get(url).status_code == 200
            found.append(len(statements))
        return found

    before = counts()
    extra = [Delegate(visit=demo_visit, full_name=f"Gast {n}", role="member") for n in range(6)]
    db.session.add_all(extra)
    for n in range(5):
        db.session.add(Item(visit_id=demo_visit.id, title=f"Extra {n}", kind="session",
                            starts_at=first.starts_at, ends_at=first.ends_at,
                            venue_id=first.venue_id, topics=["nieuw"], translations={}))
    first.chosen_delegates = [*first.chosen_delegates, *extra]
    db.session.commit()
    assert counts() == before
