"""GET /visits/{id}/news: the news draft as JSON, Markdown, HTML or Word."""
from __future__ import annotations

from flask import Response, request
from pydantic import BaseModel, ConfigDict

from visitplanner.api.errors import ApiError, validation_error
from visitplanner.api.parameters import NEWS_FORMATS
from visitplanner.core.news_drafts import current_text, word_options
from visitplanner.core.queries import load_visit
from visitplanner.edge import UnknownLanguage, attachment, output_language
from visitplanner.media_types import NEWS_MEDIA_TYPES
from visitplanner.outputs.news_export import export


class NewsText(BaseModel):
    """A news draft: its title, its body in Markdown, photo captions, and the editor's to-do."""

    model_config = ConfigDict(defer_build=True)  # built on first use, as every API schema

    title: str
    body: str
    captions: list[str] = []
    to_translate: list[str] = []  # texts with no translation yet, left out of the sentences


def export_news(visit_id: int) -> NewsText | Response:
    """The saved draft of the language when there is one, else the one generated from the visit."""
    fmt, problems = request.args.get("format", "json"), {}
    try:
        lang = output_language()
    except UnknownLanguage as exc:  # reported together with a bad format=
        lang, problems = None, exc.fields
    if fmt not in NEWS_FORMATS:
        problems["format"] = [f"Use one of {', '.join(NEWS_FORMATS)}."]
    captions = request.args.get("captions", "true")
    if captions not in ("true", "false"):
        problems["captions"] = ["Use true or false."]
    if problems:
        raise validation_error(problems)
    visit = load_visit(visit_id)
    if visit is None:
        raise ApiError(404, f"No visit with id {visit_id}.")
    lang = lang or visit.content_language
    text = current_text(visit, lang)
    if fmt == "json":
        return NewsText(title=text.title, body=text.body, captions=list(text.captions),
                        to_translate=list(text.todo))
    filename = f"news-{visit_id}-{lang}.{fmt}"
    return attachment(export(text, fmt, lang, captions == "true", word_options(visit, lang)),
                      NEWS_MEDIA_TYPES[fmt], filename)
