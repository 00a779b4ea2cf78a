"""The command line: `export ics` and `send-outbox`."""
from __future__ import annotations

from ics_check import check_calendar
from sqlalchemy import select

from visitplanner.extensions import db
from visitplanner.models import OutboxMessage


def test_export_ics_writes_the_visit_calendar(app, demo_visit, tmp_path):
    target = tmp_path / "visit.ics"
    result = app.test_cli_runner().invoke(args=["export", "ics", str(demo_visit.id), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert len(check_calendar(target.read_bytes())) == len(demo_visit.items)
    missing = app.test_cli_runner().invoke(args=["export", "ics", "999999", "-o", str(target)])
    assert missing.exit_code != 0 and "No visit" in missing.output


def test_send_outbox_sends_what_is_due(app, demo_visit):
    from visitplanner.core.calendars import queue_visit_invitations

    queued = queue_visit_invitations(demo_visit.id)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["send-outbox"])
    assert result.exit_code == 0 and f"{queued} sent, 0 failed" in result.output
    db.session.expire_all()
    assert set(db.session.scalars(select(OutboxMessage.status))) == {"sent"}
    again = app.test_cli_runner().invoke(args=["send-outbox"])
    assert "0 sent, 0 failed" in again.output
