"""Browser downloads of the sheets for drivers, caterers, reception and security."""
from __future__ import annotations

from flask import Response, abort
from flask_login import login_required

from visitplanner.core.sheets import sheet_file
from visitplanner.edge import attachment, output_language


@login_required
def export_sheet(visit_id: int, kind: str, fmt: str) -> Response:
    """One sheet as .xlsx or PDF, in ?lang= or the visit's content language."""
    found = sheet_file(visit_id, kind, fmt, output_language())
    if found is None:
        abort(404)
    return attachment(found.data, found.media_type, found.filename)
