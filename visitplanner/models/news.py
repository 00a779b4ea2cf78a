"""Saved news drafts: every save of a visit's draft in one language is a new revision row."""

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from visitplanner.extensions import Model
from visitplanner.models.base import one_of, utcnow
from visitplanner.models.users import User
from visitplanner.planning.vocabulary import LANGUAGES


class NewsDraft(Model):
    """One revision of an edited news draft; the latest of a visit and language is the current one.

    Rows are only ever inserted, never updated, so they need no `version` column: a stale edit is
    caught by comparing the revision the editor started from with the latest one.
    """

    __tablename__ = "news_drafts"
    __table_args__ = (one_of("lang", LANGUAGES, "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    # The language of the text, as everywhere a stored text has one (the column keeps its name).
    language: Mapped[str] = mapped_column("lang", String(2))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    # Photo captions, one per line: a block of their own that exports may leave out.
    captions: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    author: Mapped[User | None] = relationship()
