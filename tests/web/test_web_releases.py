"""Releases in the browser: preview, test, publish with conflicts confirmed; answers per item."""
from __future__ import annotations

import re

from sqlalchemy import func, select
from web_client import logged_in, page, post

from visitplanner.extensions import db
from visitplanner.models import ItemResponse, OutboxMessage, Release


def count(model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def personal_path(app, delegate) -> str:
    from visitplanner.core.calendars import delegate_links

    with app.test_request_context():
        return delegate_links(delegate)["personal_url"].removeprefix("http://visitplanner.test")


def keys(visit, *emails):
    return [f"d{d.id}" for d in visit.delegates if d.email in emails]


HEAD = "o.shevchenko@example.org"


def test_preview_lists_each_message_and_stores_nothing(client, demo_visit):
    logged_in(client, "organiser")
    url = f"/visits/{demo_visit.id}/releases"
    assert "Publish and send" in page(client, url)
    response = post(client, f"{url}/preview", {"mode": "full", "recipients": keys(demo_visit, HEAD, "o.kovalenko@example.org")})
    text = response.get_data(as_text=True)
    assert response.status_code == 200 and "nothing sent yet" in text
    assert "o.shevchenko@example.org" in text and "Dear Oleksandr Shevchenko," in text
    assert count(Release) == 0 and count(OutboxMessage) == 0


def test_send_a_test_to_me_queues_one_example_to_the_organiser(client, demo_visit):
    logged_in(client, "organiser")
    response = post(client, f"/visits/{demo_visit.id}/releases/test",
                    {"mode": "full", "recipients": keys(demo_visit, HEAD)})
    assert response.status_code == 200 and "web-organiser@example.org" in response.get_data(
        as_text=True)
    (row,) = db.session.scalars(select(OutboxMessage))
    assert row.recipient == "web-organiser@example.org" and row.subject.startswith("[Test] ")
    assert row.release_id is None and count(Release) == 0


def test_publishing_asks_to_confirm_open_conflicts_then_queues(client, api, demo_visit):
    logged_in(client, "organiser")
    items = api.get(f"/visits/{demo_visit.id}/items").json
    first, second = items[0], items[1]
    api.patch(f"/items/{second['id']}", json={"starts_at": first["starts_at"],
                                              "ends_at": first["ends_at"],
                                              "version": second["version"]})
    url = f"/visits/{demo_visit.id}/releases/publish"
    refused = post(client, url, {"mode": "full", "recipients": keys(demo_visit, HEAD)})
    assert refused.status_code == 400 and "Confirm that you have looked" in refused.get_data(
        as_text=True)
    assert count(Release) == 0
    done = post(client, url, {"mode": "full", "recipients": keys(demo_visit, HEAD), "confirm_conflicts": "y"})
    assert done.status_code == 302 and done.location.endswith(f"/visits/{demo_visit.id}/outbox")
    assert count(Release) == 1 and count(OutboxMessage, OutboxMessage.kind == "programme") == 1
    outbox = page(client, f"/visits/{demo_visit.id}/outbox")
    assert "0 sent, 1 waiting, 0 failed" in outbox


def test_failed_messages_can_be_tried_again(client, api, demo_visit):
    logged_in(client, "organiser")
    api.post(f"/visits/{demo_visit.id}/releases", json={"mode": "full"})
    db.session.execute(OutboxMessage.__table__.update().values(status="failed", attempts=10,
                                                               last_error="421 down"))
    db.session.commit()
    assert "Try the failed messages again" in page(client, f"/visits/{demo_visit.id}/outbox")
    response = post(client, f"/visits/{demo_visit.id}/outbox/retry")
    assert response.status_code == 302
    db.session.expire_all()
    assert set(db.session.scalars(select(OutboxMessage.status))) == {"pending"}


def test_viewers_cannot_publish(client, demo_visit):
    logged_in(client, "viewer")
    assert "Publish and send" not in page(client, f"/visits/{demo_visit.id}/releases")
    response = post(client, f"/visits/{demo_visit.id}/releases/publish", {"mode": "full"})
    assert response.status_code == 403 and count(Release) == 0


def test_a_delegate_accepts_and_declines_items_on_the_personal_page(app, client, api,
                                                                     demo_visit):
    delegate = next(d for d in demo_visit.delegates if d.language == "fr")
    item_id = demo_visit.items[0].id
    path = personal_path(app, delegate)
    text = client.get(path).get_data(as_text=True)
    assert "Je participe" in text and "Je ne peux pas" in text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', text).group(1)
    answer = f"{path}/items/{item_id}/answer"
    assert client.post(answer, data={"response": "declined"}).status_code == 400  # no CSRF
    assert count(ItemResponse) == 0
    done = client.post(answer, data={"csrf_token": token, "response": "declined"})
    assert done.status_code == 302 and done.location.endswith(f"#item-{item_id}")
    assert "Vous ne pouvez pas." in client.get(path).get_data(as_text=True)
    client.post(answer, data={"csrf_token": token, "response": "accepted"})
    (row,) = api.get(f"/visits/{demo_visit.id}/responses").json
    assert (row["delegate_id"], row["item_id"], row["response"]) == (
        delegate.id, item_id, "accepted")
    forged = path[:-3] + "abc"
    assert client.post(f"{forged}/items/{item_id}/answer",
                       data={"csrf_token": token, "response": "declined"}).status_code == 404
    assert client.post(f"{path}/items/999999/answer",
                       data={"csrf_token": token, "response": "declined"}).status_code == 404
    assert client.post(answer, data={"csrf_token": token, "response": "maybe"}).status_code == 400
    logged_in(client, "organiser")
    answers = page(client, f"/visits/{demo_visit.id}/releases")
    assert re.search(rf'id="answers-{item_id}">.*?<td>1 \({delegate.full_name}\)', answers,
                     re.DOTALL)
