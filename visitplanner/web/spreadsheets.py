"""Delegation spreadsheets: the import template and the delegation as .xlsx, same columns, so
a downloaded delegation can be changed and imported again."""
from __future__ import annotations

import io
from string import ascii_uppercase
from typing import Any

from flask import Response
from flask_login import login_required

from visitplanner.core.queries import load_visit_delegates
from visitplanner.models import Visit
from visitplanner.outputs.filenames import content_disposition, file_name
from visitplanner.web.editing import get_or_404
from visitplanner.web.formatting import local
from visitplanner.web.import_files import FIELDS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook(rows: list[list[Any]]) -> bytes:
    # openpyxl takes a tenth of a second to import: only an .xlsx download loads it.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.create_sheet("delegates", 0)
    book.remove(book.worksheets[1])  # the empty sheet a new workbook starts with
    sheet.append(list(FIELDS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for letter, name in zip(ascii_uppercase, FIELDS, strict=False):
        width = max([len(name), *(len(str(row[FIELDS.index(name)])) for row in rows)])
        sheet.column_dimensions[letter].width = min(width + 2, 50)
    sheet.freeze_panes = "A2"
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def _xlsx(data: bytes, name: str) -> Response:
    return Response(data, mimetype=XLSX, headers={"Content-Disposition": content_disposition(name)})


@login_required
def export_import_template(visit_id: int) -> Response:
    """An empty sheet with the columns the import reads."""
    visit = get_or_404(Visit, visit_id)
    return _xlsx(_workbook([]), file_name(local(visit, "title"), "delegates-template",
                                          extension="xlsx"))


@login_required
def export_delegates_xlsx(visit_id: int) -> Response:
    """The delegation, one delegate a row, in the import's columns."""
    visit = get_or_404(Visit, visit_id)
    rows = [[getattr(delegate, name) or "" for name in FIELDS]
            for delegate in load_visit_delegates(visit_id)]
    return _xlsx(_workbook(rows), file_name(local(visit, "title"), "delegates",
                                            extension="xlsx"))
