"""Dutch: labels, 'A, B en C', „…" quotes, 'van 22 tot 26 april', singular nouns."""
from __future__ import annotations

from typing import ClassVar

from visitplanner.outputs.languages.base import Language

LABELS = {
    "programme": "Programma", "page_of": "pagina {page} van {pages}",
    "kind.session": "Sessie", "kind.site_visit": "Bezoek ter plaatse", "kind.meal": "Maaltijd",
    "kind.transfer": "Verplaatsing", "kind.break": "Pauze", "kind.other": "Andere",
    "status.tentative": "Onder voorbehoud", "status.confirmed": "Bevestigd",
    "status.cancelled": "Geannuleerd",
    "role.head": "Delegatiehoofd", "role.member": "Lid", "role.interpreter": "Tolk",
    "role.escort": "Begeleider", "role.staff": "Medewerker",
    "ics.host": "Gastheer", "ics.speakers": "Sprekers", "ics.topics": "Thema's",
    "ics.personal_page": "Uw persoonlijk programma", "ics.visit_page": "Programma online",
    "ics.calendar": "Programma van {name}",
    "mail.invite": "Uitnodiging: {title}", "mail.update": "Gewijzigd: {title}",
    "mail.cancel": "Geannuleerd: {title}", "mail.greeting": "Beste {name},",
    "mail.intro.invite": "U bent uitgenodigd voor dit onderdeel van het programma van {visit}.",
    "mail.intro.update": "Dit onderdeel van het programma van {visit} is gewijzigd.",
    "mail.intro.cancel": "Dit onderdeel van het programma van {visit} gaat voor u niet door.",
    "mail.what": "Wat", "mail.when": "Wanneer", "mail.where": "Waar",
    "page.calendar": "Toevoegen aan mijn agenda", "page.contacts": "Contactpersonen",
    "page.no_items": "Geen onderdelen in uw programma.",
    "pdf.personal": "Persoonlijk programma van {name}", "pdf.delegation": "Delegatie",
    "pdf.host": "Gastheer", "pdf.partners": "Partners", "pdf.speakers": "Sprekers",
    "pdf.topics": "Thema's", "pdf.audience": "Alleen voor", "pdf.contacts": "Contactgegevens",
    "pdf.people": "Sprekers en gastheren", "pdf.venues": "Locaties",
    "pdf.organiser": "Organisator", "pdf.participants": "Deelnemers",
    "pdf.key_figures": "Sleutelfiguren", "pdf.no_items": "Geen programmaonderdelen.",
    "pdf.badges": "Naamkaartjes en tafelkaartjes", "pdf.purpose": "Doel",
    "news.captions": "Suggesties voor fotobijschriften",
    "news.quote_language": "Citaat in het {language}, nog te vertalen.",
}


class Dutch(Language):
    """Dutch as written in Belgium."""

    code = "nl"
    labels = LABELS
    and_word = "en"
    quote_marks = ("\u201e", "\u201d")
    range_words = ("van {0} tot {1}", "op {0}")
    from_country_words = "uit {0}"
    honorifics: ClassVar[dict[str, str]] = {
        "mrs": "mevrouw", "mr": "de heer", "chief": "korpschef", "dr": "dokter",
        "prof": "professor"}
    honorific_spellings: ClassVar[dict[str, str]] = {
        "mevrouw": "mrs", "mevr.": "mrs", "mw.": "mrs", "de heer": "mr", "meneer": "mr",
        "dhr.": "mr", "korpschef": "chief", "dokter": "dr", "professor": "prof"}

    def indefinite(self, noun: str) -> str:
        """'een werkbezoek'."""
        return f"een {noun}"

    def singular(self, description: str) -> str:
        """'openbare aanklagers' -> 'openbare aanklager', 'magistraten' -> 'magistraat'."""
        words = description.split()
        return " ".join([*words[:-1], _singular_word(words[-1])])


def _singular_word(word: str) -> str:
    if word.endswith("'s"):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    if word.endswith("ten") and len(word) > 4 and word[-4] in "aeiou":  # magistraten -> magistraat
        return word[:-4] + word[-4] * 2 + "t"
    if word.endswith("en") and len(word) > 4:
        return word[:-2]
    return word


LANGUAGE = Dutch()
