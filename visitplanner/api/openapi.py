"""Build the OpenAPI 3.1 document from the route table and the pydantic schemas."""
from __future__ import annotations

import re
from typing import Any

from pydantic import TypeAdapter
from pydantic.json_schema import JsonSchemaMode

from visitplanner.api.framework import Route
from visitplanner.lazy_imports import resolve

REF = "#/components/schemas/{model}"
ERROR_SCHEMA = {
    "type": "object", "required": ["error"],
    "properties": {"error": {
        "type": "object", "required": ["code", "message", "fields"],
        "properties": {
            "code": {"type": "string"}, "message": {"type": "string"},
            "fields": {"type": "object",
                       "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        },
    }},
}
ERRORS = {"400": "Malformed JSON", "401": "No valid token", "403": "Your role may not do this",
          "404": "Not found", "409": "Stale version or conflicting data",
          "415": "The body is not of a media type the operation takes",
          "422": "Validation failed; `fields` names each bad field"}


def _path(rule: str) -> tuple[str, list[str]]:
    names = re.findall(r"<(?:\w+:)?(\w+)>", rule)
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule), names


# One schema pydantic is asked for: (key, mode, adapter).
Wanted = tuple[tuple[int, str], JsonSchemaMode, TypeAdapter[Any]]


def _schemas(routes: list[Route]) -> tuple[dict[tuple[int, str], Any], dict[str, Any]]:
    """Every body and answer schema in one pass, so pydantic names shared models consistently."""
    inputs: list[Wanted] = [((n, "body"), "validation", TypeAdapter(resolve(r.body)))
                            for n, r in enumerate(routes) if r.body is not None]
    outputs: list[Wanted] = [((n, "response"), "serialization", TypeAdapter(resolve(r.response)))
                             for n, r in enumerate(routes) if r.response is not None]
    schemas, top = TypeAdapter.json_schemas([*inputs, *outputs], ref_template=REF)
    return {key: schema for (key, _mode), schema in schemas.items()}, top.get("$defs", {})


def _operation(route: Route, body: Any, answer_schema: Any) -> dict[str, Any]:
    path, names = _path(route.rule)
    operation: dict[str, Any] = {
        "operationId": route.handler.__name__, "summary": route.summary,
        "tags": [path.strip("/").split("/")[0]],
        "parameters": [{"name": n, "in": "path", "required": True,
                        "schema": {"type": "integer", "minimum": 1}} for n in names],
        "responses": {code: {"description": text, "content": {
            "application/json": {"schema": {"$ref": REF.format(model="Error")}}}}
            for code, text in ERRORS.items()},
    }
    if body is not None:
        operation["requestBody"] = {"required": route.method in ("POST", "PUT"),
                                    "content": {"application/json": {"schema": body}}}
    if route.body_media_types:
        operation["requestBody"] = {"required": True, "content": {
            media_type: {"schema": {"type": "string", "format": "binary"}}
            for media_type in route.body_media_types}}
    if route.method == "DELETE":
        operation["parameters"].append({"name": "If-Match", "in": "header", "required": False,
                                        "schema": {"type": "string"}})
    operation["parameters"] += [{"name": name, "in": "query", "required": False, "schema": schema}
                                for name, schema in route.query.items()]
    answer: dict[str, Any] = {"description": route.summary}
    if answer_schema is not None:
        answer["content"] = {route.media_type: {"schema": answer_schema}}
    elif route.media_type != "application/json":
        answer["content"] = {route.media_type: {"schema": {"type": "string"}}}
    for media_type in route.other_media_types:
        answer.setdefault("content", {})[media_type] = {"schema": {"type": "string"}}
    for status in (route.status, *route.other_statuses):
        operation["responses"][str(status)] = dict(answer)
    return operation


def _links(routes: list[Route]) -> dict[str, dict[str, Any]]:
    """OpenAPI links from each create operation to every operation that takes the new row's id
    (POST /visits -> GET /visits/{visit_id}, POST /visits/{visit_id}/items, ...), so clients and
    stateful tests can follow real ids."""
    keys = {route.rule.rsplit("/", 1)[0].lstrip("/"): names[-1] for route in routes
            for _, names in [_path(route.rule)] if route.method == "GET" and names
            and route.rule.endswith(f"<id:{names[-1]}>") and route.rule.count("<") == 1}
    links: dict[str, dict[str, Any]] = {}
    for route in routes:
        plural = route.rule.rsplit("/", 1)[1]
        key = keys.get(plural) if route.method == "POST" and route.status == 201 else None
        if key is None:
            continue
        links[route.handler.__name__] = {
            target.handler.__name__: {"operationId": target.handler.__name__,
                                      "parameters": {key: "$response.body#/id"}}
            for target in routes if key in _path(target.rule)[1]}
    return links


def build_openapi(routes: list[Route]) -> dict[str, Any]:
    """Return the whole document: every route, every schema, bearer authentication."""
    schemas, defs = _schemas(routes)
    defs["Error"] = ERROR_SCHEMA
    links = _links(routes)
    paths: dict[str, dict[str, Any]] = {}
    for n, route in enumerate(routes):
        path, _ = _path(route.rule)
        operation = _operation(route, schemas.get((n, "body")), schemas.get((n, "response")))
        if route.handler.__name__ in links:
            operation["responses"][str(route.status)]["links"] = links[route.handler.__name__]
        paths.setdefault("/api/v1" + path, {})[route.method.lower()] = operation
    return {
        "openapi": "3.1.0",
        "info": {"title": "visitplanner API", "version": "1.0.0",
                 "description": "Plan official delegation visits."},
        "paths": paths,
        "components": {"schemas": defs, "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer"}}},
        "security": [{"bearer": []}],
    }


