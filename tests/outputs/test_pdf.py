"""The printable programme and badges, read back from the PDF as a reader would."""
from __future__ import annotations

import dataclasses
import gc
import math
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from io import BytesIO

import pytest
from pypdf import PdfReader

from visitplanner.outputs import pdf, pdf_layout
from visitplanner.outputs.badges import badge_holders

UNATTENDED = "De rol van openbare aanklagers in het lokaal veiligheidsbeleid"


def pages_text(data: bytes) -> list[str]:
    """The text of each page, as pdftotext reads it, whitespace folded."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                         capture_output=True, check=True).stdout.decode("utf-8")
    return [" ".join(page.split()) for page in out.split("\f")[:-1]]


def text(data: bytes) -> str:
    return " ".join(pages_text(data))


@pytest.mark.parametrize("lang, headings", [
    ("nl", ["maandag 22 april 2024", "woensdag 24 april 2024", "vrijdag 26 april 2024"]),
    ("fr", ["lundi 22 avril 2024", "mercredi 24 avril 2024", "vendredi 26 avril 2024"]),
    ("en", ["Monday 22 April 2024", "Wednesday 24 April 2024", "Friday 26 April 2024"]),
])
def test_one_section_per_day_headed_in_the_language(pdfs, lang, headings):
    content = text(pdfs[lang])
    positions = [content.index(heading) for heading in headings]
    assert positions == sorted(positions)


def test_items_come_in_time_order_with_times(pdfs):
    content = text(pdfs["nl"])
    titles = ["09:30–10:00 Verwelkoming en kennismaking", "10:00–12:00 De Kadernota Integrale",
              "12:15–13:15 Lunch", "09:30–12:00 Bestuurlijke handhaving",
              "08:45–09:15 → Transfer naar PZ Montgomery",
              "09:30–12:30 Bezoek aan Politiezone Montgomery",
              "14:00–16:00 " + UNATTENDED, "12:00–13:30 Afscheidslunch"]
    positions = [content.index(title) for title in titles]
    assert positions == sorted(positions)


def test_items_show_venue_address_host_speakers_and_topics(pdfs):
    content = text(pdfs["nl"])
    for expected in [
        "Hoofdcommissariaat PZ Montgomery, Kolonel Bourgstraat 104, 1040 Etterbeek",
        "Restaurant De Zavel, Grote Zavel 1, 1000 Brussel",
        "Spreker: Michaël Jonniaux (Korpschef, PZ Montgomery)",
        "Thema's: straatintimidatie; seksuele agressie op straat; mensenhandel; prostitutie",
        "De nieuwe wet bestuurlijke handhaving geeft lokale overheden meer slagkracht",
    ]:
        assert expected in content


def test_items_leave_out_what_the_reader_knows(pdfs):
    """No visit host on every item, no kind labels, no topics repeating the title."""
    content = text(pdfs["nl"])
    programme_pages = " ".join(page.split("Contactgegevens")[0] for page in pages_text(pdfs["nl"])[1:])
    assert "Gastheer: Algemene Directie Veiligheid en Preventie" not in content
    assert "Gastheer: Politiezone" not in content  # "Bezoek aan Politiezone Brussel Noord"
    for kind in ("SESSIE", "MAALTIJD", "VERPLAATSING", "BEZOEK TER PLAATSE"):
        assert kind not in content
    assert "Thema's: bestuurlijke handhaving" not in content
    assert "Thema's: Kadernota Integrale Veiligheid (KIV)" not in content
    assert "Thema's: strategische veiligheids- en preventieplannen" not in content
    assert "Sprekers:" not in programme_pages  # every item of the demo has one speaker
    assert "Voorzitter Federale Politieraad, Federale Politieraad" not in content
    english = text(pdfs["en"])
    assert "Head of delegation Head of delegation" not in english
    assert "Oleksandr Shevchenko Head of delegation Prosecutor, Office of the Prosecutor" in english


def test_other_languages_use_translations_and_labels(pdfs):
    french, english = text(pdfs["fr"]), text(pdfs["en"])
    assert "Visite d'étude de procureurs ukrainiens" in french
    assert "Visite de la zone de police Montgomery" in french
    assert "Intervenant : Olivier Slosse" in french.replace("\u202f", " ")
    assert "Politiezone" not in french
    # A Dutch description without translation is left out, not printed in Dutch.
    assert "De nieuwe wet" not in french and "De nieuwe wet" not in english
    assert "Study visit of Ukrainian prosecutors" in english and "Farewell lunch" in english
    assert "Speaker: Willy Bruggeman" in english


def test_cover_header_and_footer(pdfs):
    pages = pages_text(pdfs["nl"])
    cover = pages[0]
    assert "Werkbezoek van Oekraïense openbare aanklagers" in cover
    assert "22–26 april 2024" in cover
    assert "Zes Oekraïense openbare aanklagers (acht personen in totaal)" in cover
    assert "Algemene Directie Veiligheid en Preventie" in cover
    assert "Politiezone Brussel Noord" in cover
    assert "pagina" not in cover
    for number, page in enumerate(pages[1:], start=2):
        assert page.startswith("Werkbezoek van Oekraïense openbare aanklagers")
        assert f"pagina {number} van {len(pages)}" in page
    assert f"page 2 sur {len(pages_text(pdfs['fr']))}" in pages_text(pdfs["fr"])[1]


def test_contacts_and_participants_pages(pdfs, programmes):
    pages = pages_text(pdfs["nl"])
    contacts = next(page for page in pages if "Contactgegevens" in page)
    assert "Sofie De Smet" in contacts and "+32 2 557 34 10 sofie.desmet@besafe.example" in contacts
    assert "PZ Brussel Noord Frans Courtensstraat 10, 1030 Schaarbeek" in contacts
    assert "+32 2 557 33 99 protocol@besafe.example" in contacts
    participants = next(page for page in pages if "Deelnemers" in page)
    assert "Oleksandr Shevchenko Delegatiehoofd" in participants
    assert "Svitlana Boiko Tolk" in participants and "Diane Reynders Begeleider" in participants
    for delegate in programmes["nl"].delegates:
        assert delegate.full_name in participants
    assert "Олена Коваленко" in participants
    assert "Sleutelfiguren Willy Bruggeman" in participants


def test_every_font_is_embedded(pdfs):
    for name in ("nl", "badges"):
        fonts = {}
        for page in PdfReader(BytesIO(pdfs[name])).pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                fonts[font["/BaseFont"]] = font
        assert fonts and all("DejaVu" in base for base in fonts)
        for font in fonts.values():
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font
                          else font)["/FontDescriptor"]
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]


def test_personal_programme_leaves_out_items_the_delegate_does_not_attend(pdfs):
    personal, full = text(pdfs["escort"]), text(pdfs["nl"])
    assert UNATTENDED in full and UNATTENDED not in personal
    assert "Persoonlijk programma van Diane Reynders" in pages_text(pdfs["escort"])[0]
    assert "Bezoek aan Politiezone Brussel Noord" in personal and "Afscheidslunch" in personal
    assert "Alleen voor: Oleksandr Shevchenko" in full and "Alleen voor" not in personal


def test_badges_and_table_cards_carry_every_name(pdfs, programmes):
    holders = [holder.name for holder in badge_holders(programmes["nl"])]
    assert "Sofie De Smet" in holders  # a speaker who is not a key figure
    pages = pages_text(pdfs["badges"])
    assert len(pages) == math.ceil(len(holders) / 10) + len(holders)
    sheets = " ".join(pages[:-len(holders)])
    for name, card in zip(holders, pages[-len(holders):]):
        assert name in sheets and name in card
    cards = dict(zip(holders, pages[-len(holders):]))
    assert ("Олена Коваленко Olena Kovalenko DELEGATIE Procureur Regionaal parket Kyiv OEKRAÏNE"
            in cards["Олена Коваленко"])
    assert "Michaël Jonniaux SPREKER Korpschef Politiezone Montgomery BELGIË" in cards["Michaël Jonniaux"]
    assert "Oleksandr Shevchenko DELEGATIEHOOFD Procureur" in cards["Oleksandr Shevchenko"]
    assert all("Werkbezoek van Oekraïense openbare aanklagers" in page for page in pages)


def test_cancelled_items_are_marked_and_user_text_is_escaped(programmes):
    programme = programmes["nl"]
    first = programme.days[0]
    changed = dataclasses.replace(first.items[0], status="cancelled",
                                  title="<script>alert(1)</script> & <b>co</b>")
    days = (dataclasses.replace(first, items=(changed, *first.items[1:])), *programme.days[1:])
    html = pdf.programme_html(dataclasses.replace(programme, days=days))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;" in html
    assert "<script>" not in html and "<b>co" not in html
    assert 'class="item kind-session cancelled"' in html and "Geannuleerd" in html


def test_fetcher_serves_static_files_only(tmp_path):
    fetcher = pdf_layout.StaticFetcher()
    assert b"@page" in fetcher.fetch((pdf.STATIC_DIR / "print.css").as_uri()).read()
    for url in ["file:///etc/passwd", (pdf.STATIC_DIR / ".." / "pyproject.toml").as_uri(),
                "file://evil.example/etc/passwd", "http://example.org/logo.png",
                "https://example.org/style.css", "data:text/css,body{}"]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)


@pytest.mark.parametrize("collecting", [True, False])
def test_rendering_leaves_garbage_collection_as_it_found_it(collecting):
    was, frozen = gc.isenabled(), gc.get_freeze_count()
    (gc.enable if collecting else gc.disable)()
    try:
        assert "Hallo" in text(pdf.render_pdf("<p>Hallo</p>"))
        assert gc.isenabled() is collecting
        # What create_app froze stays frozen (a few frozen objects may die meanwhile); an
        # unfreeze would leave nothing frozen.
        assert (gc.get_freeze_count() > 0) is (frozen > 0)
    finally:
        (gc.enable if was else gc.disable)()


def test_rendering_never_reaches_the_network():
    requests: list[str] = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        data = pdf.render_pdf(f'<link rel="stylesheet" href="{base}/x.css"><p>Hallo</p>'
                              f'<img src="{base}/logo.png"><img src="file:///etc/passwd">')
    finally:
        server.shutdown()
    assert requests == [] and "Hallo" in text(data)


def test_cli_writes_a_personal_programme(app, demo_visit, tmp_path):
    escort = next(d for d in demo_visit.delegates if d.full_name == "Diane Reynders")
    target = tmp_path / "reynders.pdf"
    runner = app.test_cli_runner()
    result = runner.invoke(args=["export", "pdf", str(demo_visit.id), "--delegate", str(escort.id),
                                 "-o", str(target)])
    assert result.exit_code == 0, result.output
    content = text(target.read_bytes())
    assert "Persoonlijk programma van Diane Reynders" in content and UNATTENDED not in content
    result = runner.invoke(args=["export", "pdf", str(demo_visit.id + 1), "--delegate",
                                 str(escort.id)])
    assert result.exit_code != 0 and "has no delegate" in result.output
