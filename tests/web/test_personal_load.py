"""The personal page and feed load only what their delegate attends, in a fixed number of
queries, and show exactly what the whole visit's programme shows that delegate."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from visitplanner.core.calendars import delegate_links
from visitplanner.core.personal_visit import CONTACT_ROLES, ESCORT_COLUMNS, load_personal_visit
from visitplanner.core.queries import load_visit
from visitplanner.extensions import db
from visitplanner.models import Delegate, Item, Journey
from visitplanner.planning.build import build_programme


def _path(url: str) -> str:
    return url.removeprefix("http://visitplanner.test")


def test_a_personal_load_builds_the_programme_the_whole_visit_gives_that_delegate(
        demo_visit, two_group_visit):
    for visit in (demo_visit, two_group_visit):
        for delegate in visit.delegates:
            for lang in ("nl", "fr", "en", "uk"):
                db.session.expire_all()
                whole = build_programme(load_visit(visit.id), lang, delegate_id=delegate.id)
                db.session.expire_all()
                own = build_programme(load_personal_visit(delegate), lang,
                                      delegate_id=delegate.id)
                assert own.items and own.personal_for == whole.personal_for
                # Equal in every field, bar what no personal output shows: the key figures,
                # the quotes and the delegates other than the delegate.
                named = tuple(d for d in whole.delegates if d.id == delegate.id)
                assert own == dataclasses.replace(whole, key_figures=(), quotes=(),
                                                  delegates=named)


def test_a_personal_load_lists_the_escorts_and_staff_as_the_whole_visit_does(
        demo_visit, two_group_visit):
    listed = 0
    for visit in (demo_visit, two_group_visit):
        for delegate in visit.delegates:
            whole = build_programme(load_visit(visit.id), delegate_id=delegate.id)
            expected = [(d.full_name, d.role, d.phone, d.email)
                        for d in whole.delegates if d.role in CONTACT_ROLES]
            escorts = load_personal_visit(delegate).escorts
            assert [tuple(getattr(d, name) for name in ESCORT_COLUMNS)
                    for d in escorts] == expected
            listed += len(expected)
    assert listed  # the demo visit has an escort


def _grow(visit) -> None:
    """Add delegates, items for chosen delegates and journeys: the visit gets bigger."""
    extra = [Delegate(visit=visit, full_name=f"Gast {n}", role="member") for n in range(20)]
    db.session.add_all(extra)
    first = visit.items[0]
    for n in range(20):
        db.session.add(Item(visit=visit, title=f"Extra {n}", kind="session",
                            starts_at=first.starts_at, ends_at=first.ends_at,
                            venue_id=first.venue_id, topics=[], translations={},
                            whole_delegation=n % 2 == 0,
                            chosen_delegates=[] if n % 2 == 0 else [visit.delegates[0], *extra]))
        db.session.add(Journey(visit=visit, direction="arrival", mode="train",
                               departs_at=dt.datetime(2024, 4, 21, 8), departure_timezone="Europe/Kyiv",
                               arrives_at=dt.datetime(2024, 4, 21, 20),
                               arrival_timezone="Europe/Brussels", whole_delegation=False,
                               chosen_delegates=[visit.delegates[0], *extra]))
    db.session.commit()


def test_personal_page_and_feed_queries_do_not_grow_with_the_visit(client, app, demo_visit,
                                                                    count_queries,
                                                                    empty_output_cache):
    delegate = demo_visit.delegates[0]
    links = delegate_links(delegate)
    paths = [_path(links["personal_url"]), _path(links["calendar_feed_url"])]

    def counts() -> list[int]:
        found = []
        for path in paths:
            db.session.expire_all()
            empty_output_cache()  # built afresh: from the output cache it makes no build queries
            with count_queries(app) as statements:
                assert client.get(path).status_code == 200, path
            found.append(len(statements))
        return found

    counts()  # the first feed fixes the calendar domain
    before = counts()
    _grow(demo_visit)
    page = client.get(paths[0]).get_data(as_text=True)
    assert "Extra 1" in page and "Extra 19" in page  # the delegate attends the new items
    assert counts() == before
    assert before[0] <= 20, before


def test_an_answer_shows_at_once_on_the_cached_page(client, demo_visit):
    delegate = demo_visit.delegates[0]
    url = _path(delegate_links(delegate)["personal_url"])
    page = client.get(url).get_data(as_text=True)
    item = next(i for i in demo_visit.items if i.status != "cancelled" and i.whole_delegation)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert 'aria-pressed="true"' not in page
    response = client.post(f"{url}/items/{item.id}/answer",
                           data={"csrf_token": token, "response": "declined"})
    assert response.status_code == 302
    article = client.get(url).get_data(as_text=True).split(f'id="item-{item.id}"')[1]
    article = article.split("</article>")[0]
    assert 'value="declined" aria-pressed="true"' in article
    assert f'name="csrf_token" type="hidden" value="{token}"' in article


def _article(page: str, item_id: int) -> str:
    return page.split(f'id="item-{item_id}"')[1].split("</article>")[0]


def test_each_item_shows_its_own_answer_and_the_escorts_their_role(client, demo_visit):
    from visitplanner.models import ItemResponse
    from visitplanner.outputs.common import label

    delegate = demo_visit.delegates[0]
    open_items = [i for i in demo_visit.items if i.status != "cancelled" and i.whole_delegation]
    accepted, declined, unanswered = open_items[:3]
    db.session.add_all([
        ItemResponse(delegate_id=delegate.id, item_id=accepted.id, visit_id=demo_visit.id,
                     response="accepted"),
        ItemResponse(delegate_id=delegate.id, item_id=declined.id, visit_id=demo_visit.id,
                     response="declined")])
    db.session.commit()
    page = client.get(_path(delegate_links(delegate)["personal_url"])).get_data(as_text=True)
    lang = delegate.language or demo_visit.content_language
    for item, answer in ((accepted, "accepted"), (declined, "declined"), (unanswered, None)):
        article = _article(page, item.id)
        assert f"/items/{item.id}/answer" in article and 'name="csrf_token"' in article
        assert article.count('aria-pressed="true"') == (answer is not None)
        if answer:
            assert f'value="{answer}" aria-pressed="true"' in article
            assert f'<p class="answered">{label(f"page.{answer}", lang)}</p>' in article
        else:
            assert 'class="answered"' not in article
    escort = next(d for d in demo_visit.delegates if d.role == "escort")
    assert f"<li>{escort.full_name} ({label('role.escort', lang)})" in page
