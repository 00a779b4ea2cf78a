"""The visit page shows conflict messages in the UI language."""
from __future__ import annotations

from web_client import logged_in, page

from visitplanner.extensions import db
from visitplanner.models import Item


def test_visit_page_words_conflicts_in_the_ui_language(client, demo_visit):
    logged_in(client)
    first = min(demo_visit.items, key=lambda item: item.starts_at)
    db.session.add(Item(visit_id=demo_visit.id, title="Dubbele boeking", kind="session",
                        starts_at=first.starts_at, ends_at=first.ends_at,
                        venue_id=first.venue_id, topics=[], translations={}))
    db.session.commit()
    url = f"/visits/{demo_visit.id}"
    dutch = page(client, f"{url}?lang=nl")
    assert "is dubbel geboekt op maandag 22 april 2024" in dutch
    assert "De hele delegatie moet op maandag 22 april 2024 op twee plaatsen tegelijk zijn" in dutch
    french = page(client, f"{url}?lang=fr")
    assert "est réservé deux fois le lundi 22 avril 2024" in french
    assert "Toute la délégation doit être à deux endroits à la fois" in french
    english = page(client, f"{url}?lang=en")
    assert "is booked twice on Monday 22 April 2024" in english


def test_visit_page_names_the_delegation_in_the_ui_language(client, demo_visit):
    logged_in(client)
    url = f"/visits/{demo_visit.id}"
    assert "procureurs ukrainiens" in page(client, f"{url}?lang=fr")
    assert "Oekraïense openbare aanklagers" in page(client, f"{url}?lang=nl")
    assert "Ukrainian prosecutors" in page(client, f"{url}?lang=en")


def test_lists_and_sub_pages_show_stored_text_in_the_ui_language(client, demo_visit):
    logged_in(client)
    assert "Study visit of Ukrainian prosecutors" in page(client, "/?lang=en")
    assert "Directorate-General for Security and Prevention" in page(client, "/?lang=en")
    delegates = page(client, f"/visits/{demo_visit.id}/delegates?lang=en")
    assert "Study visit of Ukrainian prosecutors" in delegates
    assert "Hoofd van de delegatie" not in delegates
    assert "Hoofd van de delegatie" in page(client, f"/visits/{demo_visit.id}/delegates?lang=nl")
