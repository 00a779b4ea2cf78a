"""The sheets from the visit page: links for each sheet in both formats, login required."""
from io import BytesIO

from openpyxl import load_workbook
from web_client import logged_in


def test_visit_page_links_to_every_sheet_and_they_download(client, demo_visit):
    url = f"/visits/{demo_visit.id}/sheets/catering.xlsx"
    assert client.get(url).status_code == 302  # to the login page
    logged_in(client, "viewer")
    page = client.get(f"/visits/{demo_visit.id}").get_data(as_text=True)
    for kind in ("delegation", "transport", "catering", "access"):
        for fmt in ("xlsx", "pdf"):
            assert f'href="/visits/{demo_visit.id}/sheets/{kind}.{fmt}"' in page
    response = client.get(url + "?lang=fr")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.data)).active
    assert sheet is not None and sheet["A1"].value == "Jour"
    assert client.get(f"/visits/{demo_visit.id}/sheets/menu.xlsx").status_code == 404
