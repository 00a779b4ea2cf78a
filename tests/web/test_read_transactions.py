"""On PostgreSQL a request that only read ends in a COMMIT, so the server keeps the statements
psycopg prepared; a request that wrote, holds unsaved changes or failed rolls back as before."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from psycopg.pq import TransactionStatus
from sqlalchemy import func, select, text

from visitplanner.core.read_transactions import commit_reads
from visitplanner.extensions import db
from visitplanner.models import Venue


def _on_postgresql() -> bool:
    return db.engine.dialect.name == "postgresql"


@pytest.fixture
def postgresql(app: Any) -> None:
    """Only the PostgreSQL run: the SQLite one checks that requests end as they always did."""
    if not _on_postgresql():
        pytest.skip("about psycopg's prepared statements; see test_sqlite_requests_end_as_before")


def test_sqlite_requests_end_as_before(app: Any) -> None:
    assert (commit_reads in app.teardown_request_funcs.get(None, [])) == _on_postgresql()


def test_repeat_views_of_a_cached_page_use_prepared_statements(
        postgresql: None, client: Any, logged_in: Callable[..., Any], demo_visit: Any) -> None:
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
    status: TransactionStatus = db.session.connection().connection.driver_connection.info \
        .transaction_status
    return status


def test_a_request_that_only_read_is_committed(postgresql: None, app: Any) -> None:
    with app.test_request_context():
        db.session.execute(select(func.count()).select_from(Venue)).scalar()
        assert _driver_status() == TransactionStatus.INTRANS
        commit_reads(None)
        assert _driver_status() == TransactionStatus.IDLE


def test_a_request_that_wrote_is_not_committed(postgresql: None, app: Any) -> None:
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


def test_a_request_that_failed_is_not_committed(postgresql: None, app: Any) -> None:
    with app.test_request_context():
        db.session.execute(select(func.count()).select_from(Venue)).scalar()
        commit_reads(RuntimeError("the view failed"))
        assert _driver_status() == TransactionStatus.INTRANS
