"""Event UIDs: on a calendar domain fixed once per installation, never on the base URL."""
from __future__ import annotations

import re

from flask_migrate import upgrade
from sqlalchemy import text

from visitplanner.extensions import db, init_migrations
from visitplanner.models import Setting


def uids(data: bytes) -> set[str]:
    return set(re.findall(r"UID:(\S+)", data.decode()))


def test_uids_stay_the_same_when_the_base_url_changes(app, api, demo_visit, monkeypatch):
    monkeypatch.setitem(app.config, "CALENDAR_DOMAIN", None)
    first = uids(api.get(f"/visits/{demo_visit.id}/calendar.ics").data)
    (stored,) = db.session.scalars(db.select(Setting.value).where(Setting.key == "calendar_domain"))
    assert first == {f"item-{item.id}@{stored}" for item in demo_visit.items}
    monkeypatch.setitem(app.config, "CALENDAR_DOMAIN", None)
    monkeypatch.setitem(app.config, "BASE_URL", "https://visits.example.org:8443")
    assert uids(api.get(f"/visits/{demo_visit.id}/calendar.ics").data) == first
    assert "visitplanner.test" not in stored and "example.org" not in stored


def test_an_upgraded_installation_keeps_the_host_its_uids_used(tmp_path, monkeypatch):
    from visitplanner import create_app
    from visitplanner.core.calendars import calendar_domain

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    init_migrations(app)
    with app.app_context():
        upgrade(revision="0005")
        db.session.execute(text(
            "INSERT INTO visits (id, title, start_date, end_date, timezone, content_language,"
            " host_country, status, translations, version, created_at, updated_at) VALUES"
            " (1, 'Old visit', '2024-04-22', '2024-04-26', 'Europe/Brussels', 'nl', 'BE',"
            " 'draft', '{}', 1, '2024-01-01', '2024-01-01')"))
        db.session.execute(text(
            "INSERT INTO items (id, visit_id, title, kind, starts_at, ends_at, topics, status,"
            " whole_delegation, sequence, translations, version, created_at, updated_at) VALUES"
            " (7, 1, 'Welcome', 'session', '2024-04-22 09:30', '2024-04-22 10:00', '[]',"
            " 'confirmed', 1, 0, '{}', 1, '2024-01-01', '2024-01-01')"))
        db.session.commit()
        monkeypatch.setenv("VISITPLANNER_BASE_URL", "http://old-host.example:5000")
        upgrade()
        app.config["CALENDAR_DOMAIN"] = None
        assert calendar_domain() == "old-host.example"
        db.session.remove()
        db.engine.dispose()
