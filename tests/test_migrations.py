"""Migrations build the schema the models describe, on SQLite and PostgreSQL, and undo it."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect


def test_upgrade_matches_models_and_downgrade_empties(empty_database):
    from visitplanner import create_app
    from visitplanner.extensions import db, init_migrations

    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database})
    init_migrations(app)
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, db.metadata) == []
        check = app.test_cli_runner().invoke(args=["db", "check"])
        assert check.exit_code == 0, check.output
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()
