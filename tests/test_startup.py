"""Starting is cheap: the libraries of outputs, calendars, logos, e-mail checks, migrations and
password checks load only when something uses them, and listing the commands creates no app
(figures: bench/bench_startup.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from werkzeug.routing import AnyConverter, Map, Rule

from visitplanner import PROJECT_ROOT
from visitplanner.edge import IdConverter
from visitplanner.url_rules import LazyBuilderRule

# Each costs from a hundredth of a second to a second of every start when imported there.
HEAVY = ("weasyprint", "openpyxl", "docx", "schemathesis", "markdown_it", "segno", "zxcvbn",
         "flask_migrate", "alembic", "icalendar", "num2words", "PIL", "email_validator")
# Printed last by each program below: what it loaded.
REPORT = ("import json\n"
          f"heavy = sorted(m for m in {HEAVY!r} if m in sys.modules)\n"
          "accounts = sys.modules.get('visitplanner.core.accounts')\n"
          "print(json.dumps({'heavy': heavy, 'models': 'visitplanner.models' in sys.modules,\n"
          "                  'views': 'visitplanner.web' in sys.modules,\n"
          "                  'dummy_hashes': accounts and accounts._dummy_hash.cache_info().currsize"
          "}))\n")
# `visitplanner ARGS...` run from this tree's sources, whatever is installed.
LAUNCH = ("import sys\nsys.argv[0] = 'visitplanner'\nfrom visitplanner.cli import main\n"
          "try:\n    main()\nexcept SystemExit as stop:\n    assert not stop.code, stop.code\n")


def run_python(code: str, *args: str, instance: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VISITPLANNER_INSTANCE_PATH": str(instance)}
    return subprocess.run([sys.executable, "-c", code, *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True)


def loaded(output: str) -> dict[str, Any]:
    return json.loads(output.strip().splitlines()[-1])


def test_create_app_loads_no_output_migration_or_password_library(tmp_path):
    code = ("import sys\nimport visitplanner\napp = visitplanner.create_app()\n"
            "assert sorted(app.blueprints) == ['api', 'web'], app.blueprints\n" + REPORT)
    found = loaded(run_python(code, instance=tmp_path).stdout)
    assert found == {"heavy": [], "models": True, "views": True, "dummy_hashes": 0}


def test_listing_the_commands_creates_no_app(tmp_path):
    result = run_python(LAUNCH + REPORT, "--help", instance=tmp_path)
    for command in ("create-user", "create-token", "db", "demo", "export", "send-outbox",
                    "worker", "routes", "limiter"):
        assert f"\n  {command} " in result.stdout
    assert loaded(result.stdout) == {"heavy": [], "models": False, "views": False,
                                     "dummy_hashes": None}


def test_migration_commands_load_when_they_run(tmp_path):
    result = run_python(LAUNCH, "db", "heads", instance=tmp_path)
    assert result.stdout.strip().endswith("(head)")


def test_the_cli_row_id_bound_is_the_models_one():
    from visitplanner.cli import ROW_ID
    from visitplanner.models.base import MAX_ID

    assert (ROW_ID.min, ROW_ID.max) == (1, MAX_ID)


def _sample(converter: Any) -> Any:
    """A value the converter takes: a row id, one of an any(), else a path needing quoting."""
    if isinstance(converter, IdConverter):
        return 12
    return min(converter.items) if isinstance(converter, AnyConverter) else "a b/c.css"


def test_every_url_rule_builds_the_url_werkzeug_builds(app):
    """The app's rules compile their URL builders late; what they build is werkzeug's own."""
    assert {type(rule) for rule in app.url_map.iter_rules()} >= {LazyBuilderRule}
    eager = Map([Rule(rule.rule, **rule.get_empty_kwargs()) for rule in app.url_map.iter_rules()],
                converters=app.url_map.converters)
    adapter, eager_adapter = app.url_map.bind("example.org"), eager.bind("example.org")
    for rule in app.url_map.iter_rules():
        values = {name: _sample(converter) for name, converter in rule._converters.items()}
        for extra in ({}, {"lang": "fr", "next": "/visits/3?x=1"}):
            expected = eager_adapter.build(rule.endpoint, {**values, **extra})
            for _ in range(2):  # compiled at the first build, reused after
                assert adapter.build(rule.endpoint, {**values, **extra}) == expected


def test_create_app_leaves_the_garbage_collector_as_it_found_it(tmp_path):
    code = ("import gc\nimport visitplanner\n"
            "visitplanner.create_app()\nassert gc.isenabled()\n"
            "gc.disable()\nvisitplanner.create_app()\nassert not gc.isenabled()\n")
    run_python(code, instance=tmp_path)
