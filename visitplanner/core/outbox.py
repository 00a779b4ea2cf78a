"""The worker's side of the outbox: queueing the invitations too many for a request (a job
kind), and the message of an outbox row as it is sent: stored whole, or written now from the
decision the row keeps (a release's letter, an item's invitation)."""
from __future__ import annotations

from flask import Flask

from visitplanner.core.calendars import calendar_options, invitation_options
from visitplanner.core.queries import load_visit, printout_stamp
from visitplanner.core.releases import release_message
from visitplanner.extensions import db
from visitplanner.mail.invitations import queue_invitations, write_invitation
from visitplanner.models import InvitationRun, OutboxMessage, SentInvitation
from visitplanner.planning.build import build_programme
from visitplanner.planning.programme import Programme
from visitplanner.worker import JobKind

# The programmes invitations were last written from, per visit and language, with the stamp of
# what they show: the summit's 120,000 invitations are written from 3 programmes, not rebuilt
# for each. A worker sees another's edits: any change of the visit changes its stamp.
_programmes: dict[tuple[int, str], tuple[str, Programme]] = {}
KEPT_PROGRAMMES = 8


def current_programme(visit_id: int, lang: str) -> Programme | None:
    """The visit's programme in `lang` as it is now; None when the visit was deleted."""
    found = printout_stamp(visit_id)
    if found is None:
        return None
    stamp = found[1]
    kept = _programmes.get((visit_id, lang))
    if kept is not None and kept[0] == stamp:
        return kept[1]
    visit = load_visit(visit_id)
    if visit is None:
        return None
    programme = build_programme(visit, lang)
    if len(_programmes) >= KEPT_PROGRAMMES:
        _programmes.pop(next(iter(_programmes)))  # the oldest
    _programmes[(visit_id, lang)] = (stamp, programme)
    return programme


def outbox_message(row: OutboxMessage) -> str:
    """The RFC 5322 text of the row's message (without the attachment the row asks for)."""
    content = row.content or {}
    if row.message is not None or "invitation" not in content:
        return release_message(row)
    programme = current_programme(row.visit_id, content["lang"])
    if programme is None:
        raise LookupError(f"outbox message {row.id}: visit {row.visit_id} is gone")
    record = None
    if not any(item.id == row.item_id for item in programme.items):  # deleted since queued
        record = db.session.get(SentInvitation, (row.delegate_id, row.item_id))
    return write_invitation(row, programme, record,
                            calendar_options(content["page_url"])).as_string()


class Expansion:
    """The invitations job's handler: queue what a run asked for, in the worker's transaction."""

    def __init__(self, app: Flask) -> None:
        self.app = app

    def handle(self, run: InvitationRun) -> None:
        visit = load_visit(run.visit_id)
        if visit is not None:
            queue_invitations(visit, invitation_options, run.delegate_ids, run.release_id)

    def close(self) -> None:
        pass


# One run per batch: its tens of thousands of rows commit with the run marked done, or not at all.
INVITATIONS = JobKind(name="invitations", model=InvitationRun, open_handler=Expansion, batch=1)

