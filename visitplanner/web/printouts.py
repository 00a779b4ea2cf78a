"""Browser downloads of the printouts: the programme, a personal programme, the badges."""
from __future__ import annotations

from flask import Response, abort, render_template
from flask_login import login_required

from visitplanner.core.printouts import (
    Printout,
    PrintoutPending,
    delegate_printout,
    printout_pdf,
    visit_printout,
)
from visitplanner.edge import output_language, send_cached


def _send(printout: Printout | None) -> Response:
    if printout is None:
        abort(404)
    try:
        return send_cached(printout.etag, "application/pdf", printout.filename,
                           lambda: printout_pdf(printout))
    except PrintoutPending as pending:
        page = render_template("web/printout_pending.html", retry_after=pending.retry_after)
        response = Response(page, 503, mimetype="text/html")
        response.headers["Retry-After"] = str(pending.retry_after)
        return response


@login_required
def export_programme_pdf(visit_id: int) -> Response:
    """The visit's programme as PDF, in ?lang= or the visit's content language."""
    return _send(visit_printout(visit_id, output_language()))


@login_required
def export_delegate_programme_pdf(delegate_id: int) -> Response:
    """A delegate's personal programme as PDF, in their language unless ?lang= says otherwise."""
    return _send(delegate_printout(delegate_id, output_language()))


@login_required
def export_badges_pdf(visit_id: int) -> Response:
    """Name badges and table tent cards as PDF."""
    return _send(visit_printout(visit_id, output_language(), badges=True))
