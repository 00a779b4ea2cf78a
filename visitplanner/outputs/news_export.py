"""The news draft as a file: Markdown, HTML or Word (.docx), all carrying the same text."""
from __future__ import annotations

import dataclasses
import io
from typing import Any

from docx import Document
from markdown_it import MarkdownIt
from markupsafe import escape

from visitplanner.outputs.news import DraftText
from visitplanner.planning.rules import FORBIDDEN

# Raw HTML in a draft is shown as text, never passed through: drafts hold user text.
MARKDOWN = MarkdownIt("commonmark", {"html": False})
MEDIA_TYPES = {
    "md": "text/markdown",
    "html": "text/html",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def to_markdown(draft: DraftText) -> str:
    """The title as a level-one heading above the body."""
    return f"# {draft.title}\n\n{draft.body.strip()}\n"


def body_html(draft: DraftText) -> str:
    """The body rendered to an HTML fragment."""
    return MARKDOWN.render(draft.body)


def to_html(draft: DraftText, lang: str) -> str:
    """A small standalone HTML document."""
    title = escape(draft.title)
    return (f'<!doctype html>\n<html lang="{escape(lang)}">\n<head><meta charset="utf-8">'
            f"<title>{title}</title></head>\n<body>\n<h1>{title}</h1>\n{body_html(draft)}"
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


def to_docx(draft: DraftText) -> bytes:
    """A Word document: the title as heading, paragraphs, lists, and quotes in the 'Quote' style."""
    document = Document()
    document.core_properties.title = draft.title
    document.add_heading(draft.title, level=1)
    quote_depth, list_style, heading = 0, None, None
    for token in MARKDOWN.parse(draft.body):
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


def export(draft: DraftText, fmt: str, lang: str) -> bytes:
    """The draft as the bytes of a file in `fmt` (md, html or docx)."""
    # Text stored before the rules refused control characters must not break Word's XML.
    draft = dataclasses.replace(draft, title=FORBIDDEN.sub("", draft.title),
                                body=FORBIDDEN.sub("", draft.body))
    if fmt == "docx":
        return to_docx(draft)
    text = to_markdown(draft) if fmt == "md" else to_html(draft, lang)
    return text.encode("utf-8")
