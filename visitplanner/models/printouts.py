"""Printout jobs: outputs the worker builds into the output cache, queued by every write.

Any flush that changes what a visit's outputs show queues its programme PDF and calendar again
(and every printout of it asked for before), in the same transaction as the write: both doors,
web and API, and the CLI, go through the session, so this is the one place that queues.
"""

import datetime as dt
from collections.abc import Iterable
from itertools import chain
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint, event, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, Session, mapped_column

from visitplanner.extensions import Model
from visitplanner.models.base import Claimable, one_of, utcnow
from visitplanner.models.directory import Organisation, Person, Venue
from visitplanner.models.items import Item
from visitplanner.models.practical import Contact, Journey, Stay
from visitplanner.models.releases import Release
from visitplanner.models.visits import Delegate, Visit

PRINTOUTS = ("programme", "badges", "delegate", "person", "calendar")
JOB_STATUSES = ("pending", "failed")
# Every edit queues these two; the others are queued when someone asks for them.
AFTER_EDIT = ("programme", "calendar")
VISIT_ROWS = (Item, Delegate, Journey, Stay, Contact, Release)  # rows with a visit_id
DIRECTORY = (Organisation, Person, Venue)  # shown by any visit
UNIQUE = ("visit_id", "printout", "subject_id", "language")


class PrintoutJob(Claimable, Model):
    """One output of a visit to build into the output cache: a PDF or the visit's calendar."""

    __tablename__ = "printout_jobs"
    __table_args__ = (UniqueConstraint(*UNIQUE),
                      one_of("printout", PRINTOUTS, "printout"),
                      one_of("status", JOB_STATUSES, "status"))

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    printout: Mapped[str] = mapped_column(String(10))
    # The delegate of a personal programme, the person of a speaker's; 0 for the whole visit.
    subject_id: Mapped[int] = mapped_column(Integer, default=0)
    # '' builds the output in its own language (the visit's, or the delegate's).
    language: Mapped[str] = mapped_column(String(2), default="")


def _pending(now: dt.datetime) -> dict[str, Any]:
    # A claim is dropped too: a worker busy with the old data finds its row taken back (its
    # finish matches no row), and the row is built again from the new data.
    return {"status": "pending", "attempts": 0, "last_error": None, "claimed_by": None,
            "claimed_until": None, "next_attempt_at": now}


def _insert(connection: Connection) -> Any:
    # Imported here: the PostgreSQL dialect is a thirtieth of a second of a start on SQLite.
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(PrintoutJob)


def queue_after_edit(connection: Connection, visit_ids: Iterable[int],
                     directory: bool = False) -> None:
    """Queue every printout of these visits again, and their programme and calendar; after a
    directory edit, those of every visit not over yet."""
    jobs, now = PrintoutJob, utcnow()
    visit_ids = sorted(set(visit_ids))
    if directory:
        upcoming = select(Visit.id).where(Visit.end_date >= now.date())
        connection.execute(update(jobs).where(jobs.visit_id.in_(upcoming)).values(_pending(now)))
    if visit_ids:
        connection.execute(update(jobs).where(jobs.visit_id.in_(visit_ids)).values(_pending(now)))
        rows = [{"visit_id": visit_id, "printout": printout, "subject_id": 0, "language": ""}
                for visit_id in visit_ids for printout in AFTER_EDIT]
        connection.execute(_insert(connection).values(rows)
                           .on_conflict_do_nothing(index_elements=UNIQUE))


def queue_printout(connection: Connection, visit_id: int, printout: str, subject_id: int,
                   language: str) -> None:
    """Queue one printout someone asked for, due now (again, when it was built before and
    since pruned); one due already, or being built, is left alone."""
    row = {"visit_id": visit_id, "printout": printout, "subject_id": subject_id,
           "language": language}
    now = utcnow()
    statement = _insert(connection).values(row)
    connection.execute(statement.on_conflict_do_update(
        index_elements=UNIQUE, set_=_pending(now),
        where=or_(PrintoutJob.status != "pending", PrintoutJob.next_attempt_at > now)))


@event.listens_for(Session, "after_flush")
def _queue_after_flush(session: Session, _context: Any) -> None:
    """Queue the printouts of the visits a flush changed (committed with it, or rolled back)."""
    visit_ids: set[int] = set()
    directory = False
    for row in chain(session.new, session.dirty, session.deleted):
        if isinstance(row, Visit):
            visit_ids.add(row.id)
        elif isinstance(row, VISIT_ROWS):
            visit_ids.add(row.visit_id)
        elif isinstance(row, DIRECTORY):
            directory = True
    visit_ids -= {row.id for row in session.deleted if isinstance(row, Visit)}
    if visit_ids or directory:
        queue_after_edit(session.connection(), visit_ids, directory)
