"""The news draft as a file: Markdown, HTML or Word (.docx), all carrying the same text.

The photo captions follow the text under their own heading; `captions=False` leaves them out.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from markupsafe import escape

from visitplanner.outputs.languages import language
from visitplanner.outputs.news import MARKUP, DraftText
from visitplanner.planning.rules import FORBIDDEN

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

@cache
def markdown() -> MarkdownIt:
    """The Markdown parser, made on first use (importing markdown-it costs every start)."""
    from markdown_it import MarkdownIt

    # Raw HTML in a draft is shown as text, never passed through: drafts hold user text.
    return MarkdownIt("commonmark", {"html": False})


@dataclass(frozen=True)
class WordOptions:
    """How a Word file is made: its author (the host), language tag and creation time."""

    author: str | None = None
    locale: str | None = None  # a BCP 47 tag such as "nl-NL"; default DOCUMENT_LOCALES
    now: dt.datetime | None = None


def article(draft: DraftText, lang: str, captions: bool = True) -> str:
    """The Markdown body, then the captions as a list under their heading unless left out."""
    text = draft.body.strip()
    if captions and draft.captions:
        lines = "\n".join("- " + MARKUP.sub(r"\\\1", caption) for caption in draft.captions)
        text += f"\n\n## {language(lang).label('news.captions')}\n\n{lines}"
    return text + "\n"


def to_markdown(draft: DraftText, lang: str, captions: bool = True) -> str:
    """The title as a level-one heading above the body."""
    return f"# {draft.title}\n\n{article(draft, lang, captions)}"


def body_html(draft: DraftText) -> str:
    """The body rendered to an HTML fragment."""
    return str(markdown().render(draft.body))


def to_html(draft: DraftText, lang: str, captions: bool = True) -> str:
    """A small standalone HTML document."""
    title = escape(draft.title)
    body = markdown().render(article(draft, lang, captions))
    return (f'<!doctype html>\n<html lang="{escape(lang)}">\n<head><meta charset="utf-8">'
            f"<title>{title}</title></head>\n<body>\n<h1>{title}</h1>\n{body}"
            "</body>\n</html>\n")


def export(draft: DraftText, fmt: str, lang: str, captions: bool = True,
           options: WordOptions | None = None) -> bytes:
    """The draft as the bytes of a file in `fmt` (md, html or docx; `options` for Word)."""
    # Text stored before the rules refused control characters must not break Word's XML.
    draft = dataclasses.replace(
        draft, title=FORBIDDEN.sub("", draft.title), body=FORBIDDEN.sub("", draft.body),
        captions=tuple(FORBIDDEN.sub("", caption) for caption in draft.captions))
    if fmt == "docx":
        # python-docx takes a tenth of a second to import: only a Word download loads it.
        from visitplanner.outputs.news_word import to_docx

        return to_docx(draft, lang, captions, options)
    text = to_markdown(draft, lang, captions) if fmt == "md" else to_html(draft, lang, captions)
    return text.encode("utf-8")
