"""Quick entry: save and add another, duplicate an item."""
from __future__ import annotations

import datetime as dt
import re

from web_client import form_values, logged_in, page, post

from visitplanner.extensions import db
from visitplanner.models import Item


def test_save_and_add_another_opens_the_next_slot_at_the_same_venue(client, demo_visit):
    logged_in(client)
    url = f"/visits/{demo_visit.id}/items/new"
    sent = form_values(page(client, url))
    venue = next(v for v in re.findall(r'<option value="(\d+)"', page(client, url)))
    day = demo_visit.start_date.isoformat()
    sent.update({"title": "Welcome coffee", "starts_at": f"{day}T08:00",
                 "ends_at": f"{day}T08:30", "venue_id": venue, "then": "another"})
    response = post(client, url, sent)
    first = db.session.scalar(db.select(Item).where(Item.title == "Welcome coffee"))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{url}?after={first.id}")
    following = form_values(page(client, response.headers["Location"]))
    assert following["starts_at"] == f"{day}T08:30" and following["ends_at"] == f"{day}T09:00"
    assert following["venue_id"] == venue and following["title"] == ""
    assert "Save and add another" in page(client, url)


def test_duplicate_prefills_everything_but_saves_a_new_item(client, demo_visit):
    logged_in(client)
    original = demo_visit.items[0]
    html = page(client, f"/visits/{demo_visit.id}/items/new?like={original.id}")
    sent = form_values(html)
    assert sent["title"] == original.title and sent["version"] == ""
    assert sent["starts_at"] == original.starts_at.strftime("%Y-%m-%dT%H:%M")
    sent["starts_at"] = (original.starts_at + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    sent["ends_at"] = (original.ends_at + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    if original.meeting_at:  # the meeting time is on the item's day
        sent["meeting_at"] = (original.meeting_at + dt.timedelta(days=1)).strftime(
            "%Y-%m-%dT%H:%M")
    assert post(client, f"/visits/{demo_visit.id}/items/new", sent).status_code == 302
    copies = db.session.scalars(db.select(Item).where(Item.title == original.title)).all()
    assert len(copies) == 2
    copy = next(item for item in copies if item.id != original.id)
    assert copy.speaker_ids == original.speaker_ids and copy.venue_id == original.venue_id


def test_item_form_in_the_hour_the_clocks_skip_names_the_reason(client, demo_visit):
    logged_in(client)
    url = f"/visits/{demo_visit.id}/items/new"
    sent = form_values(page(client, url))
    sent.update({"title": "Night session", "starts_at": "2024-03-31T02:30",
                 "ends_at": "2024-03-31T04:00"})
    response = post(client, url, sent)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "does not exist in Europe/Brussels" in html and "no longer exists" not in html
