"""Finding 1: hostile import files. A 5 KB sheet that claims a million rows, a zip bomb and a
200 KB CSV cell are refused with a message, within bounded memory."""
from __future__ import annotations

import io
import subprocess
import sys
import zipfile

from openpyxl import Workbook

from visitplanner.web.import_files import ImportFileError, read_rows

MEMORY_LIMIT_MB = 200


def crafted_xlsx() -> bytes:
    """An .xlsx whose <dimension> claims A1:XFD1048576, with one cell in row 1,048,576."""
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "full_name"
    sheet["A2"] = "Olena"
    sheet["A1048576"] = "far away"
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:A1048576"/>',
                                    b'<dimension ref="A1:XFD1048576"/>')
                assert b"XFD1048576" in data
            target.writestr(entry, data)
    return out.getvalue()


# Run in a fresh interpreter, so the figure is the process's peak while it reads the file (the
# peak is reset after the app's modules are loaded), not the test suite's.
MEASURE = """
import sys
from visitplanner.web.import_files import ImportFileError, read_rows
data = sys.stdin.buffer.read()
with open("/proc/self/clear_refs", "w") as handle:
    handle.write("5")  # reset VmHWM, the peak resident set size
try:
    read_rows("crafted.xlsx", data)
    outcome = "read"
except ImportFileError as exc:
    outcome = str(exc)
status = dict(line.split(":", 1) for line in open("/proc/self/status"))
print(outcome)
print(int(status["VmHWM"].split()[0]) // 1024)
"""


def test_crafted_spreadsheet_is_refused_within_200_mb():
    data = crafted_xlsx()
    assert len(data) < 10_000
    result = subprocess.run([sys.executable, "-c", MEASURE], input=data, capture_output=True,
                            timeout=120, check=True)
    outcome, peak_mb = result.stdout.decode().split("\n")[:2]
    assert outcome == "too many rows"
    assert int(peak_mb) < MEMORY_LIMIT_MB, f"peak RSS {peak_mb} MB"


def test_wide_rows_are_cut_to_the_columns_a_delegate_list_has():
    book = Workbook()
    sheet = book.active
    sheet.append(["full_name", "email"] + [f"x{n}" for n in range(2000)])
    sheet.append(["Olena", "o@example.org"] + ["y"] * 2000)
    buffer = io.BytesIO()
    book.save(buffer)
    assert read_rows("wide.xlsx", buffer.getvalue()) == [
        {"full_name": "Olena", "email": "o@example.org"}]


def test_zip_bomb_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    try:
        read_rows("bomb.xlsx", out.getvalue())
    except ImportFileError as exc:
        assert "unpacks" in str(exc)
    else:
        raise AssertionError("a zip bomb was read")


def test_huge_csv_cell_is_a_message_not_a_500(client, demo_visit, logged_in, post):
    logged_in(client)
    csv = b"full_name,notes\nOlena," + b"x" * 200_000 + b"\n"
    response = post(client, f"/visits/{demo_visit.id}/delegates/import",
                    {"file": (io.BytesIO(csv), "list.csv")}, content_type="multipart/form-data")
    assert response.status_code == 422
    assert 'id="file-error"' in response.get_data(as_text=True)
