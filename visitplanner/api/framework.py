"""Routes of the API: each one declares its schemas once, for validation, output and OpenAPI."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from flask import Blueprint, Response

from visitplanner.lazy_imports import Lazy

if TYPE_CHECKING:
    from pydantic import BaseModel

# What each call does around its handler (api.calls), imported with pydantic at the first call.
_answer = Lazy("visitplanner.api.calls", "answer")


@dataclass(frozen=True)
class Route:
    """One API operation: method, URL rule, handler and the schemas of its body and answer.

    The table passes the handler and the schemas as lazy_imports references to their modules;
    api.calls and api.openapi resolve them when a call or the OpenAPI document needs them.
    """

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


def make_view(route: Route) -> Callable[..., Response]:
    """The route's view: authenticate, check the role, parse the body, shape the answer."""

    def view(**path: int) -> Response:
        response: Response = _answer(route, path)
        return response

    view.__name__ = route.handler.__name__
    return view


def register_routes(blueprint: Blueprint, routes: list[Route]) -> None:
    """Add every route's URL rule to the blueprint."""
    for route in routes:
        blueprint.add_url_rule(route.rule, endpoint=route.handler.__name__,
                               view_func=make_view(route), methods=[route.method])
