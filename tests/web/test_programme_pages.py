"""Delegates and programme items through the browser: add, edit, remove, audience, conflicts."""
from __future__ import annotations

import datetime as dt
import re

from web_client import logged_in, post

from visitplanner.extensions import db
from visitplanner.models import Delegate, Item, Visit


def _item(visit, **changes):
    return {"title": "Meeting", "kind": "session", "starts_at": "2024-04-22T09:00",
            "ends_at": "2024-04-22T10:00", "status": "confirmed", "audience": "whole",
            "topics": "Prevention\n\nCyber crime", **changes}


def test_add_edit_and_remove_a_delegate(client, demo_visit):
    logged_in(client)
    url = f"/visits/{demo_visit.id}/delegates/new"
    response = post(client, url, {"full_name": "Ion Popescu", "email": "ion@example.md",
                                  "role": "member", "country": "md"})
    assert response.status_code == 302
    delegate = db.session.scalar(db.select(Delegate).filter_by(full_name="Ion Popescu"))
    assert (delegate.country, delegate.language, delegate.visit_id) == ("MD", None, demo_visit.id)
    response = post(client, f"/delegates/{delegate.id}/edit",
                    {"full_name": "Ion Popescu", "role": "head", "version": delegate.version})
    assert response.status_code == 302
    db.session.expire_all()
    assert delegate.role == "head" and delegate.email is None
    post(client, f"/delegates/{delegate.id}/delete", {"version": delegate.version})
    db.session.expire_all()
    assert db.session.get(Delegate, delegate.id) is None


def test_bad_delegate_email_is_shown_next_to_the_field(client, demo_visit):
    logged_in(client)
    response = post(client, f"/visits/{demo_visit.id}/delegates/new",
                    {"full_name": "X", "email": "not an address", "role": "member"})
    assert response.status_code == 422
    assert 'id="email-error">Not an e-mail address.' in response.get_data(as_text=True)


def test_item_form_has_local_time_inputs(client, demo_visit):
    logged_in(client)
    page = client.get(f"/visits/{demo_visit.id}/items/new").get_data(as_text=True)
    assert re.search(r'name="starts_at"[^>]*type="datetime-local"', page)
    assert 'name="delegate_ids"' in page and 'name="speaker_ids"' in page


def test_overlapping_items_are_flagged_on_the_visit_page(client, demo_visit):
    logged_in(client)
    url = f"/visits/{demo_visit.id}/items/new"
    first, second = demo_visit.delegates[0], demo_visit.delegates[1]
    assert post(client, url, _item(demo_visit, title="Talk A", starts_at="2024-04-27T09:00",
                                   ends_at="2024-04-27T10:00")).status_code == 302
    response = post(client, url, _item(demo_visit, title="Talk B", starts_at="2024-04-27T09:30",
                                       ends_at="2024-04-27T11:00", audience="chosen",
                                       delegate_ids=[first.id, second.id]))
    assert response.status_code == 302
    talk_b = db.session.scalar(db.select(Item).filter_by(title="Talk B"))
    assert talk_b.delegate_ids == [first.id, second.id]
    assert talk_b.topics == ["Prevention", "Cyber crime"]
    page = client.get(f"/visits/{demo_visit.id}").get_data(as_text=True)
    block = page[page.index(f'id="item-{talk_b.id}"'):]
    assert "conflicting" in page[page.index(f'id="item-{talk_b.id}"') - 120:][:200]
    assert "Conflict" in block[:1500]


def test_item_ending_before_it_starts_is_refused(client, demo_visit):
    logged_in(client)
    response = post(client, f"/visits/{demo_visit.id}/items/new",
                    _item(demo_visit, ends_at="2024-04-22T08:00"))
    assert response.status_code == 422
    assert 'id="ends_at-error">The end time must be after the start time.' in \
        response.get_data(as_text=True)


def test_audience_must_belong_to_the_visit(client, demo_visit):
    stranger = Visit(title="Other", start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 1, 2))
    other = Delegate(visit=stranger, full_name="Elsewhere")
    db.session.add_all([stranger, other])
    db.session.commit()
    logged_in(client, "admin")
    response = post(client, f"/visits/{demo_visit.id}/items/new",
                    _item(demo_visit, audience="chosen", delegate_ids=[other.id]))
    assert response.status_code == 422 and 'id="delegate_ids-error"' in response.get_data(True)


def test_edit_item_keeps_its_values_and_raises_sequence(client, demo_visit):
    logged_in(client)
    item = demo_visit.items[0]
    page = client.get(f"/items/{item.id}/edit").get_data(as_text=True)
    assert f'value="{item.starts_at.isoformat(timespec="minutes")}"' in page
    response = post(client, f"/items/{item.id}/edit", _item(
        demo_visit, title="Renamed", starts_at=item.starts_at.isoformat(timespec="minutes"),
        ends_at=item.ends_at.isoformat(timespec="minutes"), version=item.version))
    assert response.status_code == 302
    db.session.expire_all()
    assert item.title == "Renamed" and item.sequence >= 1


def test_directory_entries(client, app):
    logged_in(client)
    assert post(client, "/organisations/new", {"name": "Police zone Gent", "kind": "police_zone",
                                               "country": "be"}).status_code == 302
    page = client.get("/organisations").get_data(as_text=True)
    assert "Police zone Gent" in page
    org_id = int(re.search(r"/organisations/(\d+)/edit", page).group(1))
    assert post(client, "/people/new", {"full_name": "Anna Peeters",
                                        "organisation_id": org_id}).status_code == 302
    venue = {"name": "Town hall", "organisation_id": "", "latitude": "51.05", "longitude": "3.72"}
    assert post(client, "/venues/new", venue).status_code == 302
    assert "Anna Peeters" in client.get("/people").get_data(as_text=True)
    bad = post(client, "/venues/new", {"name": "Nowhere", "latitude": "123"})
    assert bad.status_code == 422 and 'id="latitude-error"' in bad.get_data(as_text=True)
    missing = post(client, "/people/new", {"full_name": "Ghost", "organisation_id": "999999"})
    assert missing.status_code == 422 and 'id="organisation_id-error"' in missing.get_data(True)
