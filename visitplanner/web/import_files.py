"""Read a CSV or Excel (.xlsx) file of delegates into rows keyed by API field names. Pure."""
from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import load_workbook

MAX_ROWS = 1000
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
    for cells in table:
        row = {name: cell_text(value) for name, value in zip(headings, cells, strict=False) if name}
        if any(row.values()):
            rows.append(row)
        if len(rows) > MAX_ROWS:
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
    return iter(list(csv.reader(io.StringIO(text), dialect)))


def _xlsx_table(data: bytes) -> Any:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged or foreign file
        raise ImportFileError("not an Excel .xlsx file") from exc
    rows = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    return iter(rows)
