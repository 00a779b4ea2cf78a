"""URL rules whose URL builders are compiled at their first url_for, not when the app starts."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from werkzeug.routing import Rule


class LazyBuilderRule(Rule):
    """A werkzeug Rule that compiles each of its two URL builders when first called.

    Werkzeug compiles both for every rule as it is added (Python source built and compiled:
    three fifths of create_app()'s own time for our ~150 rules), though most are never built
    in a given process. Matching requests does not use them.
    """

    def _compile_builder(self, append_unknown: bool = True) -> Callable[..., tuple[str, str]]:
        compile_builder = super()._compile_builder
        name = "_build_unknown" if append_unknown else "_build"

        def build_first(rule: Rule, **values: Any) -> tuple[str, str]:
            builder = compile_builder(append_unknown).__get__(rule, None)
            setattr(rule, name, builder)  # later calls go straight to the compiled builder
            return builder(**values)

        return build_first
