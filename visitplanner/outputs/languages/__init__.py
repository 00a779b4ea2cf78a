"""The output languages, one module each: every output and message writes through them.

`language("nl")` returns the Dutch rules: labels, date patterns, 'A, B en C', quotation marks,
the spacing around punctuation, articles before organisations, agreement and honorifics.

To add an output language: copy en.py, translate its labels, set its words and patterns,
override the rules its grammar needs, and add its code to planning.vocabulary.LANGUAGES (every
output, the UI and content) or, like German and Ukrainian, to DELEGATE_LANGUAGES only (a
delegate's personal programme, page and calendar). `language()` finds the module by its code;
Babel ships the locale's month and day names, and num2words its numbers. The PDFs, calendars
and mail then speak it; the news draft, being prose, also needs its sentences (a language in
LANGUAGES): templates/news/<code>.md.j2, a copy of en.md.j2 filling the blocks of the shared
skeleton (_draft.md.j2).
"""
from __future__ import annotations

from functools import cache
from importlib import import_module

from visitplanner.outputs.languages.base import Language
from visitplanner.planning.vocabulary import DELEGATE_LANGUAGES, LANGUAGES

__all__ = ["Language", "all_languages", "english_labels", "honorific", "honorific_key",
           "language"]
FEMININE_HONORIFICS = {"mrs"}
MASCULINE_HONORIFICS = {"mr"}


@cache
def language(code: str) -> Language:
    """The rules of output language `code`; ValueError when the outputs do not speak it."""
    if code not in DELEGATE_LANGUAGES:
        raise ValueError(f"Unsupported language {code!r}: use one of "
                         f"{', '.join(DELEGATE_LANGUAGES)}.")
    found: Language = import_module(f"{__name__}.{code}").LANGUAGE
    return found


def all_languages() -> tuple[Language, ...]:
    """Every output language, in the order of the vocabulary."""
    return tuple(language(code) for code in LANGUAGES)


def english_labels() -> dict[str, str]:
    """The labels every language falls back to."""
    return language("en").labels


@cache
def _spellings() -> dict[str, str]:
    return {spelling: key for lang in all_languages()
            for spelling, key in lang.honorific_spellings.items()}


def honorific_key(text: str | None) -> str | None:
    """The app's key for an honorific typed in any output language ('Mevrouw' -> 'mrs')."""
    return _spellings().get(text.strip().lower()) if text else None


def honorific(text: str | None, code: str) -> str | None:
    """An honorific in language `code` when the app knows it, else as written."""
    if not text:
        return None
    key = honorific_key(text)
    return language(code).honorific(key) if key else text.strip()


def gender_of_honorific(text: str | None) -> str | None:
    """'female' for 'mevrouw', 'Mme', 'Ms'; 'male' for 'de heer', 'M.', 'Mr'; else None."""
    key = honorific_key(text)
    if key in FEMININE_HONORIFICS:
        return "female"
    return "male" if key in MASCULINE_HONORIFICS else None
