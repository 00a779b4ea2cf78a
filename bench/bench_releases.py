"""Releases at scale: messages queued, time to publish, delivery rate, nothing lost or doubled.

A 10-day visit with 300 items, 500 delegates and 30 speakers. Figures:
- messages queued by a `full` release (one per person) beside what per-item invitations would
  queue for the same visit (the baseline: what "Send invitations" did before releases);
- time to publish (store + queue + commit), median of 3, beside the baseline of building the
  programme in the three languages (the least any release must do);
- delivery rate (messages/s, the personal PDF rendered by the worker) with one and with two
  `visitplanner worker` processes against a local aiosmtpd;
- duplicates and lost messages when the SMTP server is stopped and restarted mid-delivery.

Run from the repository root: python bench/bench_releases.py [--deliver 16]
(--database-url postgresql+psycopg://... to run against PostgreSQL; its tables are replaced).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run without installing

DAYS, ITEMS, DELEGATES, SPEAKERS = 10, 300, 500, 30
TARGET_PUBLISH_S = 2.0


def make_visit() -> int:
    """Store the benchmark visit and return its id."""
    from visitplanner.extensions import db
    from visitplanner.models import Delegate, Item, ItemSpeaker, Organisation, Person, Venue, Visit

    host = Organisation(name="Algemene Directie Veiligheid en Preventie", kind="directorate",
                        phone="+32 2 557 33 99", email="protocol@example.org")
    venues = [Venue(name=f"Vergaderzaal {n}", address=f"Wetstraat {n}", city="1000 Brussel",
                    country="BE") for n in range(1, 9)]
    people = [Person(full_name=f"Spreker {n} Peeters", honorific="mevrouw" if n % 2 else "de heer",
                     email=f"spreker{n}@example.org") for n in range(SPEAKERS)]
    delegates = [Delegate(full_name=f"Delegate {n} Kovalenko", role="head" if n == 0 else "member",
                          honorific=("mevrouw", "de heer", None)[n % 3],
                          email=f"delegate{n}@example.org", language=("nl", "fr", "en")[n % 3])
                 for n in range(DELEGATES)]
    start = dt.date(2025, 3, 3)
    visit = Visit(title="Internationale conferentie over preventie", start_date=start,
                  end_date=start + dt.timedelta(days=DAYS - 1), content_language="nl",
                  host_organisation=host, status="confirmed", delegates=delegates)
    per_day = ITEMS // DAYS
    for n in range(ITEMS):
        day = start + dt.timedelta(days=n // per_day)
        starts = dt.datetime(day.year, day.month, day.day, 8, 0) + dt.timedelta(
            minutes=25 * (n % per_day))
        chosen = n % 4 == 0  # a quarter of the items are for one group of 100 delegates
        visit.items.append(Item(
            title=f"Onderdeel {n + 1}: integrale veiligheid",
            kind=("session", "site_visit", "meal", "transfer")[n % 4], starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=20), venue=venues[n % len(venues)],
            whole_delegation=not chosen,
            chosen_delegates=delegates[(n % 5) * 100:(n % 5) * 100 + 100] if chosen else [],
            speaker_links=[ItemSpeaker(person=people[n % SPEAKERS], position=0)]))
    db.session.add(visit)
    db.session.commit()
    return visit.id


def per_item_invitations(visit_id: int) -> int:
    """How many messages per-item invitations need for this visit (counted, not queued)."""
    from visitplanner.core.queries import load_visit
    from visitplanner.mail.invitations import plan_invitations
    from visitplanner.planning.build import build_programme

    visit = load_visit(visit_id)
    assert visit is not None
    programme = build_programme(visit)
    return len(plan_invitations(programme.items, [d.id for d in visit.delegates], {}))


def load_and_build(visit_id: int) -> None:
    """The least any release does: load the visit afresh, build its programme in 3 languages."""
    from visitplanner.core.queries import load_visit
    from visitplanner.extensions import db
    from visitplanner.planning.build import build_programme

    db.session.expire_all()
    visit = load_visit(visit_id)
    for lang in ("nl", "fr", "en"):
        build_programme(visit, lang)


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def publish(visit_id: int, mode: str = "full", selection=None) -> int:
    """Publish and commit one release; the number of messages it queued."""
    from visitplanner.core.releases import publish_release
    from visitplanner.extensions import db
    from visitplanner.mail.releases import Selection

    published = publish_release(visit_id, mode, selection or Selection(), None,
                                "organiser@example.org")
    assert published is not None
    plan = published[1]
    db.session.commit()
    db.session.expire_all()
    return len(plan.messages)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """What the local SMTP server received."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.times: list[float] = []

    def clear(self) -> None:
        self.ids.clear()
        self.times.clear()

    def rate(self) -> float:
        """Messages per second from the first message received to the last (no start-up)."""
        if len(self.times) < 2:
            return float("nan")
        return (len(self.times) - 1) / (self.times[-1] - self.times[0])

    async def handle_DATA(self, server, session, envelope):
        self.times.append(time.perf_counter())
        for line in envelope.content.split(b"\r\n"):
            if line.lower().startswith(b"message-id:"):
                self.ids.append(line.split(b":", 1)[1].strip().decode())
                break
        return "250 OK"


def workers(count: int, env: dict[str, str]) -> list[subprocess.Popen]:
    command = [sys.executable, "-c", "from visitplanner.cli import main; main()", "worker",
               "--poll", "0.2"]
    return [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL) for _ in range(count)]


def stop_workers(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_sent(expected: int, timeout: float) -> float:
    """Seconds until `expected` outbox rows are sent (bounded by `timeout`)."""
    from sqlalchemy import func, select

    from visitplanner.extensions import db
    from visitplanner.models import OutboxMessage

    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        db.session.rollback()
        sent = db.session.scalar(select(func.count()).select_from(OutboxMessage)
                                 .where(OutboxMessage.status == "sent")) or 0
        if sent >= expected:
            return time.perf_counter() - started
        time.sleep(0.2)
    raise SystemExit(f"only {sent} of {expected} sent after {timeout:.0f} s")


def clear_outbox() -> None:
    from sqlalchemy import delete

    from visitplanner.extensions import db
    from visitplanner.models import OutboxMessage

    db.session.execute(delete(OutboxMessage))
    db.session.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--deliver", type=int, default=16,
                        help="messages per delivery run (each renders a personal PDF)")
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    args = parser.parse_args()
    from aiosmtpd.controller import Controller

    from visitplanner import create_app
    from visitplanner.core.queries import load_visit
    from visitplanner.extensions import db
    from visitplanner.mail.releases import Selection

    folder = tempfile.mkdtemp(prefix="bench-releases-")
    url = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
    port = free_port()
    env = {**os.environ, "VISITPLANNER_DATABASE_URL": url, "VISITPLANNER_INSTANCE_PATH": folder,
           "VISITPLANNER_SMTP_HOST": "127.0.0.1", "VISITPLANNER_SMTP_PORT": str(port),
           "VISITPLANNER_CALENDAR_DOMAIN": "bench.example", "VISITPLANNER_MAIL_RETRY_SECONDS": "1",
           "VISITPLANNER_SECRET_KEY": "bench"}
    os.environ.update(env)
    app = create_app()
    with app.app_context():
        db.drop_all()
        db.create_all()
        visit_id = make_visit()
        print(f"visit: {DAYS} days, {ITEMS} items, {DELEGATES} delegates, {SPEAKERS} speakers "
              f"({url.split(':')[0]})")
        baseline_count = per_item_invitations(visit_id)
        queued = publish(visit_id)
        print(f"messages queued by a full release: {queued} (one per person: "
              f"{DELEGATES} + {SPEAKERS}); per-item invitations would queue {baseline_count} "
              f"({baseline_count / queued:.0f}x)")
        builds = [timed(lambda: load_and_build(visit_id)) for _ in range(3)]
        publishes = [timed(lambda: publish(visit_id)) for _ in range(3)]
        median, build = statistics.median(publishes), statistics.median(builds)
        verdict = "met" if median < TARGET_PUBLISH_S else "MISSED"
        print(f"publish full release: median {median:.2f} s of {len(publishes)} (baseline, "
              f"loading and building the programme in 3 languages: {build:.2f} s; ratio "
              f"{median / build:.1f}x); target < {TARGET_PUBLISH_S:.0f} s: {verdict}")
        clear_outbox()
        visit = load_visit(visit_id)
        assert visit is not None
        delegates = [d.id for d in visit.delegates]
        inbox = Inbox()
        server = Controller(inbox, hostname="127.0.0.1", port=port, ready_timeout=5)
        server.start()
        group = 0

        def next_release() -> int:
            nonlocal group
            chosen = frozenset(delegates[group * args.deliver:(group + 1) * args.deliver])
            group += 1  # other delegates each time: no PDF comes from the cache
            return publish(visit_id, "full", Selection("chosen", chosen))

        rates = {}
        for count in (1, 2):
            clear_outbox()
            inbox.clear()
            expected = next_release()
            running = workers(count, env)
            try:
                elapsed = wait_sent(expected, timeout=60 * expected)
            finally:
                stop_workers(running)
            rates[count] = inbox.rate()
            print(f"delivery with {count} worker{'s' if count > 1 else ''}: {expected} messages "
                  f"with their PDF, all sent {elapsed:.1f} s after the workers started; "
                  f"{rates[count]:.2f} messages/s from the first to the last")
        print(f"two workers vs one: {rates[2] / rates[1]:.2f}x")
        clear_outbox()
        inbox.clear()
        expected = next_release()
        running = workers(2, env)
        try:
            deadline = time.perf_counter() + 60 * expected
            while len(inbox.ids) < expected // 3 and time.perf_counter() < deadline:
                time.sleep(0.1)
            server.stop()
            stopped_at = len(inbox.ids)
            time.sleep(3)
            server = Controller(inbox, hostname="127.0.0.1", port=port, ready_timeout=5)
            server.start()
            wait_sent(expected, timeout=60 * expected)
        finally:
            stop_workers(running)
            server.stop()
        duplicates = len(inbox.ids) - len(set(inbox.ids))
        lost = expected - len(set(inbox.ids))
        print(f"SMTP server stopped after {stopped_at} of {expected} messages, restarted 3 s "
              f"later: {duplicates} duplicates, {lost} lost")


if __name__ == "__main__":
    main()
