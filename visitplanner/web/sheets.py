"""Browser downloads of the sheets for drivers, caterers, reception and security."""
from __future__ import annotations

from flask import Response, abort
from flask_login import login_required

from visitplanner.core.printouts import asked_language
from visitplanner.core.sheets import sheet_file
from visitplanner.outputs.filenames import content_disposition


@login_required
def export_sheet(visit_id: int, kind: str, fmt: str) -> Response:
    """One sheet as .xlsx or PDF, in ?lang= or the visit's content language."""
    try:
        lang = asked_language()
    except ValueError:
        abort(400)
    found = sheet_file(visit_id, kind, fmt, lang)
    if found is None:
        abort(404)
    response = Response(found.data, mimetype=found.media_type)
    response.headers["Content-Disposition"] = content_disposition(found.filename)
    return response
