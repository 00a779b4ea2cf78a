"""News-draft helpers that no single language owns: counts, tense, flags, capitals.

Language rules (dates, lists, articles, agreement) live in outputs/languages/.
Rules chosen here (documented because a reader of the draft sees them):
- the delegation's size counts only heads and members;
- tense: before the visit the draft announces, during it reports in the present, after it
  reports in the past.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from visitplanner.outputs.languages import honorific_key
from visitplanner.planning.programme import DelegateView
from visitplanner.planning.vocabulary import COUNTED_DELEGATE_ROLES

# Private-use characters around untranslated text until the finished draft shows them as
# '[nl: ...]': the Markdown escaping of user text must not touch the draft's own brackets.
FLAG_OPEN, FLAG_CLOSE = "\ue000", "\ue001"
FLAGGED = re.compile(f"{FLAG_OPEN}[^:]*: (.*?){FLAG_CLOSE}", re.DOTALL)


def counted(delegates: Iterable[DelegateView]) -> int:
    """The delegation's size: heads and members, not interpreters, escorts or staff."""
    return sum(1 for delegate in delegates if delegate.role in COUNTED_DELEGATE_ROLES)


def tense(start: dt.date, end: dt.date, today: dt.date) -> str:
    """'announce' before the visit, 'present' during it, 'past' after it."""
    if today < start:
        return "announce"
    return "present" if today <= end else "past"


def knows_honorific(text: str) -> bool:
    """Whether the app has its own word for the honorific in every language."""
    return honorific_key(text) is not None


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


def capitalised(text: str) -> str:
    """The text with its first letter in upper case, the rest untouched."""
    return text[:1].upper() + text[1:]


def lowered(text: str) -> str:
    """The first letter in lower case unless the first word is an acronym ('ENAA', 'KIV')."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() or first[1:2].isupper() else text[:1].lower() + text[1:]
