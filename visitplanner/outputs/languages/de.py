"""German (an official language of Belgium): labels, 'A, B und C', „quotes“, day-first dates.

Only the personal outputs (personal programme, page and calendar) speak German; the content of
a visit has no German text, so it comes in English, else in the content language.
"""
from __future__ import annotations

from typing import ClassVar

from visitplanner.outputs.languages.base import Language

LABELS = {
    "programme": "Programm", "page_of": "Seite {page} von {pages}",
    "kind.session": "Sitzung", "kind.site_visit": "Besuch vor Ort", "kind.meal": "Mahlzeit",
    "kind.transfer": "Transfer", "kind.break": "Pause", "kind.other": "Sonstiges",
    "status.tentative": "Vorläufig", "status.confirmed": "Bestätigt",
    "status.cancelled": "Abgesagt",
    "role.head": "Delegationsleitung", "role.member": "Mitglied",
    "role.interpreter": "Dolmetscher", "role.escort": "Begleitung", "role.staff": "Personal",
    "ics.host": "Gastgeber", "ics.speakers": "Redner", "ics.topics": "Themen",
    "ics.personal_page": "Ihr persönliches Programm", "ics.visit_page": "Programm online",
    "ics.calendar": "Programm von {name}",
    "mail.invite": "Einladung: {title}", "mail.update": "Geändert: {title}",
    "mail.cancel": "Abgesagt: {title}", "mail.greeting": "Guten Tag {name},",
    "mail.intro.invite": "Sie sind zu diesem Programmpunkt von {visit} eingeladen.",
    "mail.intro.update": "Dieser Programmpunkt von {visit} wurde geändert.",
    "mail.intro.cancel": "Dieser Programmpunkt von {visit} findet für Sie nicht mehr statt.",
    "mail.what": "Was", "mail.when": "Wann", "mail.where": "Wo",
    "page.calendar": "Zu meinem Kalender hinzufügen", "page.contacts": "Kontakte",
    "page.no_items": "Keine Programmpunkte für Sie.",
    "page.map": "Karte",
    "pdf.personal": "Persönliches Programm von {name}", "pdf.delegation": "Delegation",
    "pdf.host": "Gastgeber", "pdf.partners": "Partner", "pdf.speakers": "Redner",
    "pdf.topics": "Themen", "pdf.audience": "Nur für", "pdf.contacts": "Kontakte",
    "pdf.people": "Redner und Gastgeber", "pdf.venues": "Orte",
    "pdf.organiser": "Veranstalter", "pdf.participants": "Teilnehmende",
    "pdf.key_figures": "Schlüsselpersonen", "pdf.no_items": "Keine Programmpunkte.",
    "pdf.badges": "Namensschilder und Tischkarten", "pdf.purpose": "Ziel",
    "pdf.speaker": "Redner", "pdf.people_count": "{n} Delegationsmitglieder",
    "pdf.in_total": "insgesamt {n} Personen", "pdf.printed": "Gedruckt am {date}",
    "pdf.release": "Version {number}", "pdf.qr": "Ihre persönliche Seite, immer aktuell",
}


class German(Language):
    """German as written in Belgium's German-speaking Community."""

    code = "de"
    labels = LABELS
    and_word = "und"
    quote_marks = ("\u201e", "\u201c")
    day_pattern = "EEEE, d. MMMM y"
    date_pattern = "d. MMMM y"
    range_words = ("vom {0} bis {1}", "am {0}")
    from_country_words = "aus {0}"
    honorifics: ClassVar[dict[str, str]] = {
        "mrs": "Frau", "mr": "Herr", "chief": "Polizeichef", "dr": "Dr.", "prof": "Professor"}
    honorific_spellings: ClassVar[dict[str, str]] = {
        "frau": "mrs", "herr": "mr", "polizeichef": "chief", "professor": "prof"}

    def day_of_month(self, day: object) -> str:
        """'22.' as German writes the day of the month."""
        return f"{day.day}."  # type: ignore[attr-defined]

    def indefinite(self, noun: str) -> str:
        """'ein Arbeitsbesuch' (the gender is not known: the neutral form)."""
        return f"ein {noun}"


LANGUAGE = German()
