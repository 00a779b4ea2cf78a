"""`visitplanner worker`: a long-running loop that claims due jobs, with mail as the first kind."""
from __future__ import annotations

import threading
import time

from sqlalchemy import select

from visitplanner.extensions import db
from visitplanner.models import OutboxMessage


def statuses() -> set[str]:
    db.session.expire_all()
    return set(db.session.scalars(select(OutboxMessage.status)))


def test_the_worker_delivers_what_a_release_queued_and_stops_when_told(app, api, demo_visit,
                                                                       smtp):
    from visitplanner.worker import run_worker

    queued = api.post(f"/visits/{demo_visit.id}/releases", json={"mode": "changes"}).json
    assert queued["queued"] == 4 and statuses() == {"pending"}
    stop = threading.Event()

    def work():
        with app.app_context():
            run_worker(app, stop, poll=0.1)

    worker = threading.Thread(target=work)
    worker.start()
    deadline = time.monotonic() + 120
    while len(smtp.received) < 4 and time.monotonic() < deadline:
        time.sleep(0.1)
    stop.set()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert len(smtp.received) == 4 and statuses() == {"sent"}


def test_worker_once_from_the_command_line(app, api, demo_visit, smtp):
    api.post(f"/visits/{demo_visit.id}/releases", json={"mode": "full"})
    result = app.test_cli_runner().invoke(args=["worker", "--once"])
    assert result.exit_code == 0, result.output
    assert "'mail': 4" in result.output and len(smtp.received) == 4
    assert statuses() == {"sent"}
