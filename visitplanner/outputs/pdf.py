"""Printable programmes and badges: Programme -> HTML (Jinja) -> PDF (WeasyPrint), cached."""
from __future__ import annotations

import gc
import hashlib
import mimetypes
import os
import tempfile
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from weasyprint import HTML
from weasyprint import __version__ as weasyprint_version
from weasyprint.urls import URLFetcher, URLFetcherResponse

from visitplanner.outputs.badges import badge_holders
from visitplanner.outputs.common import (
    country_name,
    day_heading,
    field,
    label,
    long_date,
    nationality_noun,
    time_span,
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
CACHE_FILES = 500  # PDFs kept in the cache folder, about 25 MB


class StaticFetcher(URLFetcher):
    """Let WeasyPrint read the project's static files and nothing else, nor the network."""

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        """Answer a file:// URL under static/; refuse every other URL."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise ValueError(f"Refused to fetch {url!r}: only static files are allowed.")
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not path.is_relative_to(STATIC_DIR) or not path.is_file():
            raise ValueError(f"Refused to fetch {url!r}: not a file under static/.")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})


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
                       nationality_noun=nationality_noun)
    return env


ENV = _environment()


def programme_html(programme: Programme) -> str:
    """The programme (or, with an audience, one delegate's personal programme) as print HTML."""
    return ENV.get_template("programme.html").render(p=programme, lang=programme.lang)


def badges_html(programme: Programme) -> str:
    """Name badges and table tent cards for every delegate and key figure, as print HTML."""
    return ENV.get_template("badges.html").render(p=programme, lang=programme.lang)


def render_pdf(html: str) -> bytes:
    """Lay out print HTML with WeasyPrint; only static/ files may be fetched."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFetcher())  # type: ignore[no-untyped-call]
    # Layout allocates a great many objects; keep the long-lived ones (app, loaded rows) out of
    # every collection meanwhile instead of rescanning them, which costs a tenth of the render.
    gc.freeze()
    try:
        return bytes(document.write_pdf())
    finally:
        gc.unfreeze()


@cache
def _stylesheet_digest() -> str:
    return hashlib.sha256((STATIC_DIR / "print.css").read_bytes()).hexdigest()


def cache_key(html: str, lang: str) -> str:
    """The hash that names a rendered PDF (and is its ETag): HTML, language, template version."""
    digest = hashlib.sha256()
    for part in (TEMPLATE_VERSION, weasyprint_version, _stylesheet_digest(), lang, html):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def cached_pdf(html: str, lang: str, cache_dir: Path | None,
               keep: int = CACHE_FILES) -> tuple[bytes, str]:
    """Return (PDF, ETag value), rendering only when the cache has no PDF for this HTML."""
    key = cache_key(html, lang)
    if cache_dir is None:
        return render_pdf(html), key
    path = Path(cache_dir) / f"{key}.pdf"
    try:
        pdf = path.read_bytes()
    except FileNotFoundError:
        pass
    else:
        os.utime(path)  # recently used: pruning removes the least recently used first
        return pdf, key
    pdf = render_pdf(html)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename, so a reader in another worker never sees half a file.
    fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(fd, "wb") as handle:
        handle.write(pdf)
    os.replace(temporary, path)
    prune_cache(path.parent, keep)
    return pdf, key


def prune_cache(cache_dir: Path, keep: int) -> None:
    """Delete all but the `keep` most recently used PDFs; every edit makes a new one."""
    files = sorted(cache_dir.glob("*.pdf"), key=lambda f: f.stat().st_mtime, reverse=True)
    for stale in files[keep:]:
        stale.unlink(missing_ok=True)  # another worker may have pruned it already
