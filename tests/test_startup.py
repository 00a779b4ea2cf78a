"""Starting is cheap: the libraries of outputs, calendars, logos, e-mail checks, migrations and
password checks load only when something uses them, the modules of the pages and API calls (and
pydantic) when a request needs them, and listing the commands creates no app
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
         "flask_migrate", "alembic", "icalendar", "num2words", "PIL", "email_validator", "argon2")
# What the blueprints are made of: the URL rules, filters, user loader and error answers.
BLUEPRINTS = ("visitplanner.web", "visitplanner.web.formatting", "visitplanner.web.language",
              "visitplanner.web.sessions", "visitplanner.api", "visitplanner.api.errors",
              "visitplanner.api.framework", "visitplanner.api.parameters")
# Printed last by each program below: what it loaded; `views`: the modules of pages and API
# calls (and what only they import: planning, outputs, pydantic), loaded by the requests made.
REPORT = ("import json\n"
          f"heavy = sorted(m for m in {HEAVY!r} if m in sys.modules)\n"
          "views = sorted(m for m in sys.modules if m == 'pydantic' or m.startswith(\n"
          "    ('visitplanner.web.', 'visitplanner.api.', 'visitplanner.planning.build',\n"
          "     'visitplanner.outputs.', 'visitplanner.core.calendars', 'visitplanner.mail.'))\n"
          f"    and m not in {BLUEPRINTS!r} and not m.startswith('visitplanner.outputs.languages')\n"
          "    and m != 'visitplanner.outputs.filenames')\n"
          "accounts = sys.modules.get('visitplanner.core.accounts')\n"
          "print(json.dumps({'heavy': heavy, 'models': 'visitplanner.models' in sys.modules,\n"
          "                  'blueprints': 'visitplanner.web' in sys.modules, 'views': views,\n"
          "                  'dummy_hashes': accounts and accounts._dummy_hash.cache_info().currsize"
          "}))\n")
# An app on an empty in-memory database, and `get(url)`: one request's status code.
APP = ("import sys\nimport visitplanner\nfrom visitplanner.extensions import db\n"
       "app = visitplanner.create_app({'SQLALCHEMY_DATABASE_URI': 'sqlite://'})\n"
       "with app.app_context():\n    db.create_all()\n"
       "get = lambda url: app.test_client().get(url).status_code\n")
# `visitplanner ARGS...` run from this tree's sources, whatever is installed.
LAUNCH = ("import sys\nsys.argv[0] = 'visitplanner'\nfrom visitplanner.cli import main\n"
          "try:\n    main()\nexcept SystemExit as stop:\n    assert not stop.code, stop.code\n")


def run_python(code: str, *args: str, instance: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VISITPLANNER_INSTANCE_PATH": str(instance)}
    return subprocess.run([sys.executable, "-c", code, *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True)


def loaded(output: str) -> dict[str, Any]:
    return json.loads(output.strip().splitlines()[-1])


def test_create_app_loads_no_view_output_migration_or_password_library(tmp_path):
    code = ("import sys\nimport visitplanner\napp = visitplanner.create_app()\n"
            "assert sorted(app.blueprints) == ['api', 'web'], app.blueprints\n" + REPORT)
    found = loaded(run_python(code, instance=tmp_path).stdout)
    assert found == {"heavy": [], "models": True, "blueprints": True, "views": [],
                     "dummy_hashes": None}


def test_a_page_loads_the_modules_of_its_own_view_only(tmp_path):
    code = APP + "assert get('/login') == 200\n" + REPORT
    views = loaded(run_python(code, instance=tmp_path).stdout)["views"]
    assert {"visitplanner.web.auth", "visitplanner.web.forms"} <= set(views)
    for other in ("visitplanner.web.visits", "visitplanner.web.calendars", "pydantic",
                  "visitplanner.api.calls", "visitplanner.outputs.pdf", "visitplanner.core.calendars"):
        assert other not in views
    # The delegates' personal page loads no edit page's forms, nor the API's schemas for them.
    code = APP + ("from visitplanner.core.delegate_links import make_token\n"
                  "from visitplanner.demo import load_demo\n"
                  "with app.app_context():\n"
                  "    link_key = load_demo().delegates[0].link_key\n"
                  "assert get('/p/' + make_token(link_key, app.config['SECRET_KEY'])) == 200\n"
                  + REPORT)
    views = loaded(run_python(code, instance=tmp_path).stdout)["views"]
    assert {"visitplanner.web.delegate_links", "visitplanner.planning.build"} <= set(views)
    for other in ("visitplanner.web.editing", "visitplanner.web.forms", "pydantic"):
        assert other not in views
    code = APP + "assert get('/') == 302\n" + REPORT
    views = loaded(run_python(code, instance=tmp_path).stdout)["views"]
    assert {"visitplanner.web.visits", "visitplanner.web.editing"} <= set(views)
    assert "visitplanner.web.auth" not in views and "visitplanner.web.calendars" not in views


def test_an_api_call_loads_pydantic_and_its_own_handlers(tmp_path):
    code = APP + "assert get('/api/v1/visits') == 401\n" + REPORT
    views = loaded(run_python(code, instance=tmp_path).stdout)["views"]
    assert {"visitplanner.api.calls", "pydantic"} <= set(views)
    assert "visitplanner.api.handlers" not in views and "visitplanner.api.schemas" not in views
    code = APP + "assert get('/api/v1/openapi.json') == 200\n" + REPORT
    views = loaded(run_python(code, instance=tmp_path).stdout)["views"]
    assert {"visitplanner.api.schemas", "pydantic"} <= set(views)
    assert not any(m.startswith("visitplanner.web.") for m in views)


def test_listing_the_commands_creates_no_app(tmp_path):
    result = run_python(LAUNCH + REPORT, "--help", instance=tmp_path)
    for command in ("create-user", "create-token", "db", "demo", "export", "send-outbox",
                    "worker", "routes", "limiter"):
        assert f"\n  {command} " in result.stdout
    assert loaded(result.stdout) == {"heavy": [], "models": False, "blueprints": False,
                                     "views": [], "dummy_hashes": None}


def test_migration_commands_load_when_they_run_and_load_no_view(tmp_path):
    result = run_python(LAUNCH + REPORT, "db", "heads", instance=tmp_path)
    assert result.stdout.strip().splitlines()[-2].endswith("(head)")
    found = loaded(result.stdout)
    assert found["views"] == [] and "flask_migrate" in found["heavy"]


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
