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
        "role.head": "Head of delegation", "role.member": "Member",
        "role.interpreter": "Interpreter",
        "role.escort": "Escort", "role.staff": "Staff",
        "ics.host": "Host", "ics.speakers": "Speakers", "ics.topics": "Topics",
        "ics.personal_page": "Your personal programme", "ics.visit_page": "Programme online",
        "ics.calendar": "Programme of {name}",
        "mail.invite": "Invitation: {title}", "mail.update": "Changed: {title}",
        "mail.cancel": "Cancelled: {title}", "mail.greeting": "Dear {name},",
        "mail.intro.invite": "You are invited to this item of the programme of {visit}.",
        "mail.intro.update": "This item of the programme of {visit} has changed.",
        "mail.intro.cancel": "This item of the programme of {visit} no longer takes place for you.",
        "mail.what": "What", "mail.when": "When", "mail.where": "Where",
        "page.calendar": "Add to my calendar", "page.contacts": "Contacts",
        "page.no_items": "No items in your programme.",
        "pdf.personal": "Personal programme of {name}", "pdf.delegation": "Delegation",
        "pdf.host": "Host", "pdf.partners": "Partners", "pdf.speakers": "Speakers",
        "pdf.topics": "Topics", "pdf.audience": "Only for", "pdf.contacts": "Contacts",
        "pdf.people": "Speakers and hosts", "pdf.venues": "Venues",
        "pdf.organiser": "Organiser", "pdf.participants": "Participants",
        "pdf.key_figures": "Key figures", "pdf.no_items": "No items in this programme.",
        "pdf.badges": "Badges and table cards", "pdf.purpose": "Purpose",
        "pdf.speaker": "Speaker", "pdf.people_count": "{n} delegates",
        "pdf.in_total": "{n} people in total", "pdf.printed": "Printed on {date}",
        "pdf.release": "Release {number}", "pdf.qr": "Your personal page, always up to date",
        "pdf.practical": "Practical information",
    },
    "nl": {
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
        "pdf.speaker": "Spreker", "pdf.people_count": "{n} delegatieleden",
        "pdf.in_total": "{n} personen in totaal", "pdf.printed": "Afgedrukt op {date}",
        "pdf.release": "Versie {number}", "pdf.qr": "Uw persoonlijke pagina, altijd bijgewerkt",
        "pdf.practical": "Praktische informatie",
    },
    "fr": {
        "programme": "Programme", "page_of": "page {page} sur {pages}",
        "kind.session": "Séance", "kind.site_visit": "Visite sur place", "kind.meal": "Repas",
        "kind.transfer": "Transfert", "kind.break": "Pause", "kind.other": "Autre",
        "status.tentative": "Provisoire", "status.confirmed": "Confirmé",
        "status.cancelled": "Annulé",
        "role.head": "Chef de délégation", "role.member": "Membre",
        "role.interpreter": "Interprète",
        "role.escort": "Accompagnateur", "role.staff": "Personnel",
        "ics.host": "Hôte", "ics.speakers": "Intervenants", "ics.topics": "Thèmes",
        "ics.personal_page": "Votre programme personnel", "ics.visit_page": "Programme en ligne",
        "ics.calendar": "Programme de {name}",
        "mail.invite": "Invitation : {title}", "mail.update": "Modifié : {title}",
        "mail.cancel": "Annulé : {title}", "mail.greeting": "Bonjour {name},",
        "mail.intro.invite": "Vous êtes invité(e) à cette activité du programme de {visit}.",
        "mail.intro.update": "Cette activité du programme de {visit} a été modifiée.",
        "mail.intro.cancel": "Cette activité du programme de {visit} n'a plus lieu pour vous.",
        "mail.what": "Quoi", "mail.when": "Quand", "mail.where": "Où",
        "page.calendar": "Ajouter à mon agenda", "page.contacts": "Contacts",
        "page.no_items": "Aucune activité dans votre programme.",
        "pdf.personal": "Programme personnel – {name}", "pdf.delegation": "Délégation",
        "pdf.host": "Hôte", "pdf.partners": "Partenaires", "pdf.speakers": "Intervenants",
        "pdf.topics": "Thèmes", "pdf.audience": "Uniquement pour", "pdf.contacts": "Contacts",
        "pdf.people": "Intervenants et hôtes", "pdf.venues": "Lieux",
        "pdf.organiser": "Organisateur", "pdf.participants": "Participants",
        "pdf.key_figures": "Personnalités", "pdf.no_items": "Aucune activité au programme.",
        "pdf.badges": "Badges et chevalets de table", "pdf.purpose": "Objectif",
        "pdf.speaker": "Intervenant", "pdf.people_count": "{n} membres de la délégation",
        "pdf.in_total": "{n} personnes au total", "pdf.printed": "Imprimé le {date}",
        "pdf.release": "Version {number}", "pdf.qr": "Votre page personnelle, toujours à jour",
        "pdf.practical": "Informations pratiques",
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


def field(key: str, lang: str) -> str:
    """A label that introduces a value: 'Host:', 'Gastheer:', 'Hôte :' (French spaces the colon)."""
    return label(key, lang) + ("\u202f:" if lang == "fr" else ":")


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
