"""Publishing a release: snapshot the programme, decide each person's one message, queue it.

Everything here runs inside the request and only writes rows: the worker renders the PDFs
and talks to the mail server. A dry run plans the very same messages and stores nothing.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from sqlalchemy import func, select

from visitplanner.extensions import db
from visitplanner.mail.attachments import personal_programme
from visitplanner.mail.invitations import _reachable
from visitplanner.mail.release_messages import Contact, Envelope, Letter, compose
from visitplanner.models import OutboxMessage, Person, Release
from visitplanner.models.base import utcnow
from visitplanner.outputs.common import label
from visitplanner.outputs.greetings import greeting
from visitplanner.planning import releases as rules
from visitplanner.planning.build import (
    build_programme, delegate_view, group_by_day, person_view,
)
from visitplanner.planning.programme import Programme
from visitplanner.planning.vocabulary import LANGUAGES

RELEASE_KINDS = ("programme", "changes")


@dataclass(frozen=True)
class Selection:
    """Who may get a message: everyone affected, everyone, or the people chosen."""

    scope: str = "all"  # affected | all | chosen
    delegate_ids: frozenset[int] = frozenset()
    person_ids: frozenset[int] = frozenset()

    def includes(self, delegate_id: int | None, person_id: int | None) -> bool:
        """Whether the recipient is one of those selected (before asking what changed)."""
        if self.scope != "chosen":
            return True
        return delegate_id in self.delegate_ids or person_id in self.person_ids


@dataclass(frozen=True)
class Recipient:
    """A delegate or a host-side person with a mailbox."""

    name: str
    email: str
    lang: str
    honorific: str | None
    honorific_translated: bool
    delegate_id: int | None = None
    person_id: int | None = None

    @property
    def key(self) -> str:
        """'d12' or 'p3': unique within a visit."""
        return f"d{self.delegate_id}" if self.delegate_id is not None else f"p{self.person_id}"


@dataclass
class PlannedMessage:
    """The message a release sends one recipient, with what changed for them."""

    recipient: Recipient
    subject: str
    changes: list[rules.Change]
    message: EmailMessage
    attachment: dict[str, Any]


@dataclass
class ReleasePlan:
    """A release before it is stored: its number, snapshot and messages."""

    number: int
    mode: str
    note: str | None
    snapshot: dict[str, Any]
    messages: list[PlannedMessage]


@dataclass(frozen=True)
class Context:
    """What a plan needs from outside the data: sender, links, the calendar domain."""

    sender_email: str
    reply_to: str | None
    domain: str
    links_of: Any  # delegate -> {"personal_url", "calendar_feed_url"}


def webcal(url: str) -> str:
    """The calendar feed as a subscription link: webcal:// instead of http(s)://."""
    return "webcal://" + url.split("://", 1)[1]


def _people(visit: Any, previous: Collection[dict[str, Any]]) -> list[Any]:
    """Host-side people who take part now or took part in a release they were sent."""
    people = {person.id: person for item in visit.items for person in item.speakers}
    earlier = {pid for snap in previous for entry in snap.get("items", {}).values()
               for pid in entry["person_ids"]} - people.keys()
    if earlier:
        people.update({p.id: p for p in db.session.scalars(
            select(Person).where(Person.id.in_(earlier)))})
    return [people[pid] for pid in sorted(people)]


def recipients(visit: Any, previous: Collection[dict[str, Any]]) -> list[Recipient]:
    """Delegates with a mailbox, then host-side people with one who speak at an item."""
    found = []
    content = visit.content_language
    for delegate in visit.delegates:
        if _reachable(delegate):
            lang = delegate.language or content
            view = delegate_view(delegate, lang, content)
            found.append(Recipient(delegate.full_name, delegate.email, lang, view.honorific,
                                   view.honorific_translated, delegate_id=delegate.id))
    for person in _people(visit, previous):
        if _reachable(person):
            view = person_view(person, content, content)
            found.append(Recipient(person.full_name, person.email, content, view.honorific,
                                   view.honorific_translated, person_id=person.id))
    return found


def last_sent(visit_id: int) -> dict[str, int]:
    """Per recipient key, the release they were last sent a message of."""
    rows = db.session.execute(
        select(OutboxMessage.delegate_id, OutboxMessage.person_id,
               func.max(OutboxMessage.release_id))
        .where(OutboxMessage.visit_id == visit_id, OutboxMessage.release_id.is_not(None),
               OutboxMessage.kind.in_(RELEASE_KINDS))
        .group_by(OutboxMessage.delegate_id, OutboxMessage.person_id))
    return {(f"d{d}" if d is not None else f"p{p}"): release for d, p, release in rows
            if d is not None or p is not None}


def contacts_of(programme: Programme) -> list[Contact]:
    """Who to call: the host organisation, and the escorts and staff of the delegation."""
    lang = programme.lang
    found = []
    host = programme.visit.host
    if host:
        found.append(Contact(host.name, None, host.phone, host.email))
    found += [Contact(d.full_name, label(f"role.{d.role}", lang), d.phone, d.email)
              for d in programme.delegates if d.role in ("escort", "staff")]
    return found


def _own(programme: Programme, recipient: Recipient) -> Programme:
    if recipient.delegate_id is not None:
        items = [i for i in programme.items if i.is_attended_by(recipient.delegate_id)]
        audience = next((d for d in programme.delegates if d.id == recipient.delegate_id), None)
    else:
        items = [i for i in programme.items if recipient.person_id in i.person_ids]
        audience = None
    return dataclasses.replace(programme, days=group_by_day(items), audience=audience)


def plan_release(visit: Any, mode: str, selection: Selection, note: str | None,
                 context: Context) -> ReleasePlan:
    """Every message the next release of the visit sends, and its snapshot."""
    programmes = {lang: build_programme(visit, lang) for lang in LANGUAGES}
    snapshot = rules.snapshot(programmes)
    number = (db.session.scalar(select(func.max(Release.number))
                                .where(Release.visit_id == visit.id)) or 0) + 1
    sent = last_sent(visit.id)
    earlier = {release.id: release.snapshot for release in db.session.scalars(
        select(Release).where(Release.id.in_(set(sent.values()))))} if sent else {}
    now = utcnow()
    messages = []
    for recipient in recipients(visit, earlier.values()):
        if not selection.includes(recipient.delegate_id, recipient.person_id):
            continue
        concerns = (rules.attends(recipient.delegate_id) if recipient.delegate_id is not None
                    else rules.takes_part(recipient.person_id))  # type: ignore[arg-type]
        previous = earlier.get(sent.get(recipient.key, -1))
        changes = rules.changes_between(previous, snapshot, concerns, recipient.lang)
        if not changes and (mode == "changes" or selection.scope == "affected"):
            continue  # nothing changed for them: no mail
        programme = programmes.get(recipient.lang) or build_programme(visit, recipient.lang)
        envelope = Envelope(programme.visit.title, number, mode, note,
                            programme.visit.host.name if programme.visit.host else None,
                            context.sender_email, context.reply_to, now, context.domain)
        letter = _letter(recipient, visit, context)
        key = f"release.{visit.id}.{number}.{recipient.key}"
        message = compose(envelope, letter, _own(programme, recipient), changes,
                          contacts_of(programme), key)
        messages.append(PlannedMessage(
            recipient, str(message["Subject"]), changes, message,
            personal_programme(recipient.delegate_id, recipient.person_id, visit.id,
                               recipient.lang)))
    return ReleasePlan(number, mode, note, snapshot, messages)


def _letter(recipient: Recipient, visit: Any, context: Context) -> Letter:
    page = feed = None
    if recipient.delegate_id is not None:
        delegate = next(d for d in visit.delegates if d.id == recipient.delegate_id)
        links = context.links_of(delegate)
        page, feed = links["personal_url"], webcal(links["calendar_feed_url"])
    return Letter(recipient.name, recipient.email, recipient.lang,
                  greeting(recipient.name, recipient.honorific, recipient.lang,
                           recipient.honorific_translated), page, feed)


def store_release(visit: Any, plan: ReleasePlan, reply_to: str | None) -> Release:
    """Add the release and its queued messages to the session; the caller commits."""
    release = Release(visit_id=visit.id, number=plan.number, mode=plan.mode, note=plan.note,
                      snapshot=plan.snapshot, reply_to=reply_to)
    db.session.add(release)
    db.session.flush()
    db.session.add_all([OutboxMessage(
        visit_id=visit.id, release_id=release.id, delegate_id=m.recipient.delegate_id,
        person_id=m.recipient.person_id, recipient=m.recipient.email,
        kind="programme" if plan.mode == "full" else "changes", subject=m.subject[:400],
        message=m.message.as_string(), attachment=m.attachment,
        idempotency_key=f"release.{release.id}.{m.recipient.key}") for m in plan.messages])
    return release
