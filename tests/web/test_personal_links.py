"""Finding 10: secrets where they don't belong. Personal links reveal no id, expire after the
visit, stay out of logs; outbox files are private; SQL errors carry no parameters."""
from __future__ import annotations

import base64
import datetime as dt
import logging
import os
import stat

import pytest
from itsdangerous import URLSafeSerializer
from mail_helpers import deliver
from sqlalchemy import text, update

from visitplanner.core.calendars import delegate_links
from visitplanner.core.delegate_links import SALT
from visitplanner.extensions import db
from visitplanner.models import AuditEvent, Delegate, Visit
from visitplanner.security import RedactSecretLinks, redact


def _path(url: str) -> str:
    return url.removeprefix("http://visitplanner.test")


def _decodes_to_id(token: str, delegate_id: int) -> bool:
    """Whether any base64 reading of the token's parts shows the delegate's id."""
    for part in token.replace("-", "+").replace("_", "/").split("."):
        try:
            decoded = base64.b64decode(part + "=" * (-len(part) % 4))
        except ValueError:
            continue
        if f"[{delegate_id}," in decoded.decode("latin-1"):
            return True
    return False


def test_personal_link_reveals_no_id_and_opens_the_page(client, demo_visit):
    delegate = demo_visit.delegates[0]
    links = delegate_links(delegate)
    token = links["personal_url"].rsplit("/", 1)[1]
    assert str(delegate.id) not in token.split(".")[0] or len(token) > 40
    assert not _decodes_to_id(token, delegate.id)
    page = client.get(_path(links["personal_url"]))
    assert page.status_code == 200 and delegate.full_name in page.get_data(as_text=True)
    assert client.get(_path(links["calendar_feed_url"])).status_code == 200
    forged = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    assert client.get(f"/p/{forged}").status_code == 404


def test_links_sent_before_keep_working_until_rotated(api, client, app, demo_visit):
    """Links already in delegates' mailboxes (signed id and version) still open, until the
    organiser rotates them; rotating voids old and new links alike."""
    delegate = demo_visit.delegates[0]
    old = URLSafeSerializer(app.config["SECRET_KEY"], salt=SALT).dumps(
        [delegate.id, delegate.link_version])
    assert client.get(f"/p/{old}").status_code == 200
    assert client.get(f"/c/{old}.ics").status_code == 200
    current = _path(delegate_links(delegate)["personal_url"])
    assert api.post(f"/delegates/{delegate.id}/rotate-token").status_code == 200
    assert client.get(f"/p/{old}").status_code == 404
    assert client.get(current).status_code == 404
    db.session.expire_all()
    assert client.get(_path(delegate_links(delegate)["personal_url"])).status_code == 200
    assert "link_rotated" in {e.kind for e in db.session.scalars(db.select(AuditEvent))}


def test_personal_links_expire_a_set_time_after_the_visit(client, app, demo_visit):
    delegate = demo_visit.delegates[0]
    url = _path(delegate_links(delegate)["personal_url"])
    feed = _path(delegate_links(delegate)["calendar_feed_url"])
    days = app.config["PERSONAL_LINK_DAYS"]
    today = dt.datetime.now(dt.UTC).date()
    db.session.execute(update(Delegate).values(
        link_issued_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=days + 10)))
    db.session.execute(update(Visit).values(start_date=today - dt.timedelta(days=days + 2),
                                            end_date=today - dt.timedelta(days=days)))
    db.session.commit()
    assert client.get(url).status_code == 200  # the last day of the grace period
    db.session.execute(update(Visit).values(start_date=today - dt.timedelta(days=days + 3),
                                            end_date=today - dt.timedelta(days=days + 1)))
    db.session.commit()
    expired = client.get(url)
    assert expired.status_code == 410 and "expired" in expired.get_data(as_text=True)
    assert client.get(feed).status_code == 410
    app.config["PERSONAL_LINK_DAYS"] = days + 5
    try:
        assert client.get(url).status_code == 200
    finally:
        app.config["PERSONAL_LINK_DAYS"] = days
    # Links issued (rotated) after the visit get the same grace period from that day on.
    db.session.execute(update(Delegate).values(link_issued_at=dt.datetime.now(dt.UTC)))
    db.session.commit()
    assert client.get(url).status_code == 200


def test_link_tokens_are_redacted_from_logs(demo_visit, caplog):
    token = delegate_links(demo_visit.delegates[0])["personal_url"].rsplit("/", 1)[1]
    line = f'127.0.0.1 - - "GET /p/{token} HTTP/1.1" 200 -'
    assert token not in redact(line) and "/p/[redacted]" in redact(line)
    assert redact(f"GET /c/{token}.ics?x=1") == "GET /c/[redacted].ics?x=1"
    logger = logging.getLogger("werkzeug")
    assert any(isinstance(f, RedactSecretLinks) for f in logger.filters)
    disabled, logger.disabled = logger.disabled, False  # Alembic's logging setup disables it
    try:
        with caplog.at_level(logging.INFO, logger="werkzeug"):
            logger.info('"%s" %s %s', f"GET /c/{token}.ics HTTP/1.1", 200, "-")
    finally:
        logger.disabled = disabled
    assert token not in caplog.text and "/c/[redacted].ics" in caplog.text


def test_outbox_files_are_readable_by_the_owner_only(api, demo_visit, app):
    assert api.post(f"/visits/{demo_visit.id}/invitations").json["queued"] > 0
    assert deliver() > 0  # the worker writes the .eml files
    folder = os.path.join(app.instance_path, "outbox")
    files = [os.path.join(folder, name) for name in os.listdir(folder)]
    assert files
    for path in files:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
    assert stat.S_IMODE(os.stat(folder).st_mode) & 0o077 == 0


def test_sql_errors_carry_no_parameters(app):
    with pytest.raises(Exception) as raised:
        db.session.execute(text("SELECT * FROM no_such_table WHERE x = :secret"),
                           {"secret": "token-hash-abc123"})
    db.session.rollback()
    assert "token-hash-abc123" not in str(raised.value)
