"""Names of a module's views, handlers and schemas that import the module only when first used.

The URL rules of the web pages and the API name every view where the rule is (grep finds each
by name), yet a process imports the module of a page only when it serves that page: a worker or
`db upgrade` never loads a view, pydantic or the output libraries (Flask's "Lazily Loading
Views"). Where the rules are, `TYPE_CHECKING` imports the real modules, so mypy checks each name.
"""
from __future__ import annotations

import types
from importlib import import_module
from typing import Any, get_args, get_origin


class Lazy:
    """One attribute of a module, imported at its first call or resolve(): a view, a schema;
    `target` is the attribute itself.

    It carries the attribute's own __module__ and __name__, so Flask takes the same endpoint
    name from it and Flask-Limiter the same qualified name as from the function itself.
    """

    def __init__(self, module: str, name: str) -> None:
        self.__module__ = module
        self.__name__ = self.__qualname__ = name

    def __getattr__(self, name: str) -> Any:
        # Asked only while `target`, the attribute itself, is not the instance's own yet. Not a
        # functools.cached_property: in Python 3.11 it imports under one lock for all instances,
        # which two threads importing modules that name each other's views could deadlock on.
        if name != "target":
            raise AttributeError(name)
        target = self.__dict__["target"] = getattr(import_module(self.__module__), self.__name__)
        return target

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.target(*args, **kwargs)

    def __eq__(self, other: object) -> bool:
        # Two references to one attribute are one view, as Flask compares an endpoint's views.
        return (isinstance(other, Lazy) and other.__module__ == self.__module__
                and other.__name__ == self.__name__)

    def __hash__(self) -> int:
        return hash((self.__module__, self.__name__))

    def __repr__(self) -> str:
        return f"Lazy({self.__module__}:{self.__name__})"


class LazyModule:
    """A module not imported yet: each of its attributes read is a Lazy reference to it (for
    views, handlers and schemas: a constant read from it is a reference too, not its value)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, name: str) -> Lazy:
        if name.startswith("__"):  # copy, pickle and inspect ask for dunders a module lacks
            raise AttributeError(name)
        return Lazy(self._name, name)


def resolve(value: Any) -> Any:
    """The value with its Lazy references imported: a Lazy, a list[Lazy], or a plain value."""
    if isinstance(value, Lazy):
        return value.target
    if get_origin(value) is not None and any(isinstance(arg, Lazy) for arg in get_args(value)):
        return types.GenericAlias(get_origin(value), tuple(resolve(a) for a in get_args(value)))
    return value
