"""The greeting of a letter in nl, fr and en, with the recipient's honorific.

'Dear Commissioner Mwangi,', 'Geachte mevrouw Kovalenko,', 'Excellence, Monsieur Moraru,':
the honorific (already in the letter's language, or one the app knows how to translate) goes
before the surname; an excellency is addressed as such; without an honorific, the full name.
"""
from __future__ import annotations

import re

from visitplanner.outputs import grammar

EXCELLENCY = re.compile(
    r"^(?:son|sa|votre|his|her|your|zijne|hare|uwe)\s+(?:excellence|excellency|excellentie)\b"
    r"[\s,]*", re.IGNORECASE)
ARTICLE = re.compile(r"^(?:le|la|l')\s*", re.IGNORECASE)
ADDRESS = {"en": "Your Excellency", "nl": "Excellentie", "fr": "Excellence"}
# How French writes the courtesy titles in a salutation.
FR_TITLES = {"m.": "Monsieur", "monsieur": "Monsieur", "mme": "Madame", "madame": "Madame",
             "mlle": "Madame", "mademoiselle": "Madame"}
NL_TITLES = {"de heer": "heer"}  # 'Geachte heer Peeters', not 'Geachte de heer Peeters'


def surname(full_name: str) -> str:
    """The name after the honorific: the last word of the full name."""
    words = full_name.split()
    return words[-1] if words else full_name


def greeting(full_name: str, honorific: str | None, lang: str,
             honorific_translated: bool = False) -> str:
    """The opening line of a message to one person, in `lang`."""
    words = (honorific or "").strip()
    if words and not honorific_translated:
        words = grammar.honorific(words, lang) or ""
    excellency = EXCELLENCY.match(words)
    title = words[excellency.end():].strip() if excellency else words
    name = surname(full_name)
    if excellency:
        rest = f", {_title(title, lang)} {name}" if title and lang == "fr" else ""
        return f"{ADDRESS.get(lang, ADDRESS['en'])}{rest},"
    if lang == "fr":
        return f"{_title(title, lang)} {name}," if title else f"Bonjour {full_name},"
    opening = "Geachte" if lang == "nl" else "Dear"
    return f"{opening} {_title(title, lang)} {name}," if title else f"{opening} {full_name},"


def _title(title: str, lang: str) -> str:
    if lang == "fr":
        known = FR_TITLES.get(title.lower())
        return known or f"Bonjour {ARTICLE.sub('', title)}"
    if lang == "nl":
        return NL_TITLES.get(title.lower(), title)
    return title
