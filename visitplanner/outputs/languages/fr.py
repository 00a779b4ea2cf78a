"""French: labels, spaced colons and « », elision, articles by gender, agreement, '1er mai'."""
from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from visitplanner.outputs.languages.base import Language

LABELS = {
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
    "page.map": "Plan",
    # The practical side: journeys, hotels, contacts on duty, meeting points.
    "pdf.practical": "Informations pratiques",
    "pdf.emergency": "Numéro d'urgence",
    "pdf.on_duty": "Contacts pendant la visite",
    "pdf.available": "Joignable",
    "pdf.hotels": "Hôtels",
    "pdf.booking": "Référence de réservation",
    "pdf.arrivals": "Arrivées",
    "pdf.departures": "Départs",
    "pdf.meeting_point": "Point de rendez-vous",
    "pdf.met_by": "Accueil par",
    "pdf.whole_delegation": "Toute la délégation",
    "pdf.dress_code": "Tenue",
    "pdf.notes": "Remarques pratiques",
    "pdf.meeting": "Rendez-vous",
    "pdf.transport": "Transport",
    "mode.flight": "Vol",
    "mode.train": "Train",
    "mode.coach": "Autocar",
    "mode.car": "Voiture",
    "mode.other": "Trajet",
    # Sheets for drivers, caterers and security: titles and column headers.
    "sheet.delegation": "Délégation",
    "sheet.transport": "Feuille de route transport",
    "sheet.catering": "Restauration",
    "sheet.access": "Liste d'accès",
    "sheet.empty": "Rien à signaler.",
    "sheet.delegation.name": "Nom",
    "sheet.delegation.role": "Rôle",
    "sheet.delegation.function": "Fonction",
    "sheet.delegation.organisation": "Organisation",
    "sheet.delegation.country": "Pays",
    "sheet.delegation.email": "E-mail",
    "sheet.delegation.phone": "Téléphone",
    "sheet.delegation.language": "Langue",
    "sheet.delegation.dietary": "Régime alimentaire",
    "sheet.delegation.accessibility": "Accessibilité",
    "sheet.transport.day": "Jour",
    "sheet.transport.time": "Heure",
    "sheet.transport.route": "De → à",
    "sheet.transport.mode": "Transport",
    "sheet.transport.meeting": "Point de rendez-vous",
    "sheet.transport.count": "Passagers",
    "sheet.transport.passengers": "Noms",
    "sheet.transport.contact": "Contact",
    "sheet.catering.day": "Jour",
    "sheet.catering.time": "Heure",
    "sheet.catering.meal": "Repas",
    "sheet.catering.place": "Lieu",
    "sheet.catering.guests": "Convives",
    "sheet.catering.dietary": "Régimes alimentaires",
    "sheet.access.day": "Jour",
    "sheet.access.time": "Heure",
    "sheet.access.visit": "Visite",
    "sheet.access.place": "Lieu",
    "sheet.access.count": "Attendus",
    "sheet.access.expected": "Nom, fonction, organisation, pays",
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
    "page.accept": "Je participe", "page.decline": "Je ne peux pas",
    "page.accepted": "Vous participez.", "page.declined": "Vous ne pouvez pas.",
    "release.subject.full": "{visit} : votre programme (version {number})",
    "release.subject.changes": "{visit} : modifications de votre programme"
    " (version {number})",
    "release.intro.full": "Voici votre programme pour {visit}.",
    "release.intro.changes": "Votre programme pour {visit} a changé depuis notre dernier"
    " message.",
    "release.arrival": "Arrivée", "release.departure": "Départ", "release.stay": "Hôtel",
    "release.change.added": "Ajouté", "release.change.removed": "Supprimé",
    "release.change.changed": "Modifié",
    "release.field.title": "Titre", "release.field.when": "Quand",
    "release.field.venue": "Lieu", "release.field.status": "Statut",
    "release.page": "Votre programme personnel, toujours à jour",
    "release.feed": "Abonnez-vous à votre agenda (il reste à jour)",
    "release.attached": "Votre programme personnel est joint en PDF.",
    "release.contacts": "Contacts pendant la visite",
    "release.note": "Message de l'organisateur",
    "mail.removed": "Ne fait plus partie de votre programme : {title}",
    "mail.intro.removed": "Cette activité du programme de {visit} ne vous concerne plus ;"
    " le reste de votre programme ne change pas.",
    "news.captions": "Suggestions de légendes photo",
    "news.quote_language": "Citation en {language}, à traduire.",
    "news.todo.visit_type": "Type de visite",
    "news.todo.purpose": "Objectif",
    "news.todo.focus": "Accent",
    "news.todo.description": "Description de la délégation",
    "news.todo.topics": "Thèmes de « {title} »",
    "news.todo.function": "Fonction ({name})",
    "news.todo.honorific": "Titre ({name})",
    "news.todo.organisation": "Organisation ({name})",
}
NBSP = "\u00a0"
# The unbreakable spaces French sets inside « », before : and after n°.
SPACED = ("« ", " »", " :", "n° ")
# Organisation names headed by these nouns take 'la'/'le': 'la Zone de police Montgomery'.
FEMININE_NAMES = {
    "académie", "administration", "agence", "association", "autorité", "cellule", "commission",
    "commune", "cour", "direction", "division", "école", "fédération", "inspection", "police",
    "province", "région", "université", "ville", "zone", "prison", "maison", "fondation",
    "banque", "chambre", "gendarmerie", "haute", "sûreté",
}
MASCULINE_NAMES = {
    "bureau", "centre", "comité", "commissariat", "conseil", "département", "institut",
    "ministère", "office", "organe", "parquet", "réseau", "secrétariat", "service", "tribunal",
    "parlement", "sénat", "musée", "palais", "port", "aéroport", "hôpital", "collège", "groupe",
    "observatoire", "cabinet", "corps",
}
# A name in English takes the article of the French word for its last noun: 'la ... Unit'.
ENGLISH_FEMININE = {"unit", "agency", "police", "authority", "court", "academy", "division"}
ENGLISH_MASCULINE = {"centre", "center", "office", "council", "network", "service", "institute",
                     "bureau", "board", "committee"}
FEMININE_NOUNS = {"visite", "mission", "rencontre", "journée", "semaine", "conférence",
                  "formation", "réunion", "délégation", "tournée", "session"}
FEMININE_ENDINGS = ("tion", "sion", "ée", "ite", "ence", "ance")
# Country names that take 'au'/'du' although they end in -e, and plural ones ('aux'/'des').
MASCULINE_IN_E = {"Mexique", "Cambodge", "Mozambique", "Zimbabwe", "Belize"}
PLURAL_COUNTRIES = {"Pays-Bas", "États-Unis", "Philippines", "Émirats arabes unis", "Comores",
                    "Maldives", "Seychelles", "Bahamas"}
VOWELS = "aeiouyàâäéèêëïîôöùûüœæh"
NAME_VOWELS = "aeiouàâéèêëïîôöùûü"


ARTICLE = re.compile(r"^(?:le|la|l')\s*", re.IGNORECASE)
# How a salutation writes the courtesy titles ('Mme' -> 'Madame').
COURTESY_TITLES = {"m.": "Monsieur", "monsieur": "Monsieur", "mme": "Madame", "madame": "Madame",
                   "mlle": "Madame", "mademoiselle": "Madame"}


class French(Language):
    """French as written in Belgium (Imprimerie nationale spacing)."""

    code = "fr"
    labels = LABELS
    and_word = "et"
    quote_marks = (f"«{NBSP}", f"{NBSP}»")
    range_words = ("du {0} au {1}", "le {0}")
    from_country_words = "de {0}"
    honorifics: ClassVar[dict[str, str]] = {
        "mrs": "Mme", "mr": "M.", "chief": "le chef de corps", "dr": "le docteur",
        "prof": "le professeur"}
    honorific_spellings: ClassVar[dict[str, str]] = {
        "mme": "mrs", "madame": "mrs", "m.": "mr", "monsieur": "mr", "chef de corps": "chief",
        "docteur": "dr", "professeur": "prof"}

    def greeting(self, full_name: str, surname: str, title: str | None,
                 excellency: bool) -> str:
        """'Madame Kovalenko,', 'Excellence, Monsieur Moraru,', 'Bonjour Jo Li,'."""
        courtesy = COURTESY_TITLES.get((title or "").lower())
        if excellency:
            return f"Excellence, {courtesy} {surname}," if courtesy else "Excellence,"
        if courtesy:
            return f"{courtesy} {surname},"
        if title:
            return f"Bonjour {ARTICLE.sub('', title)} {surname},"
        return f"Bonjour {full_name},"

    def colon(self, text: str) -> str:
        """'Hôte :' with an unbreakable space."""
        return f"{text}{NBSP}:"

    def typography(self, text: str) -> str:
        """Unbreakable spaces inside « », before : and after n°."""
        for mark in SPACED:
            text = text.replace(mark, mark.replace(" ", NBSP))
        return text

    def day_of_month(self, day: dt.date) -> str:
        """'1er', then '2', '3'..."""
        return "1er" if day.day == 1 else str(day.day)

    def in_country(self, name: str) -> str:
        """'en Belgique', 'au Maroc', 'aux Pays-Bas'."""
        if name in PLURAL_COUNTRIES:
            return f"aux {name}"
        return f"en {name}" if _feminine_country(name) else f"au {name}"

    def from_country(self, name: str) -> str:
        """"d'Ukraine", 'du Maroc', 'des Pays-Bas'."""
        if name in PLURAL_COUNTRIES:
            return f"des {name}"
        return self.elide("de", name) if _feminine_country(name) else f"du {name}"

    def elide(self, word: str, following: str) -> str:
        """'de' + 'Ukraine' -> "d'Ukraine" (before a vowel or mute h); else 'de ADVP'."""
        if following and following[0].lower() in VOWELS and following[0].lower() != "y":
            return f"{word[:-1]}'{following}"
        return f"{word} {following}"

    def definite(self, label: str, name: str | None = None) -> str:
        """'la DGSP' after 'Direction générale ...', "l'Agence", 'Europol' bare."""
        words = (name or label).split()
        head, last = words[0].lower(), words[-1].lower()
        if head in FEMININE_NAMES or head in MASCULINE_NAMES:
            feminine = head in FEMININE_NAMES
        elif last in ENGLISH_FEMININE or last in ENGLISH_MASCULINE:
            feminine = last in ENGLISH_FEMININE
        else:
            return label
        if label[:1].lower() in NAME_VOWELS:
            return f"l'{label}"
        return f"{'la' if feminine else 'le'} {label}"

    def of(self, text: str) -> str:
        """'de' before a name: 'du Conseil', 'de la Zone', "de l'Agence", "d'Europol"."""
        if text.startswith("le "):
            return "du " + text[3:]
        if text.startswith("les "):
            return "des " + text[4:]
        return f"d'{text}" if text[:1].lower() in NAME_VOWELS else f"de {text}"

    def to(self, text: str) -> str:
        """'à' before a name: 'au Conseil', 'à la Zone', "à l'Agence", 'à Europol'."""
        if text.startswith("le "):
            return "au " + text[3:]
        if text.startswith("les "):
            return "aux " + text[4:]
        return f"à {text}"

    def indefinite(self, noun: str) -> str:
        """'une visite de travail', 'un séjour d'étude'."""
        head = noun.split(" ", 1)[0].lower()
        feminine = head in FEMININE_NOUNS or head.endswith(FEMININE_ENDINGS)
        return f"{'une' if feminine else 'un'} {noun}"

    def singular(self, description: str) -> str:
        """The head noun and its adjectives come before any 'de'/'d'' complement."""
        words = description.split()
        cut = next((n for n, w in enumerate(words)
                    if w in ("de", "du", "des") or w.startswith("d'")), len(words))
        return " ".join([_singular_word(w) for w in words[:cut]] + words[cut:])

    def agree(self, adjective: str, feminine: bool = False, plural: bool = False) -> str:
        """'ukrainien' -> 'ukrainiennes'; 'français', 'chinois' keep their s."""
        word = adjective.strip().lower()
        if word.endswith("s") and not word.endswith(("ais", "ois")):
            word = word[:-1]  # a plural the user already wrote
        if feminine:
            if word.endswith(("ien", "éen")):
                word += "ne"
            elif word.endswith("el"):
                word += "le"
            elif not word.endswith("e"):
                word += "e"
        if plural and not word.endswith(("s", "x")):
            word += "s"
        return word

    def nationality_noun(self, adjective: str | None, description: str, count: int,
                         feminine: bool = False) -> str:
        """'procureurs ukrainiens', 'procureure ukrainienne' for one woman."""
        noun = description if count != 1 else self.singular(description)
        if not adjective:
            return noun
        return f"{noun} {self.agree(adjective, feminine=feminine, plural=count != 1)}"


def _feminine_country(name: str) -> bool:
    return name[0].lower() in VOWELS or (name.endswith("e") and name not in MASCULINE_IN_E)


def _singular_word(word: str) -> str:
    if word.endswith("aux"):
        return word[:-3] + "al"
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


LANGUAGE = French()
