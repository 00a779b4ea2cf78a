"""Links a page prints many of, apart from the edit pages' machinery (the personal page needs
them without the forms and the API's schemas those pages load)."""
from __future__ import annotations

from typing import Any

from flask import url_for

from visitplanner.models.base import MAX_ID


def row_url(endpoint: str, key: str, **values: Any) -> str:
    """The URL of `endpoint` with '{id}' where a row's id goes (`key`): built once for a page
    that links hundreds of rows, filled per row with str.format (url_for is the slow part)."""
    values[key] = MAX_ID
    before, _, after = url_for(endpoint, **values).rpartition(str(MAX_ID))
    return f"{before}{{id}}{after}"
