"""The language of the browser UI: ?lang= on any page, else the one remembered, else English."""
from __future__ import annotations

from flask import request, session

from visitplanner.planning.vocabulary import LANGUAGES


def select_locale() -> str:
    """Pick the UI language for this request and remember an explicit choice."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        session["lang"] = asked
        return asked
    remembered = session.get("lang")
    if remembered in LANGUAGES:
        return remembered
    return request.accept_languages.best_match(LANGUAGES) or "en"
