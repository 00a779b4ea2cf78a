"""visitplanner: plan official delegation visits. create_app() builds the Flask app."""
from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from visitplanner.gc_pause import paused_gc

if TYPE_CHECKING:
    from flask import Flask

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the app: settings, extensions, blueprints and CLI commands."""
    # Start-up makes some 180,000 objects that live as long as the process and about a thousand
    # of garbage, yet the collector's passes over them while they were made were a quarter of
    # this function's time: it stays off until the app is built.
    with paused_gc():
        app = _build_app(test_config)
    # What start-up made lives as long as the process: keep it out of the garbage collector's
    # passes, which walked it again and again while a big page was made (a third of its time).
    gc.freeze()
    return app


def _build_app(test_config: dict[str, Any] | None) -> Flask:
    # Imported here, not above: `visitplanner --help` imports this package to list commands
    # and must not load the app's models, views and extensions for that.
    from flask import Flask
    from flask_babel import get_locale
    from sqlalchemy.exc import DBAPIError
    from werkzeug.exceptions import HTTPException

    from visitplanner.config import settings_from_env
    from visitplanner.core import audit
    from visitplanner.core.read_transactions import init_read_transactions
    from visitplanner.edge import IdConverter, UnknownLanguage, caller_address
    from visitplanner.errors import (
        answer_database_error,
        answer_http_error,
        answer_unknown_language,
    )
    from visitplanner.extensions import babel, csrf, db, login_manager
    from visitplanner.url_rules import LazyBuilderRule

    instance_path = Path(os.environ.get("VISITPLANNER_INSTANCE_PATH", PROJECT_ROOT / "instance"))
    instance_path.mkdir(parents=True, exist_ok=True)
    app = Flask(
        __name__,
        instance_path=str(instance_path),
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.url_rule_class = LazyBuilderRule
    app.url_map.converters["id"] = IdConverter
    audit.caller_address = caller_address
    app.config.from_mapping(settings_from_env(instance_path))
    app.config.from_pyfile("config.py", silent=True)
    if test_config:
        app.config.update(test_config)

    from visitplanner import models  # noqa: F401  (registers the tables)

    db.init_app(app)
    init_read_transactions(app)
    login_manager.init_app(app)
    csrf.init_app(app)
    from visitplanner.web.language import select_locale

    babel.init_app(app, locale_selector=select_locale,
                   default_translation_directories=str(PROJECT_ROOT / "translations"))
    app.jinja_env.globals["get_locale"] = get_locale

    from visitplanner.api import api
    from visitplanner.security import init_security, limit_api
    from visitplanner.web import web

    init_security(app)
    limit_api(api)
    app.register_blueprint(web)
    app.register_blueprint(api)
    csrf.exempt(api)  # The API takes bearer tokens only, never cookies: no CSRF exposure.
    app.register_error_handler(HTTPException, answer_http_error)
    app.register_error_handler(UnknownLanguage, answer_unknown_language)
    app.register_error_handler(DBAPIError, answer_database_error)

    from visitplanner.cli import register_commands

    register_commands(app)
    return app
