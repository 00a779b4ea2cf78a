"""Language helpers shared by the renderers: dates and times through Babel, and labels."""
from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_time

from visitplanner.planning.vocabulary import LANGUAGES

# Labels of the outputs, per language. Renderers add the words they need here.
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "programme": "Programme", "page_of": "page {page} of {pages}",
        "kind.session": "Session", "kind.site_visit": "Site visit", "kind.meal": "Meal",
        "kind.transfer": "Transfer", "kind.break": "Break", "kind.other": "Other",
        "status.tentative": "Tentative", "status.confirmed": "Confirmed",
        "status.cancelled": "Cancelled",
        "role.head": "Head of delegation", "role.member": "Member", "role.interpreter": "Interpreter",
        "role.escort": "Escort", "role.staff": "Staff",
    },
    "nl": {
        "programme": "Programma", "page_of": "pagina {page} van {pages}",
        "kind.session": "Sessie", "kind.site_visit": "Bezoek ter plaatse", "kind.meal": "Maaltijd",
        "kind.transfer": "Verplaatsing", "kind.break": "Pauze", "kind.other": "Andere",
        "status.tentative": "Onder voorbehoud", "status.confirmed": "Bevestigd",
        "status.cancelled": "Geannuleerd",
        "role.head": "Delegatiehoofd", "role.member": "Lid", "role.interpreter": "Tolk",
        "role.escort": "Begeleider", "role.staff": "Medewerker",
    },
    "fr": {
        "programme": "Programme", "page_of": "page {page} sur {pages}",
        "kind.session": "Séance", "kind.site_visit": "Visite sur place", "kind.meal": "Repas",
        "kind.transfer": "Transfert", "kind.break": "Pause", "kind.other": "Autre",
        "status.tentative": "Provisoire", "status.confirmed": "Confirmé",
        "status.cancelled": "Annulé",
        "role.head": "Chef de délégation", "role.member": "Membre", "role.interpreter": "Interprète",
        "role.escort": "Accompagnateur", "role.staff": "Personnel",
    },
}


def check_language(lang: str) -> str:
    """Return `lang` when the outputs speak it, else raise ValueError."""
    if lang not in LANGUAGES:
        raise ValueError(f"Unsupported language {lang!r}: use one of {', '.join(LANGUAGES)}.")
    return lang


def label(key: str, lang: str, **values: object) -> str:
    """A label in `lang`, falling back to English, with {placeholders} filled in."""
    text = LABELS.get(lang, {}).get(key) or LABELS["en"].get(key, key)
    return text.format(**values) if values else text


def day_heading(day: dt.date, lang: str) -> str:
    """'maandag 22 april 2024', 'lundi 22 avril 2024', 'Monday 22 April 2024'."""
    pattern = "EEEE d MMMM y"
    return format_date(day, pattern, locale=lang)


def clock(moment: dt.datetime | dt.time, lang: str) -> str:
    """A wall-clock time as people write it in `lang` (24-hour: 09:30)."""
    return format_time(moment, "HH:mm", locale=lang)


def time_span(starts: dt.datetime, ends: dt.datetime, lang: str) -> str:
    """'09:30–10:00'."""
    return f"{clock(starts, lang)}–{clock(ends, lang)}"
