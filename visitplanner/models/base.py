"""Column mixins shared by the models."""

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import CheckConstraint, DateTime, String, Text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

# The largest id an INTEGER column holds on every database: larger ones must miss, not fail.
MAX_ID = 2**31 - 1


def utcnow() -> dt.datetime:
    """Return the current time in UTC."""
    return dt.datetime.now(dt.UTC)


def one_of(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    """Return a CHECK constraint that keeps a text column within its vocabulary."""
    allowed = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=name)


class Versioned:
    """An integer `version` that SQLAlchemy raises on every UPDATE (optimistic locking)."""

    version: Mapped[int] = mapped_column(nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:
        return {"version_id_col": cls.version}

    def touch(self) -> None:
        """Mark the row changed, so a change to its links alone still raises the version."""
        self.updated_at = utcnow()


class Claimable:
    """The columns of a row the worker claims, works on, and retries with back-off."""

    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # A worker claims rows before working on them; a claim lapses, so a crashed worker's rows
    # are taken up again.
    claimed_by: Mapped[str | None] = mapped_column(String(32))
    claimed_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class Audience:
    """Who an item, journey or stay is for: the whole delegation or the chosen delegates."""

    if TYPE_CHECKING:
        whole_delegation: bool
        chosen_delegates: list[Any]

    @property
    def delegate_ids(self) -> list[int] | None:
        """None for the whole delegation, else the chosen delegates' ids."""
        if self.whole_delegation:
            return None
        return [delegate.id for delegate in self.chosen_delegates]
