"""The visit's practical side: journeys, stays at hotels and contacts on duty."""

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from visitplanner.extensions import Model, db
from visitplanner.models.base import Audience, Versioned, one_of
from visitplanner.models.directory import Venue
from visitplanner.models.visits import Delegate, Visit
from visitplanner.planning.vocabulary import JOURNEY_DIRECTIONS, JOURNEY_MODES

journey_delegates = Table(
    "journey_delegates",
    db.metadata,
    Column("journey_id", ForeignKey("journeys.id", ondelete="CASCADE"), primary_key=True),
    Column("delegate_id", ForeignKey("delegates.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)

stay_delegates = Table(
    "stay_delegates",
    db.metadata,
    Column("stay_id", ForeignKey("stays.id", ondelete="CASCADE"), primary_key=True),
    Column("delegate_id", ForeignKey("delegates.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class Journey(Audience, Versioned, Model):
    """An arrival or departure; each end's time is a wall-clock time of its own zone."""

    __tablename__ = "journeys"
    __table_args__ = (
        one_of("direction", JOURNEY_DIRECTIONS, "direction"),
        one_of("mode", JOURNEY_MODES, "mode"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    direction: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str] = mapped_column(String(20), default="other")
    reference: Mapped[str | None] = mapped_column(String(60))
    from_place: Mapped[str | None] = mapped_column(String(200))
    to_place: Mapped[str | None] = mapped_column(String(200))
    departs_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False))
    departure_timezone: Mapped[str] = mapped_column(String(64))
    arrives_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False))
    arrival_timezone: Mapped[str] = mapped_column(String(64))
    meeting_point: Mapped[str | None] = mapped_column(String(300))
    met_by: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    # True: the whole delegation travels; False: only `chosen_delegates`.
    whole_delegation: Mapped[bool] = mapped_column(default=True)
    translations: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    visit: Mapped[Visit] = relationship(back_populates="journeys")
    chosen_delegates: Mapped[list[Delegate]] = relationship(
        secondary=journey_delegates, order_by=Delegate.id
    )


class Stay(Audience, Versioned, Model):
    """Nights at a hotel (a venue) from check-in to check-out."""

    __tablename__ = "stays"
    __table_args__ = (CheckConstraint("check_out > check_in", name="check_out_after_check_in"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    # RESTRICT: a venue that is someone's hotel cannot be deleted from under the stay.
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id", ondelete="RESTRICT"),
                                          index=True)
    check_in: Mapped[dt.date] = mapped_column(Date)
    check_out: Mapped[dt.date] = mapped_column(Date)
    booking_reference: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)
    whole_delegation: Mapped[bool] = mapped_column(default=True)
    translations: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    visit: Mapped[Visit] = relationship(back_populates="stays")
    venue: Mapped[Venue] = relationship()
    chosen_delegates: Mapped[list[Delegate]] = relationship(
        secondary=stay_delegates, order_by=Delegate.id
    )


class Contact(Versioned, Model):
    """Someone to call during the visit: protocol officer, driver, embassy, ..."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(254))
    available: Mapped[str | None] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(default=0)
    translations: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    visit: Mapped[Visit] = relationship(back_populates="contacts")
