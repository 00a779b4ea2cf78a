"""Delegates as the API shows them: organisers also see the delegate's secret links."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import g

from visitplanner.api.crud import Resource
from visitplanner.api.types import ReadModel
from visitplanner.core import calendars


@dataclass(frozen=True)
class DelegateResource(Resource):
    """The delegate resource; `personal_url` and `calendar_feed_url` for those who may write."""

    def dump(self, row: Any) -> ReadModel:
        shown = super().dump(row)
        user = getattr(g, "api_user", None)
        if user is None or not user.can_write:
            return shown
        return shown.model_copy(update=calendars.delegate_links(row))
