"""The JSON API blueprint (/api/v1): every route, its schemas and its handler, in one table."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from visitplanner.api import handlers as h
from visitplanner.api import schemas as s
from visitplanner.api.errors import error_response
from visitplanner.api.framework import Route, register_routes
from visitplanner.api.openapi import build_openapi
from visitplanner.api.resources import VersionBody

api = Blueprint("api", __name__, url_prefix="/api/v1")


def _crud(plural: str, singular: str, key: str, fields, patch, out, parent: str | None = None):
    """The five routes of a resource; rows of a visit are listed and created under it."""
    base = f"/visits/<int:visit_id>/{plural}" if parent else f"/{plural}"
    one = f"/{plural}/<int:{key}>"
    handler = lambda verb, noun: getattr(h, f"{verb}_{noun}")  # noqa: E731
    return [
        Route("GET", base, handler("list", plural), f"List {plural}", response=list[out]),
        Route("POST", base, handler("create", singular), f"Create a {singular}", body=fields,
              response=out, status=201),
        Route("GET", one, handler("get", singular), f"Read a {singular}", response=out),
        Route("PATCH", one, handler("update", singular), f"Change a {singular}", body=patch,
              response=out),
        Route("DELETE", one, handler("delete", singular), f"Delete a {singular}",
              body=VersionBody, status=204),
    ]


ROUTES: list[Route] = [
    *_crud("organisations", "organisation", "organisation_id", s.OrganisationFields,
           s.OrganisationPatch, s.Organisation),
    *_crud("people", "person", "person_id", s.PersonFields, s.PersonPatch, s.Person),
    *_crud("venues", "venue", "venue_id", s.VenueFields, s.VenuePatch, s.Venue),
    *_crud("visits", "visit", "visit_id", s.VisitFields, s.VisitPatch, s.Visit),
    *_crud("delegates", "delegate", "delegate_id", s.DelegateFields, s.DelegatePatch,
           s.Delegate, parent="visit"),
    *_crud("items", "item", "item_id", s.ItemFields, s.ItemPatch, s.Item, parent="visit"),
    *_crud("quotes", "quote", "quote_id", s.QuoteFields, s.QuotePatch, s.Quote, parent="visit"),
    Route("PUT", "/visits/<int:visit_id>/key-figures", h.replace_key_figures,
          "Set the key figures present", body=s.KeyFigures, response=s.KeyFigures),
    Route("GET", "/visits/<int:visit_id>/programme", h.get_programme,
          "The programme by day, in time order", response=s.Programme),
    Route("GET", "/visits/<int:visit_id>/conflicts", h.list_conflicts,
          "Conflicts a person must look at", response=list[s.Conflict]),
]
register_routes(api, ROUTES)


@api.get("/openapi.json")
def get_openapi() -> Response:
    """The OpenAPI 3.1 document, generated from the routes' own schemas."""
    return jsonify(build_openapi(ROUTES))


@api.app_errorhandler(HTTPException)
def answer_http_error(exc: HTTPException):
    """Answer routing errors (404, 405, ...) under /api in JSON; leave the web pages alone."""
    if request.path.startswith(api.url_prefix or "/api"):
        return error_response(exc.code or 500, exc.description or exc.name)
    return exc
