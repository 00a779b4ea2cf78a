"""The Flask extensions, created unbound and initialised in create_app()."""
import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import Flask
from flask_babel import Babel
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

# Fixed constraint names, so migrations name things the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base of every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def read_json(text: str | bytes) -> Any:
    """A JSON column's value: json.loads, but without its parser for the empty object that
    most rows' translations hold (a summit's page reads 1,200 of them). SQLite's driver hands
    over text, psycopg bytes: decoded here, where json.loads would first guess their encoding."""
    if isinstance(text, bytes):
        text = text.decode()
    return {} if text == "{}" else json.loads(text)


db = SQLAlchemy(model_class=Base, engine_options={"json_deserializer": read_json})

# Every model subclasses `Model`: Flask-SQLAlchemy's db.Model when run, Base to type checkers,
# which cannot follow a base class made at run time (python/mypy#8603).
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model


@event.listens_for(Engine, "connect")
def _enforce_sqlite_foreign_keys(dbapi_connection: object, _record: object) -> None:
    """SQLite ignores foreign keys unless asked, so ON DELETE rules would silently not run."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA foreign_keys=ON")


def init_migrations(app: Flask) -> None:
    """Give the app Flask-Migrate, once: the `db` commands and migration tests need it.

    Not in create_app(): Flask-Migrate imports Alembic, a fifth of a second of every start.
    """
    if "migrate" not in app.extensions:
        from flask_migrate import Migrate

        Migrate(app, db, directory=str(Path(app.root_path).parent / "migrations"),
                compare_type=True, render_as_batch=True)


login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
