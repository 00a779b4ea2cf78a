"""The API's route table: every handler is named in it and defined by that name, typed; the
handlers and schemas it names by lazy reference are the modules' own."""
from __future__ import annotations

import inspect
import typing
from pathlib import Path

from pydantic import BaseModel

import visitplanner.api as api_package
from visitplanner.api import ROUTES
from visitplanner.lazy_imports import Lazy, resolve

TABLE = Path(api_package.__file__).read_text(encoding="utf-8")


def test_every_handler_is_found_by_grep_in_the_table_and_its_module() -> None:
    for route in ROUTES:
        name = route.handler.__name__
        assert f".{name}," in TABLE, f"{route.method} {route.rule}: {name} not in the table"
        handler = resolve(route.handler)
        assert handler.__name__ == name and handler.__module__ == route.handler.__module__
        source = Path(inspect.getfile(handler)).read_text(encoding="utf-8")
        assert f"\ndef {name}(" in source, f"{name} is not defined by its own name"


def test_every_handler_is_typed_and_documented() -> None:
    for route in ROUTES:
        handler = resolve(route.handler)
        signature = inspect.signature(handler)
        assert signature.return_annotation is not inspect.Signature.empty, handler
        for parameter in signature.parameters.values():
            assert parameter.annotation is not inspect.Parameter.empty, (handler, parameter)
        assert inspect.getdoc(handler), handler


def test_every_schema_of_the_table_is_a_model_of_its_module() -> None:
    for route in ROUTES:
        assert isinstance(route.handler, Lazy), route.handler
        for name, value in vars(route).items():  # media types, queries: values, not references
            assert name in ("handler", "body", "response") or "Lazy(" not in repr(value), name
        for schema in (route.body, route.response):
            if schema is None:
                continue
            model = resolve(schema)
            if typing.get_origin(model) is list:
                (model,) = typing.get_args(model)
            assert isinstance(model, type) and issubclass(model, BaseModel), (route.rule, model)


def test_no_two_routes_share_a_handler_or_a_method_and_rule() -> None:
    names = [route.handler.__name__ for route in ROUTES]
    assert len(names) == len(set(names))
    pairs = [(route.method, route.rule) for route in ROUTES]
    assert len(pairs) == len(set(pairs))
