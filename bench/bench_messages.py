"""Queueing messages at summit scale (issue 16), each figure beside its floor in the same run.

- queueing one delegate's invitations (per message) beside building the same messages;
- publishing a `full` release (one message per person) beside loading the visit and building
  its programme in the three languages, the least a release does; goal: at most 2 s;
- "Send invitations" for every delegate and item of the summit (per-item meeting requests):
  the request's answer (it leaves the 123,000 messages to the worker) and the worker's run.

Builds the summit visit of bench/summit.py in a temporary SQLite database, or in PostgreSQL
when VISITPLANNER_BENCH_DATABASE_URL is set (its tables are replaced). Medians of ROUNDS; each
round is rolled back, so every round queues the same messages.
Run from the repository root: python bench/bench_messages.py
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run without installing
sys.path.insert(0, str(ROOT / "bench"))

from summit import store_summit  # noqa: E402

ROUNDS = 3
PUBLISH_GOAL_S = 2.0


def _median(action: Callable[[], Any], rounds: int) -> tuple[float, Any]:
    """Median seconds of `action` (rolled back after each round) and its last result."""
    from visitplanner.extensions import db

    times, result = [], None
    for _ in range(rounds):
        db.session.expire_all()
        started = time.perf_counter()
        result = action()
        db.session.flush()
        times.append(time.perf_counter() - started)
        db.session.rollback()
    return statistics.median(times), result


def _options(delegate: Any) -> Any:
    from visitplanner.core.calendars import calendar_options, delegate_links

    return calendar_options(delegate_links(delegate)["personal_url"])


def _build_messages(visit_id: int, delegate_id: int) -> int:
    """Build (and serialise) every invitation one delegate needs: what queueing used to do."""
    from visitplanner.core.queries import load_visit
    from visitplanner.mail.invitations import plan_invitations
    from visitplanner.mail.messages import build_message
    from visitplanner.planning.build import build_programme

    visit = load_visit(visit_id)
    assert visit is not None
    delegate = next(d for d in visit.delegates if d.id == delegate_id)
    programme = build_programme(visit, delegate.language or visit.content_language)
    items = {item.id: item for item in programme.items}
    view = next(d for d in programme.delegates if d.id == delegate_id)
    options = _options(delegate)
    plan = plan_invitations(programme.items, [delegate_id], {})
    for invitation in plan:
        build_message(programme, items[invitation.item_id], view, invitation, options,
                      None).as_string()
    return len(plan)


def _queue(visit_id: int, delegate_ids: list[int] | None) -> int:
    from visitplanner.core.queries import load_visit
    from visitplanner.mail.invitations import queue_invitations

    return queue_invitations(load_visit(visit_id), _options, delegate_ids)


def _send_invitations(visit_id: int) -> int:
    """What the request of "Send invitations" does: more than INVITATIONS_IN_REQUEST are left
    to the worker (one InvitationRun)."""
    from visitplanner.core.calendars import queue_visit_invitations

    return queue_visit_invitations(visit_id) or 0


def _publish(visit_id: int) -> int:
    from visitplanner.core.releases import publish_release
    from visitplanner.mail.releases import Selection

    published = publish_release(visit_id, "full", Selection(), None, "organiser@example.org")
    assert published is not None
    return len(published[1].messages)


def _load_and_build(visit_id: int) -> None:
    from visitplanner.core.queries import load_visit
    from visitplanner.planning.build import build_programme

    visit = load_visit(visit_id)
    for lang in ("nl", "fr", "en"):
        build_programme(visit, lang)


def queueing_figures(visit_id: int, delegate_id: int, rounds: int = ROUNDS) -> dict[str, Any]:
    """The figures for a stored visit, inside an app context: {name: (seconds, floor seconds or
    None, messages)}. Each round is rolled back; the visit is left as it was."""
    figures: dict[str, Any] = {}
    built, count = _median(lambda: _build_messages(visit_id, delegate_id), rounds)
    queued, _ = _median(lambda: _queue(visit_id, [delegate_id]), rounds)
    figures["queue one invitation"] = (queued / count, built / count, count)
    floor, _ = _median(lambda: _load_and_build(visit_id), rounds)
    published, recipients = _median(lambda: _publish(visit_id), rounds)
    figures["publish a full release"] = (published, floor, recipients)
    answer, messages = _median(lambda: _send_invitations(visit_id), rounds)
    figures["send invitations: request"] = (answer, None, messages)
    everyone, messages = _median(lambda: _queue(visit_id, None), 1)
    figures["send invitations: worker"] = (everyone, None, messages)
    return figures


def measure_queueing(rounds: int = ROUNDS) -> dict[str, Any]:
    """Store the summit in a temporary database, measure queueing_figures() and print them."""
    from visitplanner import create_app
    from visitplanner.core.calendars import calendar_domain
    from visitplanner.extensions import db

    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("VISITPLANNER_BENCH_DATABASE_URL") or \
            f"sqlite:///{folder}/bench.sqlite3"
        os.environ["VISITPLANNER_INSTANCE_PATH"] = folder
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "BASE_URL": "https://bench.example",
                          "SECRET_KEY": "bench-messages-secret"})
        with app.app_context():
            db.drop_all()
            db.create_all()
            summit = store_summit()
            calendar_domain()
            figures = queueing_figures(summit.visit_id, summit.delegate_id, rounds)
            db.session.remove()
            db.drop_all()
    _print(figures)
    return figures


def _print(figures: dict[str, Any]) -> None:
    print(f"{'figure':<28}{'value':>12}{'floor':>12}{'ratio':>8}{'messages':>10}  goal")
    goals = {"queue one invitation": "≤ 2x building",
             "publish a full release": f"≤ {PUBLISH_GOAL_S:.0f} s",
             "send invitations: request": f"≤ {PUBLISH_GOAL_S:.0f} s"}
    for name, (value, floor, count) in figures.items():
        ratio = f"{value / floor:.2f}x" if floor else "–"
        shown_floor = f"{floor * 1000:.2f} ms" if floor else "–"
        print(f"{name:<28}{value * 1000:>9.2f} ms{shown_floor:>12}{ratio:>8}{count:>10}  "
              f"{goals.get(name, '')}")


if __name__ == "__main__":
    measure_queueing()
