"""The layout keeps its promises: cores without HTTP; planning and outputs without Flask or DB."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "visitplanner"


def imported_names(path: Path) -> set[str]:
    """Every module and `module.name` a source file imports."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def sources(folder: str) -> list[Path]:
    """The Python files of one sub-package."""
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("path", sources("core"), ids=lambda path: path.name)
def test_cores_take_plain_arguments_not_requests(path: Path) -> None:
    http = {"flask.request", "flask.Response", "flask.abort", "flask.jsonify", "werkzeug"}
    found = {name for name in imported_names(path)
             if name in http or name.startswith(("werkzeug.", "visitplanner.web",
                                                 "visitplanner.api", "visitplanner.edge"))}
    assert not found, f"{path.name} reads HTTP: {sorted(found)}"


@pytest.mark.parametrize("path", sources("planning") + sources("outputs"),
                         ids=lambda path: f"{path.parent.name}/{path.name}")
def test_planning_and_outputs_never_import_flask_or_touch_the_database(path: Path) -> None:
    found = {name for name in imported_names(path)
             if name.split(".")[0] in {"flask", "flask_sqlalchemy", "sqlalchemy", "werkzeug"}
             or name.startswith(("visitplanner.models", "visitplanner.extensions",
                                 "visitplanner.core"))}
    assert not found, f"{path.parent.name}/{path.name} imports {sorted(found)}"
