"""A visit and what belongs to it alone: partners, key figures, delegates, quotes."""

import datetime as dt
import secrets
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, CheckConstraint, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from visitplanner.extensions import Model
from visitplanner.models.base import Versioned, one_of, utcnow
from visitplanner.models.directory import Organisation, Person
from visitplanner.planning.nationality import adjective_for
from visitplanner.planning.vocabulary import (
    CALENDAR_INVITES,
    DELEGATE_ROLES,
    GENDERS,
    LANGUAGES,
    VISIT_STATUSES,
)

if TYPE_CHECKING:
    from visitplanner.models.items import Item
    from visitplanner.models.practical import Contact, Journey, Stay


def new_link_key() -> str:
    """A fresh random key for a delegate's secret links (128 bits, 22 characters)."""
    return secrets.token_urlsafe(16)


class Visit(Versioned, Model):
    """One delegation's stay: dates, time zone, host, partners, purpose and focus."""

    __tablename__ = "visits"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="end_after_start"),
        one_of("status", VISIT_STATUSES, "status"),
        one_of("content_language", LANGUAGES, "content_language"),
        one_of("calendar_invites", CALENDAR_INVITES, "calendar_invites"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Brussels")
    content_language: Mapped[str] = mapped_column(String(2), default="nl")
    host_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    host_country: Mapped[str] = mapped_column(String(2), default="BE")
    delegation_country: Mapped[str | None] = mapped_column(String(2))
    delegation_adjective: Mapped[str | None] = mapped_column(String(100))
    delegation_description: Mapped[str | None] = mapped_column(String(200))
    visit_type: Mapped[str | None] = mapped_column(String(100))
    purpose: Mapped[str | None] = mapped_column(Text)
    focus: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    # None: the host country's emergency number (planning.practical.emergency_number_for).
    emergency_number: Mapped[str | None] = mapped_column(String(30))
    dress_code: Mapped[str | None] = mapped_column(String(200))
    practical_notes: Mapped[str | None] = mapped_column(Text)
    translations: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    calendar_invites: Mapped[str] = mapped_column(String(10), default="feed")

    host_organisation: Mapped[Organisation | None] = relationship()
    partner_links: Mapped[list["VisitPartner"]] = relationship(
        order_by="VisitPartner.position", cascade="all, delete-orphan"
    )
    key_figure_links: Mapped[list["KeyFigure"]] = relationship(
        order_by="KeyFigure.position", cascade="all, delete-orphan"
    )
    delegates: Mapped[list["Delegate"]] = relationship(
        back_populates="visit", order_by="Delegate.id", cascade="all, delete-orphan"
    )
    items: Mapped[list["Item"]] = relationship(
        back_populates="visit", order_by="Item.starts_at", cascade="all, delete-orphan"
    )
    quotes: Mapped[list["Quote"]] = relationship(
        back_populates="visit", order_by="Quote.id", cascade="all, delete-orphan"
    )
    journeys: Mapped[list["Journey"]] = relationship(
        back_populates="visit", order_by="(Journey.departs_at, Journey.id)",
        cascade="all, delete-orphan"
    )
    stays: Mapped[list["Stay"]] = relationship(
        back_populates="visit", order_by="(Stay.check_in, Stay.id)", cascade="all, delete-orphan"
    )
    contacts: Mapped[list["Contact"]] = relationship(
        back_populates="visit", order_by="(Contact.position, Contact.id)",
        cascade="all, delete-orphan"
    )

    @property
    def partners(self) -> list[Organisation]:
        """The partner organisations, in the order the organiser gave."""
        return [link.organisation for link in self.partner_links]

    @property
    def partner_organisation_ids(self) -> list[int]:
        """The partners' ids, in order."""
        return [link.organisation_id for link in self.partner_links]

    @property
    def delegation(self) -> dict[str, str | None]:
        """The delegation as the API shows it; without an adjective, the country gives one."""
        adjective = self.delegation_adjective or adjective_for(self.delegation_country,
                                                               self.content_language)
        return {"country": self.delegation_country, "adjective": adjective,
                "description": self.delegation_description}

    @property
    def key_figure_ids(self) -> list[int]:
        """The key figures' ids, in order."""
        return [link.person_id for link in self.key_figure_links]

    @property
    def key_figures(self) -> list[Person]:
        """The host-side people the news draft names as present."""
        return [link.person for link in self.key_figure_links]


class VisitPartner(Model):
    """A partner organisation of a visit, with its place in the list."""

    __tablename__ = "visit_partners"

    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(default=0)

    organisation: Mapped[Organisation] = relationship()


class KeyFigure(Model):
    """A host-side person present at a visit, with their place in the list."""

    __tablename__ = "visit_key_figures"

    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(default=0)

    person: Mapped[Person] = relationship()


class Delegate(Versioned, Model):
    """One member of the delegation, with a role."""

    __tablename__ = "delegates"
    __table_args__ = (
        one_of("role", DELEGATE_ROLES, "role"),
        CheckConstraint(
            "gender IS NULL OR gender IN ({})".format(", ".join(f"'{g}'" for g in GENDERS)),
            name="gender",
        ),
        CheckConstraint(
            "language IS NULL OR language IN ('nl', 'fr', 'en', 'de', 'uk')", name="language"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    # The name in Latin letters as the delegate's passport writes it, when `full_name` is in
    # another script; without it outputs transliterate.
    latin_name: Mapped[str | None] = mapped_column(String(200))
    honorific: Mapped[str | None] = mapped_column(String(60))
    # None: the outputs take it from the honorific when it tells ('mevrouw'), else neutral words.
    gender: Mapped[str | None] = mapped_column(String(10))
    function: Mapped[str | None] = mapped_column(String(200))
    organisation: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(2))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(50))
    language: Mapped[str | None] = mapped_column(String(2))
    role: Mapped[str] = mapped_column(String(20), default="member")
    dietary: Mapped[str | None] = mapped_column(String(300))
    accessibility: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    translations: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Signed into the delegate's older secret links; raising it revokes the old links.
    link_version: Mapped[int] = mapped_column(default=1)
    # The random, id-free key of the delegate's secret links; a new key revokes the old links.
    link_key: Mapped[str] = mapped_column(String(32), unique=True, default=new_link_key)
    # Links work until some days after the visit, or after this moment when issued later.
    link_issued_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    visit: Mapped[Visit] = relationship(back_populates="delegates")


class Quote(Versioned, Model):
    """A quote for the news draft, said by a host-side person or a named speaker."""

    __tablename__ = "quotes"
    __table_args__ = (
        CheckConstraint(
            "person_id IS NOT NULL OR speaker_name IS NOT NULL", name="has_speaker"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    speaker_name: Mapped[str | None] = mapped_column(String(200))
    speaker_function: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(2))

    visit: Mapped[Visit] = relationship(back_populates="quotes")
    person: Mapped[Person | None] = relationship()
