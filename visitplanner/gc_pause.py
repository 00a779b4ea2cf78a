"""paused_gc(): no garbage collection while one output is made, for work that allocates a great
many objects and leaves almost no reference cycles (a page body, a calendar, a PDF layout).

Without it, the collector's passes rescan the growing heap again and again and free nothing:
a sixth of a long programme's render, a sixth of a summit page made afresh. Collection
resumes afterwards (if it was on) and frees in one pass what the work left.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Collect no garbage inside the block; afterwards, collect as before."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
