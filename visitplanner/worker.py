"""`visitplanner worker`: claim due jobs from the database, do them, retry failures later.

A job kind is a table of `Claimable` rows and a handler that does one row. Rows are claimed in
small batches with row locks (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite serialises writes),
so any number of workers on any number of hosts share one database and never do a row twice.
Each batch ends in one commit that writes every row's outcome. Mail delivery (the outbox) is
the first kind; others add theirs to `registered_kinds()`.
"""
from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from flask import Flask
from sqlalchemy import or_, select, update

from visitplanner.extensions import db
from visitplanner.models.base import utcnow

logger = logging.getLogger(__name__)

LEASE = dt.timedelta(minutes=10)  # a worker that died gives its rows back after this


class Handler(Protocol):
    """Does one claimed row of a kind, or raises; closed after each batch."""

    def handle(self, row: Any) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class JobKind:
    """A queue of work: its table, how to do one row, and how failures are retried."""

    name: str
    model: type[Any]  # a Claimable model with an integer `id`
    open_handler: Callable[[Flask], Handler]
    batch: int = 10  # small batches, so that several workers share a long queue
    max_attempts: int = 10
    first_retry: Callable[[Flask], dt.timedelta] = lambda app: dt.timedelta(minutes=1)
    longest_retry: dt.timedelta = dt.timedelta(hours=6)
    # The columns a row gets when it was done.
    done: Callable[[], dict[str, Any]] = lambda: {"status": "done"}


@dataclass
class Report:
    """How many rows of each kind were done and how many failed (to be retried)."""

    done: dict[str, int] = field(default_factory=dict)
    failed: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Every row worked on, done or failed."""
        return sum(self.done.values()) + sum(self.failed.values())


def retry_delay(kind: JobKind, app: Flask, attempts: int) -> dt.timedelta:
    """Exponential back-off from the kind's first delay, at most its longest, at least a
    second (so that a run, which does what was due when it began, tries a row only once)."""
    first = max(kind.first_retry(app), dt.timedelta(seconds=1))
    return min(first * 2 ** max(attempts - 1, 0), kind.longest_retry)


def claim(model: type[Any], token: str, now: dt.datetime, limit: int) -> list[Any]:
    """Claim up to `limit` due rows for this worker, commit, and return them."""
    free = or_(model.claimed_until.is_(None), model.claimed_until < now)
    due = (select(model.id).where(model.status == "pending", free, model.next_attempt_at <= now)
           .order_by(model.id).limit(limit).with_for_update(skip_locked=True))
    # The conditions repeat outside the subquery: a row claimed meanwhile is skipped.
    db.session.execute(
        update(model).where(model.id.in_(due.scalar_subquery()), model.status == "pending", free)
        .values(claimed_by=token, claimed_until=now + LEASE)
        .execution_options(synchronize_session=False))
    db.session.commit()
    return list(db.session.scalars(
        select(model).where(model.claimed_by == token).order_by(model.id)
        .execution_options(populate_existing=True)))


def _release(model: type[Any], ids: list[int], token: str, **values: Any) -> None:
    """Write the outcome of these claimed rows and give up their claim (no commit)."""
    db.session.execute(
        update(model).where(model.id.in_(ids), model.claimed_by == token)
        .values(attempts=model.attempts + 1, claimed_by=None, claimed_until=None, **values)
        .execution_options(synchronize_session=False))


def run_batch(app: Flask, kind: JobKind, report: Report, now: dt.datetime | None = None) -> int:
    """Claim and do one batch of a kind, then write every row's outcome in one commit;
    the number of rows worked on.

    A worker killed mid-batch leaves its rows claimed: after LEASE they are done again.
    """
    now = now or utcnow()
    token = uuid.uuid4().hex
    rows = claim(kind.model, token, now, kind.batch)
    if not rows:
        return 0
    done: list[int] = []
    failed: list[tuple[int, int, str]] = []  # id, attempts, error
    handler = kind.open_handler(app)
    try:
        for row in rows:
            row_id, attempts = row.id, row.attempts + 1
            try:
                handler.handle(row)
            except Exception as exc:  # noqa: BLE001  (one row's failure is retried later)
                db.session.rollback()  # whatever this row's work read or wrote
                failed.append((row_id, attempts, f"{type(exc).__name__}: {exc}"[:1000]))
            else:
                done.append(row_id)
    finally:
        handler.close()
        if done:
            _release(kind.model, done, token, last_error=None, **kind.done())
        for row_id, attempts, error in failed:
            _release(kind.model, [row_id], token, last_error=error,
                     status="failed" if attempts >= kind.max_attempts else "pending",
                     next_attempt_at=now + retry_delay(kind, app, attempts))
        db.session.commit()
    report.done[kind.name] = report.done.get(kind.name, 0) + len(done)
    report.failed[kind.name] = report.failed.get(kind.name, 0) + len(failed)
    return len(rows)


def work_once(app: Flask, kinds: Iterable[JobKind] | None = None,
              now: dt.datetime | None = None) -> Report:
    """Do every kind's rows that are due when its turn comes, batch after batch, then return:
    a retry falling due meanwhile waits for the next call; mail queued by the invitations job
    goes out in this one."""
    report = Report()
    for kind in kinds or registered_kinds():
        started = now or utcnow()
        while run_batch(app, kind, report, started):
            pass
    return report


def run_worker(app: Flask, stop: threading.Event, poll: float = 2.0) -> None:
    """Work until `stop` is set; between empty rounds wait `poll` seconds."""
    logger.info("worker started")
    while not stop.is_set():
        report = Report()
        try:
            for kind in registered_kinds():
                run_batch(app, kind, report)
                if stop.is_set():
                    break
        except Exception:  # noqa: BLE001  (a lost database connection must not end the worker)
            db.session.rollback()
            logger.exception("worker: a round failed; trying again")
            stop.wait(poll)
            continue
        finally:
            db.session.remove()
        if report.total:
            logger.info("worker: done %s, failed %s", report.done, report.failed)
        else:
            stop.wait(poll)
    logger.info("worker stopped")


def registered_kinds() -> list[JobKind]:
    """Every job kind the worker does, in order."""
    from visitplanner.core.outbox import INVITATIONS
    from visitplanner.core.printout_jobs import PRINTOUTS
    from visitplanner.mail.sender import MAIL

    return [INVITATIONS, MAIL, PRINTOUTS]  # mail a run queues goes out in the same round
