"""The output cache: files under instance/cache/ by (kind, stamp, language), made once."""
from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from visitplanner.core import output_cache


@pytest.fixture
def instance(tmp_path: Path) -> Iterator[Path]:
    """An app context whose instance folder is a fresh temporary one."""
    with Flask(__name__, instance_path=str(tmp_path)).app_context():
        yield tmp_path


def test_an_entry_comes_back_for_its_kind_stamp_and_language_only(instance):
    assert output_cache.get("programme-pdf", "v1", "nl") is None
    output_cache.put("programme-pdf", "v1", "nl", b"%PDF nl")
    assert output_cache.get("programme-pdf", "v1", "nl") == b"%PDF nl"
    assert output_cache.get("programme-pdf", "v1", "fr") is None
    assert output_cache.get("programme-pdf", "v2", "nl") is None
    assert output_cache.get("visit-ics", "v1", "nl") is None
    name = output_cache.key("programme-pdf", "v1", "nl")
    assert (instance / "cache" / "programme-pdf" / f"{name}.bin").read_bytes() == b"%PDF nl"
    assert not list((instance / "cache" / "programme-pdf").glob("*.part"))


def test_kinds_are_folder_names_only(instance):
    for bad in ("../pdf", "PDF", "", "a/b"):
        with pytest.raises(ValueError, match="kind"):
            output_cache.put(bad, "v1", "nl", b"x")


def test_two_callers_at_once_make_an_entry_once(instance):
    app = Flask(__name__, instance_path=str(instance))
    made: list[int] = []
    results: list[bytes] = []

    def make() -> bytes:
        made.append(1)
        time.sleep(0.3)  # long enough for the other caller to arrive meanwhile
        return b"BEGIN:VCALENDAR"

    def ask() -> None:
        with app.app_context():
            results.append(output_cache.get_or_make("visit-ics", "v1", "en", make))

    callers = [threading.Thread(target=ask) for _ in range(2)]
    for caller in callers:
        caller.start()
    for caller in callers:
        caller.join(timeout=10)
    assert made == [1] and results == [b"BEGIN:VCALENDAR"] * 2
    assert output_cache.get_or_make("visit-ics", "v1", "en", make) == b"BEGIN:VCALENDAR"
    assert made == [1]


def test_pruning_keeps_the_most_recently_used_entries(instance):
    folder = instance / "cache" / "visit-page"
    output_cache.put("visit-page", "old", "nl", b"old", keep=2)
    output_cache.put("visit-page", "used", "nl", b"used", keep=2)
    for stamp, moment in (("old", 1), ("used", 2)):
        os.utime(folder / f"{output_cache.key('visit-page', stamp, 'nl')}.bin", (moment, moment))
    assert output_cache.get("visit-page", "used", "nl") == b"used"  # a hit marks it used now
    output_cache.put("visit-page", "new", "nl", b"new", keep=2)
    assert output_cache.get("visit-page", "old", "nl") is None
    assert output_cache.get("visit-page", "used", "nl") == b"used"
    assert output_cache.get("visit-page", "new", "nl") == b"new"


@pytest.mark.parametrize("collecting", [True, False])
def test_an_entry_is_made_with_no_garbage_collection_and_collection_resumes(instance, collecting):
    was = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    seen: list[bool] = []
    try:
        output_cache.get_or_make("page", "1|1", "en", lambda: seen.append(gc.isenabled()) or b"x")
        assert seen == [False] and gc.isenabled() is collecting
        with pytest.raises(ZeroDivisionError):
            output_cache.get_or_make("page", "1|2", "en", lambda: bytes(1 // 0))
        assert gc.isenabled() is collecting  # resumed whatever the making raised
    finally:
        (gc.enable if was else gc.disable)()
