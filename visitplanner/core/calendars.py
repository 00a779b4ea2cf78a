"""Calendars and invitations for the API, the web pages and the CLI alike: load, build, render."""
from __future__ import annotations

import dataclasses
import secrets
from email.utils import parseaddr
from typing import Any

from flask import current_app
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from visitplanner.core import output_cache
from visitplanner.core.delegate_links import links_of
from visitplanner.core.personal_visit import load_personal_visit
from visitplanner.core.queries import load_visit, printout_stamp
from visitplanner.extensions import db
from visitplanner.mail.invitations import queue_invitations
from visitplanner.models import Delegate, OutboxMessage, Person, Setting
from visitplanner.models.base import utcnow
from visitplanner.outputs.ics import CalendarOptions, render_calendar
from visitplanner.planning.build import build_programme, group_by_day


def delegate_links(delegate: Any) -> dict[str, str]:
    """The delegate's secret `personal_url` and `calendar_feed_url`."""
    config = current_app.config
    return links_of(delegate, config["BASE_URL"], config["SECRET_KEY"])


def calendar_domain() -> str:
    """The domain of every event UID: configured, else fixed once per installation.

    Never the base URL or a request's host: moving the app must not change any UID. The
    first process that needs a domain stores one (in its own transaction, so it sticks).
    """
    config = current_app.config
    if not config.get("CALENDAR_DOMAIN"):
        stored = db.session.get(Setting, "calendar_domain")
        if stored is None:
            try:
                with db.engine.begin() as connection:
                    connection.execute(insert(Setting).values(
                        key="calendar_domain",
                        value=f"{secrets.token_hex(6)}.visitplanner.invalid"))
            except IntegrityError:
                pass  # another process was first; its domain is the one
            stored = db.session.get(Setting, "calendar_domain", populate_existing=True)
        config["CALENDAR_DOMAIN"] = stored.value  # type: ignore[union-attr]
    return str(config["CALENDAR_DOMAIN"])


def calendar_options(page_url: str | None = None, name: str | None = None,
                     feed: bool = False) -> CalendarOptions:
    """The app's calendar settings: UIDs on the calendar domain, ORGANIZER the sender."""
    config = current_app.config
    organiser = parseaddr(config["MAIL_FROM"])[1] or config["MAIL_FROM"]
    return CalendarOptions(uid_host=calendar_domain(), organiser_email=organiser, now=utcnow(),
                           page_url=page_url, name=name, feed=feed)


def invitation_options(delegate: Any) -> CalendarOptions:
    """The calendar settings of a delegate's invitations: linked to their personal page."""
    return calendar_options(delegate_links(delegate)["personal_url"])


def _calendar_stamp(stamp: str, options: CalendarOptions, *parts: object) -> str:
    """What a cached calendar depends on beyond the data: its links, UIDs and organiser."""
    return "|".join(map(str, (*parts, options.page_url, options.name, options.feed,
                              options.uid_host, options.organiser_email, stamp)))


def visit_calendar(visit_id: int, lang: str | None = None) -> bytes | None:
    """Every item of a visit, or None when there is no such visit; built once per visit
    version and language (the worker builds it after each edit), then from the output cache."""
    found = printout_stamp(visit_id)
    if found is None:
        return None
    facts, stamp = found
    lang = lang or facts.content_language
    options = calendar_options(f"{current_app.config['BASE_URL']}/visits/{visit_id}")

    def make() -> bytes:
        programme = build_programme(load_visit(visit_id), lang)
        return render_calendar(programme, dataclasses.replace(options,
                                                              name=programme.visit.title))

    return output_cache.get_or_make("visit-ics", _calendar_stamp(stamp, options, visit_id),
                                    lang, make)


def delegate_calendar(delegate: Delegate, lang: str | None = None, feed: bool = False,
                      secret_links: bool = True) -> bytes:
    """A delegate's items, with the delegate as ATTENDEE; with `secret_links` (for organisers
    and the delegate), linked to their personal page, else to the visit's page. Built once per
    visit version, then from the output cache."""
    found = printout_stamp(delegate.visit_id)
    assert found is not None  # a delegate's visit outlives none of its delegates
    facts, stamp = found
    lang = lang or delegate.language or facts.content_language
    page = (delegate_links(delegate)["personal_url"] if secret_links
            else f"{current_app.config['BASE_URL']}/visits/{delegate.visit_id}")
    options = calendar_options(page, feed=feed)

    def make() -> bytes:
        programme = build_programme(load_personal_visit(delegate), lang,
                                    delegate_id=delegate.id)
        name = f"{programme.visit.title} – {delegate.full_name}"
        return render_calendar(programme, dataclasses.replace(options, name=name))

    return output_cache.get_or_make(
        "delegate-ics", _calendar_stamp(stamp, options, delegate.id), lang, make)


def person_calendar(visit_id: int, person_id: int, lang: str | None = None) -> bytes | None:
    """The items a host-side person speaks at, or None when the visit or person is unknown."""
    found = printout_stamp(visit_id)
    person = db.session.get(Person, person_id)
    if found is None or person is None:
        return None
    facts, stamp = found
    lang = lang or facts.content_language
    options = calendar_options(f"{current_app.config['BASE_URL']}/visits/{visit_id}")

    def make() -> bytes:
        programme = build_programme(load_visit(visit_id), lang)
        own = [item for item in programme.items if person_id in {p.id for p in item.speakers}]
        programme = dataclasses.replace(programme, days=group_by_day(own))
        name = f"{programme.visit.title} – {person.full_name}"
        return render_calendar(programme, dataclasses.replace(options, name=name))

    return output_cache.get_or_make(
        "person-ics", _calendar_stamp(stamp, options, visit_id, person_id), lang, make)


def queue_visit_invitations(visit_id: int) -> int | None:
    """Queue what the visit's delegates need (the caller commits); None when there is no visit."""
    visit = load_visit(visit_id)
    if visit is None:
        return None
    return queue_invitations(visit, invitation_options,
                             at_most=current_app.config["INVITATIONS_IN_REQUEST"])



class QueuedMeanwhile(Exception):
    """Someone queued the same invitations at the same moment; ours were rolled back."""


def commit_visit_invitations(visit_id: int) -> int | None:
    """Queue what the visit's delegates need and commit (the worker sends it): how many were
    queued; None when there is no such visit."""
    try:  # the rows are inserted at once (in bulk): a clash shows when queueing or committing
        queued = queue_visit_invitations(visit_id)
        db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        raise QueuedMeanwhile from exc
    return queued


def outbox_messages(visit_id: int) -> list[OutboxMessage]:
    """The visit's e-mails, newest first."""
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.visit_id == visit_id)
                                   .order_by(OutboxMessage.id.desc())))
