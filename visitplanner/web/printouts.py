"""Browser downloads of the printouts: the programme, a personal programme, the badges."""
from __future__ import annotations

from flask import Response, abort
from flask_login import login_required

from visitplanner.core.printouts import (
    Printout,
    asked_language,
    delegate_printout,
    send_printout,
    visit_printout,
)


def _language() -> str | None:
    try:
        return asked_language()
    except ValueError:
        abort(400)


def _send(printout: Printout | None) -> Response:
    if printout is None:
        abort(404)
    return send_printout(printout)


@login_required
def export_programme_pdf(visit_id: int) -> Response:
    """The visit's programme as PDF, in ?lang= or the visit's content language."""
    return _send(visit_printout(visit_id, _language()))


@login_required
def export_delegate_programme_pdf(delegate_id: int) -> Response:
    """A delegate's personal programme as PDF, in their language unless ?lang= says otherwise."""
    return _send(delegate_printout(delegate_id, _language()))


@login_required
def export_badges_pdf(visit_id: int) -> Response:
    """Name badges and table tent cards as PDF."""
    return _send(visit_printout(visit_id, _language(), badges=True))
