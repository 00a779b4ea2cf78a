"""Organisation names in running text: the article French and English put before them.

An organisation named after a common noun takes the definite article ('la Zone de police
Montgomery', 'the Federal Police Council'); one named by a proper noun does not ('Europol').
The noun lists below decide; a name they do not know is left bare, which is never wrong in a
title and rarely wrong in a sentence. French short names take the article of their full name
('la DGSP' after 'Direction générale ...'); English ones only when they are a bare acronym
('the DGSP', but 'PZ Montgomery'). Dutch names are left as written.
"""
from __future__ import annotations

import re

from visitplanner.outputs.grammar import is_flagged

FR_FEMININE = {
    "académie", "administration", "agence", "association", "autorité", "cellule", "commission",
    "commune", "cour", "direction", "division", "école", "fédération", "inspection", "police",
    "province", "région", "université", "ville", "zone",
}
FR_MASCULINE = {
    "bureau", "centre", "comité", "commissariat", "conseil", "département", "institut",
    "ministère", "office", "organe", "parquet", "réseau", "secrétariat", "service", "tribunal",
}
EN_NOUNS = {
    "academy", "agency", "association", "authority", "centre", "center", "city", "commission",
    "committee", "council", "court", "department", "directorate", "directorate-general",
    "federation", "inspectorate", "institute", "ministry", "municipality", "network", "office",
    "police", "province", "region", "secretariat", "service", "unit", "university", "zone",
}
VOWEL_START = "aeiouàâéèêëïîôöùûü"
LONE_ACRONYM = re.compile(r"^[A-Z]{2,}( \(.*\))?$")


def definite(label: str, lang: str, name: str | None = None) -> str:
    """`label` (a name or short name) with the article that `name`, its full name, calls for."""
    name = name or label
    if is_flagged(label):  # an untranslated name: no article guessed from another language
        return label
    if lang == "fr":
        return _fr_definite(label, name)
    if lang == "en" and (label == name or LONE_ACRONYM.match(label)) and _en_takes_the(name):
        return f"the {label}"
    return label


def _fr_definite(label: str, name: str) -> str:
    head = name.split(" ", 1)[0].lower()
    if head not in FR_FEMININE and head not in FR_MASCULINE:
        return label
    if label[:1].lower() in VOWEL_START:
        return f"l'{label}"
    return f"{'la' if head in FR_FEMININE else 'le'} {label}"


def _en_takes_the(name: str) -> bool:
    words = name.split()
    if not words or words[0].lower() == "the" or words[0].isupper():
        return False
    return any(word.strip("(),").lower() in EN_NOUNS for word in words)


def fr_de(text: str) -> str:
    """'de' before a name: 'du Conseil', 'de la Zone', "de l'Agence", "d'Europol"."""
    if text.startswith("le "):
        return "du " + text[3:]
    if text.startswith("les "):
        return "des " + text[4:]
    if text[:1].lower() in VOWEL_START:
        return f"d'{text}"
    return f"de {text}"


def fr_a(text: str) -> str:
    """'à' before a name: 'au Conseil', 'à la Zone', "à l'Agence", 'à Europol'."""
    if text.startswith("le "):
        return "au " + text[3:]
    if text.startswith("les "):
        return "aux " + text[4:]
    return f"à {text}"
