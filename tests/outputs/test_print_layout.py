"""Print-grade programmes read back from the PDF: cover, page breaks, compact layout, badges."""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from tests.outputs.test_pdf import pages_text
from visitplanner.outputs import pdf
from visitplanner.outputs.badges import badge_holders, latin_form
from visitplanner.outputs.print_rules import compact_dates, shown_host
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


def long_days() -> Programme:
    """Two days of 22 items each with a long description: neither day fits on one page."""
    base = one_day_visit("en")
    venue = base.items[0].venue
    days = []
    for offset in range(2):
        date = dt.date(2026, 6, 15 + offset)
        items = tuple(ProgrammeItem(
            id=100 * offset + n, kind="session", title=f"Session {offset + 1}.{n}",
            starts=dt.datetime(date.year, date.month, date.day, 7, 0, tzinfo=BRUSSELS)
            + dt.timedelta(minutes=35 * n),
            ends=dt.datetime(date.year, date.month, date.day, 7, 30, tzinfo=BRUSSELS)
            + dt.timedelta(minutes=35 * n), venue=venue,
            description=f"Closing words of session {offset + 1}.{n}. " + "Discussion. " * 25)
            for n in range(22))
        days.append(Day(date=date, items=items))
    visit = dataclasses.replace(base.visit, end_date=dt.date(2026, 6, 16))
    return dataclasses.replace(base, visit=visit, days=tuple(days))


def test_long_days_break_between_items_never_inside_one_or_after_a_heading():
    programme = long_days()
    pages = pages_text(pdf.render_pdf(pdf.programme_html(programme)))
    assert len(pages) > 4
    for day in programme.days:
        heading = f"{day.date:%A} {day.date.day} {day.date:%B %Y}"
        page = next(n for n, text in enumerate(pages) if heading in text)
        assert day.items[0].title + " " in pages[page] or pages[page].endswith(day.items[0].title), heading
        for item in day.items:
            where = [n for n, text in enumerate(pages) if f"{item.title} " in text]
            closing = [n for n, text in enumerate(pages) if f"Closing words of {item.title.lower()}." in text]
            assert where == closing and len(where) == 1, item.title  # title and text together


def test_an_item_names_its_host_only_when_nobody_else_does():
    programme = one_day_visit("nl")
    court = OrganisationView(id=9, name="Rechtbank van eerste aanleg", short_name="REA Gent")
    item = programme.items[0]
    assert shown_host(item, programme.visit) is None  # the visit's own host
    assert shown_host(dataclasses.replace(item, host=court), programme.visit) == court
    named = dataclasses.replace(item, host=court, title="Ontvangst bij de REA Gent")
    assert shown_host(named, programme.visit) is None
    html = pdf.programme_html(dataclasses.replace(programme, days=(dataclasses.replace(
        programme.days[0], items=(dataclasses.replace(item, host=court),)),)))
    assert "Gastheer:</span> Rechtbank van eerste aanleg" in html
