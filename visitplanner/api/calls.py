"""What every API call does around its handler: authenticate, check the role, parse the body,
shape the answer. Imported at the first call, with pydantic and the handler's module."""
from __future__ import annotations

import json
from typing import Any

from flask import Response, g, jsonify, request
from pydantic import BaseModel, TypeAdapter, ValidationError

from visitplanner.api.errors import ApiError, error_response, field_errors, validation_error
from visitplanner.api.framework import Route
from visitplanner.core.accounts import user_for_token
from visitplanner.lazy_imports import resolve

MAX_JSON_BYTES = 1024 * 1024  # no resource comes near; larger bodies get 413 unread


def current_user_from_token() -> Any:
    """Return the user of the request's bearer token, or answer 401."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    user = user_for_token(token.strip()) if scheme.lower() == "bearer" and token.strip() else None
    if user is None:
        raise ApiError(401, "A valid API token is required: send 'Authorization: Bearer <token>'.")
    return user


def parse_body(model: type[BaseModel]) -> BaseModel:
    """Parse and validate the JSON body: 400 when it is not JSON, 422 naming bad fields."""
    if (request.content_length or 0) > MAX_JSON_BYTES:
        raise ApiError(413, f"The request body is larger than {MAX_JSON_BYTES} bytes.")
    raw = request.get_data(cache=True)
    if not raw.strip():
        payload: Any = {}
    else:
        try:
            payload = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ApiError(400, f"The request body is not valid JSON: {exc}.") from exc
        except RecursionError as exc:
            raise ApiError(400, "The request body nests too deeply.") from exc
    if not isinstance(payload, dict):
        raise ApiError(422, "The request body must be a JSON object.",
                       {"body": ["Expected an object."]})
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise validation_error(field_errors(exc)) from exc
    except RecursionError as exc:
        raise ApiError(400, "The request body nests too deeply.") from exc


def _serialise(route: Route, result: Any) -> Response:
    if isinstance(result, Response):
        return result
    if route.response is None:
        empty = Response(status=route.status)
        del empty.headers["Content-Type"]  # 204 has no body, so no media type either
        return empty
    data = TypeAdapter(resolve(route.response)).dump_python(result, mode="json")
    response = jsonify(data)
    response.status_code = route.status
    return response


def answer(route: Route, path: dict[str, Any]) -> Response:
    """Call the route's handler with the path's values (and the parsed body) as its answer."""
    try:
        g.api_user = current_user_from_token()
        if route.writes and not g.api_user.can_write:
            raise ApiError(403, "Your role may read but not change data.")
        if route.body is not None:
            path["body"] = parse_body(resolve(route.body))
        return _serialise(route, route.handler(**path))
    except ApiError as exc:
        return error_response(exc.status, exc.message, exc.fields)
