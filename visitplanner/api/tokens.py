"""API handlers of the caller's own tokens: list them, revoke one."""
from __future__ import annotations

import datetime as dt
from typing import Annotated

from flask import g
from pydantic import AfterValidator

from visitplanner.api.errors import ApiError
from visitplanner.api.types import ReadModel
from visitplanner.core.accounts import as_utc, list_tokens, revoke_token

Moment = Annotated[dt.datetime, AfterValidator(as_utc)]  # always with its UTC offset


class Token(ReadModel):
    """One of the caller's API tokens; the secret itself is never shown again."""

    id: int
    name: str | None
    created_at: Moment
    last_used_at: Moment | None
    expires_at: Moment | None


def list_api_tokens() -> list[Token]:
    """The caller's tokens that still work, newest first."""
    return [Token.model_validate(token) for token in list_tokens(g.api_user)]


def delete_api_token(token_id: int) -> None:
    """Revoke one of the caller's tokens at once (the one in use too)."""
    if not revoke_token(g.api_user, token_id):
        raise ApiError(404, f"You hold no token with id {token_id}.")
