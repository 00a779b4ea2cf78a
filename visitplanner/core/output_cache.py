"""The output cache: rendered outputs as files under instance/cache/, shared by every worker.

Anything built from a visit version once and served many times (PDFs, .ics files, HTML
fragments of pages) is kept here by (kind, stamp, language):

    from visitplanner.core import output_cache

    data = output_cache.get("visit-page", stamp, "nl")      # bytes, or None when not there
    output_cache.put("visit-page", stamp, "nl", data)       # atomic: readers never see half
    data = output_cache.get_or_make("visit-page", stamp, "nl", make)  # make() -> bytes, run
                                                            # once even across processes
    etag = output_cache.key("visit-page", stamp, "nl")      # hex name of the entry: an ETag

- `kind` names the output and its variant (letters, digits, '-'), e.g. "programme-pdf" or
  "visit-page-editor"; each kind has a folder of its own and keeps its KEEP most recently used
  entries.
- `stamp` names the state of the data shown: core.queries.printout_stamp(visit_id), plus
  anything else the output depends on (a role, the print date). Any text is fine.
- The code that makes outputs is part of every key: a deploy that changes templates, Python
  code, print.css, translations or the PDF/calendar libraries makes new keys, never stale hits.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import re
import tempfile
import time
from collections.abc import Callable
from functools import cache
from importlib.metadata import version
from pathlib import Path

from flask import current_app

from visitplanner.gc_pause import paused_gc

PROJECT_ROOT = Path(__file__).resolve().parents[2]
KEEP = 500  # entries kept per kind; the oldest-used go first
KIND = re.compile(r"[a-z0-9-]{1,40}")
# A hit marks its entry used at most this often (seconds): pruning needs no finer order, and
# every hit of a page would otherwise write the file's times.
MARK_USED_AFTER = 60.0
# Files whose change changes outputs; hashed once per process.
CODE = ("templates/**/*.html", "visitplanner/**/*.py", "static/print.css",
        "translations/**/*.mo")


@cache
def code_digest() -> str:
    """A digest of the code and libraries that make outputs (see CODE)."""
    digest = hashlib.sha256()
    for library in ("weasyprint", "icalendar", "jinja2"):
        digest.update(f"{library}={version(library)}\0".encode())
    paths = sorted({path for pattern in CODE for path in PROJECT_ROOT.glob(pattern)})
    for path in paths:
        digest.update(str(path.relative_to(PROJECT_ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def folder(kind: str) -> Path:
    """instance/cache/<kind>: where the entries of one kind live."""
    return _folder(current_app.instance_path, kind)


@cache
def _folder(instance_path: str, kind: str) -> Path:
    if not KIND.fullmatch(kind):
        raise ValueError(f"Bad output cache kind {kind!r}: use a-z, 0-9 and '-'.")
    return Path(instance_path) / "cache" / kind


def key(kind: str, stamp: str, lang: str) -> str:
    """The name of an entry: the same in every process for the same code and data."""
    digest = hashlib.sha256()
    for part in (code_digest(), kind, lang, stamp):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def _path(kind: str, stamp: str, lang: str) -> Path:
    return folder(kind) / f"{key(kind, stamp, lang)}.bin"


def get(kind: str, stamp: str, lang: str) -> bytes | None:
    """The entry, marked recently used; None when it was never made or has been pruned."""
    try:
        with open(_path(kind, stamp, lang), "rb") as handle:
            data = handle.read()
            if time.time() - os.fstat(handle.fileno()).st_mtime > MARK_USED_AFTER:
                os.utime(handle.fileno())  # pruning removes the least recently used first
    except FileNotFoundError:
        return None
    return data


def has(kind: str, stamp: str, lang: str) -> bool:
    """Whether the entry is there, without reading it."""
    return _path(kind, stamp, lang).exists()


def put(kind: str, stamp: str, lang: str, data: bytes, keep: int = KEEP) -> None:
    """Store an entry (write then rename: a reader never sees half), then prune the kind."""
    path = _path(kind, stamp, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)
    prune(kind, keep)


def get_or_make(kind: str, stamp: str, lang: str, make: Callable[[], bytes]) -> bytes:
    """The entry; made by `make` when missing, by one caller at a time across processes
    (a file lock): whoever waited meanwhile gets what the first one made."""
    data = get(kind, stamp, lang)
    if data is not None:
        return data
    lock = _path(kind, stamp, lang).with_suffix(".lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file closes
        data = get(kind, stamp, lang)
        if data is None:
            with paused_gc():  # a summit's page or calendar: many objects, no cycles
                data = make()
            put(kind, stamp, lang, data)
    return data


def prune(kind: str, keep: int = KEEP) -> None:
    """Delete all but the `keep` most recently used entries (and lock files) of a kind."""
    for pattern in ("*.bin", "*.lock"):
        files = sorted(folder(kind).glob(pattern), key=_mtime, reverse=True)
        for stale in files[keep:]:
            stale.unlink(missing_ok=True)  # another worker may have pruned it already


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:  # pruned meanwhile by another worker
        return 0.0
