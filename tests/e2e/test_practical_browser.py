"""End to end in Chromium: an organiser records an arrival, a hotel and a contact."""
from __future__ import annotations

import re
from io import BytesIO

from pypdf import PdfReader


def _new_visit(page) -> str:
    page.goto("/visits/new?lang=en")
    page.get_by_label("Title (in the content language)").fill("Working visit of Kenyan police")
    page.get_by_label("First day").fill("2031-06-02")
    page.get_by_label("Last day").fill("2031-06-04")
    page.get_by_label("Content language", exact=True).select_option("en")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/visits/\d+$"))
    return page.url


def test_organiser_adds_an_arrival_a_hotel_and_a_contact(page, log_in, shot):
    log_in(page, "organiser")
    visit_url = _new_visit(page)

    page.goto("/venues/new?lang=en")
    page.get_by_label("Name (original text)").fill("Hotel Amigo")
    page.get_by_label("Address (original text)").fill("Rue de l'Amigo 1-3")
    page.get_by_label("Phone (the front desk, for hotels)").fill("+32 2 547 47 47")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/venues$"))

    page.goto(visit_url)
    page.get_by_role("link", name="Add an arrival or departure").click()
    page.get_by_label("Arrival or departure").select_option("arrival")
    page.get_by_label("By", exact=True).select_option("flight")
    page.get_by_label("Reference (flight or train number)").fill("KQ 116")
    page.get_by_label("From (English)").fill("Nairobi (NBO)")
    page.get_by_label("Departs", exact=True).fill("2031-06-01T23:55")
    page.get_by_label("Time zone of the departure").fill("Africa/Nairobi")
    page.get_by_label("To (English)").fill("Brussels Airport (BRU)")
    page.get_by_label("Arrives", exact=True).fill("2031-06-01T06:30")  # before departing
    page.get_by_role("button", name="Save").click()
    page.get_by_text("The arrival must be after the departure").wait_for()
    page.get_by_label("Arrives", exact=True).fill("2031-06-02T06:30")
    page.get_by_label("Meeting point (English)").fill("Arrivals hall, exit 2")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/visits/\d+#practical-heading$"))

    page.get_by_role("link", name="Add a hotel stay").click()
    page.get_by_label("Hotel (a venue)").select_option(label="Hotel Amigo")
    page.get_by_label("Check-in").fill("2031-06-02")
    page.get_by_label("Check-out").fill("2031-06-04")
    page.get_by_label("Booking reference").fill("AMI-77")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/visits/\d+#practical-heading$"))

    page.get_by_role("link", name="Add a contact").click()
    page.get_by_label("Name", exact=True).fill("Kristof Janssens")
    page.get_by_label("Role (English)").fill("Protocol officer")
    page.get_by_label("Phone", exact=True).fill("+32 475 12 34 56")
    page.get_by_label("Available (English)").fill("24/7")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/visits/\d+#practical-heading$"))

    practical = page.locator("section.practical")
    journeys = practical.locator("table.journeys").inner_text()
    assert "KQ 116" in journeys and "Nairobi (NBO) → Brussels Airport (BRU)" in journeys
    assert "23:55 (Africa/Nairobi)" in journeys and "Arrivals hall, exit 2" in journeys
    stays = practical.locator("ul.stays").inner_text()
    assert "Hotel Amigo" in stays and "2 nights" in stays and "AMI-77" in stays
    phone = practical.get_by_role("link", name="+32 475 12 34 56")
    assert phone.get_attribute("href") == "tel:+32475123456"
    assert "Protocol officer" in practical.locator("ul.contacts").inner_text()
    assert practical.get_by_role("link", name="112").get_attribute("href") == "tel:112"
    shot(page, "visit-practical")

    english_pdf = page.get_by_role("link", name="Programme (PDF, English)").first
    answer = page.request.get(english_pdf.get_attribute("href") or "")
    assert answer.ok and answer.headers["content-type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(answer.body())).pages)
    assert "KQ 116" in text and "Hotel Amigo" in text and "+32 2 547 47 47" in text
    assert "Kristof Janssens" in text and "+32 475 12 34 56" in text and "112" in text
