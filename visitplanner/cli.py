"""The `visitplanner` command: Flask's CLI plus the project's own commands.

Each command imports what it uses when it runs, so that listing the commands
(`visitplanner --help`) neither creates the app nor loads the models.
"""
from __future__ import annotations

from typing import Any

import click
from flask import Flask, current_app
from flask.cli import AppGroup, FlaskGroup, ScriptInfo, with_appcontext

from visitplanner.planning.vocabulary import LANGUAGES, USER_ROLES

# A row id, as URL rules take it (edge.IdConverter): larger ones are refused, not looked up.
# The bound is models.base.MAX_ID, written out: importing it would load every model.
ROW_ID = click.IntRange(1, 2**31 - 1)


def _create_app() -> Flask:
    from visitplanner import create_app

    return create_app()


class Commands(FlaskGroup):
    """Flask's command group; every command is its own, so listing them creates no app."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load_plugin_commands()  # as Flask's listing does: commands of installed plugins
        return sorted(self.commands)


main = Commands(create_app=_create_app, help="Plan official delegation visits.")


class MigrationCommands(click.Command):
    """`visitplanner db ...`: Flask-Migrate's commands, loaded only when one of them runs."""

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        from flask_migrate.cli import db as migration_commands

        from visitplanner.extensions import init_migrations

        assert parent is not None  # always a subcommand of `visitplanner`
        init_migrations(parent.ensure_object(ScriptInfo).load_app())
        return migration_commands.make_context(info_name, args, parent=parent, **extra)


migrations_command = MigrationCommands("db", help="Perform database migrations.")


@click.command("create-user")
@click.option("--email", required=True, help="The user's e-mail address (their login).")
@click.option("--role", type=click.Choice(USER_ROLES), required=True)
@click.option("--password", help="Asked for when left out.")
@click.option("--name", "full_name", help="The user's full name.")
@with_appcontext
def create_user_command(email: str, role: str, password: str | None, full_name: str | None) -> None:
    """Create a user who can log in."""
    from visitplanner.core.accounts import AccountError, check_password, create_user

    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        check_password(password, email, full_name)
        user = create_user(email, role, password, full_name)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Created {user.role} {user.email}.")


@click.command("set-password")
@click.argument("email")
@click.option("--password", help="Asked for when left out.")
@with_appcontext
def set_password_command(email: str, password: str | None) -> None:
    """Give a user a new password (same policy as the web form); their sessions end."""
    from visitplanner.core.accounts import AccountError, check_password, find_user, set_password
    from visitplanner.extensions import db

    user = find_user(email)
    if user is None:
        raise click.ClickException(f"No user with e-mail {email}.")
    if password is None:
        password = click.prompt("New password", hide_input=True, confirmation_prompt=True)
    try:
        check_password(password, user.email, user.full_name)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    set_password(user, password)
    db.session.commit()
    click.echo(f"New password set for {user.email}; their sessions have ended.")


@click.command("create-token")
@click.argument("email")
@click.option("--name", help="A label for the token, e.g. the program that uses it.")
@click.option("--days", type=click.IntRange(min=0), default=None,
              help="Days until it expires (default: API_TOKEN_DAYS, 90; 0: never).")
@with_appcontext
def create_token_command(email: str, name: str | None, days: int | None) -> None:
    """Create an API token for a user and print it (last line); it is shown only once."""
    from visitplanner.core.accounts import find_user, issue_token

    user = find_user(email)
    if user is None:
        raise click.ClickException(f"No user with e-mail {email}.")
    token = issue_token(user, name, current_app.config["API_TOKEN_DAYS"] if days is None
                        else days or None)
    click.echo(f"New API token for {user.email} ({user.role}); keep it secret:", err=True)
    click.echo(token)


@click.command("demo")
@click.option("--if-empty", is_flag=True, help="Load only when there is no visit yet.")
@with_appcontext
def demo_command(if_empty: bool) -> None:
    """Load the example visit and the demo login organiser@example.org / demo."""
    from sqlalchemy import func, select

    from visitplanner.demo import DEMO_EMAIL, DEMO_PASSWORD, load_demo
    from visitplanner.extensions import db
    from visitplanner.models import Visit

    if if_empty and db.session.scalar(select(func.count()).select_from(Visit)):
        click.echo("The database already holds visits; no demo loaded.")
    else:
        visit = load_demo()
        click.echo(f"Loaded the demo visit {visit.id}: {visit.title}")
    click.echo(f"Demo login: {DEMO_EMAIL} / {DEMO_PASSWORD}  ({current_app.config['BASE_URL']})")


# `visitplanner export FORMAT ...`: one subcommand per output format.
export_group = AppGroup("export", help="Write a visit's outputs to files.")


@export_group.command("pdf")
@click.argument("visit_id", type=ROW_ID)
@click.option("--lang", type=click.Choice(LANGUAGES),
              help="Default: the delegate's language, else the visit's content language.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="The file to write; default: a name made from the visit and language.")
@click.option("--delegate", "delegate_id", type=ROW_ID,
              help="Write this delegate's personal programme.")
@click.option("--badges", is_flag=True, help="Write name badges and table cards instead.")
def export_pdf_command(visit_id: int, lang: str | None, output: str | None,
                       delegate_id: int | None, badges: bool) -> None:
    """Write a visit's printable programme, a personal programme or the badges as PDF."""
    from visitplanner.core.printouts import delegate_printout, visit_printout
    from visitplanner.extensions import db
    from visitplanner.models import Delegate
    from visitplanner.outputs.pdf import render_pdf

    if delegate_id is not None:
        if badges:
            raise click.UsageError("Use --delegate or --badges, not both.")
        delegate = db.session.get(Delegate, delegate_id)
        if delegate is None or delegate.visit_id != visit_id:
            raise click.ClickException(f"Visit {visit_id} has no delegate with id {delegate_id}.")
        printout = delegate_printout(delegate_id, lang)
    else:
        printout = visit_printout(visit_id, lang, badges=badges)
    if printout is None:
        raise click.ClickException(f"No visit with id {visit_id}.")
    path = output or printout.filename
    with open(path, "wb") as handle:
        handle.write(render_pdf(printout.html))
    click.echo(f"Wrote {path}")


@export_group.command("sheet")
@click.argument("visit_id", type=int)
@click.argument("kind", type=click.Choice(("delegation", "transport", "catering", "access")))
@click.option("--lang", type=click.Choice(LANGUAGES), help="Default: the visit's content language.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="The file to write, .xlsx or .pdf; default: a name made from the visit.")
def export_sheet_command(visit_id: int, kind: str, lang: str | None, output: str | None) -> None:
    """Write a sheet for drivers, caterers or security as .xlsx (or PDF when -o ends in .pdf)."""
    from visitplanner.core.sheets import sheet_file

    fmt = "pdf" if output and output.lower().endswith(".pdf") else "xlsx"
    found = sheet_file(visit_id, kind, fmt, lang, cached=False)
    if found is None:
        raise click.ClickException(f"No visit with id {visit_id}.")
    path = output or found.filename
    with open(path, "wb") as handle:
        handle.write(found.data)
    click.echo(f"Wrote {path}")


@export_group.command("ics")
@click.argument("visit_id", type=ROW_ID)
@click.option("--lang", type=click.Choice(LANGUAGES), help="Default: the visit's content language.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Default: visit-ID.ics.")
def export_ics_command(visit_id: int, lang: str | None, output: str | None) -> None:
    """Write every item of a visit as an iCalendar file."""
    from visitplanner.core.calendars import visit_calendar

    data = visit_calendar(visit_id, lang)
    if data is None:
        raise click.ClickException(f"No visit with id {visit_id}.")
    path = output or f"visit-{visit_id}.ics"
    with open(path, "wb") as handle:
        handle.write(data)
    click.echo(f"Wrote {path}")


@click.command("send-outbox")
@with_appcontext
def send_outbox_command() -> None:
    """Send every e-mail that is due now, then stop; failures are retried later."""
    from visitplanner.core.outbox import INVITATIONS
    from visitplanner.mail.sender import MAIL
    from visitplanner.worker import work_once

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    report = work_once(app, [INVITATIONS, MAIL])
    click.echo(f"{report.done.get('mail', 0)} sent, {report.failed.get('mail', 0)} failed "
               "(retried later).")


def log_to_stderr(app: Flask) -> None:
    """Log each record of INFO and above once to stderr, with its time and logger."""
    import logging

    from flask.logging import default_handler

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    # The app's records reach the root's handler anyway: Flask's own would print each twice.
    app.logger.removeHandler(default_handler)
    # WeasyPrint logs every step of a layout at INFO, a line per page of each PDF rebuilt.
    logging.getLogger("weasyprint").setLevel(logging.WARNING)


@click.command("worker")
@click.option("--once", is_flag=True, help="Do what is due now, then stop.")
@click.option("--poll", default=2.0, show_default=True,
              help="Seconds to wait when nothing is due.")
@with_appcontext
def worker_command(once: bool, poll: float) -> None:
    """Deliver mail and do other background jobs until stopped (SIGTERM or Ctrl-C)."""
    import signal
    import threading

    from visitplanner.core.calendars import calendar_domain
    from visitplanner.worker import run_worker, work_once

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    log_to_stderr(app)
    calendar_domain()  # fixed at the first start, before any job needs it
    if once:
        report = work_once(app)
        click.echo(f"done {report.done}, failed {report.failed}")
        return
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    run_worker(app, stop, poll)


COMMANDS = (create_user_command, set_password_command, create_token_command, demo_command,
            export_group, send_outbox_command, worker_command, migrations_command)
for _command in COMMANDS:
    main.add_command(_command)


def register_commands(app: Flask) -> None:
    """Add the project's commands to the app's own CLI too (`flask`, app.test_cli_runner())."""
    for command in COMMANDS:
        app.cli.add_command(command)
