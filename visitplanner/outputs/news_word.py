"""The news draft as a Word file (python-docx): the title as heading, paragraphs, lists, quotes."""
from __future__ import annotations

import datetime as dt
import io
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from visitplanner.outputs.languages import language
from visitplanner.outputs.news import DraftText
from visitplanner.outputs.news_export import WordOptions, article, markdown

# The language Word spell-checks a draft in, by output language (Belgian Dutch and French).
DOCUMENT_LOCALES = {"nl": "nl-BE", "fr": "fr-BE", "en": "en-GB"}


def _add_runs(paragraph: Any, children: list[Any], tag: str) -> None:
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
            run = paragraph.add_run(" ")
        elif token.type == "hardbreak":
            run = paragraph.add_run()
            run.add_break()
        else:
            continue
        _set_language(run._r, tag)


def _set_language(element: Any, tag: str) -> None:
    """Give a run or a style's run properties the document language (w:lang)."""
    _put_language(element.get_or_add_rPr(), tag)


def _child(parent: Any, tag: str) -> Any:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.insert(0, found)
    return found


def _put_language(properties: Any, tag: str) -> None:
    for old in properties.findall(qn("w:lang")):
        properties.remove(old)
    lang = OxmlElement("w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), tag)
    properties.append(lang)


def _set_up(document: Any, draft: DraftText, options: WordOptions, tag: str) -> None:
    """A4 with 2.5 cm margins, the language on the defaults and every style, the properties."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(25))
    defaults = _child(document.styles.element, "w:docDefaults")
    _put_language(_child(_child(defaults, "w:rPrDefault"), "w:rPr"), tag)
    for style in document.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER,
                          WD_STYLE_TYPE.TABLE):
            _set_language(style.element, tag)
    properties = document.core_properties
    properties.title = draft.title
    properties.author = properties.last_modified_by = options.author or ""
    properties.language = tag
    properties.created = properties.modified = options.now or dt.datetime.now(dt.UTC)
    properties.revision = 1
    properties.comments = ""


def to_docx(draft: DraftText, lang: str, captions: bool = True,
            options: WordOptions | None = None) -> bytes:
    """A Word document: the title as heading, paragraphs, lists, and quotes in the 'Quote' style."""
    options = options or WordOptions()
    tag = options.locale or DOCUMENT_LOCALES.get(lang, lang)
    document = Document()
    _set_up(document, draft, options, tag)
    title = document.add_heading(level=1)
    _set_language(title.add_run(draft.title)._r, tag)
    quote_depth, list_style, heading = 0, None, None
    # The photo captions' paragraphs once they begin, and the article's last one before them.
    caption_paragraphs: list[Any] = []
    article_end = title
    for token in markdown().parse(article(draft, lang, captions)):
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
            starts_captions = (bool(heading)
                               and token.content == language(lang).label("news.captions"))
            if heading:
                paragraph = document.add_heading(level=heading)
            else:
                paragraph = document.add_paragraph(style="Quote" if quote_depth else list_style)
            _add_runs(paragraph, token.children or [], tag)
            if starts_captions or caption_paragraphs:
                caption_paragraphs.append(paragraph)
            else:
                article_end = paragraph
    _keep_together([article_end, *caption_paragraphs] if caption_paragraphs else [])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _keep_together(paragraphs: list[Any]) -> None:
    """Keep the article's last paragraph and the captions on one page: none is left alone."""
    for paragraph in paragraphs[:-1]:
        paragraph.paragraph_format.keep_with_next = True
    for paragraph in paragraphs:
        paragraph.paragraph_format.keep_together = True
