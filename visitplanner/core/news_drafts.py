"""Reads and writes of news drafts: the saved revision wins over the generated text."""
from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from visitplanner.extensions import db
from visitplanner.models import NewsDraft
from visitplanner.outputs.news import DraftText, compose_news
from visitplanner.outputs.news_export import WordOptions
from visitplanner.planning.build import build_programme, translated


def revisions(visit_id: int, lang: str) -> list[NewsDraft]:
    """Every saved revision of a visit's draft in `lang`, latest first, with its author."""
    statement = (select(NewsDraft).where(NewsDraft.visit_id == visit_id, NewsDraft.lang == lang)
                 .options(joinedload(NewsDraft.author)).order_by(NewsDraft.id.desc()))
    return list(db.session.scalars(statement))


def latest_revision(visit_id: int, lang: str) -> NewsDraft | None:
    """The current saved revision, or None when nobody saved one."""
    statement = (select(NewsDraft).where(NewsDraft.visit_id == visit_id, NewsDraft.lang == lang)
                 .order_by(NewsDraft.id.desc()).limit(1))
    return db.session.scalar(statement)


def save_revision(visit_id: int, lang: str, text: DraftText, author_id: int | None) -> NewsDraft:
    """Store a new revision; earlier ones stay as history."""
    row = NewsDraft(visit_id=visit_id, lang=lang, title=text.title, body=text.body,
                    captions="\n".join(text.captions), author_id=author_id)
    db.session.add(row)
    db.session.commit()
    return row


def visit_today(visit: Any) -> dt.date:
    """Today's date where the visit takes place: it decides the draft's tense."""
    return dt.datetime.now(ZoneInfo(visit.timezone)).date()


def generated_text(visit: Any, lang: str) -> DraftText:
    """The draft written from the loaded visit's data, as of today."""
    return compose_news(build_programme(visit, lang), visit_today(visit))


def current_text(visit: Any, lang: str) -> DraftText:
    """The latest saved revision in `lang` when there is one, else the generated draft; the
    to-do of untranslated text always comes from the visit's data as it is now."""
    generated = generated_text(visit, lang)
    saved = latest_revision(visit.id, lang)
    if saved is None:
        return generated
    return DraftText(title=saved.title, body=saved.body, captions=caption_lines(saved.captions),
                     todo=generated.todo)


def caption_lines(text: str | None) -> tuple[str, ...]:
    """Captions as typed, one per line, without the empty lines."""
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def word_options(visit: Any, lang: str) -> WordOptions:
    """The Word file's author (the host) and language tag (DOCUMENT_LOCALES when configured)."""
    host = visit.host_organisation
    return WordOptions(author=translated(host, "name", lang) if host else None,
                       locale=current_app.config.get("DOCUMENT_LOCALES", {}).get(lang))
