"""The language of the browser UI: ?lang= on any page, else the one remembered, else English."""
from __future__ import annotations

from flask import request, session

from visitplanner.planning.vocabulary import LANGUAGES

# Downloads where ?lang= names the language of the file (a French PDF from a Dutch screen),
# so asking for one must not switch the screen's language.
OUTPUT_ENDPOINTS = frozenset({
    "web.export_programme_pdf", "web.export_delegate_programme_pdf", "web.export_badges_pdf",
    "web.export_visit_calendar", "web.export_delegate_calendar", "web.export_person_calendar",
    "web.export_news", "web.export_calendar_feed", "web.export_sheet",
})


def select_locale() -> str:
    """Pick the UI language for this request and remember an explicit choice."""
    asked = request.args.get("lang")
    if asked in LANGUAGES and request.endpoint not in OUTPUT_ENDPOINTS:
        session["lang"] = asked
        return asked
    remembered = session.get("lang")
    if remembered in LANGUAGES:
        return remembered
    return request.accept_languages.best_match(LANGUAGES) or "en"
