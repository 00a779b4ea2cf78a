"""The visit list: search by title, delegation, host and dates; filters."""
from __future__ import annotations

import datetime as dt

from web_client import logged_in, page

from visitplanner.extensions import db
from visitplanner.models import Organisation, Visit


def _visits():
    host = Organisation(name="Politiezone Montgomery", kind="police_zone",
                        translations={"fr": {"name": "Zone de police Montgomery"}})
    today = dt.date.today()
    db.session.add_all([
        Visit(title="Visite d'étude", content_language="fr", delegation_country="MD",
              delegation_adjective="moldaves", delegation_description="juges",
              start_date=dt.date(2030, 4, 22), end_date=dt.date(2030, 4, 24),
              host_organisation=host, status="confirmed"),
        Visit(title="Studiebezoek", delegation_country="UA", status="draft",
              start_date=dt.date(2020, 3, 2), end_date=dt.date(2020, 3, 3)),
        Visit(title="Working visit", status="draft", start_date=today + dt.timedelta(days=3),
              end_date=today + dt.timedelta(days=4)),
    ])
    db.session.commit()


def _found(client, query: str) -> set[str]:
    html = page(client, f"/?{query}")
    return {title for title in ("Visite d&#39;étude", "Studiebezoek", "Working visit")
            if title in html}


def test_search_finds_delegation_host_and_dates(client):
    logged_in(client)
    _visits()
    french = {"Visite d&#39;étude"}
    for words in ("Moldova", "Moldavië", "moldavie", "Moldovan juges", "MOLDAVES", "juge",
                  "montgomery", "zone de police", "2030-04-23", "23/04/2030", "2030-04",
                  "etude"):
        assert _found(client, f"q={words}") == french, words
    assert _found(client, "q=Oekraïne") == {"Studiebezoek"}
    assert _found(client, "q=Ukraine") == {"Studiebezoek"}
    assert _found(client, "q=nothing+like+it") == set()
    assert "No visit matches." in page(client, "/?q=nothing")


def test_filters_upcoming_past_and_draft(client):
    logged_in(client)
    _visits()
    assert _found(client, "show=upcoming") == {"Visite d&#39;étude", "Working visit"}
    assert _found(client, "show=past") == {"Studiebezoek"}
    assert _found(client, "show=draft") == {"Studiebezoek", "Working visit"}
    assert _found(client, "show=draft&q=ukraine") == {"Studiebezoek"}
    assert 'aria-current="page">Drafts' in page(client, "/?show=draft")
