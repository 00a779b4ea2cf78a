"""JSON errors of the API: {"error": {"code", "message", "fields"}}."""
from __future__ import annotations

from typing import TYPE_CHECKING

from flask import Response, jsonify

if TYPE_CHECKING:  # the app's error pages use this module; pydantic loads with the API's calls
    from pydantic import ValidationError

STATUS_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 409: "conflict", 410: "gone", 413: "payload_too_large",
    415: "unsupported_media_type", 422: "validation_error", 428: "precondition_required",
    429: "too_many_requests", 500: "internal_error", 503: "service_unavailable",
}


class ApiError(Exception):
    """An error answer; raise it anywhere inside an API handler."""

    def __init__(self, status: int, message: str,
                 fields: dict[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.fields = fields or {}


def error_response(status: int, message: str,
                   fields: dict[str, list[str]] | None = None) -> Response:
    """Build the JSON error body the API contract describes."""
    error = {"code": STATUS_CODES.get(status, "error"), "message": message,
             "fields": fields or {}}
    response = jsonify({"error": error})
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="visitplanner"'
    return response


MAX_FIELD_ERRORS = 50  # a body of 300,000 bad keys gets a short answer, not one per key


def field_errors(exc: ValidationError) -> dict[str, list[str]]:
    """Map pydantic's errors to {field: [messages]}, naming nested fields with dots."""
    fields: dict[str, list[str]] = {}
    for err in exc.errors(include_url=False)[:MAX_FIELD_ERRORS]:
        location = [str(part) for part in err["loc"]]
        name = ".".join(location) or "body"
        message = err["msg"]
        if err["type"] == "value_error" and message.startswith("Value error, "):
            message = message.removeprefix("Value error, ")
        fields.setdefault(name, []).append(message)
    return fields


def validation_error(fields: dict[str, list[str]]) -> ApiError:
    """A 422 naming each bad field."""
    names = ", ".join(sorted(fields))
    return ApiError(422, f"Some fields are not valid: {names}.", fields)
