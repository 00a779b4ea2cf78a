"""The web blueprint's URL rules: each names a view of its module by name, documented, and the
rules of the practical and directory kinds are the kinds those views know."""
from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

from visitplanner.lazy_imports import Lazy, resolve
from visitplanner.web import directory, practical

TABLE = (Path(__file__).parents[2] / "visitplanner" / "web" / "__init__.py").read_text()


def _web_views(app: Any) -> dict[str, Any]:
    """endpoint: the view named by its rule (under the login limits' wrappers for web.login)."""
    return {endpoint: resolve(inspect.unwrap(view, stop=lambda f: isinstance(f, Lazy)))
            for endpoint, view in app.view_functions.items() if endpoint.startswith("web.")}


def test_every_view_is_named_in_the_table_and_defined_by_its_name(app):
    for endpoint, view in _web_views(app).items():
        module = view.__module__.rsplit(".", 1)[1]
        assert f"{module}.{view.__name__}" in TABLE, endpoint
        source = Path(inspect.getfile(inspect.unwrap(view))).read_text(encoding="utf-8")
        assert f"\ndef {view.__name__}(" in source, endpoint
        assert inspect.getdoc(view), endpoint


def test_the_rules_of_each_kind_are_the_kinds_of_its_views(app):
    kinds: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        module = app.view_functions[rule.endpoint].__module__
        if module in ("visitplanner.web.practical", "visitplanner.web.directory"):
            kinds.setdefault(module, set()).add(rule.defaults["kind"])
    assert kinds == {"visitplanner.web.practical": set(practical.KINDS),
                     "visitplanner.web.directory": set(directory.KINDS)}
    endpoints = {f"web.{action}_{kind}" for kind in practical.KINDS
                 for action in ("new", "edit", "delete")}
    endpoints |= {f"web.{action}_{spec.singular}" for spec in directory.KINDS.values()
                  for action in ("new", "edit", "delete")}
    assert endpoints | {f"web.list_{kind}" for kind in directory.KINDS} <= set(app.view_functions)
