"""The API's route table: every handler is named in it and defined by that name, typed."""
from __future__ import annotations

import inspect
from pathlib import Path

import visitplanner.api as api_package
from visitplanner.api import ROUTES

TABLE = Path(api_package.__file__).read_text(encoding="utf-8")


def test_every_handler_is_found_by_grep_in_the_table_and_its_module() -> None:
    for route in ROUTES:
        name = route.handler.__name__
        assert f".{name}," in TABLE, f"{route.method} {route.rule}: {name} not in the table"
        source = Path(inspect.getfile(route.handler)).read_text(encoding="utf-8")
        assert f"\ndef {name}(" in source, f"{name} is not defined by its own name"


def test_every_handler_is_typed_and_documented() -> None:
    for route in ROUTES:
        signature = inspect.signature(route.handler)
        assert signature.return_annotation is not inspect.Signature.empty, route.handler
        for parameter in signature.parameters.values():
            assert parameter.annotation is not inspect.Parameter.empty, (route.handler, parameter)
        assert inspect.getdoc(route.handler), route.handler


def test_no_two_routes_share_a_handler_or_a_method_and_rule() -> None:
    names = [route.handler.__name__ for route in ROUTES]
    assert len(names) == len(set(names))
    pairs = [(route.method, route.rule) for route in ROUTES]
    assert len(pairs) == len(set(pairs))
