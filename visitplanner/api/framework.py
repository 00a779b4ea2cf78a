"""Routes of the API: each one declares its schemas once, for validation, output and OpenAPI."""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, Response, g, jsonify, request
from pydantic import BaseModel, TypeAdapter, ValidationError

from visitplanner.api.errors import ApiError, error_response, field_errors, validation_error
from visitplanner.core.accounts import user_for_token
from visitplanner.planning.vocabulary import LANGUAGES

# The ?lang= of every output route (PDF, .ics, news, conflicts), read by edge.output_language.
LANG_QUERY: dict[str, dict[str, Any]] = {"lang": {
    "type": "string", "enum": list(LANGUAGES),
    "description": "Language of the output; the visit's content language (a delegate's own for "
                   "personal outputs) when left out. Any other value: 422 naming `lang`."}}
MAX_JSON_BYTES = 1024 * 1024  # no resource comes near; larger bodies get 413 unread


@dataclass(frozen=True)
class Route:
    """One API operation: method, URL rule, handler and the schemas of its body and answer."""

    method: str
    rule: str
    handler: Callable[..., Any]
    summary: str
    body: type[BaseModel] | None = None
    # Media types of a body that is not JSON (an image): the handler reads it itself.
    body_media_types: tuple[str, ...] = ()
    # A model or list[model] for JSON; None with a JSON media type means 204 No Content.
    # Handlers of other media types (PDF, .ics, ...) return a flask Response themselves.
    response: Any = None
    status: int = 200
    # Further success statuses with the same answer (a dry run's 200 beside a creation's 201).
    other_statuses: tuple[int, ...] = ()
    media_type: str = "application/json"
    # Further media types the same answer may come in, chosen by a query parameter (e.g. format=).
    other_media_types: tuple[str, ...] = ()
    query: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> JSON schema
    own_account: bool = False  # acts on the caller's own account only: every role may call it

    @property
    def writes(self) -> bool:
        """Whether the route changes data (viewers may not call it)."""
        return self.method != "GET" and not self.own_account


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
    data = TypeAdapter(route.response).dump_python(result, mode="json")
    response = jsonify(data)
    response.status_code = route.status
    return response


def make_view(route: Route) -> Callable[..., Response]:
    """Wrap a handler: authenticate, check the role, parse the body, shape the answer."""

    def view(**path: int) -> Response:
        try:
            g.api_user = current_user_from_token()
            if route.writes and not g.api_user.can_write:
                raise ApiError(403, "Your role may read but not change data.")
            if route.body is not None:
                path["body"] = parse_body(route.body)  # type: ignore[assignment]
            return _serialise(route, route.handler(**path))
        except ApiError as exc:
            return error_response(exc.status, exc.message, exc.fields)

    view.__name__ = route.handler.__name__
    return view


def register_routes(blueprint: Blueprint, routes: list[Route]) -> None:
    """Add every route's URL rule to the blueprint."""
    for route in routes:
        blueprint.add_url_rule(route.rule, endpoint=route.handler.__name__,
                               view_func=make_view(route), methods=[route.method])
