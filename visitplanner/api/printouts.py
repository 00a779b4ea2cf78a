"""API handlers of the printouts: programme, personal programme and badges as PDF."""
from __future__ import annotations

from flask import Response

from visitplanner.api.errors import ApiError, error_response
from visitplanner.core.printouts import (
    Printout,
    PrintoutPending,
    delegate_printout,
    printout_pdf,
    visit_printout,
)
from visitplanner.edge import output_language, send_cached


def _send(printout: Printout | None, missing: str) -> Response:
    if printout is None:
        raise ApiError(404, missing)
    try:
        return send_cached(printout.etag, "application/pdf", printout.filename,
                           lambda: printout_pdf(printout))
    except PrintoutPending as pending:
        response = error_response(503, str(pending))
        response.headers["Retry-After"] = str(pending.retry_after)
        return response


def export_programme_pdf(visit_id: int) -> Response:
    """The printable programme of a visit."""
    return _send(visit_printout(visit_id, output_language()), f"No visit with id {visit_id}.")


def export_delegate_programme_pdf(delegate_id: int) -> Response:
    """One delegate's personal programme, in their language unless ?lang= says otherwise."""
    return _send(delegate_printout(delegate_id, output_language()),
                 f"No delegate with id {delegate_id}.")


def export_badges_pdf(visit_id: int) -> Response:
    """Name badges and table cards of every delegate and key figure."""
    printout = visit_printout(visit_id, output_language(), badges=True)
    return _send(printout, f"No visit with id {visit_id}.")
