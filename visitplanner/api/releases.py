"""API handlers of releases: publish (or preview) one, list them, read one, and the answers."""
from __future__ import annotations

from typing import Literal

from flask import Response, g, jsonify
from pydantic import Field
from sqlalchemy.exc import IntegrityError

from visitplanner.api import crud
from visitplanner.api.errors import ApiError
from visitplanner.api.types import ApiModel, Id, ReadModel, StoredInstant, Text5000
from visitplanner.core import releases
from visitplanner.extensions import db
from visitplanner.mail.releases import ReleasePlan, Selection
from visitplanner.models import Release


class ChosenRecipients(ApiModel):
    """Recipients chosen by hand."""

    delegate_ids: list[Id] = Field(default_factory=list, max_length=5000)
    person_ids: list[Id] = Field(default_factory=list, max_length=5000)


class ReleaseBody(ApiModel):
    """What to publish: the mode, an optional note, who gets a message, or only a preview."""

    note: Text5000 | None = None
    mode: Literal["changes", "full"] = "changes"
    recipients: Literal["affected", "all"] | ChosenRecipients = "all"
    dry_run: bool = False

    def selection(self) -> Selection:
        """The recipients as the core takes them."""
        if isinstance(self.recipients, ChosenRecipients):
            return Selection("chosen", frozenset(self.recipients.delegate_ids),
                             frozenset(self.recipients.person_ids))
        return Selection(self.recipients)


class ChangeOut(ReadModel):
    """An item, journey or stay added, removed or changed for a recipient; fields: [old, new]."""

    change: Literal["added", "removed", "changed"]
    item_id: int | None = Field(description="The item; null when a journey or stay changed.")
    journey_id: int | None = None
    stay_id: int | None = None
    title: str
    fields: dict[str, list[str | None]]


class MessageOut(ReadModel):
    """The message one recipient gets."""

    recipient: str
    delegate_id: int | None
    person_id: int | None
    subject: str
    changes: list[ChangeOut]


class ReleaseOut(ReadModel):
    """A release and, when just published or previewed, its messages."""

    id: int | None
    number: int
    mode: str
    created_at: StoredInstant | None
    note: str | None
    queued: int
    messages: list[MessageOut] = Field(default_factory=list)


class ResponseOut(ReadModel):
    """A delegate's answer to one item."""

    delegate_id: int
    item_id: int
    response: Literal["accepted", "declined"]
    at: StoredInstant


def _messages(plan: ReleasePlan) -> list[MessageOut]:
    return [MessageOut(recipient=m.recipient.letter.email,
                       delegate_id=m.recipient.party.delegate_id,
                       person_id=m.recipient.party.person_id, subject=m.subject,
                       changes=[ChangeOut.model_validate(c.as_json()) for c in m.changes])
            for m in plan.messages]


def publish_release(visit_id: int, body: ReleaseBody) -> ReleaseOut | Response:
    """Store the next release and queue one message per recipient; with dry_run, only show."""
    crud.get_visit(visit_id)
    reply_to = getattr(g.api_user, "email", None)
    if body.dry_run:
        plan = releases.preview_release(visit_id, body.mode, body.selection(), body.note,
                                        reply_to)
        assert plan is not None
        preview = ReleaseOut(id=None, number=plan.number, mode=plan.mode, created_at=None,
                             note=plan.note, queued=0, messages=_messages(plan))
        return jsonify(preview.model_dump(mode="json"))  # 200: nothing was created
    published = releases.publish_release(visit_id, body.mode, body.selection(), body.note,
                                         reply_to)
    assert published is not None
    release, plan = published
    try:
        db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        raise ApiError(409, "Another release of this visit was published meanwhile; "
                            "look at it and publish again.") from exc
    out = ReleaseOut(id=release.id, number=release.number, mode=release.mode,
                     created_at=release.created_at, note=release.note,
                     queued=len(plan.messages), messages=_messages(plan))
    return out


def _out(release: Release, with_messages: bool) -> ReleaseOut:
    rows = releases.release_messages(release.id)
    messages = [MessageOut(recipient=row.recipient, delegate_id=row.delegate_id,
                           person_id=row.person_id, subject=row.subject,
                           changes=[ChangeOut.model_validate(change) for change in
                                    (row.content or {}).get("changes", [])])
                for row in rows if row.kind in ("programme", "changes")] if with_messages else []
    return ReleaseOut(id=release.id, number=release.number, mode=release.mode,
                      created_at=release.created_at, note=release.note,
                      queued=len(rows), messages=messages)


def list_releases(visit_id: int) -> list[ReleaseOut]:
    """A visit's releases, newest first."""
    crud.get_visit(visit_id)
    return [_out(release, False) for release in releases.list_releases(visit_id)]


def get_release(release_id: int) -> ReleaseOut:
    """One release with its messages."""
    release = db.session.get(Release, release_id)
    if release is None:
        raise ApiError(404, f"No release with id {release_id}.")
    return _out(release, True)


def list_responses(visit_id: int) -> list[ResponseOut]:
    """Every delegate's answer to the items of the visit."""
    crud.get_visit(visit_id)
    return [ResponseOut.model_validate(row) for row in releases.list_responses(visit_id)]
