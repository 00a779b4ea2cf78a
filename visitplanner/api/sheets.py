"""API handlers of the sheets: delegation, transport, catering and access as .xlsx and PDF."""
from __future__ import annotations

from collections.abc import Callable

from flask import Response

from visitplanner.api.errors import ApiError
from visitplanner.api.framework import Route
from visitplanner.api.printouts import LANG_QUERY, _language
from visitplanner.core.sheets import MEDIA_TYPES, SHEET_FORMATS, sheet_file
from visitplanner.outputs.filenames import content_disposition
from visitplanner.outputs.sheets import SHEET_KINDS


def _export_sheet(kind: str, fmt: str) -> Callable[[int], Response]:
    """The handler of one sheet in one format (API path parameters are ids only)."""

    def export_sheet(visit_id: int) -> Response:
        found = sheet_file(visit_id, kind, fmt, _language())
        if found is None:
            raise ApiError(404, f"No visit with id {visit_id}.")
        response = Response(found.data, mimetype=found.media_type)
        response.headers["Content-Disposition"] = content_disposition(found.filename)
        return response

    export_sheet.__name__ = f"export_{kind}_sheet_{fmt}"
    export_sheet.__doc__ = f"The {kind} sheet of a visit ({fmt})."
    return export_sheet


SHEET_ROUTES = [
    Route("GET", f"/visits/<int:visit_id>/sheets/{kind}.{fmt}", _export_sheet(kind, fmt),
          f"The {kind} sheet ({fmt})", media_type=MEDIA_TYPES[fmt], query=LANG_QUERY)
    for kind in SHEET_KINDS for fmt in SHEET_FORMATS
]
