"""The import template and the delegation as .xlsx; a downloaded delegation reads back."""
from __future__ import annotations

import io

from openpyxl import load_workbook
from web_client import logged_in, page

from visitplanner.web.import_files import FIELDS, read_rows


def test_import_page_offers_a_template_with_the_columns_it_reads(client, demo_visit):
    logged_in(client)
    assert f"/visits/{demo_visit.id}/delegates/import-template.xlsx" in page(
        client, f"/visits/{demo_visit.id}/delegates/import")
    response = client.get(f"/visits/{demo_visit.id}/delegates/import-template.xlsx")
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    assert "delegates-template.xlsx" in response.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.data)).active
    assert [cell.value for cell in sheet[1]] == list(FIELDS) and sheet.max_row == 1


def test_delegation_downloads_as_xlsx_and_reads_back(client, demo_visit):
    logged_in(client, "viewer")
    assert f"/visits/{demo_visit.id}/delegates.xlsx" in page(
        client, f"/visits/{demo_visit.id}/delegates")
    response = client.get(f"/visits/{demo_visit.id}/delegates.xlsx")
    assert response.status_code == 200
    rows = read_rows("delegates.xlsx", response.data)
    assert sorted(row["full_name"] for row in rows) == sorted(
        d.full_name for d in demo_visit.delegates)
    head = next(d for d in demo_visit.delegates if d.role == "head")
    row = next(r for r in rows if r["full_name"] == head.full_name)
    assert row["role"] == "head" and row["email"] == (head.email or "")
