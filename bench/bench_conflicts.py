"""CPU time and peak memory of find_conflicts, beside a plain sort of the same items (the floor).

Two programmes: a long study visit (a whole-delegation spine, sub-group tracks; 1,000 and 10,000
items) and a summit (10 days, 300 items over 30 venues, 80 speakers, 500 delegates, 60 items for
50 chosen delegates each, ten arrival and departure flights, three hotels). Every figure is the
median of runs interleaved with its floor's, in CPU time: the machine is shared.
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
from visitplanner.planning.conflicts_context import Context  # noqa: E402
from visitplanner.planning.programme import (  # noqa: E402
    Day,
    DelegateView,
    JourneyView,
    PersonView,
    Programme,
    ProgrammeItem,
    StayView,
    VenueView,
    VisitView,
)

DELEGATES = 30
RUNS = 7
SIZES = (1_000, 10_000)
ITEMS_PER_DAY = 12
BRUSSELS = ZoneInfo("Europe/Brussels")
# issue 16: conflicts on 10,000 items within 100 ms; at a summit, a few ms of the page's 60.
TARGET_MS, SUMMIT_TARGET_MS = 100.0, 5.0


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
    return Programme(visit, _days(items), "en", delegates)


def make_summit_programme() -> Programme:
    """Build the summit of bench/summit.py: each day 24 items for everyone one after the other
    and two slots of three breakouts for disjoint groups of 50; 500 delegates in ten flights,
    every third one in each of three hotels; venues without coordinates."""
    venues = [VenueView(v, f"Zaal {v}") for v in range(1, 31)]
    speakers = [PersonView(1000 + s, f"Spreker {s}") for s in range(1, 81)]
    ids = list(range(1, 501))
    first_day = dt.date(2031, 5, 5)
    items: list[ProgrammeItem] = []
    breakouts = 0
    for day in (first_day + dt.timedelta(days=n) for n in range(10)):
        for slot in range(26):
            starts = dt.datetime(day.year, day.month, day.day, 8, tzinfo=BRUSSELS)
            starts += dt.timedelta(minutes=30 * slot)
            for track in range(3 if slot in (6, 16) else 1):
                n, chosen = len(items), None
                if slot in (6, 16):
                    first = breakouts % 10 * 50
                    chosen, breakouts = tuple(ids[first:first + 50]), breakouts + 1
                items.append(ProgrammeItem(
                    id=n + 1, kind="session", title=f"Onderdeel {n + 1}", starts=starts,
                    ends=starts + dt.timedelta(minutes=25), venue=venues[(n + track) % 30],
                    speakers=tuple(speakers[(n + k) % 80] for k in range(1 + n % 2)),
                    delegate_ids=chosen))
    last_day = first_day + dt.timedelta(days=9)
    journeys = []
    for g in range(10):
        group = tuple(ids[g * 50:(g + 1) * 50])
        lands = dt.datetime(2031, 5, 5, 6, tzinfo=BRUSSELS) - dt.timedelta(hours=2 + g)
        leaves = dt.datetime(2031, 5, 14, 21, tzinfo=BRUSSELS) + dt.timedelta(minutes=20 * g)
        journeys += [
            JourneyView(2 * g + 1, "arrival", "flight", lands - dt.timedelta(hours=3), lands,
                        "Europe/Kyiv", "Europe/Brussels", f"PS {801 + g}", delegate_ids=group),
            JourneyView(2 * g + 2, "departure", "flight", leaves, leaves + dt.timedelta(hours=3),
                        "Europe/Brussels", "Europe/Kyiv", f"PS {901 + g}", delegate_ids=group)]
    stays = tuple(StayView(h + 1, venues[h], first_day, last_day, delegate_ids=tuple(ids[h::3]))
                  for h in range(3))
    visit = VisitView(1, "Summit", first_day, last_day, "Europe/Brussels", "nl", "confirmed")
    return Programme(visit, _days(items), "nl",
                     tuple(DelegateView(d, f"Delegate {d}") for d in ids),
                     journeys=tuple(journeys), stays=stays)


def make_dense_summit_programme(seed: int = 16) -> Programme:
    """A summit dense with conflicts: 500 delegates, 20% of the 300 items for 50 chosen ones,
    items every 20 minutes, many in parallel, trips too short, hotels missing."""
    rng = random.Random(seed)
    venues = [VenueView(v, f"Venue {v}", latitude=50.80 + rng.random() * 0.1,
                        longitude=4.30 + rng.random() * 0.15) for v in range(1, 31)]
    speakers = [PersonView(1000 + s, f"Speaker {s}") for s in range(80)]
    ids = list(range(1, 501))
    delegates = tuple(DelegateView(d, f"Delegate {d}") for d in ids)
    first_day = dt.date(2024, 4, 22)
    items = []
    for k in range(300):  # 30 a day, every 20 minutes from 08:00, many of them in parallel
        day = first_day + dt.timedelta(days=k // 30)
        starts = dt.datetime(day.year, day.month, day.day, 8, tzinfo=BRUSSELS)
        starts += dt.timedelta(minutes=20 * (k % 30) + rng.choice((0, 0, 5, 10)))
        items.append(ProgrammeItem(
            id=k + 1, kind="session", title=f"Item {k + 1}", starts=starts,
            ends=starts + dt.timedelta(minutes=rng.choice((30, 45, 60, 90))),
            venue=rng.choice(venues), speakers=tuple(rng.sample(speakers, rng.randint(0, 3))),
            delegate_ids=tuple(rng.sample(ids, 50)) if k % 5 == 0 else None))
    journeys = []
    for g in range(10):  # ten flights of 50 in, ten out
        group = tuple(ids[g * 50:(g + 1) * 50])
        lands = dt.datetime(2024, 4, 22, 6 + g, tzinfo=BRUSSELS)
        leaves = dt.datetime(2024, 5, 1, 12 + g // 2, tzinfo=BRUSSELS)
        journeys += [
            JourneyView(2 * g + 1, "arrival", "flight", lands - dt.timedelta(hours=2), lands,
                        "Europe/Brussels", "Europe/Brussels", f"SN {g}", delegate_ids=group),
            JourneyView(2 * g + 2, "departure", "flight", leaves, leaves + dt.timedelta(hours=2),
                        "Europe/Brussels", "Europe/Brussels", f"SN {g + 10}", delegate_ids=group)]
    hotels = [VenueView(100 + h, f"Hotel {h}", latitude=50.84 + rng.random() * 0.02,
                        longitude=4.34 + rng.random() * 0.02) for h in range(3)]
    # Ten guests have no hotel yet, and the third hotel's guests none for the last three nights.
    stays = (StayView(1, hotels[0], first_day - dt.timedelta(days=1), dt.date(2024, 5, 1),
                      delegate_ids=tuple(ids[:200])),
             StayView(2, hotels[1], first_day, dt.date(2024, 5, 1),
                      delegate_ids=tuple(ids[200:400])),
             StayView(3, hotels[2], first_day, dt.date(2024, 4, 28),
                      delegate_ids=tuple(ids[400:490])))
    visit = VisitView(1, "Summit", first_day, first_day + dt.timedelta(days=9), "Europe/Brussels",
                      "en", "confirmed")
    return Programme(visit, _days(items), "en", delegates, journeys=tuple(journeys), stays=stays)


def _days(items: list[ProgrammeItem]) -> tuple[Day, ...]:
    by_day: dict[dt.date, list[ProgrammeItem]] = {}
    for item in items:
        by_day.setdefault(item.starts.date(), []).append(item)
    return tuple(Day(d, tuple(its)) for d, its in by_day.items())


def cpu_seconds(work: Callable[[], object]) -> float:
    """Run the work once and return the CPU time it took."""
    started = time.process_time()
    work()
    return time.process_time() - started


def interleaved(work: Callable[[], object], floor: Callable[[], object],
                runs: int = RUNS) -> tuple[float, float]:
    """Median CPU seconds of the work and of its floor, run in turn: both see the same load."""
    work()  # once to warm the caches every later run finds warm (Babel's day names)
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        times[0].append(cpu_seconds(work))
        times[1].append(cpu_seconds(floor))
    return statistics.median(times[0]), statistics.median(times[1])


def peak_bytes(work: Callable[[], object]) -> int:
    """Run the work once under tracemalloc and return its peak allocation."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def in_start_order(items: list[ProgrammeItem]) -> list[ProgrammeItem]:
    """The floor: what find_conflicts does first, sorting the items once."""
    return sorted(items, key=lambda i: (i.starts, i.ends, i.id))


def measure(n: int = 10_000, runs: int = RUNS) -> dict[str, float]:
    """find_conflicts on the n-item study visit beside its floor: median CPU seconds of each."""
    programme = make_programme(n)
    seconds, floor = interleaved(partial(find_conflicts, programme),
                                 partial(in_start_order, list(programme.items)), runs)
    return {"items": n, "conflicts": len(find_conflicts(programme)), "seconds": seconds,
            "floor_seconds": floor}


def measure_summit(runs: int = RUNS, dense: bool = False) -> dict[str, float]:
    """find_conflicts on the summit (or the dense one), and naming an item's 50 chosen
    delegates among 500."""
    programme = make_dense_summit_programme() if dense else make_summit_programme()
    seconds, floor = interleaved(partial(find_conflicts, programme),
                                 partial(in_start_order, list(programme.items)), runs)
    ctx = Context(programme)
    audiences = [i.delegate_ids for i in programme.items if i.delegate_ids is not None]
    names = [ctx.delegates(ids) for ids in audiences]

    def name_audiences() -> None:
        for ids in audiences:
            ctx.delegates(ids)

    def sort_names() -> None:
        for chosen in names:
            sorted(chosen)

    per_item, per_sort = interleaved(name_audiences, sort_names, runs)
    return {"items": len(programme.items), "conflicts": len(find_conflicts(programme)),
            "seconds": seconds, "floor_seconds": floor,
            "delegates_seconds": per_item / len(audiences),
            "delegates_floor_seconds": per_sort / len(audiences)}


def main() -> None:
    """Print each figure beside its floor, measured in the same run."""
    print(f"Study visit, {DELEGATES} delegates; floor = sorted() of the same items;"
          f" median CPU time of {RUNS} interleaved runs")
    print(f"{'items':>7} {'conflicts':>9} {'time ms':>9} {'floor ms':>8} {'ratio':>6}"
          f" {'peak KiB':>9} {'floor KiB':>9} {'ratio':>6}")
    for n in SIZES:
        figures = measure(n)
        programme = make_programme(n)
        m = peak_bytes(partial(find_conflicts, programme))
        m0 = peak_bytes(partial(in_start_order, list(programme.items)))
        t, t0 = figures["seconds"], figures["floor_seconds"]
        print(f"{n:>7} {figures['conflicts']:>9.0f} {t * 1e3:>9.1f} {t0 * 1e3:>8.2f}"
              f" {t / t0:>6.0f} {m / 1024:>9.0f} {m0 / 1024:>9.0f} {m / m0:>6.1f}")
    print(f"goal: 10,000 items within {TARGET_MS:.0f} ms,"
          f" {'met' if t * 1e3 <= TARGET_MS else 'NOT met'}")
    for dense in (False, True):
        summit = measure_summit(dense=dense)
        t, t0 = summit["seconds"], summit["floor_seconds"]
        print(f"Summit{', dense' if dense else ' (as bench/summit.py)'}: {summit['items']:.0f}"
              f" items, 500 delegates, {summit['conflicts']:.0f} conflicts in {t * 1e3:.1f} ms"
              f" (floor {t0 * 1e3:.3f} ms)"
              + ("" if dense else f"; goal {SUMMIT_TARGET_MS:.0f} ms,"
                 f" {'met' if t * 1e3 <= SUMMIT_TARGET_MS else 'NOT met'}"))
    d, d0 = summit["delegates_seconds"], summit["delegates_floor_seconds"]
    print(f"naming an item's 50 chosen delegates among 500: {d * 1e6:.1f} µs a call"
          f" (floor: sorting those 50 names, {d0 * 1e6:.1f} µs; ratio {d / d0:.1f})")

if __name__ == "__main__":
    main()
