"""API handlers of the printouts: programme, personal programme and badges as PDF."""
from __future__ import annotations

from flask import Response

from visitplanner.api.errors import ApiError, validation_error
from visitplanner.core.printouts import (
    Printout,
    asked_language,
    delegate_printout,
    send_printout,
    visit_printout,
)

LANG_QUERY = {"lang": {"type": "string", "enum": ["nl", "fr", "en"]}}


def _language() -> str | None:
    try:
        return asked_language()
    except ValueError as exc:
        raise validation_error({"lang": [str(exc)]}) from exc


def _send(printout: Printout | None, missing: str) -> Response:
    if printout is None:
        raise ApiError(404, missing)
    return send_printout(printout)


def export_programme_pdf(visit_id: int) -> Response:
    """The printable programme of a visit."""
    return _send(visit_printout(visit_id, _language()), f"No visit with id {visit_id}.")


def export_delegate_programme_pdf(delegate_id: int) -> Response:
    """One delegate's personal programme, in their language unless ?lang= says otherwise."""
    return _send(delegate_printout(delegate_id, _language()), f"No delegate with id {delegate_id}.")


def export_badges_pdf(visit_id: int) -> Response:
    """Name badges and table cards of every delegate and key figure."""
    printout = visit_printout(visit_id, _language(), badges=True)
    return _send(printout, f"No visit with id {visit_id}.")
