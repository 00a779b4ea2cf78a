"""The news draft as a file: Markdown, HTML or Word (.docx), all carrying the same text.

The photo captions follow the text under their own heading; `captions=False` leaves them out.
"""
from __future__ import annotations

import dataclasses
import io
from typing import Any

from docx import Document
from markdown_it import MarkdownIt
from markupsafe import escape

from visitplanner.outputs.languages import language
from visitplanner.outputs.news import MARKUP, DraftText
from visitplanner.planning.rules import FORBIDDEN

# Raw HTML in a draft is shown as text, never passed through: drafts hold user text.
MARKDOWN = MarkdownIt("commonmark", {"html": False})
MEDIA_TYPES = {
    "md": "text/markdown",
    "html": "text/html",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


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
    return str(MARKDOWN.render(draft.body))


def to_html(draft: DraftText, lang: str, captions: bool = True) -> str:
    """A small standalone HTML document."""
    title = escape(draft.title)
    body = MARKDOWN.render(article(draft, lang, captions))
    return (f'<!doctype html>\n<html lang="{escape(lang)}">\n<head><meta charset="utf-8">'
            f"<title>{title}</title></head>\n<body>\n<h1>{title}</h1>\n{body}"
            "</body>\n</html>\n")


def _add_runs(paragraph: Any, children: list[Any]) -> None:
    bold = italic = False
    for token in children:
        if token.type in ("strong_open", "strong_close"):
            bold = token.type == "strong_open"
        elif token.type in ("em_open", "em_close"):
            italic = token.type == "em_open"
        elif token.type in ("text", "code_inline"):
            run = paragraph.add_run(token.content)
            run.bold, run.italic = bold or None, italic or None
        elif token.type == "softbreak":
            paragraph.add_run(" ")
        elif token.type == "hardbreak":
            paragraph.add_run().add_break()


def to_docx(draft: DraftText, lang: str, captions: bool = True) -> bytes:
    """A Word document: the title as heading, paragraphs, lists, and quotes in the 'Quote' style."""
    document = Document()
    document.core_properties.title = draft.title
    document.add_heading(draft.title, level=1)
    quote_depth, list_style, heading = 0, None, None
    for token in MARKDOWN.parse(article(draft, lang, captions)):
        if token.type in ("blockquote_open", "blockquote_close"):
            quote_depth += token.nesting
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            list_style = "List Bullet" if token.type == "bullet_list_open" else "List Number"
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_style = None
        elif token.type == "heading_open":
            heading = min(int(token.tag[1:]), 9)
        elif token.type == "heading_close":
            heading = None
        elif token.type == "inline":
            if heading:
                paragraph = document.add_heading(level=heading)
            else:
                paragraph = document.add_paragraph(style="Quote" if quote_depth else list_style)
            _add_runs(paragraph, token.children or [])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def export(draft: DraftText, fmt: str, lang: str, captions: bool = True) -> bytes:
    """The draft as the bytes of a file in `fmt` (md, html or docx)."""
    # Text stored before the rules refused control characters must not break Word's XML.
    draft = dataclasses.replace(
        draft, title=FORBIDDEN.sub("", draft.title), body=FORBIDDEN.sub("", draft.body),
        captions=tuple(FORBIDDEN.sub("", caption) for caption in draft.captions))
    if fmt == "docx":
        return to_docx(draft, lang, captions)
    text = to_markdown(draft, lang, captions) if fmt == "md" else to_html(draft, lang, captions)
    return text.encode("utf-8")
