"""A Sheet as a file: an .xlsx workbook (openpyxl) or print HTML for a PDF (WeasyPrint)."""
from __future__ import annotations

from io import BytesIO

from visitplanner.outputs.pdf import ENV
from visitplanner.outputs.sheets import Sheet
from visitplanner.planning.programme import Programme

# Excel refuses sheet titles longer than 31 characters or holding any of these.
TITLE_FORBIDDEN = str.maketrans({ch: " " for ch in "[]:*?/\\"})


def sheet_xlsx(sheet: Sheet, programme: Programme) -> bytes:
    """A workbook with one table: a bold header row kept in view, widths set, text wrapped."""
    # openpyxl takes a tenth of a second to import: only an .xlsx download loads it.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    worksheet = workbook.active
    assert worksheet is not None  # a new workbook always has one sheet
    worksheet.title = sheet.title.translate(TITLE_FORBIDDEN)[:31]
    worksheet.append(list(sheet.columns))
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    for values in sheet.rows:
        worksheet.append(list(values))
    for n, width in enumerate(sheet.widths, start=1):
        worksheet.column_dimensions[get_column_letter(n)].width = width
    for row in worksheet.iter_rows(min_row=2):
        for cell in row:
            # openpyxl stores text starting with '=' as a formula; user text stays text.
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    worksheet.freeze_panes = "A2"
    worksheet.auto_filter.ref = worksheet.dimensions
    workbook.properties.title = f"{sheet.title} – {programme.visit.title}"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_html(sheet: Sheet, programme: Programme) -> str:
    """The sheet as landscape print HTML, the header row repeated on every page."""
    return ENV.get_template("sheet.html").render(sheet=sheet, p=programme, lang=programme.lang)
