"""A delegate's own language beyond nl/fr/en: German and Ukrainian personal programmes, pages and
calendars, with labels and dates in that language and content in English."""
from __future__ import annotations

import subprocess

import icalendar
import pytest
from ics_check import check_calendar

from visitplanner.core.calendars import delegate_links


def pdf_text(data: bytes) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                         capture_output=True, check=True).stdout.decode("utf-8")
    return " ".join(out.split())


def links(app, delegate) -> dict[str, str]:
    with app.test_request_context():
        return {key: url.removeprefix("http://visitplanner.test")
                for key, url in delegate_links(delegate).items()}


EXPECTED = {
    "uk": {"personal": "Особиста програма: Олена Коваленко", "monday": "понеділок, 22 квітня 2024 р.",
           "dates": "22–26 квітня 2024 р.", "calendar": "Додати до мого календаря",
           "speaker": "Доповідач:", "page": "сторінка 2 з", "ics": "Доповідачі: Sofie De Smet"},
    "de": {"personal": "Persönliches Programm von Олена Коваленко",
           "monday": "Montag, 22. April 2024", "dates": "22.–26. April 2024",
           "calendar": "Zu meinem Kalender hinzufügen", "speaker": "Redner:", "page": "Seite 2 von",
           "ics": "Redner: Sofie De Smet"},
}


@pytest.mark.parametrize("lang", ["uk", "de"])
def test_personal_outputs_come_in_the_delegates_language_with_english_content(
        app, api, client, demo_visit, lang):
    delegate = next(d for d in demo_visit.delegates if d.full_name == "Олена Коваленко")
    saved = api.patch(f"/delegates/{delegate.id}", json={"version": delegate.version,
                                                         "language": lang})
    assert saved.status_code == 200 and saved.json["language"] == lang
    words = EXPECTED[lang]

    content = pdf_text(api.get(f"/delegates/{delegate.id}/programme.pdf").data)
    assert words["personal"] in content and words["monday"] in content
    assert words["dates"] in content and words["speaker"] in content and words["page"] in content
    assert "Welcome and introductions" in content and "Farewell lunch" in content  # English
    assert "Verwelkoming" not in content and "Afscheidslunch" not in content

    page = client.get(links(app, delegate)["personal_url"]).get_data(as_text=True)
    assert f'<html lang="{lang}">' in page and words["calendar"] in page
    assert words["monday"] in page and "Welcome and introductions" in page

    feed = client.get(links(app, delegate)["calendar_feed_url"])
    check_calendar(feed.data)
    events = [e for e in icalendar.Calendar.from_ical(feed.data).walk("VEVENT")]
    assert "Welcome and introductions" in {str(e["SUMMARY"]) for e in events}
    description = " ".join(str(e.get("DESCRIPTION", "")) for e in events)
    assert words["ics"] in description


def test_only_personal_outputs_speak_german_and_ukrainian(api, demo_visit):
    assert api.get(f"/visits/{demo_visit.id}/programme.pdf?lang=uk").status_code == 422
    refused = api.patch(f"/delegates/{demo_visit.delegates[0].id}",
                        json={"version": demo_visit.delegates[0].version, "language": "ru"})
    assert refused.status_code == 422 and "language" in refused.json["error"]["fields"]
