"""Start-up time: `visitplanner --help` and create_app(), beside importing Flask (the floor).

Each figure is a fresh Python process, measured in turns with the others (so that the shared
machine's load falls on all alike), median of RUNS; wall time and the process's CPU time.
Bytecode is cached, as in an installation and as for the floor's Flask (compiled in
site-packages), even where PYTHONDONTWRITEBYTECODE is set: compiling visitplanner's sources
at every start would add a fifth to create_app() and measure no start a server makes.
Run from the repository root: python bench/bench_startup.py
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
# The goals of issue 16, as ratios to the floor (there: 0.8 s and 1 s beside Flask's 0.35 s).
GOALS = {"create_app()": 0.8 / 0.35, "visitplanner --help": 1.0 / 0.35}
PROGRAMS = {
    "import flask (floor)": ["-c", "import flask"],
    "create_app()": ["-c", "import visitplanner; visitplanner.create_app()"],
    # The console script's code, run from this tree whatever is installed.
    "visitplanner --help": ["-c", "import sys; sys.argv[0] = 'visitplanner'; "
                                  "from visitplanner.cli import main; main()", "--help"],
}


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def measure(runs: int = RUNS) -> dict[str, dict[str, float]]:
    """{program: {"wall": median s, "cpu": median s}} for the floor, create_app() and --help."""
    with tempfile.TemporaryDirectory() as instance, tempfile.TemporaryDirectory() as pycache:
        env = {**os.environ, "VISITPLANNER_INSTANCE_PATH": instance,
               "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": pycache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for args in PROGRAMS.values():  # once each first: the files in the OS cache, bytecode
            _run(args, env)
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in PROGRAMS}
        for _ in range(runs):
            for name, args in PROGRAMS.items():
                samples[name].append(_run(args, env))
    return {name: {"wall": statistics.median(w for w, _ in runs_),
                   "cpu": statistics.median(c for _, c in runs_)}
            for name, runs_ in samples.items()}


def main() -> None:
    figures = measure()
    floor = figures["import flask (floor)"]
    print(f"{'program':<24}{'wall s':>8}{'cpu s':>8}{'× floor (cpu)':>15}{'goal':>8}")
    for name, figure in figures.items():
        goal = GOALS.get(name)
        print(f"{name:<24}{figure['wall']:>8.3f}{figure['cpu']:>8.3f}"
              f"{figure['cpu'] / floor['cpu']:>15.1f}{f'≤ {goal:.1f}' if goal else '':>8}")


if __name__ == "__main__":
    main()
