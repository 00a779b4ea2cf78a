"""API handlers of the sheets: delegation, transport, catering and access as .xlsx and PDF."""
from __future__ import annotations

from flask import Response

from visitplanner.api.errors import ApiError
from visitplanner.core.sheets import sheet_file
from visitplanner.edge import attachment, output_language


def _send(visit_id: int, kind: str, fmt: str) -> Response:
    found = sheet_file(visit_id, kind, fmt, output_language())
    if found is None:
        raise ApiError(404, f"No visit with id {visit_id}.")
    return attachment(found.data, found.media_type, found.filename)


def export_delegation_sheet_xlsx(visit_id: int) -> Response:
    """The delegation sheet of a visit (xlsx)."""
    return _send(visit_id, "delegation", "xlsx")


def export_delegation_sheet_pdf(visit_id: int) -> Response:
    """The delegation sheet of a visit (pdf)."""
    return _send(visit_id, "delegation", "pdf")


def export_transport_sheet_xlsx(visit_id: int) -> Response:
    """The transport sheet of a visit (xlsx)."""
    return _send(visit_id, "transport", "xlsx")


def export_transport_sheet_pdf(visit_id: int) -> Response:
    """The transport sheet of a visit (pdf)."""
    return _send(visit_id, "transport", "pdf")


def export_catering_sheet_xlsx(visit_id: int) -> Response:
    """The catering sheet of a visit (xlsx)."""
    return _send(visit_id, "catering", "xlsx")


def export_catering_sheet_pdf(visit_id: int) -> Response:
    """The catering sheet of a visit (pdf)."""
    return _send(visit_id, "catering", "pdf")


def export_access_sheet_xlsx(visit_id: int) -> Response:
    """The access sheet of a visit (xlsx)."""
    return _send(visit_id, "access", "xlsx")


def export_access_sheet_pdf(visit_id: int) -> Response:
    """The access sheet of a visit (pdf)."""
    return _send(visit_id, "access", "pdf")
