"""Sheets over HTTP and the CLI: load the visit once, build the sheet, write .xlsx or PDF."""
from __future__ import annotations

from dataclasses import dataclass

from visitplanner.core.printouts import html_pdf
from visitplanner.core.queries import load_visit
from visitplanner.core.releases import declined_items
from visitplanner.media_types import SHEET_MEDIA_TYPES
from visitplanner.outputs.filenames import file_name
from visitplanner.outputs.pdf import render_pdf
from visitplanner.outputs.sheet_files import sheet_html, sheet_xlsx
from visitplanner.outputs.sheets import build_sheet
from visitplanner.planning.build import build_programme

SHEET_FORMATS = ("xlsx", "pdf")


@dataclass(frozen=True)
class SheetFile:
    """A rendered sheet: its bytes, media type and download name."""

    data: bytes
    media_type: str
    filename: str


def sheet_file(visit_id: int, kind: str, fmt: str, lang: str | None,
               cached: bool = True) -> SheetFile | None:
    """The `kind` sheet of a visit as `fmt`; None when there is no such visit.

    ValueError for an unknown kind. PDFs are kept in the output cache when `cached`.
    """
    visit = load_visit(visit_id)
    if visit is None:
        return None
    programme = build_programme(visit, lang or visit.content_language)
    declined = declined_items(visit_id) if kind == "catering" else frozenset()
    sheet = build_sheet(programme, kind, declined)
    if fmt == "xlsx":
        data = sheet_xlsx(sheet, programme)
    else:
        html = sheet_html(sheet, programme)
        data = html_pdf(html, programme.lang) if cached else render_pdf(html)
    name = file_name(programme.visit.title, kind, programme.lang, extension=fmt)
    return SheetFile(data, SHEET_MEDIA_TYPES[fmt], name)
