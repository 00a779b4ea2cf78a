"""The practical side of the printed programme, read back with pdftotext in nl, fr and en."""
from __future__ import annotations

import subprocess

import pytest

from visitplanner.outputs import pdf
from visitplanner.planning.programme import Programme


def text(data: bytes) -> str:
    """The PDF's text as pdftotext reads it, whitespace folded."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                         capture_output=True, check=True).stdout.decode("utf-8")
    return " ".join(out.split())



@pytest.fixture(scope="module")
def pdfs(programmes: dict[str, Programme]) -> dict[str, bytes]:
    """The demo programme (conftest's `programmes`) rendered once per language."""
    return {lang: pdf.render_pdf(pdf.programme_html(programmes[lang]))
            for lang in ("nl", "fr", "en")}


PRACTICAL = {
    "nl": ["Praktische informatie", "Noodnummer: 112", "Contactpersonen tijdens het bezoek",
           "Kristof Janssens", "+32 475 12 34 56", "Jan Peeters", "+32 476 65 43 21",
           "Hotels", "Aankomsten", "Trein IC 706", "Vlucht LO 231", "Vertrekken",
           "Kledij: Zakelijke kledij", "Neem uw paspoort mee"],
    "fr": ["Informations pratiques", "Numéro d'urgence : 112", "Contacts pendant la visite",
           "+32 475 12 34 56", "Hôtels", "Arrivées", "Train IC 706", "Vol LO 231", "Départs",
           "Tenue : Tenue de ville", "Emportez votre passeport"],
    "en": ["Practical information", "Emergency number: 112", "Contacts during the visit",
           "+32 475 12 34 56", "Hotels", "Arrivals", "Train IC 706", "Flight LO 231",
           "Departures", "Dress code: Business attire", "Bring your passport"],
}
ITEM_LINES = {
    "nl": ["Verzamelen: 09:05, Hotellobby", "Vervoer: Te voet (10 minuten)",
           "Vervoer: Minibus, chauffeur Jan Peeters"],
    "fr": ["Rendez-vous : 09:05", "Transport : Minibus"],
    "en": ["Meeting: 09:05, Hotel lobby", "Transport: Minibus, driver Jan Peeters"],
}


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_practical_section_lists_contacts_hotels_journeys_and_dress_code(pdfs, lang):
    content = text(pdfs[lang])
    start = content.index(PRACTICAL[lang][0])
    for expected in PRACTICAL[lang]:
        assert expected in content[start:], expected


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_items_print_their_meeting_point_time_and_transport(pdfs, lang):
    content = text(pdfs[lang])
    programme_part = content[:content.index(PRACTICAL[lang][0])]
    for expected in ITEM_LINES[lang]:
        assert expected in programme_part, expected


def test_hotel_prints_its_address_and_phone(pdfs, programmes):
    hotel = programmes["nl"].stays[0].hotel
    content = text(pdfs["nl"])
    assert hotel.name in content
    assert hotel.address and hotel.address in content
    assert hotel.phone and hotel.phone in content


def test_journeys_print_each_end_in_its_own_zone(pdfs):
    content = text(pdfs["en"])
    assert "20 April 19:40 (Kyiv) → 21 April 10:05 (Warsaw)" in content
    assert "21 April 15:55 (Warsaw) → 21 April 18:10 (Brussels)" in content
    assert "20 avril 19:40 (Kyiv) → 21 avril 10:05 (Varsovie)" in text(pdfs["fr"])
