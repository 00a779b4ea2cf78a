"""One-time tokens of create forms: a replayed POST finds its token used and adds nothing."""

import datetime as dt
import secrets

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from visitplanner.extensions import Model
from visitplanner.models.base import utcnow


class UsedFormToken(Model):
    """A create form's token, stored in the same commit as what the form created."""

    __tablename__ = "used_form_tokens"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    used_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def new_form_token() -> str:
    """A fresh token for a form about to be shown."""
    return secrets.token_urlsafe(24)
