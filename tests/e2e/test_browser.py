"""End to end in Chromium: an organiser plans a visit, a viewer only reads, three languages."""
from __future__ import annotations

import io
import re

from browser_helpers import ARTIFACTS, browser, e2e_app, live_server, log_in, page, shot  # noqa: F401  # noqa: F401
from openpyxl import Workbook
from pypdf import PdfReader


def _xlsx() -> bytes:
    book = Workbook()
    book.active.append(["full_name", "email", "role", "language"])
    book.active.append(["Maria Rusu", "maria@example.md", "member", "fr"])
    book.active.append(["Ion Popescu", "ion@example.md", "member", "en"])  # same as by hand
    book.active.append(["", "nobody@example.md", "member", ""])
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def _add_item(page, visit_url: str, title: str, starts: str, ends: str) -> None:
    page.goto(visit_url)
    page.get_by_role("link", name="Add programme item").click()
    page.get_by_label("Title (English)", exact=True).fill(title)
    page.get_by_label("Starts").fill(starts)
    page.get_by_label("Ends").fill(ends)
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/visits/\d+#item-\d+$"))


def test_organiser_plans_a_visit_and_sees_the_conflict(page):
    log_in(page, "organiser")
    page.get_by_role("link", name="New visit").click()
    page.get_by_label("Title (in the content language)").fill("Study visit of Moldovan judges")
    page.get_by_label("First day").fill("2031-05-06")
    page.get_by_label("Last day").fill("2031-05-08")
    page.get_by_label("Content language", exact=True).select_option("en")
    page.get_by_label("Delegation country").select_option(label="Moldova")
    page.get_by_label("What the delegates are, in the plural").fill("judges")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/visits/\d+$"))
    assert page.get_by_role("status").first.inner_text().startswith("Visit created")
    visit_url = page.url

    page.get_by_role("link", name="Delegates", exact=True).click()
    page.get_by_role("link", name="Add delegate").click()
    page.get_by_label("Full name").fill("Ion Popescu")
    page.get_by_label("E-mail").fill("ion@example.md")
    page.get_by_label("Role").select_option("head")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Delegate added: Ion Popescu.").wait_for()

    page.get_by_role("link", name="Import from a file").click()
    page.get_by_label("File (CSV or Excel .xlsx)").set_input_files(files=[{
        "name": "delegates.xlsx", "buffer": _xlsx(),
        "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}])
    page.get_by_role("button", name="Show preview").click()
    page.get_by_text("Rows that can be imported: 1 of 3.").wait_for()
    assert page.locator("tr.problem").count() == 2
    assert "already in this delegation" in page.locator("table.preview").inner_text()
    shot(page, "import-preview")
    page.get_by_role("button", name="Import 1 delegate").click()
    page.get_by_text("1 delegate imported.").wait_for()
    assert page.locator("tbody tr").count() == 2

    _add_item(page, visit_url, "Meeting at the Court of Appeal", "2031-05-06T09:00",
              "2031-05-06T11:00")
    _add_item(page, visit_url, "Lunch with the prosecutor general", "2031-05-06T10:30",
              "2031-05-06T12:00")
    conflicts = page.locator("section.conflicts")
    assert "Double booking" in conflicts.inner_text()
    assert page.locator("li.item.conflicting").count() == 2
    assert page.locator("section.outputs").count() == 1
    shot(page, "visit-page")

    page.get_by_role("link", name="Timeline").click()
    assert page.locator(".timeline .block.conflicting").count() == 2
    shot(page, "timeline")
    assert page.locator(".timeline .day").count() == 3  # every day of the visit, even empty
    printed = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    box = printed.pages[0].mediabox
    assert len(printed.pages) == 1 and box.width > box.height  # one A4 landscape sheet
    assert "Lunch with the prosecutor" in printed.pages[0].extract_text()
    ARTIFACTS.joinpath("timeline-print.pdf").write_bytes(
        page.pdf(prefer_css_page_size=True, print_background=True))

    page.goto(visit_url)
    page.get_by_role("link", name="Edit Lunch with the prosecutor general").click()
    page.locator("details.translations summary").click()
    page.get_by_label("Title (French)").fill("Déjeuner avec le procureur général")
    shot(page, "item-edit-translations")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/visits/\d+#item-\d+$"))
    page.goto(visit_url + "?lang=fr")
    french_title = page.locator("li.item strong", has_text="Déjeuner avec le procureur général")
    assert french_title.is_visible()
    page.goto(visit_url + "?lang=en")

    page.get_by_role("link", name="Delegates", exact=True).click()
    assert page.get_by_role("columnheader", name="Actions").is_visible()
    shot(page, "delegates-table")
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shot(page, "delegates-table-375px")
    page.goto(visit_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shot(page, "visit-page-375px")


def test_interface_speaks_dutch_and_french(page):
    log_in(page, "organiser")
    page.get_by_role("link", name="Nederlands").click()
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", name="Bezoeken").is_visible()
    page.get_by_role("link", name="Organisaties").click()  # the choice is remembered
    assert page.locator("html").get_attribute("lang") == "nl"
    shot(page, "organisations-nl")
    page.get_by_role("link", name="Français").click()
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("link", name="Visites").click()
    assert page.get_by_role("heading", name="Visites").is_visible()
    shot(page, "visits-fr")
    page.get_by_role("link", name="Nouvelle visite").click()
    page.get_by_role("button", name="Enregistrer").click()
    assert page.locator(".error").count() > 0
    shot(page, "visit-form-errors-fr")


def test_viewer_reads_but_cannot_write(page):
    log_in(page, "viewer")
    page.get_by_role("link", name="Seeded visit").click()
    main = page.locator("main")
    assert main.get_by_role("link", name=re.compile("Edit|Delete|Add")).count() == 0
    assert page.locator("main form").count() == 0
    shot(page, "visit-page-viewer")
    token = page.locator("form.logout input[name=csrf_token]").get_attribute("value")
    response = page.request.post("/visits/new", form={
        "csrf_token": token, "title": "Not allowed", "start_date": "2031-01-01",
        "end_date": "2031-01-02"})
    assert response.status == 403


def test_keyboard_reaches_the_content(page):
    log_in(page, "organiser")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Skip to content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused
