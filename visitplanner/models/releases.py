"""Releases of a programme, delegates' answers per item, and installation-wide settings."""

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from visitplanner.extensions import Model
from visitplanner.models.base import one_of, utcnow

RELEASE_MODES = ("changes", "full")
RESPONSES = ("accepted", "declined")


class Release(Model):
    """A numbered, published state of a visit's programme: a snapshot people were told about."""

    __tablename__ = "releases"
    __table_args__ = (UniqueConstraint("visit_id", "number"),
                      one_of("mode", RELEASE_MODES, "mode"))

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    mode: Mapped[str] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)
    # Items (and the practical side) as published: what the next release is compared with.
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Replies to the release's messages go to the organiser who published it.
    reply_to: Mapped[str | None] = mapped_column(String(254))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ItemResponse(Model):
    """A delegate's answer to one item of their programme."""

    __tablename__ = "item_responses"
    __table_args__ = (one_of("response", RESPONSES, "response"),)

    delegate_id: Mapped[int] = mapped_column(
        ForeignKey("delegates.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True, index=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    response: Mapped[str] = mapped_column(String(10))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                            onupdate=utcnow)


class Setting(Model):
    """A value fixed once for the whole installation (e.g. the calendar domain of UIDs)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
