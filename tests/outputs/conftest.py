"""Fixtures of the output tests: how an editor reads a news draft."""
from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from visitplanner.outputs.news import DraftText

DELEGATION_WORD = {"nl": "delegatie", "fr": "délégation", "en": "delegation"}
SENTENCE_END = re.compile(r"(?<=[.!?”»])\s+(?=[A-ZÀ-Ý„“«])")


def sentences(draft: DraftText) -> list[str]:
    """The draft's own sentences: not quotes, attributions, headings or lists."""
    prose = [block for block in draft.body.split("\n\n")
             if not block.startswith((">", "—", "*", "#", "-"))]
    return [s for block in prose for s in SENTENCE_END.split(block)]


def _reads_well(draft: DraftText, lang: str) -> None:
    """What every draft must hold, whatever the visit."""
    everything = "\n".join([draft.title, draft.body, *draft.captions])
    for marker in ("[nl:", "[fr:", "[en:", "\ue000", "None", "  ", " ,", " ."):
        assert marker not in everything, (marker, everything)
    openings = [s.split()[0].lower() for s in sentences(draft)]
    for n in range(len(openings) - 2):
        assert not openings[n] == openings[n + 1] == openings[n + 2], (openings, draft.body)
    words = draft.body.lower().split()
    hits = [n for n, word in enumerate(words) if DELEGATION_WORD[lang] in word]
    assert all(b - a >= 40 for a, b in zip(hits, hits[1:], strict=False)), (hits, draft.body)
    straight = [c for c in draft.body if c == '"']
    assert not straight, draft.body



@pytest.fixture
def reads_well() -> Callable[[DraftText, str], None]:
    """Check a draft for what every draft must hold: no flags, varied openings, the delegation
    word at most once in 40 words, typographic quotes."""
    return _reads_well
