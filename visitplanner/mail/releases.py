"""Publishing a release: snapshot the programme, decide each person's one message, queue it.

Everything here runs inside the request and only writes rows: each outbox row keeps the
decision (the letter and what changed); the worker writes the message from the release's
snapshot, renders the PDF and talks to the mail server. A dry run plans the same messages.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from sqlalchemy import func, insert, select

from visitplanner.extensions import db
from visitplanner.mail.attachments import personal_programme
from visitplanner.mail.release_messages import (
    Envelope,
    Letter,
    change_lines,
    compose,
    programme_lines,
    subject,
)
from visitplanner.models import OutboxMessage, Person, Release
from visitplanner.models.base import utcnow
from visitplanner.outputs.common import label
from visitplanner.outputs.greetings import greeting
from visitplanner.planning import releases as rules
from visitplanner.planning.build import build_programme, delegate_view, person_view
from visitplanner.planning.programme import Programme
from visitplanner.planning.vocabulary import LANGUAGES

RELEASE_KINDS = ("programme", "changes")
# A mailbox worth writing to; the worker's header check refuses what still is not one.
MAILBOX = re.compile(r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$")


@dataclass(frozen=True)
class Selection:
    """Who may get a message: everyone affected, everyone, or the people chosen."""

    scope: str = "all"  # affected | all | chosen
    delegate_ids: frozenset[int] = frozenset()
    person_ids: frozenset[int] = frozenset()

    def includes(self, party: rules.Party) -> bool:
        """Whether the recipient is one of those selected (before asking what changed)."""
        if self.scope != "chosen":
            return True
        return party.delegate_id in self.delegate_ids or party.person_id in self.person_ids


@dataclass(frozen=True)
class Recipient:
    """A delegate or a host-side person with a mailbox, and their greeting."""

    party: rules.Party
    letter: Letter

    @property
    def key(self) -> str:
        """'d12' or 'p3': unique within a visit."""
        party = self.party
        return f"d{party.delegate_id}" if party.delegate_id is not None else f"p{party.person_id}"


@dataclass
class PlannedMessage:
    """The message a release sends one recipient: to whom, its subject, what changed."""

    recipient: Recipient
    subject: str
    changes: list[rules.Change]
    attachment: dict[str, Any]

    @property
    def content(self) -> dict[str, Any]:
        """What the outbox row keeps, for the worker to write the message from."""
        party, lang = self.recipient.party, self.recipient.letter.lang
        return {"letter": dataclasses.asdict(self.recipient.letter),
                "delegate_id": party.delegate_id, "person_id": party.person_id,
                "changes": [rules.stored(change, lang) for change in self.changes]}


@dataclass
class ReleasePlan:
    """A release before it is stored: its number, snapshot and messages."""

    number: int
    mode: str
    note: str | None
    snapshot: dict[str, Any]
    messages: list[PlannedMessage]


LinksOf = Callable[[Any], dict[str, str]]  # delegate -> {"personal_url", "calendar_feed_url"}


def webcal(url: str) -> str:
    """The calendar feed as a subscription link: webcal:// instead of http(s)://."""
    return "webcal://" + url.split("://", 1)[1]


def _people(visit: Any, previous: Collection[dict[str, Any]]) -> list[Any]:
    """Host-side people who take part now or took part in a release they were sent."""
    people = {person.id: person for item in visit.items
              for person in item.speakers + item.interpreters}
    earlier = {pid for snap in previous for entry in snap.get("items", {}).values()
               for pid in entry["person_ids"]} - people.keys()
    if earlier:
        people.update({p.id: p for p in db.session.scalars(
            select(Person).where(Person.id.in_(earlier)))})
    return [people[pid] for pid in sorted(people)]


def recipients(visit: Any, previous: Collection[dict[str, Any]],
               links_of: LinksOf) -> list[Recipient]:
    """Delegates with a mailbox, then host-side people with one who speak at an item."""
    found = []
    content = visit.content_language
    for delegate in visit.delegates:
        if delegate.email and MAILBOX.match(delegate.email):
            lang = delegate.language or content
            view = delegate_view(delegate, lang, content)
            links = links_of(delegate)
            found.append(Recipient(rules.Party(delegate_id=delegate.id), Letter(
                delegate.full_name, delegate.email, lang,
                greeting(delegate.full_name, view.honorific, lang, view.honorific_translated),
                links["personal_url"], webcal(links["calendar_feed_url"]))))
    for person in _people(visit, previous):
        if person.email and MAILBOX.match(person.email):
            host = person_view(person, content, content)
            found.append(Recipient(rules.Party(person_id=person.id), Letter(
                person.full_name, person.email, content,
                greeting(person.full_name, host.honorific, content, host.honorific_translated))))
    return found


def last_sent(visit_id: int) -> dict[str, int]:
    """Per recipient key, the release they were last sent a message of."""
    rows = db.session.execute(
        select(OutboxMessage.delegate_id, OutboxMessage.person_id,
               func.max(OutboxMessage.release_id))
        .where(OutboxMessage.visit_id == visit_id, OutboxMessage.release_id.is_not(None),
               OutboxMessage.kind.in_(RELEASE_KINDS))
        .group_by(OutboxMessage.delegate_id, OutboxMessage.person_id))
    return {(f"d{d}" if d is not None else f"p{p}"): int(release) for d, p, release in rows
            if (d is not None or p is not None) and release is not None}


def contacts_of(programme: Programme) -> list[list[str | None]]:
    """Who to call: the visit's contacts; without any, the host and the delegation's escorts."""
    lang = programme.lang
    if programme.contacts:
        return [[c.name, c.role, c.phone, c.email] for c in programme.contacts]
    found: list[list[str | None]] = []
    host = programme.visit.host
    if host:
        found.append([host.name, None, host.phone, host.email])
    found += [[d.full_name, label(f"role.{d.role}", lang), d.phone, d.email]
              for d in programme.delegates if d.role in ("escort", "staff")]
    return found


def practical_entries(programmes: dict[str, Programme]) -> dict[str, dict[str, Any]]:
    """The journeys and stays as snapshot entries, worded in each language."""
    entries: dict[str, dict[str, Any]] = {}
    for lang, programme in programmes.items():
        for journey in programme.journeys:
            route = " → ".join(p for p in (journey.from_place, journey.to_place) if p)
            what = " ".join(p for p in (journey.reference, route) if p)
            entry = entries.setdefault(f"journey-{journey.id}", {
                "kind": "journey", "starts_at": rules.local_iso(journey.departs),
                "ends_at": rules.local_iso(journey.arrives), "status": "confirmed",
                "delegate_ids": _sorted(journey.delegate_ids), "person_ids": [],
                "title": {}, "venue": {}})
            entry["title"][lang] = f"{label('release.' + journey.direction, lang)}: {what}"
            entry["venue"][lang] = journey.meeting_point
        for stay in programme.stays:
            entry = entries.setdefault(f"stay-{stay.id}", {
                "kind": "stay", "starts_at": f"{stay.check_in.isoformat()}T23:59",
                "check_in": stay.check_in.isoformat(), "check_out": stay.check_out.isoformat(),
                "status": "confirmed", "delegate_ids": _sorted(stay.delegate_ids),
                "person_ids": [], "title": {}, "venue": {}})
            entry["title"][lang] = f"{label('release.stay', lang)}: {stay.hotel.name}"
            entry["venue"][lang] = rules.place(stay.hotel)
    return entries


def _sorted(ids: tuple[int, ...] | None) -> list[int] | None:
    return None if ids is None else sorted(ids)


def plan_release(visit: Any, mode: str, selection: Selection, note: str | None,
                 links_of: LinksOf) -> ReleasePlan:
    """Every message the next release of the visit sends, and its snapshot."""
    programmes = {lang: build_programme(visit, lang) for lang in LANGUAGES}
    snapshot = rules.snapshot(programmes, {lang: contacts_of(p) for lang, p in programmes.items()},
                              practical_entries(programmes))
    number = (db.session.scalar(select(func.max(Release.number))
                                .where(Release.visit_id == visit.id)) or 0) + 1
    sent = last_sent(visit.id)
    earlier = {release.id: release.snapshot for release in db.session.scalars(
        select(Release).where(Release.id.in_(set(sent.values()))))} if sent else {}
    differs: dict[int | None, rules.Differ] = {}
    messages = []
    for recipient in recipients(visit, earlier.values(), links_of):
        if not selection.includes(recipient.party):
            continue
        lang = recipient.letter.lang
        changes: list[rules.Change] = []
        if mode == "changes" or selection.scope == "affected":
            previous = sent.get(recipient.key)
            if previous not in differs:
                differs[previous] = rules.Differ(earlier.get(previous), snapshot)  # type: ignore
            changes = differs[previous].changes(recipient.party, lang)
            if not changes:
                continue  # nothing changed for them: no mail
        title = rules.in_lang(snapshot["visit"]["title"], lang)
        messages.append(PlannedMessage(
            recipient, subject(title, number, mode, lang), changes,
            personal_programme(recipient.party.delegate_id, recipient.party.person_id,
                               visit.id, lang)))
    return ReleasePlan(number, mode, note, snapshot, messages)


def write_message(release: Release | ReleasePlan, content: dict[str, Any], sender_email: str,
                  reply_to: str | None, domain: str, key: str) -> EmailMessage:
    """The message of one outbox row (or planned message), from the release's snapshot."""
    snap = release.snapshot
    letter = Letter(**content["letter"])
    lang = letter.lang
    envelope = Envelope(rules.in_lang(snap["visit"]["title"], lang), release.number,
                        release.mode, release.note, rules.in_lang(snap["visit"]["host"], lang),
                        sender_email, reply_to, utcnow(), domain)
    if release.mode == "full":
        party = rules.Party(content["delegate_id"], content["person_id"])
        blocks = programme_lines(rules.programme_of(snap, party), lang)
    else:
        blocks = [change_lines(rules.restored(change), lang) for change in content["changes"]]
    contacts = rules.in_lang(snap.get("contacts", {}), lang) or []
    return compose(envelope, letter, blocks, contacts, key)


def store_release(visit: Any, plan: ReleasePlan, reply_to: str | None) -> Release:
    """Add the release and its queued messages to the session; the caller commits."""
    release = Release(visit_id=visit.id, number=plan.number, mode=plan.mode, note=plan.note,
                      snapshot=plan.snapshot, reply_to=reply_to)
    db.session.add(release)
    db.session.flush()
    kind = "programme" if plan.mode == "full" else "changes"
    if not plan.messages:
        return release
    db.session.execute(insert(OutboxMessage), [dict(
        visit_id=visit.id, release_id=release.id, delegate_id=m.recipient.party.delegate_id,
        person_id=m.recipient.party.person_id, recipient=m.recipient.letter.email, kind=kind,
        subject=m.subject[:400], content=m.content, attachment=m.attachment, status="pending",
        attempts=0, next_attempt_at=utcnow(), created_at=utcnow(),
        idempotency_key=f"release.{release.id}.{m.recipient.key}") for m in plan.messages])
    return release
