"""Print-grade programmes read back from the PDF: cover, page breaks, compact layout, badges."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from tests.outputs.test_pdf import pages_text
from visitplanner.outputs import pdf
from visitplanner.outputs.badges import badge_holders, latin_form
from visitplanner.outputs.print_rules import compact_dates
from visitplanner.planning.programme import (
    Day,
    DelegateView,
    DelegationView,
    OrganisationView,
    PersonView,
    Programme,
    ProgrammeItem,
    VenueView,
    VisitView,
)

BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.mark.parametrize("start, end, lang, expected", [
    ((2024, 4, 22), (2024, 4, 26), "nl", "22–26 april 2024"),
    ((2024, 4, 22), (2024, 4, 26), "fr", "du 22 au 26 avril 2024"),
    ((2024, 4, 22), (2024, 4, 26), "en", "22–26 April 2024"),
    ((2026, 6, 15), (2026, 6, 15), "nl", "15 juni 2026"),
    ((2026, 6, 15), (2026, 6, 15), "fr", "15 juin 2026"),
    ((2026, 6, 15), (2026, 6, 15), "en", "15 June 2026"),
    ((2024, 4, 30), (2024, 5, 2), "nl", "30 april – 2 mei 2024"),
    ((2024, 5, 1), (2024, 5, 3), "fr", "du 1er au 3 mai 2024"),
    ((2024, 12, 30), (2025, 1, 2), "en", "30 December 2024 – 2 January 2025"),
])
def test_compact_dates_follow_babel_interval_formats(start, end, lang, expected):
    assert " ".join(compact_dates(dt.date(*start), dt.date(*end), lang).split()) == expected


@pytest.mark.parametrize("lang, dates, delegation", [
    ("nl", "22–26 april 2024", "Zes Oekraïense openbare aanklagers (acht personen in totaal)"),
    ("fr", "du 22 au 26 avril 2024", "Six procureurs ukrainiens (huit personnes au total)"),
    ("en", "22–26 April 2024", "Six Ukrainian prosecutors (eight people in total)"),
])
def test_demo_cover_has_compact_dates_delegation_in_words_logo_and_print_date(
        pdfs, lang, dates, delegation):
    cover = pages_text(pdfs[lang])[0]
    assert dates in cover and delegation in cover
    printed = {"nl": "Afgedrukt op", "fr": "Imprimé le", "en": "Printed on"}[lang]
    assert printed in cover
    purpose = {"nl": "Doel Meer inzicht", "fr": "Objectif Mieux comprendre",
               "en": "Purpose Gain a better"}[lang]
    assert purpose in cover  # upper-case first letter
    assert len(PdfReader(BytesIO(pdfs[lang])).pages[0].images) == 1  # the host's logo


def item_pages(data: bytes, titles: list[str]) -> dict[str, int]:
    """The page each title is printed on."""
    pages = pages_text(data)
    return {title: next(n for n, page in enumerate(pages) if title in page) for title in titles}


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_no_day_of_the_demo_is_split(pdfs, programmes, lang):
    programme = programmes[lang]
    for day in programme.days:
        titles = [item.title for item in day.items]
        assert len(set(item_pages(pdfs[lang], titles).values())) == 1, day.date


def test_demo_items_per_page(pdfs, programmes):
    """Cover, then Monday–Wednesday on page 2 and Thursday–Friday on page 3."""
    programme = programmes["nl"]
    per_page: dict[int, int] = defaultdict(int)
    for item in programme.items:
        per_page[item_pages(pdfs["nl"], [item.title])[item.title]] += 1
    assert dict(per_page) == {1: 10, 2: 5}


def one_day_visit(lang: str) -> Programme:
    """A one-day visit of one guest with five items, built by hand."""
    host = OrganisationView(id=1, name="Politiezone Gent", short_name="PZ Gent", phone="+32 9 266 61 11",
                            address="Antonius Triestlaan 12", city="9000 Gent", country="BE")
    venue = VenueView(id=1, name="Commissariaat Zuid", address="Antonius Triestlaan 12",
                      city="9000 Gent", organisation=host)
    chief = PersonView(id=1, full_name="Filip Reyniers", function="Korpschef", organisation=host,
                       phone="+32 9 266 61 00")
    visit = VisitView(id=7, title="Bezoek van de Poolse verbindingsofficier",
                      start_date=dt.date(2026, 6, 15), end_date=dt.date(2026, 6, 15),
                      timezone="Europe/Brussels", content_language="nl", status="confirmed",
                      host=host, delegation=DelegationView(country="PL", adjective="Poolse",
                                                           description="verbindingsofficieren"),
                      purpose="kennismaken met de wijkwerking")
    guest = DelegateView(id=1, full_name="Anna Kowalska", role="head", country="PL")

    def item(n: int, kind: str, title: str, hour: int) -> ProgrammeItem:
        starts = dt.datetime(2026, 6, 15, hour, 0, tzinfo=BRUSSELS)
        return ProgrammeItem(id=n, kind=kind, title=title, starts=starts,
                             ends=starts + dt.timedelta(minutes=50), venue=venue, host=host,
                             speakers=(chief,) if kind == "session" else ())
    items = (item(1, "session", "Ontvangst en kennismaking", 9),
             item(2, "session", "Wijkwerking in Gent", 10),
             item(3, "meal", "Lunch", 12),
             item(4, "site_visit", "Rondgang in de wijk Brugse Poort", 13),
             item(5, "session", "Evaluatie", 15))
    return Programme(visit=visit, days=(Day(date=visit.start_date, items=items),), lang=lang,
                     delegates=(guest,), key_figures=(chief,))


@pytest.mark.parametrize("lang, dates", [("nl", "15 juni 2026"), ("fr", "15 juin 2026"),
                                         ("en", "15 June 2026")])
def test_one_day_visit_fits_on_two_pages_with_its_contacts(lang, dates):
    data = pdf.render_pdf(pdf.programme_html(one_day_visit(lang)))
    pages = pages_text(data)
    assert len(pages) <= 2
    assert dates in pages[0] and "15 juni 2026 – 15 juni 2026" not in pages[0]
    assert "Ontvangst en kennismaking" in pages[0]  # the programme starts on the first page
    contacts = {"nl": "Contactgegevens", "fr": "Contacts", "en": "Contacts"}[lang]
    assert contacts in " ".join(pages) and "Anna Kowalska" in " ".join(pages)


def test_personal_programme_has_a_qr_code_to_the_personal_page(programmes):
    html = pdf.programme_html(programmes["escort"], personal_url="https://vp.example/p/abc")
    assert 'src="data:image/svg+xml' in html
    assert "Uw persoonlijke pagina" in pages_text(pdf.render_pdf(html))[0]
    assert "data:image/svg+xml" not in pdf.programme_html(programmes["nl"])


def test_latin_forms_of_names():
    assert latin_form("Олена Коваленко", None, "UA") == "Olena Kovalenko"
    assert latin_form("Олена Коваленко", "Olena Kovalenko-Smith", "UA") == "Olena Kovalenko-Smith"
    assert latin_form("Michaël Jonniaux", None, "BE") is None


def font_sizes(page) -> dict[str, list[float]]:
    """The printed size of each text run on a PDF page, in points."""
    sizes: dict[str, list[float]] = defaultdict(list)

    def visit(text, cm, tm, font, size):
        scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
        if text.strip():
            sizes[text.strip()].append(size * scale)
    page.extract_text(visitor_text=visit)
    return sizes


def test_table_cards_print_the_name_at_48_pt_on_both_faces(pdfs, programmes):
    holders = badge_holders(programmes["nl"])
    cards = PdfReader(BytesIO(pdfs["badges"])).pages[-len(holders):]
    for holder, card in zip(holders, cards, strict=True):
        sizes = font_sizes(card)[holder.name]
        assert len(sizes) == 2 and min(sizes) >= 48, holder.name


def test_badge_sheets_draw_only_real_badges(programmes):
    html = pdf.badges_html(programmes["nl"])
    holders = badge_holders(programmes["nl"])
    assert html.count('<td class="badge') == len(holders) and "blank" not in html
