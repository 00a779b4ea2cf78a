"""Read a CSV or Excel (.xlsx) file of delegates into rows keyed by API field names. Pure."""
from __future__ import annotations

import csv
import io
import zipfile
from itertools import islice
from typing import Any

MAX_ROWS = 1000
# Rows read at most, blank ones included: a sheet may claim a million rows it does not hold.
MAX_SCANNED_ROWS = 5 * MAX_ROWS
MAX_COLUMNS = 50
MAX_CELL = 5000  # characters; no delegate field is longer
# An .xlsx is a zip archive: refuse ones that unpack to far more than a delegate list needs.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 200
# Headings people write, mapped to the API's field names; the field names themselves work too.
ALIASES = {"name": "full_name", "full name": "full_name", "e-mail": "email", "e_mail": "email",
           "mail": "email", "title": "honorific", "telephone": "phone", "diet": "dietary"}
FIELDS = ("full_name", "honorific", "gender", "function", "organisation", "country", "email",
          "phone", "language", "role", "dietary", "accessibility", "notes")


class ImportFileError(ValueError):
    """The file cannot be read as a table of delegates; the message says why."""


def field_name(heading: Any) -> str | None:
    """The field a column heading names, or None when it names none."""
    text = str(heading or "").strip().lower()
    name = ALIASES.get(text, text.replace(" ", "_").replace("-", "_"))
    return name if name in FIELDS else None


def cell_text(value: Any) -> str:
    """A cell as text: whole numbers without '.0', empty cells as ''."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rows(filename: str, data: bytes) -> list[dict[str, str]]:
    """The file's rows below the heading row, as {field: text}; unknown columns are left out."""
    table = _xlsx_table(data) if filename.lower().endswith(".xlsx") else _csv_table(data)
    headings = [field_name(h) for h in next(table, [])]
    if "full_name" not in headings:
        raise ImportFileError("no full_name column")
    rows = []
    for cells in islice(table, MAX_SCANNED_ROWS):
        row = {name: cell_text(value) for name, value in zip(headings, cells, strict=False) if name}
        if any(len(text) > MAX_CELL for text in row.values()):
            raise ImportFileError(f"a cell longer than {MAX_CELL} characters")
        if any(row.values()):
            rows.append(row)
        if len(rows) > MAX_ROWS:
            raise ImportFileError("too many rows")
    if next(table, None) is not None:
        raise ImportFileError("too many rows")
    return rows


def _csv_table(data: bytes) -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return iter([row[:MAX_COLUMNS] for row in csv.reader(io.StringIO(text), dialect)])
    except csv.Error as exc:  # e.g. a cell beyond the csv module's field size limit
        raise ImportFileError("not a readable CSV file") from exc


def _check_archive(data: bytes) -> None:
    """Refuse a zip whose entries are too many or unpack to an absurd size (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ImportFileError("not an Excel .xlsx file") from exc
    if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        raise ImportFileError("the file unpacks to more than a list of delegates needs")


def _xlsx_table(data: bytes) -> Any:
    """The first sheet's rows, streamed: never more than MAX_COLUMNS cells wide, and the
    sheet's own claim of its size (<dimension>) is ignored."""
    _check_archive(data)
    # openpyxl takes a tenth of a second to import: only an .xlsx upload loads it.
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        sheet.reset_dimensions()
    except Exception as exc:  # openpyxl raises many kinds on a damaged or foreign file
        raise ImportFileError("not an Excel .xlsx file") from exc
    return _stream(book, sheet)


def _stream(book: Any, sheet: Any) -> Any:
    try:
        yield from sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
    except Exception as exc:  # a damaged sheet shows only once it is read
        raise ImportFileError("not an Excel .xlsx file") from exc
    finally:
        book.close()
