"""The greeting of a message with the recipient's honorific, in the message's language.

'Dear Commissioner Mwangi,', 'Geachte mevrouw Kovalenko,', 'Excellence, Monsieur Moraru,':
the honorific (the organiser's translation, or one the app knows how to translate) goes
before the surname; an excellency is addressed as such. Each language words it (languages/).
"""
from __future__ import annotations

import re

from visitplanner.outputs.languages import honorific, language

EXCELLENCY = re.compile(
    r"^(?:son|sa|votre|his|her|your|zijne|hare|uwe)\s+(?:excellence|excellency|excellentie)\b"
    r"[\s,]*", re.IGNORECASE)


def surname(full_name: str) -> str:
    """The name after the honorific: the last word of the full name."""
    words = full_name.split()
    return words[-1] if words else full_name


def greeting(full_name: str, title: str | None, lang: str, translated: bool = False) -> str:
    """The opening line of a message to one person, in `lang`."""
    words = (title or "").strip()
    if words and not translated:
        words = honorific(words, lang) or ""
    excellency = EXCELLENCY.match(words)
    rest = words[excellency.end():].strip() if excellency else words
    return language(lang).greeting(full_name, surname(full_name), rest or None,
                                   excellency is not None)
