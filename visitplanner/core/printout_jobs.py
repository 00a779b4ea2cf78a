"""The worker's printouts kind: build a queued PDF or calendar into the output cache.

Each row stays in the queue, due again the next night (the print date on the cover changes),
until its visit is over; an edit makes it due at once (see models.printouts).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Flask
from sqlalchemy import delete, select

from visitplanner.core.calendars import visit_calendar
from visitplanner.core.printouts import make_pdf, queued_printout
from visitplanner.extensions import db
from visitplanner.models import Visit
from visitplanner.models.printouts import PrintoutJob
from visitplanner.worker import JobKind


def next_night() -> dt.datetime:
    """Just after the coming local midnight, when the print date of every PDF changes."""
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    return dt.datetime.combine(tomorrow, dt.time(0, 1)).astimezone(dt.UTC)


class Builder:
    """Builds one queued output; a visit that is over is built once more and leaves the queue."""

    def __init__(self, app: Flask) -> None:
        self.app = app

    def handle(self, row: PrintoutJob) -> None:
        lang = row.language or None
        if row.printout == "calendar":
            visit_calendar(row.visit_id, lang)
        else:
            printout = queued_printout(row.printout, row.visit_id, row.subject_id, lang)
            if printout is not None:
                make_pdf(printout)
        ends = db.session.scalar(select(Visit.end_date).where(Visit.id == row.visit_id))
        if ends is None or ends < dt.date.today():
            db.session.execute(delete(PrintoutJob).where(PrintoutJob.id == row.id))
            db.session.commit()

    def close(self) -> None:
        pass


def _done() -> dict[str, Any]:
    return {"status": "pending", "next_attempt_at": next_night()}


PRINTOUTS = JobKind(name="printouts", model=PrintoutJob, open_handler=Builder, batch=1,
                    max_attempts=5, done=_done)
