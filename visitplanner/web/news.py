"""The news draft page: read it, edit and save it per language, regenerate it, download it."""
from __future__ import annotations

from typing import Any

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from visitplanner.core.news_drafts import (
    caption_lines,
    current_text,
    generated_text,
    latest_revision,
    revisions,
    save_revision,
    word_options,
)
from visitplanner.core.queries import load_visit
from visitplanner.edge import attachment, output_language
from visitplanner.media_types import NEWS_MEDIA_TYPES
from visitplanner.outputs.news import DraftText
from visitplanner.outputs.news_export import body_html, export
from visitplanner.planning import rules
from visitplanner.planning.vocabulary import LANGUAGES
from visitplanner.web.forms import follows


class NewsForm(FlaskForm):
    """The edited title and Markdown body, and the revision the editor started from."""

    title = StringField("Title", validators=[DataRequired(), Length(max=300),
                                             follows(rules.check_text)])
    body = TextAreaField("Body", validators=[DataRequired(), Length(max=100_000),
                                            follows(rules.check_text, True)])
    captions = TextAreaField("Photo captions", validators=[Length(max=10_000),
                                                           follows(rules.check_text, True)])
    base_revision = HiddenField()


class RegenerateForm(FlaskForm):
    """Replace the saved edits with a freshly generated draft; `confirmed` after the warning."""

    confirmed = HiddenField()


def _visit_and_lang(visit_id: int, asked: str | None) -> tuple[Any, str]:
    visit = load_visit(visit_id)
    if visit is None:
        abort(404)
    return visit, asked or visit.content_language


def _revision_id(visit_id: int, lang: str) -> str:
    latest = latest_revision(visit_id, lang)
    return str(latest.id) if latest else ""


@login_required
def show_news(visit_id: int) -> ResponseReturnValue:
    """The draft with its edit form, history and downloads; POST saves or regenerates."""
    # ?lang= is the language of this page's screen; ?draft= the language of the draft shown.
    visit, lang = _visit_and_lang(visit_id, output_language("draft"))
    if request.method == "POST" and not current_user.can_write:
        abort(403)
    form, regenerate, status = NewsForm(), RegenerateForm(), 200
    if request.method == "POST" and request.form.get("action") == "regenerate":
        if regenerate.validate_on_submit():
            if regenerate.confirmed.data == "yes" or latest_revision(visit.id, lang) is None:
                save_revision(visit.id, lang, generated_text(visit, lang), current_user.id)
                flash(_("The draft was generated again from the visit's data."))
                return redirect(url_for("web.show_news", visit_id=visit.id, draft=lang))
            return render_template("web/news_regenerate.html", visit=visit, lang=lang,
                                   regenerate=regenerate)
        status = 400
    elif request.method == "POST":
        if form.validate_on_submit():
            if (form.base_revision.data or "") != _revision_id(visit.id, lang):
                form.body.errors = [_("Someone saved this draft meanwhile: reload the page, "
                                      "then apply your changes again.")]
                status = 409
            else:
                text = DraftText(title=form.title.data or "", body=form.body.data or "",
                                 captions=caption_lines(form.captions.data))
                save_revision(visit.id, lang, text, current_user.id)
                flash(_("Your edits were saved."))
                return redirect(url_for("web.show_news", visit_id=visit.id, draft=lang))
        else:
            status = 422
    text = current_text(visit, lang)
    if request.method == "GET":
        form.title.data, form.body.data = text.title, text.body
        form.captions.data = "\n".join(text.captions)
        form.base_revision.data = _revision_id(visit.id, lang)
    return render_template(
        "web/news.html", visit=visit, lang=lang, languages=LANGUAGES, text=text,
        preview=body_html(text), form=form, regenerate=regenerate,
        history=revisions(visit.id, lang), formats=NEWS_MEDIA_TYPES,
    ), status


@login_required
def export_news(visit_id: int, format: str) -> Response:
    """The current draft (saved edits, else generated) as Markdown, HTML or Word."""
    visit, lang = _visit_and_lang(visit_id, output_language() or output_language("draft"))
    if format not in NEWS_MEDIA_TYPES:
        abort(404)
    filename = f"news-{visit.id}-{lang}.{format}"
    captions = request.args.get("captions") != "0"
    data = export(current_text(visit, lang), format, lang, captions, word_options(visit, lang))
    return attachment(data, NEWS_MEDIA_TYPES[format], filename)
