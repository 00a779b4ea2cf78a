"""Programme items, their speakers and their audience."""

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Column, DateTime, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from visitplanner.extensions import Model, db
from visitplanner.models.base import Audience, Versioned, one_of
from visitplanner.models.directory import Organisation, Person, Venue
from visitplanner.models.visits import Delegate, Visit
from visitplanner.planning.vocabulary import ITEM_KINDS, ITEM_STATUSES

item_delegates = Table(
    "item_delegates",
    db.metadata,
    Column("item_id", ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("delegate_id", ForeignKey("delegates.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class Item(Audience, Versioned, Model):
    """One entry of the programme; times are wall-clock times of the visit's time zone."""

    __tablename__ = "items"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("sequence >= 0", name="sequence"),
        CheckConstraint("meeting_at IS NULL OR meeting_at <= starts_at", name="meeting_first"),
        one_of("kind", ITEM_KINDS, "kind"),
        one_of("status", ITEM_STATUSES, "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="session")
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False))
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=False))
    venue_id: Mapped[int | None] = mapped_column(
        ForeignKey("venues.id", ondelete="SET NULL"), index=True
    )
    host_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="confirmed")
    # True: the whole delegation attends; False: only `chosen_delegates`.
    whole_delegation: Mapped[bool] = mapped_column(default=True)
    # Raised when time, venue, title or status change; calendars read it as SEQUENCE.
    sequence: Mapped[int] = mapped_column(default=0)
    # The practical side: where and when to meet, what to wear, how to get there.
    meeting_point: Mapped[str | None] = mapped_column(String(300))
    meeting_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=False))
    dress_code: Mapped[str | None] = mapped_column(String(200))
    transport: Mapped[str | None] = mapped_column(String(300))
    interpreting: Mapped[str | None] = mapped_column(String(200))
    translations: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    visit: Mapped[Visit] = relationship(back_populates="items")
    venue: Mapped[Venue | None] = relationship()
    host_organisation: Mapped[Organisation | None] = relationship()
    speaker_links: Mapped[list["ItemSpeaker"]] = relationship(
        order_by="ItemSpeaker.position", cascade="all, delete-orphan"
    )
    chosen_delegates: Mapped[list[Delegate]] = relationship(
        secondary=item_delegates, order_by=Delegate.id
    )
    interpreter_links: Mapped[list["ItemInterpreter"]] = relationship(
        order_by="ItemInterpreter.position", cascade="all, delete-orphan"
    )

    @property
    def speakers(self) -> list[Person]:
        """The speakers, in the order the organiser gave."""
        return [link.person for link in self.speaker_links]

    @property
    def speaker_ids(self) -> list[int]:
        """The speakers' ids, in order."""
        return [link.person_id for link in self.speaker_links]

    @property
    def interpreters(self) -> list[Person]:
        """The interpreters, in the order the organiser gave."""
        return [link.person for link in self.interpreter_links]

    @property
    def interpreter_ids(self) -> list[int]:
        """The interpreters' ids, in order."""
        return [link.person_id for link in self.interpreter_links]


class ItemSpeaker(Model):
    """A host-side person speaking at an item, with their place in the list."""

    __tablename__ = "item_speakers"

    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"),
                                         primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"),
                                           primary_key=True, index=True)
    position: Mapped[int] = mapped_column(default=0)

    person: Mapped[Person] = relationship()


class ItemInterpreter(Model):
    """A host-side person interpreting at an item, with their place in the list."""

    __tablename__ = "item_interpreters"

    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"),
                                         primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"),
                                           primary_key=True, index=True)
    position: Mapped[int] = mapped_column(default=0)

    person: Mapped[Person] = relationship()
