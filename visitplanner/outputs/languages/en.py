"""English: labels, "A, B and C", curly quotes, "a"/"an" by sound, "the" before common nouns."""
from __future__ import annotations

import re
from typing import ClassVar

from visitplanner.outputs.languages.base import Language

LABELS = {
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
    "page.map": "Map",
    # The practical side: journeys, hotels, contacts on duty, meeting points.
    "pdf.practical": "Practical information",
    "pdf.emergency": "Emergency number",
    "pdf.on_duty": "Contacts during the visit",
    "pdf.available": "Available",
    "pdf.hotels": "Hotels",
    "pdf.booking": "Booking reference",
    "pdf.arrivals": "Arrivals",
    "pdf.departures": "Departures",
    "pdf.meeting_point": "Meeting point",
    "pdf.met_by": "Met by",
    "pdf.whole_delegation": "The whole delegation",
    "pdf.dress_code": "Dress code",
    "pdf.notes": "Practical notes",
    "pdf.meeting": "Meeting",
    "pdf.transport": "Transport",
    "mode.flight": "Flight",
    "mode.train": "Train",
    "mode.coach": "Coach",
    "mode.car": "Car",
    "mode.other": "Journey",
    # Sheets for drivers, caterers and security: titles and column headers.
    "sheet.delegation": "Delegation",
    "sheet.transport": "Transport run sheet",
    "sheet.catering": "Catering",
    "sheet.access": "Access list",
    "sheet.empty": "Nothing to list.",
    "sheet.delegation.name": "Name",
    "sheet.delegation.role": "Role",
    "sheet.delegation.function": "Function",
    "sheet.delegation.organisation": "Organisation",
    "sheet.delegation.country": "Country",
    "sheet.delegation.email": "E-mail",
    "sheet.delegation.phone": "Phone",
    "sheet.delegation.language": "Language",
    "sheet.delegation.dietary": "Dietary needs",
    "sheet.delegation.accessibility": "Accessibility",
    "sheet.transport.day": "Day",
    "sheet.transport.time": "Time",
    "sheet.transport.route": "From → to",
    "sheet.transport.mode": "Transport",
    "sheet.transport.meeting": "Meeting point",
    "sheet.transport.count": "Passengers",
    "sheet.transport.passengers": "Names",
    "sheet.transport.contact": "Contact",
    "sheet.catering.day": "Day",
    "sheet.catering.time": "Time",
    "sheet.catering.meal": "Meal",
    "sheet.catering.place": "Place",
    "sheet.catering.guests": "Guests",
    "sheet.catering.dietary": "Dietary needs",
    "sheet.access.day": "Day",
    "sheet.access.time": "Time",
    "sheet.access.visit": "Site visit",
    "sheet.access.place": "Place",
    "sheet.access.count": "Expected",
    "sheet.access.expected": "Name, function, organisation, country",
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
    "page.accept": "I will attend", "page.decline": "I cannot attend",
    "page.accepted": "You will attend.", "page.declined": "You cannot attend.",
    "release.subject.full": "{visit}: your programme (release {number})",
    "release.subject.changes": "{visit}: changes to your programme (release {number})",
    "release.intro.full": "Here is your programme for {visit}.",
    "release.intro.changes": "Your programme for {visit} has changed since the last message"
    " you received.",
    "release.arrival": "Arrival", "release.departure": "Departure", "release.stay": "Hotel",
    "release.change.added": "Added", "release.change.removed": "Removed",
    "release.change.changed": "Changed",
    "release.field.title": "Title", "release.field.when": "When",
    "release.field.venue": "Place", "release.field.status": "Status",
    "release.page": "Your personal programme, always up to date",
    "release.feed": "Subscribe to your calendar (it stays up to date)",
    "release.attached": "Your personal programme is attached as a PDF.",
    "release.contacts": "Contacts during the visit",
    "release.note": "Note from the organiser",
    "mail.removed": "No longer in your programme: {title}",
    "mail.intro.removed": "This item of the programme of {visit} no longer includes you;"
    " the rest of your programme stays as it is.",
    "news.captions": "Suggested photo captions",
    "news.quote_language": "Quote in {language}, to be translated.",
    "news.todo.visit_type": "Kind of visit",
    "news.todo.purpose": "Purpose",
    "news.todo.focus": "Focus",
    "news.todo.description": "Description of the delegation",
    "news.todo.topics": "Topics of “{title}”",
    "news.todo.function": "Function of {name}",
    "news.todo.honorific": "Honorific of {name}",
    "news.todo.organisation": "Organisation of {name}",
}
# Names headed by one of these common nouns take 'the': 'the Federal Police Council'.
NOUNS = {
    "academy", "agency", "association", "authority", "centre", "center", "city", "commission",
    "committee", "council", "court", "department", "directorate", "directorate-general",
    "federation", "inspectorate", "institute", "ministry", "municipality", "network", "office",
    "police", "province", "region", "secretariat", "service", "unit", "university", "zone",
}
LONE_ACRONYM = re.compile(r"^[A-Z]{2,}( \(.*\))?$")
VOWELS = "aeiou"
# Country names that take 'the': 'from the Netherlands', 'in the United States'.
THE_COUNTRIES = {"Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros",
                 "Seychelles", "Czech Republic", "Dominican Republic", "Central African Republic"}
THE_PREFIXES = ("United ", "Democratic Republic", "Republic of")


class English(Language):
    """English as the outputs write it (British spelling, day-first dates)."""

    code = "en"
    labels = LABELS
    and_word = "and"
    range_words = ("from {0} to {1}", "on {0}")
    from_country_words = "from {0}"
    honorifics: ClassVar[dict[str, str]] = {
        "mrs": "Ms", "mr": "Mr", "chief": "Chief of Police", "dr": "Dr", "prof": "Professor"}
    honorific_spellings: ClassVar[dict[str, str]] = {
        "ms": "mrs", "ms.": "mrs", "mrs": "mrs", "mrs.": "mrs", "mr": "mr", "mr.": "mr",
        "chief of police": "chief", "dr.": "dr", "dr": "dr", "professor": "prof", "prof.": "prof"}

    def in_country(self, name: str) -> str:
        """'in Belgium', 'in the Netherlands'."""
        return f"in {_country(name)}"

    def from_country(self, name: str) -> str:
        """'from Ukraine', 'from the Netherlands'."""
        return f"from {_country(name)}"

    def definite(self, label: str, name: str | None = None) -> str:
        """'the DGSP', 'the Federal Police Council'; 'PZ Montgomery' and 'Europol' stay bare."""
        name = name or label
        if (label == name or LONE_ACRONYM.match(label)) and _takes_the(name):
            return f"the {label}"
        return label

    def indefinite(self, noun: str) -> str:
        """'a Ukrainian', 'an official', 'an Uzbek', 'a European': by sound, not by letter."""
        lower = noun.lower()
        if lower.startswith(("eu", "one", "uni", "use", "usu", "ukr")):
            article = "a"
        elif lower.startswith(("hour", "honest", "honour")):
            article = "an"
        elif lower[:1] == "u" and len(lower) > 2 and lower[1] not in VOWELS and lower[2] in VOWELS:
            article = "a"
        else:
            article = "an" if lower[:1] in VOWELS else "a"
        return f"{article} {noun}"

    def function(self, text: str) -> str:
        """English keeps the capitals of a title: 'Chief of Police'."""
        return text

    def singular(self, description: str) -> str:
        """The head noun comes before any 'of'/'for'/'from': 'heads of police' -> 'head of ...'."""
        words = description.split()
        cut = next((n for n, w in enumerate(words) if w in ("of", "for", "from")), len(words))
        return " ".join([*words[:cut - 1], _singular_word(words[cut - 1]), *words[cut:]])


def _country(name: str) -> str:
    return f"the {name}" if name in THE_COUNTRIES or name.startswith(THE_PREFIXES) else name


def _takes_the(name: str) -> bool:
    words = name.split()
    if not words or words[0].lower() == "the" or words[0].isupper():
        return False
    return any(word.strip("(),").lower() in NOUNS for word in words)


def _singular_word(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


LANGUAGE = English()
