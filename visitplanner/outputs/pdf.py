"""Printable programmes and badges: Programme -> HTML (Jinja) -> PDF (WeasyPrint).

Rendered PDFs are kept by core.output_cache, whose keys cover this code, the templates and
print.css.
"""
from __future__ import annotations

import base64
import datetime as dt
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
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/svg+xml"})


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
