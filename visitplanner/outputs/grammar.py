"""Grammar helpers of the news draft, per language: counts, lists, dates, tense, agreement.

Rules chosen here (documented because a reader of the draft sees them):
- the delegation's size counts only heads and members; numbers up to twenty are written in
  words, larger ones in digits (the usual press rule in all three languages);
- the year is shown when a range spans two years or is not in the year of `today`;
- tense: before the visit the draft announces, during it reports in the present, after it
  reports in the past.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from babel import Locale
from babel.dates import format_date
from num2words import num2words

from visitplanner.planning.programme import DelegateView
from visitplanner.planning.vocabulary import COUNTED_DELEGATE_ROLES

WORDS_UP_TO = 20
AND = {"nl": "en", "fr": "et", "en": "and"}
QUOTE_MARKS = {"nl": ("“", "”"), "fr": ("«\u00a0", "\u00a0»"), "en": ("“", "”")}
# Honorifics as people type them, in any of the three languages, and how each language writes them.
HONORIFICS = {
    "mrs": {"nl": "mevrouw", "fr": "Mme", "en": "Ms"},
    "mr": {"nl": "de heer", "fr": "M.", "en": "Mr"},
    "chief": {"nl": "korpschef", "fr": "le chef de corps", "en": "Chief of Police"},
    "dr": {"nl": "dokter", "fr": "le docteur", "en": "Dr"},
    "prof": {"nl": "professor", "fr": "le professeur", "en": "Professor"},
}
HONORIFIC_KEYS = {
    "mevrouw": "mrs", "mevr.": "mrs", "mw.": "mrs", "mme": "mrs", "madame": "mrs", "ms": "mrs",
    "ms.": "mrs", "mrs": "mrs", "mrs.": "mrs", "de heer": "mr", "meneer": "mr", "dhr.": "mr",
    "m.": "mr", "monsieur": "mr", "mr": "mr", "mr.": "mr", "korpschef": "chief",
    "chef de corps": "chief", "chief of police": "chief", "dokter": "dr", "dr.": "dr", "dr": "dr",
    "docteur": "dr", "professor": "prof", "prof.": "prof", "professeur": "prof",
}
# French country names that take "au"/"du" although they end in -e, or "aux"/"des".
FR_MASCULINE_IN_E = {"Mexique", "Cambodge", "Mozambique", "Zimbabwe", "Belize"}
FR_PLURAL = {"Pays-Bas", "États-Unis", "Philippines", "Émirats arabes unis", "Comores",
             "Maldives", "Seychelles", "Bahamas"}
FR_FEMININE = {"visite", "mission", "rencontre", "journée", "semaine", "conférence", "formation",
               "réunion", "délégation", "tournée", "session"}
VOWELS = "aeiouyàâäéèêëïîôöùûüœæh"
# Private-use characters around untranslated text until the finished draft shows them as
# '[nl: ...]': the Markdown escaping of user text must not touch the draft's own brackets.
FLAG_OPEN, FLAG_CLOSE = "\ue000", "\ue001"
FLAGGED = re.compile(f"{FLAG_OPEN}[^:]*: (.*?){FLAG_CLOSE}", re.DOTALL)


def counted(delegates: Iterable[DelegateView]) -> int:
    """The delegation's size: heads and members, not interpreters, escorts or staff."""
    return sum(1 for delegate in delegates if delegate.role in COUNTED_DELEGATE_ROLES)


def number(n: int, lang: str) -> str:
    """A count as the press writes it: words up to twenty ('zes', 'six'), digits above."""
    return num2words(n, lang=lang) if 0 <= n <= WORDS_UP_TO else str(n)


def join(parts: Sequence[str], lang: str) -> str:
    """'A, B en C', 'A, B et C', 'A, B and C'; semicolons when a part has a comma of its own."""
    parts = [part for part in parts if part]
    if len(parts) <= 1:
        return "".join(parts)
    separator = "; " if any("," in part for part in parts) else ", "
    return f"{separator.join(parts[:-1])} {AND[lang]} {parts[-1]}"


def tense(start: dt.date, end: dt.date, today: dt.date) -> str:
    """'announce' before the visit, 'present' during it, 'past' after it."""
    if today < start:
        return "announce"
    return "present" if today <= end else "past"


def shows_year(start: dt.date, end: dt.date, today: dt.date) -> bool:
    """Whether a date needs its year: two years, or not this year."""
    return start.year != end.year or start.year != today.year


def _day(day: dt.date, lang: str, month: bool, year: bool) -> str:
    number_part = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    pattern = "MMMM y" if year else "MMMM"
    return f"{number_part} {format_date(day, pattern, locale=lang)}" if month else number_part


def date_range(start: dt.date, end: dt.date, lang: str, today: dt.date) -> str:
    """'van 22 tot 26 april', 'du 30 avril au 2 mai', 'from 22 to 26 April', 'op 22 april'."""
    year = shows_year(start, end, today)
    if start == end:
        words = {"nl": "op {0}", "fr": "le {0}", "en": "on {0}"}[lang]
        return words.format(_day(start, lang, True, year))
    same_month = (start.year, start.month) == (end.year, end.month)
    first = _day(start, lang, not same_month, year and start.year != end.year)
    last = _day(end, lang, True, year)
    words = {"nl": "van {0} tot {1}", "fr": "du {0} au {1}", "en": "from {0} to {1}"}[lang]
    return words.format(first, last)


def day(date: dt.date, lang: str, today: dt.date) -> str:
    """'24 april', '1er mai', '24 April 2023' (year when not this year)."""
    return _day(date, lang, True, date.year != today.year)


def honorific(text: str | None, lang: str) -> str | None:
    """An honorific in `lang` when it is one the app knows, else as written."""
    if not text:
        return None
    key = HONORIFIC_KEYS.get(text.strip().lower())
    return HONORIFICS[key][lang] if key else text.strip()


def knows_honorific(text: str) -> bool:
    """Whether `honorific` has the app's own word for the text in every language."""
    return text.strip().lower() in HONORIFIC_KEYS


def singular(description: str, lang: str) -> str:
    """The singular of a plural noun phrase ('openbare aanklagers' -> 'openbare aanklager')."""
    words = description.split()
    if lang == "fr":  # the head noun and its adjectives come before any "de"/"d'" complement
        cut = next((n for n, w in enumerate(words)
                    if w in ("de", "du", "des") or w.startswith("d'")),
                   len(words))
        return " ".join([_singular_word(w, lang) for w in words[:cut]] + words[cut:])
    if lang == "en":
        cut = next((n for n, w in enumerate(words) if w in ("of", "for", "from")), len(words))
        return " ".join(words[:cut - 1] + [_singular_word(words[cut - 1], lang)] + words[cut:])
    return " ".join(words[:-1] + [_singular_word(words[-1], lang)])


def _singular_word(word: str, lang: str) -> str:
    if lang == "fr":
        if word.endswith("aux"):
            return word[:-3] + "al"
        return word[:-1] if word.endswith("s") and len(word) > 3 else word
    if lang == "en":
        if word.endswith("ies"):
            return word[:-3] + "y"
        if word.endswith(("ches", "shes", "sses", "xes")):
            return word[:-2]
        return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if word.endswith("'s"):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    if word.endswith("ten") and len(word) > 4 and word[-4] in "aeiou":  # magistraten -> magistraat
        return word[:-4] + word[-4] * 2 + "t"
    if word.endswith("en") and len(word) > 4:
        return word[:-2]
    return word


def flagged(text: str, source: str) -> str:
    """Text left in the `source` language, marked for the editor: '[nl: werkbezoek]'."""
    return f"{FLAG_OPEN}{source}: {text}{FLAG_CLOSE}"


def is_flagged(text: str | None) -> bool:
    """Whether the text is marked as untranslated by `flagged`."""
    return bool(text) and FLAG_OPEN in text  # type: ignore[operator]


def unflagged(text: str) -> str:
    """The text with its `flagged` parts as written, to compare words whether flagged or not."""
    return FLAGGED.sub(r"\1", text)


def shown_flags(text: str) -> str:
    """The finished draft with its untranslated text between square brackets."""
    return text.replace(FLAG_OPEN, "[").replace(FLAG_CLOSE, "]")


def fr_agree(adjective: str, feminine: bool = False, plural: bool = False) -> str:
    """A French adjective agreed with its noun: 'ukrainien' -> 'ukrainiennes'; flagged: as is."""
    if is_flagged(adjective):
        return adjective
    word = adjective.strip().lower()
    if word.endswith("s") and not word.endswith(("ais", "ois")):
        word = word[:-1]  # a plural the user already wrote; 'français', 'chinois' keep their s
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


def nationality_noun(adjective: str | None, description: str, lang: str, count: int) -> str:
    """'Oekraïense openbare aanklagers', 'procureurs ukrainiens', 'Ukrainian prosecutors'."""
    noun = description if count != 1 else singular(description, lang)
    if not adjective:
        return noun
    if lang == "fr":
        return f"{noun} {fr_agree(adjective, plural=count != 1)}"
    return f"{adjective} {noun}"


def country_name(code: str | None, lang: str) -> str | None:
    """'België', 'Belgique', 'Belgium' for 'BE'."""
    # An unknown code stays as written rather than vanishing.
    return Locale.parse(lang).territories.get(code.upper(), code.upper()) if code else None


def language_name(code: str, lang: str) -> str:
    """'Nederlands', 'néerlandais', 'Dutch' for 'nl'."""
    return Locale.parse(lang).languages.get(code, code)


def fr_indefinite(noun: str) -> str:
    """'une visite de travail', 'un séjour d'étude': the French indefinite article by gender."""
    head = noun.split(" ", 1)[0].lower()
    feminine = head in FR_FEMININE or head.endswith(("tion", "sion", "ée", "ite", "ence", "ance"))
    return f"{'une' if feminine else 'un'} {noun}"


def fr_country(name: str, preposition: str) -> str:
    """'en Belgique', 'au Maroc', 'aux Pays-Bas' ('en'); 'de Belgique', 'd'Ukraine' ('de')."""
    if name in FR_PLURAL:
        return f"{'aux' if preposition == 'en' else 'des'} {name}"
    feminine = name[0].lower() in VOWELS or (name.endswith("e") and name not in FR_MASCULINE_IN_E)
    if preposition == "en":
        return f"en {name}" if feminine else f"au {name}"
    if feminine:
        return elide("de", name)
    return f"du {name}"


def elide(word: str, following: str) -> str:
    """'de' + 'ADVP' -> 'de ADVP'; 'de' + 'Ukraine' -> "d'Ukraine" (before a vowel or mute h)."""
    if following and following[0].lower() in VOWELS and following[0].lower() != "y":
        return f"{word[:-1]}'{following}"
    return f"{word} {following}"


def en_article(word: str) -> str:
    """'a' or 'an' before `word`, by sound: 'a Ukrainian', 'an official', 'an Uzbek'."""
    lower = word.lower()
    if lower.startswith(("eu", "one", "uni", "use", "usu", "ukr")):
        return "a"
    if lower.startswith(("hour", "honest", "honour")):
        return "an"
    if lower[:1] == "u" and len(lower) > 2 and lower[1] not in VOWELS and lower[2] in VOWELS:
        return "a"
    return "an" if lower[:1] in "aeiou" else "a"


def quoted(text: str, lang: str) -> str:
    """Text between the language's quotation marks."""
    opening, closing = QUOTE_MARKS[lang]
    return f"{opening}{text.strip()}{closing}"


def capitalised(text: str) -> str:
    """The text with its first letter in upper case, the rest untouched."""
    return text[:1].upper() + text[1:]


def lowered(text: str) -> str:
    """The first letter in lower case unless the first word is an acronym ('ENAA', 'KIV')."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() or first[1:2].isupper() else text[:1].lower() + text[1:]
