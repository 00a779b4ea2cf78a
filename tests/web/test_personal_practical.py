"""The personal page shows that person's own journeys and hotel, with phone and map links."""
from __future__ import annotations

import re

from visitplanner.core.calendars import delegate_links


def _page(client, delegate) -> str:
    url = delegate_links(delegate)["personal_url"].removeprefix("http://visitplanner.test")
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_personal_page_shows_only_the_persons_journeys_and_hotel(client, two_group_visit):
    first = next(d for d in two_group_visit.delegates if d.full_name == "Ion Rusu")
    second = next(d for d in two_group_visit.delegates if d.full_name == "Elena Lungu")
    mine, theirs = _page(client, first), _page(client, second)
    assert "RO 391" in mine and "EUROSTAR 9312" not in mine
    assert "EUROSTAR 9312" in theirs and "RO 391" not in theirs
    assert "RO 392" in mine and "RO 392" in theirs  # the whole delegation flies home
    assert "Hotel Metropole" in mine and "Hotel Sablon" not in mine
    assert "Hotel Sablon" in theirs and "MET-4471" not in theirs
    assert "13 mei 10:15 (Chișinău) → 13 mei 12:40 (Brussel)" in mine
    assert 'href="tel:+3222172300"' in mine  # the hotel's front desk
    assert 'href="tel:+32475123456"' in mine  # the protocol officer on duty
    assert ("https://www.openstreetmap.org/?mlat=50.851200&amp;mlon=4.352600"
            "#map=17/50.851200/4.352600") in mine
    # No third-party script: only the app's own static files.
    assert all(src.startswith("/static/") for src in re.findall(r'<script[^>]*src="([^"]+)"', mine))


def test_personal_programme_pdf_prints_only_the_persons_journeys_and_hotel(api, two_group_visit):
    from io import BytesIO

    from pypdf import PdfReader

    def pdf_of(name: str) -> str:
        delegate = next(d for d in two_group_visit.delegates if d.full_name == name)
        answer = api.get(f"/delegates/{delegate.id}/programme.pdf?lang=en")
        assert answer.status_code == 200 and answer.mimetype == "application/pdf"
        return "\n".join(page.extract_text() for page in PdfReader(BytesIO(answer.data)).pages)

    mine, theirs = pdf_of("Ion Rusu"), pdf_of("Elena Lungu")
    assert "RO 391" in mine and "EUROSTAR 9312" not in mine and "Hotel Metropole" in mine
    assert "EUROSTAR 9312" in theirs and "RO 391" not in theirs and "Hotel Sablon" in theirs
    assert "Hotel Sablon" not in mine and "Hotel Metropole" not in theirs
    assert "RO 392" in mine and "RO 392" in theirs
    assert "+32 475 12 34 56" in mine  # the protocol officer on duty
