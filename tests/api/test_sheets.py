"""The sheets for drivers, caterers and security, opened as their readers open them."""
from __future__ import annotations

import subprocess
from io import BytesIO

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from visitplanner.cli import export_sheet_command

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def open_sheet(data: bytes) -> list[list[object]]:
    """The rows of the workbook's one sheet, header first; checks the table's make-up."""
    sheet = load_workbook(BytesIO(data)).active
    assert sheet is not None
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    assert all((sheet.column_dimensions[letter].width or 0) > 8 for letter in "ABCD")
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def sheet(api, visit_id: int, kind: str, lang: str = "nl") -> list[dict[str, object]]:
    response = api.get(f"/visits/{visit_id}/sheets/{kind}.xlsx?lang={lang}")
    assert response.status_code == 200 and response.mimetype == XLSX
    header, *rows = open_sheet(response.data)
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_delegation_sheet_has_one_row_per_delegate_with_dietary_needs(api, demo_visit):
    rows = sheet(api, demo_visit.id, "delegation", "en")
    assert len(rows) == len(demo_visit.delegates)
    head = next(row for row in rows if row["Name"] == "Oleksandr Shevchenko")
    assert head["Role"] == "Head of delegation" and head["Country"] == "Ukraine"
    assert head["E-mail"] == "o.shevchenko@example.org"
    assert next(r for r in rows if r["Name"] == "Iryna Bondarenko")["Dietary needs"] == "halal"


def test_catering_sheet_counts_and_names_each_dietary_need_per_meal(api, demo_visit):
    rows = sheet(api, demo_visit.id, "catering")
    meals = [item for item in demo_visit.items if item.kind == "meal"]
    assert [row["Maaltijd"] for row in rows] == [meal.title for meal in
                                                  sorted(meals, key=lambda i: i.starts_at)]
    lunch = rows[0]
    assert lunch["Gasten"] == len(demo_visit.delegates) + len(meals[0].speakers)
    assert lunch["Dieetwensen"] == ("vegetarisch: 2 (Andrii Melnyk, Nataliia Tkachenko); "
                                    "halal: 1 (Iryna Bondarenko)")


def test_catering_sheet_follows_a_meal_audience(api, demo_visit):
    delegates = {d.full_name: d.id for d in demo_visit.delegates}
    meal = next(i for i in api.get(f"/visits/{demo_visit.id}/items").json if i["kind"] == "meal")
    chosen = [delegates["Andrii Melnyk"], delegates["Iryna Bondarenko"],
              delegates["Oleksandr Shevchenko"]]
    patched = api.patch(f"/items/{meal['id']}", json={"version": meal["version"],
                                                      "delegate_ids": chosen})
    assert patched.status_code == 200, patched.json
    row = next(r for r in sheet(api, demo_visit.id, "catering", "en")
               if r["Time"].startswith(meal["starts_at"][11:16]))
    assert row["Guests"] == 3 + len(meal.get("speaker_ids") or [])
    assert row["Dietary needs"] == "halal: 1 (Iryna Bondarenko); vegetarisch: 1 (Andrii Melnyk)"


def test_transport_sheet_runs_by_day_and_time_with_passengers(api, demo_visit):
    rows = sheet(api, demo_visit.id, "transport", "en")
    assert rows[0]["Transport"] == "Arrival: Train IC 706"
    assert rows[0]["Time"] == "10:05 (Warsaw)"
    flight = rows[1]
    assert flight["Transport"] == "Arrival: Flight LO 231"
    assert flight["Passengers"] == 7 and "Diane Reynders" in flight["Names"]
    assert flight["Contact"].startswith("Kristof Janssens and driver Jan Peeters")
    transfer = next(r for r in rows if "Montgomery" in r["From → to"])
    assert transfer["Transport"] == "Minibus, driver Jan Peeters"
    assert transfer["Meeting point"] == "08:35, Hotel lobby"
    assert transfer["Contact"] == "Kristof Janssens +32 475 12 34 56"
    departures = [r["Transport"] for r in rows if r["Transport"].startswith("Departure")]
    assert departures[0] == "Departure: Flight LO 236" and rows[-1]["Transport"] == departures[-1]


def test_transport_sheet_of_two_groups_arriving_on_different_days(api, two_group_visit):
    rows = sheet(api, two_group_visit.id, "transport", "en")
    assert [(r["Day"], r["Transport"], r["Passengers"]) for r in rows] == [
        ("13 May 2024", "Arrival: Flight RO 391", 3),
        ("14 May 2024", "Arrival: Train EUROSTAR 9312", 2),
        ("16 May 2024", "Departure: Flight RO 392", 5)]
    assert rows[1]["Names"] == "Elena Lungu, Andrei Munteanu"


def test_access_sheet_lists_everyone_expected_at_each_site_visit(api, demo_visit):
    rows = sheet(api, demo_visit.id, "access", "fr")
    visits = [i for i in demo_visit.items if i.kind == "site_visit"]
    assert len(rows) == len(visits) == 2
    first = rows[0]
    expected = str(first["Nom, fonction, organisation, pays"]).split("\n")
    assert first["Attendus"] == len(expected) >= len(demo_visit.delegates)
    assert "Oleksandr Shevchenko, Chef de la délégation, procureur, Bureau du procureur " \
           "général d'Ukraine, Ukraine" in expected


@pytest.mark.parametrize("kind", ["delegation", "transport", "catering", "access"])
def test_each_sheet_also_comes_as_a_pdf(api, demo_visit, kind):
    response = api.get(f"/visits/{demo_visit.id}/sheets/{kind}.pdf?lang=en")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=response.data,
                          capture_output=True, check=True).stdout.decode("utf-8")
    title, line = {"delegation": ("Delegation", "Oleksandr Shevchenko"),
                   "transport": ("Transport run sheet", "Minibus, driver Jan Peeters"),
                   "catering": ("Catering", "vegetarisch: 2 (Andrii Melnyk, Nataliia Tkachenko)"),
                   "access": ("Access list", "Oleksandr Shevchenko")}[kind]
    assert title in text and line in " ".join(text.split())


def test_sheet_errors_are_clear(api, demo_visit):
    assert api.get("/visits/999999/sheets/catering.xlsx").status_code == 404
    assert api.get(f"/visits/{demo_visit.id}/sheets/menu.xlsx").status_code == 404
    bad = api.get(f"/visits/{demo_visit.id}/sheets/catering.xlsx?lang=xx")
    assert bad.status_code == 422 and "lang" in bad.json["error"]["fields"]


def test_cli_writes_a_sheet_as_xlsx_or_pdf(app, demo_visit, tmp_path):
    runner = CliRunner()
    target = tmp_path / "catering.xlsx"
    with app.app_context():
        result = runner.invoke(export_sheet_command,
                               [str(demo_visit.id), "catering", "--lang", "en", "-o", str(target)])
    assert result.exit_code == 0, result.output
    header, *rows = open_sheet(target.read_bytes())
    assert header[0] == "Day" and len(rows) == 4
    pdf = tmp_path / "access.pdf"
    with app.app_context():
        result = runner.invoke(export_sheet_command, [str(demo_visit.id), "access", "-o", str(pdf)])
    assert result.exit_code == 0 and pdf.read_bytes().startswith(b"%PDF")
    with app.app_context():
        missing = runner.invoke(export_sheet_command, ["999999", "access"])
    assert missing.exit_code != 0 and "No visit with id 999999" in missing.output


def test_catering_sheet_counts_out_a_delegate_who_declined_the_meal(api, demo_visit):
    from visitplanner.core.releases import answer_item
    from visitplanner.extensions import db

    meals = sorted((i for i in demo_visit.items if i.kind == "meal"), key=lambda i: i.starts_at)
    andrii = next(d for d in demo_visit.delegates if d.full_name == "Andrii Melnyk")
    answer_item(andrii, meals[0].id, "declined")
    answer_item(andrii, meals[1].id, "accepted")
    db.session.commit()
    lunch, dinner = sheet(api, demo_visit.id, "catering")[:2]
    assert lunch["Gasten"] == len(demo_visit.delegates) - 1 + len(meals[0].speakers)
    assert lunch["Dieetwensen"] == ("halal: 1 (Iryna Bondarenko); "
                                    "vegetarisch: 1 (Nataliia Tkachenko)")
    assert "Andrii Melnyk" in str(dinner["Dieetwensen"])
