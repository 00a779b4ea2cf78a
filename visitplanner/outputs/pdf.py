"""Printable programmes and badges: Programme -> HTML (Jinja) -> PDF (WeasyPrint), cached."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from visitplanner.outputs.badges import badge_holders
from visitplanner.outputs.common import (
    country_name,
    day_heading,
    delegation_people,
    field,
    label,
    long_date,
    nationality_noun,
    time_span,
)
from visitplanner.outputs.practical import PRACTICAL_GLOBALS
from visitplanner.outputs.print_rules import (
    affiliation,
    capitalised,
    compact_dates,
    delegate_function,
    delegation_words,
    is_compact,
    kicker,
    kind_label,
    shown_host,
    shown_topics,
    speakers_field,
)
from visitplanner.planning.programme import PersonView, Programme
from visitplanner.planning.vocabulary import DELEGATE_ROLES

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIR = PROJECT_ROOT / "templates" / "programme"
STATIC_DIR = PROJECT_ROOT / "static"
BASE_URL = STATIC_DIR.as_uri() + "/"  # print.css and other static files resolve against it
# Raise when PDFs would change while the HTML, print.css and WeasyPrint stay the same
# (all three are in the cache key already), e.g. after installing other fonts.
TEMPLATE_VERSION = "2"
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/svg+xml"})
CACHE_FILES = 500  # PDFs kept in the cache folder, about 25 MB
# In the cache keys: read without importing WeasyPrint.
WEASYPRINT_VERSION = version("weasyprint")


def data_uri(media_type: str, data: bytes) -> str:
    """Bytes as a base64 data: URL, for an image embedded in the print HTML."""
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def css_string(text: str) -> str:
    """Quote text as a CSS string literal that cannot end the string or the <style> element."""
    escaped = "".join(ch if ch.isalnum() or ch in " .,:;-" else f"\\{ord(ch):x} " for ch in text)
    return f'"{escaped}"'


def page_footer_css(lang: str) -> Markup:
    """The CSS `content` value of the footer: 'pagina ' counter(page) ' van ' counter(pages)."""
    text = label("page_of", lang, page="\0page\0", pages="\0pages\0")
    parts = [f"counter({part})" if n % 2 else css_string(part)
             for n, part in enumerate(text.split("\0")) if part]
    return Markup(" ".join(parts))


def host_people(programme: Programme) -> tuple[PersonView, ...]:
    """Speakers and key figures, each once: the host side's contacts."""
    seen: dict[int, PersonView] = {}
    for person in (*programme.speakers, *programme.key_figures):
        seen.setdefault(person.id, person)
    return tuple(seen.values())


def _environment() -> Environment:
    # No auto_reload: a stat() per include on every request; templates change with a deploy.
    env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=True, auto_reload=False,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(label=label, field=field, day_heading=day_heading, time_span=time_span,
                       country_name=country_name, long_date=long_date,
                       page_footer_css=page_footer_css, host_people=host_people,
                       badge_holders=badge_holders, roles=DELEGATE_ROLES,
                       nationality_noun=nationality_noun, capitalised=capitalised,
                       affiliation=affiliation, compact_dates=compact_dates,
                       delegate_function=delegate_function, delegation_words=delegation_words,
                       is_compact=is_compact, kicker=kicker, kind_label=kind_label,
                       shown_host=shown_host,
                       shown_topics=shown_topics, speakers_field=speakers_field,
                       data_uri=data_uri, delegation_people=delegation_people)
    env.globals.update(PRACTICAL_GLOBALS)
    return env


ENV = _environment()


def programme_html(programme: Programme, printed_on: dt.date | None = None,
                   personal_url: str | None = None, release: int | None = None) -> str:
    """The programme (or, with `personal_for`, one delegate's personal programme) as print HTML.

    `personal_url` puts a QR code to the delegate's personal page on the cover; `release` is
    the number of the published programme it prints.
    """
    return ENV.get_template("programme.html").render(
        p=programme, lang=programme.lang, printed_on=printed_on or dt.date.today(),
        qr=qr_code(personal_url) if personal_url else None, release=release)


def qr_code(url: str) -> str:
    """A QR code of `url` as an SVG data URI, sharp at any print size."""
    import segno  # a twentieth of a second to import: only a personal programme needs it

    return segno.make(url, error="m").svg_data_uri(border=0, dark="#1d2330")


def badges_html(programme: Programme) -> str:
    """Name badges and table tent cards for every delegate and key figure, as print HTML."""
    return ENV.get_template("badges.html").render(p=programme, lang=programme.lang)


def render_pdf(html: str) -> bytes:
    """Lay out print HTML with WeasyPrint; only static/ files may be fetched."""
    # WeasyPrint takes a second to import: only laying out a PDF loads it, not every start.
    from visitplanner.outputs.pdf_layout import layout_pdf

    return layout_pdf(html)


@cache
def _stylesheet_digest() -> str:
    return hashlib.sha256((STATIC_DIR / "print.css").read_bytes()).hexdigest()


def cache_key(html: str, lang: str) -> str:
    """The hash that names a rendered PDF (and is its ETag): HTML, language, template version."""
    digest = hashlib.sha256()
    for part in (TEMPLATE_VERSION, WEASYPRINT_VERSION, _stylesheet_digest(), lang, html):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def read_cached(key: str, cache_dir: Path) -> bytes | None:
    """The PDF cached under `key`, marked recently used; None when it is not there (any more)."""
    path = Path(cache_dir) / f"{key}.pdf"
    try:
        pdf = path.read_bytes()
    except FileNotFoundError:
        return None
    os.utime(path)  # recently used: pruning removes the least recently used first
    return pdf


def cached_pdf(html: str, lang: str, cache_dir: Path | None,
               keep: int = CACHE_FILES) -> tuple[bytes, str]:
    """Return (PDF, ETag value), rendering only when the cache has no PDF for this HTML."""
    key = cache_key(html, lang)
    if cache_dir is None:
        return render_pdf(html), key
    pdf = read_cached(key, cache_dir)
    if pdf is not None:
        return pdf, key
    pdf = render_pdf(html)
    _write(Path(cache_dir) / f"{key}.pdf", pdf)
    prune_cache(Path(cache_dir), keep)
    return pdf, key


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename, so a reader in another worker never sees half a file.
    fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


@cache
def _code_digest() -> str:
    # The templates and the code that writes the HTML: a deploy that changes them changes keys.
    digest = hashlib.sha256()
    for path in sorted([*TEMPLATE_DIR.glob("*.html"), *Path(__file__).parent.rglob("*.py")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _stamp_name(stamp: str, lang: str) -> str:
    digest = hashlib.sha256()
    for part in (TEMPLATE_VERSION, WEASYPRINT_VERSION, _stylesheet_digest(), _code_digest(),
                 lang, dt.date.today().isoformat(), stamp):  # the print date is on the cover
        digest.update(part.encode("utf-8") + b"\0")
    return f"{digest.hexdigest()}.key"


def known_key(stamp: str, lang: str, cache_dir: Path) -> str | None:
    """The cache key of the PDF last rendered for this stamp, when that PDF is still cached.

    A stamp names the state of the data a printout shows (see core.queries.printout_stamp), so
    an unchanged visit is answered without loading it or making its HTML again.
    """
    try:
        key = (Path(cache_dir) / _stamp_name(stamp, lang)).read_text(encoding="ascii")
    except FileNotFoundError:
        return None
    return key if (Path(cache_dir) / f"{key}.pdf").exists() else None


def remember_key(stamp: str, lang: str, key: str, cache_dir: Path) -> None:
    """Note which cache key the PDF of this stamp has."""
    path = Path(cache_dir) / _stamp_name(stamp, lang)
    if not path.exists():
        _write(path, key.encode("ascii"))


def prune_cache(cache_dir: Path, keep: int) -> None:
    """Delete all but the `keep` most recently used PDFs (and stamp notes); edits make new ones."""
    for pattern in ("*.pdf", "*.key"):
        files = sorted(cache_dir.glob(pattern), key=_mtime, reverse=True)
        for stale in files[keep:]:
            stale.unlink(missing_ok=True)  # another worker may have pruned it already


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:  # pruned meanwhile by another worker
        return 0.0
