"""Dutch: labels, 'A, B en C', „…" quotes, 'van 22 tot 26 april', singular nouns."""
from __future__ import annotations

import re
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
    "page.map": "Kaart",
    # The practical side: journeys, hotels, contacts on duty, meeting points.
    "pdf.practical": "Praktische informatie",
    "pdf.emergency": "Noodnummer",
    "pdf.on_duty": "Contactpersonen tijdens het bezoek",
    "pdf.available": "Bereikbaar",
    "pdf.hotels": "Hotels",
    "pdf.booking": "Reservatienummer",
    "pdf.arrivals": "Aankomsten",
    "pdf.departures": "Vertrekken",
    "pdf.meeting_point": "Verzamelpunt",
    "pdf.met_by": "Onthaal door",
    "pdf.whole_delegation": "De hele delegatie",
    "pdf.dress_code": "Kledij",
    "pdf.notes": "Praktische opmerkingen",
    "pdf.meeting": "Verzamelen",
    "pdf.transport": "Vervoer",
    "mode.flight": "Vlucht",
    "mode.train": "Trein",
    "mode.coach": "Autocar",
    "mode.car": "Auto",
    "mode.other": "Reis",
    # Sheets for drivers, caterers and security: titles and column headers.
    "sheet.delegation": "Delegatie",
    "sheet.transport": "Rittenblad vervoer",
    "sheet.catering": "Catering",
    "sheet.access": "Toegangslijst",
    "sheet.empty": "Niets te vermelden.",
    "sheet.delegation.name": "Naam",
    "sheet.delegation.role": "Rol",
    "sheet.delegation.function": "Functie",
    "sheet.delegation.organisation": "Organisatie",
    "sheet.delegation.country": "Land",
    "sheet.delegation.email": "E-mail",
    "sheet.delegation.phone": "Telefoon",
    "sheet.delegation.language": "Taal",
    "sheet.delegation.dietary": "Dieetwensen",
    "sheet.delegation.accessibility": "Toegankelijkheid",
    "sheet.transport.day": "Dag",
    "sheet.transport.time": "Uur",
    "sheet.transport.route": "Van → naar",
    "sheet.transport.mode": "Vervoer",
    "sheet.transport.meeting": "Verzamelpunt",
    "sheet.transport.count": "Passagiers",
    "sheet.transport.passengers": "Namen",
    "sheet.transport.contact": "Contact",
    "sheet.catering.day": "Dag",
    "sheet.catering.time": "Uur",
    "sheet.catering.meal": "Maaltijd",
    "sheet.catering.place": "Plaats",
    "sheet.catering.guests": "Gasten",
    "sheet.catering.dietary": "Dieetwensen",
    "sheet.access.day": "Dag",
    "sheet.access.time": "Uur",
    "sheet.access.visit": "Bezoek",
    "sheet.access.place": "Plaats",
    "sheet.access.count": "Verwacht",
    "sheet.access.expected": "Naam, functie, organisatie, land",
    "pdf.personal": "Persoonlijk programma van {name}", "pdf.delegation": "Delegatie",
    "pdf.host": "Gastheer", "pdf.partners": "Partners", "pdf.speakers": "Sprekers",
    "pdf.topics": "Thema's", "pdf.audience": "Alleen voor", "pdf.contacts": "Contactgegevens",
    "pdf.people": "Sprekers en gastheren", "pdf.venues": "Locaties",
    "pdf.organiser": "Organisator", "pdf.participants": "Deelnemers",
    "pdf.key_figures": "Sleutelfiguren", "pdf.no_items": "Geen programmaonderdelen.",
    "pdf.badges": "Naamkaartjes en tafelkaartjes", "pdf.purpose": "Doel",
    "pdf.speaker": "Spreker", "pdf.people_count": "{n} delegatieleden",
    "pdf.in_total": "{n} personen in totaal", "pdf.printed": "Afgedrukt op {date}",
    "pdf.release": "Versie {number}", "pdf.qr": "Uw persoonlijke pagina, altijd bijgewerkt",
    "page.accept": "Ik neem deel", "page.decline": "Ik kan niet",
    "page.accepted": "U neemt deel.", "page.declined": "U kunt niet.",
    "release.subject.full": "{visit}: uw programma (versie {number})",
    "release.subject.changes": "{visit}: wijzigingen in uw programma (versie {number})",
    "release.intro.full": "Hierbij uw programma voor {visit}.",
    "release.intro.changes": "Uw programma voor {visit} is gewijzigd sinds ons vorige"
    " bericht.",
    "release.arrival": "Aankomst", "release.departure": "Vertrek", "release.stay": "Hotel",
    "release.change.added": "Toegevoegd", "release.change.removed": "Geschrapt",
    "release.change.changed": "Gewijzigd",
    "release.field.title": "Titel", "release.field.when": "Wanneer",
    "release.field.venue": "Plaats", "release.field.status": "Status",
    "release.page": "Uw persoonlijk programma, altijd bijgewerkt",
    "release.feed": "Abonneer u op uw agenda (die blijft bijgewerkt)",
    "release.attached": "Uw persoonlijk programma zit als pdf in de bijlage.",
    "release.contacts": "Contactpersonen tijdens het bezoek",
    "release.note": "Bericht van de organisator",
    "mail.removed": "Niet langer in uw programma: {title}",
    "mail.intro.removed": "Dit onderdeel van het programma van {visit} is niet langer voor"
    " u; de rest van uw programma blijft zoals het was.",
    "news.captions": "Suggesties voor fotobijschriften",
    "news.quote_language": "Citaat in het {language}, nog te vertalen.",
    "news.todo.visit_type": "Soort bezoek",
    "news.todo.purpose": "Doel",
    "news.todo.focus": "Focus",
    "news.todo.description": "Omschrijving van de delegatie",
    "news.todo.topics": "Thema's van ‘{title}’",
    "news.todo.function": "Functie van {name}",
    "news.todo.honorific": "Aanspreektitel van {name}",
    "news.todo.organisation": "Organisatie van {name}",
}

# Organisation names: 'de ADVP', 'het Vast Comité P'; a zone or a city is named bare.
BARE_HEADS = {"politiezone", "pz", "stad", "gemeente", "provincie", "europol", "interpol"}
DE_NAMES = {"algemene", "federale", "lokale", "vereniging", "directie", "dienst", "raad",
            "commissie", "cel", "administratie", "overheidsdienst", "fod", "politie",
            "rechtbank", "universiteit", "hogeschool", "academie", "inspectie", "federal"}
HET_NAMES = {"vast", "nationaal", "centrum", "instituut", "agentschap", "comité",
             "parket", "ministerie", "bureau", "netwerk", "orgaan", "secretariaat", "hof"}
DE_ENDINGS = ("ing", "heid", "tie", "raad", "dienst", "nota")
HET_ENDINGS = ("centrum", "instituut", "plan", "netwerk", "programma", "comité", "akkoord",
               "decreet", "besluit")
ENGLISH_STARTS = {"European", "International", "National", "Federal"}
# English names in Dutch text take the article of the Dutch word: 'het European Network' (netwerk).
ENGLISH_NOUNS = {"network": "het", "centre": "het", "center": "het", "programme": "het",
                 "office": "het", "institute": "het", "committee": "het", "forum": "het",
                 "unit": "de", "agency": "het", "strategy": "de", "police": "de",
                 "commission": "de", "council": "de", "court": "het", "convention": "het"}
BRACKETS = re.compile(r"\([^)]*\)")


class Dutch(Language):
    """Dutch as written in Belgium."""

    def greeting(self, full_name: str, surname: str, title: str | None,
                 excellency: bool) -> str:
        """'Geachte mevrouw Kovalenko,', 'Geachte heer Peeters,', 'Excellentie,'."""
        if excellency:
            return "Excellentie,"
        if not title:
            return f"Geachte {full_name},"
        title = "heer" if title.lower() == "de heer" else title
        return f"Geachte {title} {surname},"

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

    def topic(self, text: str) -> str:
        """A named document or body takes its article: 'de Kadernota Integrale Veiligheid'."""
        words = text.split()
        if len(words) >= 2 and words[0] in ENGLISH_STARTS:  # an English name: its Dutch noun's
            name = BRACKETS.sub("", text).split()
            cut = next((n for n, w in enumerate(name) if w in ("on", "of", "for", "against")),
                       len(name))
            noun = name[cut - 1].lower()  # the head noun: 'Network on ... Approach' -> network
            article = ENGLISH_NOUNS.get(noun)
            return f"{article} {text}" if article else text
        if len(words) < 2 or not words[0][:1].isupper() or words[0].isupper():
            return text
        head = words[0].lower()
        return f"{'het' if head.endswith(HET_ENDINGS) else 'de'} {text}"

    def definite(self, label: str, name: str | None = None) -> str:
        """'de ADVP (BeSafe)', 'de Federale Politie', 'het Vast Comité P'; 'Politiezone X' bare."""
        head = (name or label).split(" ", 1)[0].lower()
        if head in BARE_HEADS or label.split(" ", 1)[0].lower() in BARE_HEADS:
            return label
        if head in HET_NAMES or head.endswith(HET_ENDINGS):
            return f"het {label}"
        if head in DE_NAMES or label.split(" ", 1)[0].isupper() or head.endswith(DE_ENDINGS):
            return f"de {label}"
        return label

    def function(self, text: str) -> str:
        """Dutch keeps a function as written: 'Belgisch openbaar aanklager'."""
        return text

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
        stem = word[:-2]  # politiecommissarissen -> politiecommissaris
        return stem[:-1] if stem[-1] == stem[-2] and stem[-1] not in "aeiou" else stem
    return word


LANGUAGE = Dutch()
