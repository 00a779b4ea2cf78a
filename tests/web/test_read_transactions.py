"""On PostgreSQL a request that only read ends in a COMMIT, so the server keeps the statements
psycopg prepared; a request that wrote, holds unsaved changes or failed rolls back as before."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any

import pytest
from psycopg.pq import TransactionStatus
from sqlalchemy import func, select, text

from visitplanner.core.read_transactions import commit_reads
from visitplanner.extensions import db
from visitplanner.models import Venue

# PostgreSQL's run alone: SQLite keeps no prepared statements and ends requests as before.
# Without a cluster (outside CI, which always has one) the tests say so rather than pass.
on_postgresql = pytest.mark.parametrize("app", ["postgresql"] if os.environ.get(
    "VISITPLANNER_TEST_DATABASE_URL") else [pytest.param(
    "postgresql", marks=pytest.mark.skip(reason="VISITPLANNER_TEST_DATABASE_URL is unset"))],
    indirect=True)


def test_only_postgresql_requests_commit_their_reads(app: Any) -> None:
    installed = commit_reads in app.teardown_request_funcs.get(None, [])
    assert installed == (db.engine.dialect.name == "postgresql")


@on_postgresql
def test_repeat_views_of_a_cached_page_use_prepared_statements(
        client: Any, logged_in: Callable[..., Any], demo_visit: Any) -> None:
    path = f"/visits/{demo_visit.id}"
    logged_in(client)
    db.session.commit()
    db.engine.dispose()  # from here one connection, handed to each request in turn

    def view_page() -> None:
        # A thread of its own, as a server's worker: each request has its own session, which
        # is removed when the request ends.
        for _ in range(8):
            assert client.get(path).status_code == 200

    viewer = threading.Thread(target=view_page)
    viewer.start()
    viewer.join(timeout=60)
    assert not viewer.is_alive()
    prepared = db.session.execute(text("SELECT statement FROM pg_prepared_statements"))
    statements = prepared.scalars().all()
    assert any("max(releases.number)" in statement for statement in statements), statements
    assert any("FROM users" in statement for statement in statements), statements


def _driver_status() -> TransactionStatus:
    driver: Any = db.session.connection().connection.driver_connection
    return TransactionStatus(driver.info.transaction_status)


@on_postgresql
def test_a_request_that_only_read_is_committed(app: Any) -> None:
    with app.test_request_context():
        db.session.execute(select(func.count()).select_from(Venue)).scalar()
        assert _driver_status() == TransactionStatus.INTRANS
        commit_reads(None)
        assert _driver_status() == TransactionStatus.IDLE


@on_postgresql
def test_a_request_that_wrote_is_not_committed(app: Any) -> None:
    with app.test_request_context():
        db.session.add(Venue(name="Flushed, never committed"))
        db.session.flush()
        commit_reads(None)
        db.session.rollback()
    with app.test_request_context():
        db.session.add(Venue(name="Added, never flushed"))
        commit_reads(None)
        db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(Venue)) == 0


@on_postgresql
def test_a_request_that_failed_is_not_committed(app: Any) -> None:
    with app.test_request_context():
        db.session.execute(select(func.count()).select_from(Venue)).scalar()
        commit_reads(RuntimeError("the view failed"))
        assert _driver_status() == TransactionStatus.INTRANS
