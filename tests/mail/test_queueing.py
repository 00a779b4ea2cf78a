"""Queueing invitations only decides and stores, in a fixed number of statements whatever the
number of delegates; the worker writes each message when it sends it (figures:
bench/bench_messages.py)."""
from __future__ import annotations

from mail_helpers import deliver
from sqlalchemy import func, select

from visitplanner.extensions import db
from visitplanner.models import Delegate, InvitationRun, OutboxMessage, SentInvitation


def add_delegates(visit, count: int) -> None:
    for n in range(count):
        db.session.add(Delegate(visit_id=visit.id, full_name=f"Extra Delegate {n}",
                                email=f"extra{n}@example.org", role="member"))
    db.session.commit()


def queue(app, visit_id: int, count_queries) -> tuple[int, int]:
    """(messages queued, SQL statements run) of queueing a visit's invitations."""
    from visitplanner.core.calendars import queue_visit_invitations

    db.session.expire_all()
    with count_queries(app) as statements:
        queued = queue_visit_invitations(visit_id)
        db.session.flush()
    db.session.rollback()
    return queued, len(statements)


def test_queueing_takes_the_same_statements_for_3_or_23_delegates(app, demo_visit, count_queries):
    few, few_statements = queue(app, demo_visit.id, count_queries)
    add_delegates(demo_visit, 20)
    many, many_statements = queue(app, demo_visit.id, count_queries)
    whole = sum(1 for item in demo_visit.items if item.whole_delegation)
    assert many == few + 20 * whole and many > few > 0
    assert many_statements == few_statements


def test_the_outbox_keeps_the_decision_and_the_worker_writes_the_message(app, api, demo_visit,
                                                                        smtp):
    queued = api.post(f"/visits/{demo_visit.id}/invitations").json["queued"]
    rows = list(db.session.scalars(select(OutboxMessage)))
    assert len(rows) == queued > 0 and {row.message for row in rows} == {None}
    row = rows[0]
    assert row.content["invitation"] == {"delegate_id": row.delegate_id, "item_id": row.item_id,
                                         "kind": "invite", "sequence": 0}
    records = db.session.scalars(select(SentInvitation))
    assert {(r.delegate_id, r.item_id) for r in records} == {(r.delegate_id, r.item_id)
                                                             for r in rows}
    assert deliver() == queued
    subjects = {row.subject for row in rows}
    assert {m["Subject"] for m in smtp.messages()} == subjects


def test_an_item_deleted_before_sending_is_written_as_it_was_queued(app, api, demo_visit, smtp):
    api.post(f"/visits/{demo_visit.id}/invitations")
    item_id = next(i for i in demo_visit.items if not i.whole_delegation).id
    queued = {(row.recipient, row.subject) for row in db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.item_id == item_id))}
    version = api.get(f"/items/{item_id}").json["version"]
    assert api.delete(f"/items/{item_id}", json={"version": version}).status_code == 204
    deliver()
    delivered = {(m["To"].addresses[0].addr_spec, m["Subject"]) for m in smtp.messages()}
    assert len(queued) == 2 and queued <= delivered


def test_more_invitations_than_a_request_takes_are_queued_by_the_worker(app, api, demo_visit,
                                                                        smtp, monkeypatch):
    from visitplanner.core.outbox import INVITATIONS
    from visitplanner.mail.sender import MAIL
    from visitplanner.worker import work_once

    monkeypatch.setitem(app.config, "INVITATIONS_IN_REQUEST", 10)
    queued = api.post(f"/visits/{demo_visit.id}/invitations").json["queued"]
    assert queued > 10 and db.session.scalar(select(func.count(OutboxMessage.id))) == 0
    (run,) = db.session.scalars(select(InvitationRun))
    assert (run.status, run.planned, run.delegate_ids, run.release_id) == (
        "pending", queued, None, None)
    report = work_once(app, [INVITATIONS, MAIL])
    assert report.done == {"invitations": 1, "mail": queued} and len(smtp.received) == queued
    assert {m["To"].addresses[0].addr_spec for m in smtp.messages()} == {
        d.email for d in demo_visit.delegates if d.email}
    db.session.expire_all()
    assert db.session.get(InvitationRun, run.id).status == "done"
    assert api.post(f"/visits/{demo_visit.id}/invitations").json["queued"] == 0
    assert db.session.scalar(select(func.count(InvitationRun.id))) == 1


def test_a_release_in_requests_mode_leaves_its_meeting_requests_to_the_worker(
        app, api, demo_visit, smtp, monkeypatch):
    from visitplanner.worker import work_once

    monkeypatch.setitem(app.config, "INVITATIONS_IN_REQUEST", 10)
    visit = api.get(f"/visits/{demo_visit.id}").json
    api.patch(f"/visits/{demo_visit.id}", json={"calendar_invites": "requests",
                                                "version": visit["version"]})
    release = api.post(f"/visits/{demo_visit.id}/releases", json={"mode": "full"}).json
    kinds = set(db.session.scalars(select(OutboxMessage.kind)))
    assert kinds == {"programme"} and len(release["messages"]) == release["queued"]
    (run,) = db.session.scalars(select(InvitationRun))
    assert run.release_id == release["id"] and run.planned > 10
    work_once(app)
    requests = db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "request"))
    assert {(row.release_id, row.status) for row in requests} == {(release["id"], "sent")}
    assert len(smtp.received) == release["queued"] + run.planned
