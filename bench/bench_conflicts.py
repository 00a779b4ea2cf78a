"""Time and peak memory of find_conflicts, beside a plain sort of the same items.

Run from the repository root: python bench/bench_conflicts.py
"""
from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run without installing

from visitplanner.planning.conflicts import find_conflicts  # noqa: E402
from visitplanner.planning.programme import (  # noqa: E402
    Day,
    DelegateView,
    PersonView,
    Programme,
    ProgrammeItem,
    VenueView,
    VisitView,
)

DELEGATES = 30
RUNS = 5
SIZES = (1_000, 10_000)
ITEMS_PER_DAY = 12
BRUSSELS = ZoneInfo("Europe/Brussels")


def make_programme(n_items: int, seed: int = 1) -> Programme:
    """Build a visit like real ones: a whole-delegation spine plus parallel sub-group tracks."""
    rng = random.Random(seed)
    venues = [VenueView(v, f"Venue {v}", latitude=50.80 + rng.random() * 0.1,
                        longitude=4.30 + rng.random() * 0.15) for v in range(1, 41)]
    speakers = [PersonView(100 + s, f"Speaker {s}") for s in range(60)]
    delegates = tuple(DelegateView(d, f"Delegate {d}") for d in range(1, DELEGATES + 1))
    first_day = dt.date(2024, 4, 22)
    items: list[ProgrammeItem] = []
    for k in range(n_items):
        day = first_day + dt.timedelta(days=k // ITEMS_PER_DAY)
        slot = k % ITEMS_PER_DAY
        starts = dt.datetime(day.year, day.month, day.day, 8, tzinfo=BRUSSELS)
        # 50-minute slots; some slip and overlap the next one.
        starts += dt.timedelta(minutes=50 * slot + rng.choice((0, 0, 5, 20)))
        # Two thirds for the whole delegation; the rest for a sub-group, as in study visits.
        audience = None
        if rng.random() > 2 / 3:
            audience = tuple(rng.sample(range(1, DELEGATES + 1), rng.randint(2, 8)))
        items.append(ProgrammeItem(
            id=k + 1, kind="session", title=f"Item {k + 1}", starts=starts,
            ends=starts + dt.timedelta(minutes=rng.choice((30, 45, 60))), venue=rng.choice(venues),
            speakers=tuple(rng.sample(speakers, rng.randint(0, 2))), delegate_ids=audience,
        ))
    last_day = first_day + dt.timedelta(days=(n_items - 1) // ITEMS_PER_DAY)
    visit = VisitView(1, "Benchmark", first_day, last_day, "Europe/Brussels", "en", "confirmed")
    days: dict[dt.date, list[ProgrammeItem]] = {}
    for item in items:
        days.setdefault(item.starts.date(), []).append(item)
    return Programme(visit, tuple(Day(d, tuple(its)) for d, its in days.items()), "en", delegates)


def median_seconds(work: Callable[[], object]) -> float:
    """Run the work RUNS times and return the median wall time."""
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_bytes(work: Callable[[], object]) -> int:
    """Run the work once under tracemalloc and return its peak allocation."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    """Print one line per size: conflicts, time and memory beside the sort baseline."""
    print(f"{DELEGATES} delegates, median of {RUNS} runs; baseline = sorted() of the same items")
    print(f"{'items':>7} {'conflicts':>9} {'time ms':>9} {'base ms':>8} {'ratio':>6}"
          f" {'peak KiB':>9} {'base KiB':>9} {'ratio':>6}")
    for n in SIZES:
        programme = make_programme(n)
        items = list(programme.items)
        found = find_conflicts(programme)

        check = partial(find_conflicts, programme)
        baseline = partial(sorted, items, key=lambda i: (i.starts, i.ends, i.id))

        t, t0 = median_seconds(check), median_seconds(baseline)
        m, m0 = peak_bytes(check), peak_bytes(baseline)
        print(f"{n:>7} {len(found):>9} {t * 1e3:>9.1f} {t0 * 1e3:>8.2f} {t / t0:>6.0f}"
              f" {m / 1024:>9.0f} {m0 / 1024:>9.0f} {m / m0:>6.1f}")


if __name__ == "__main__":
    main()
