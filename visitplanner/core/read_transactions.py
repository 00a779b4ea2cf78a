"""Requests that only read end their transaction with COMMIT rather than ROLLBACK.

psycopg forgets a connection's prepared statements at every ROLLBACK (one may have undone DDL),
so on PostgreSQL a request that rolled back its reads left the next one to plan each statement
anew: planning the stamp of a cached page was most of the server's work for that page. A
COMMIT of a transaction that wrote nothing changes nothing and keeps them. A request that
failed, or whose transaction wrote or holds unsaved changes, rolls back as before.
SQLite keeps no prepared statements across transactions, nor starts one to read: there the
requests end as they always did.
"""
from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Connection

from visitplanner.extensions import db

WROTE = "visitplanner_wrote"  # in Connection.info: the transaction ran a statement that writes


def init_read_transactions(app: Flask) -> None:
    """On PostgreSQL, end each request's transaction that only read with a COMMIT."""
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "postgresql":
        return
    event.listen(engine, "begin", _begin)
    event.listen(engine, "before_cursor_execute", _note_writes)
    app.teardown_request(commit_reads)


def commit_reads(error: BaseException | None) -> None:
    """Commit the session's transaction when the request succeeded and nothing was written."""
    if error is not None or not db.session.registry.has():
        return  # failed, or never asked the database (a static file, say)
    session = db.session()
    if not session.in_transaction() or session.new or session.dirty or session.deleted:
        return
    connection = session.connection()
    if connection.info.get(WROTE, True):
        return
    # The driver's own commit, not the session's: that one would also expire and flush, a
    # twentieth of a cached page's time, for nothing. The session then closes as before: its
    # rollback finds no transaction, and psycopg sends none.
    try:
        connection.connection.commit()
    except connection.dialect.loaded_dbapi.Error:
        return  # nothing was written, so nothing is lost; the rollback after reports the error


def _begin(connection: Connection) -> None:
    connection.info[WROTE] = False


def _note_writes(connection: Connection, _cursor: Any, statement: str, _parameters: Any,
                 _context: Any, executemany: bool) -> None:
    # Anything but a plain SELECT counts as a write (INSERT, UPDATE, DELETE, WITH, SAVEPOINT).
    if executemany or statement.lstrip()[:6].upper() != "SELECT":
        connection.info[WROTE] = True
