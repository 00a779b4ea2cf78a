"""Schemathesis against a live server: every phase (examples, coverage, fuzzing, stateful along
the document's links, so ids are real), counting every request the server answers.

    .venv/bin/python bench/bench_schemathesis.py                  # >= 5,000 requests
    .venv/bin/python bench/bench_schemathesis.py --max-examples 5 --min-requests 300

Prints: requests answered, 5xx answers, response-schema violations and the other failed checks
schemathesis reports; exits non-zero when a 5xx or a schema violation was seen, or when fewer
requests than --min-requests were made. SQLite in a temporary folder unless
VISITPLANNER_DATABASE_URL names another (empty) database.
"""
from __future__ import annotations

import argparse
import collections
import logging
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHECKS = "not_a_server_error,response_schema_conformance,content_type_conformance"


class Counter:
    """WSGI middleware counting answers by status."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.statuses: collections.Counter[int] = collections.Counter()
        self.lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        def counting(status: str, headers: Any, *args: Any) -> Any:
            with self.lock:
                self.statuses[int(status.split()[0])] += 1
            return start_response(status, headers, *args)
        return self.app(environ, counting)


def prepare_app(folder: str) -> tuple[Any, list[str]]:
    """A fresh app with the demo visit and two organiser's tokens (the second is for the pass
    over DELETE /tokens/{id}, which revokes the token it is called with); no rate limits."""
    os.environ["VISITPLANNER_INSTANCE_PATH"] = folder
    os.environ.setdefault("VISITPLANNER_DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
    for name in ("LOGIN", "LOGIN_FAILURES", "API", "API_FAILURES"):
        os.environ[f"VISITPLANNER_RATELIMIT_{name}"] = "10000000 per minute"
    sys.path.insert(0, str(ROOT))
    from visitplanner import create_app
    from visitplanner.core.accounts import create_user, issue_token
    from visitplanner.demo import load_demo
    from visitplanner.extensions import db

    app = create_app()
    with app.app_context():
        db.drop_all()
        db.create_all()
        load_demo()
        user = create_user("fuzz@example.org", "organiser", None)
        tokens = [issue_token(user, "schemathesis"), issue_token(user, "revoked by the run")]
    return app, tokens


def serve(app: Any) -> tuple[Any, int]:
    """Serve on 127.0.0.1 at a free port in a background thread, without an access log."""
    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = make_server("127.0.0.1", port, app, threaded=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, port


def failed_checks(report_dir: Path) -> collections.Counter[str]:
    """The failed checks schemathesis wrote into its JUnit report, by kind."""
    found: collections.Counter[str] = collections.Counter()
    for path in report_dir.glob("*.xml"):
        for failure in ET.parse(path).iter("failure"):
            text = f"{failure.get('message', '')} {failure.text or ''}"
            for line in text.splitlines():
                line = line.strip()
                if line.startswith("- "):
                    found[line[2:].split(":")[0]] += 1
    return found


def _schemathesis(port: int, token: str, report: Path, max_examples: int, seed: int,
                  operations: list[str]) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).parent / "schemathesis"), "run",
               f"http://127.0.0.1:{port}/api/v1/openapi.json",
               "--phases", "examples,coverage,fuzzing,stateful", "--checks", CHECKS,
               "-H", f"Authorization: Bearer {token}", "--max-examples", str(max_examples),
               "--seed", str(seed), "--workers", "1", "--generation-database", "none",
               "--continue-on-failure", "--suppress-health-check", "all",
               "--report", "junit", "--report-dir", str(report), "--no-color", *operations]
    return subprocess.run(command, capture_output=True, text=True, timeout=3600)


def run(max_examples: int, seed: int) -> dict[str, Any]:
    """One run over every operation, then DELETE /tokens/{id} with its own token."""
    folder = tempfile.mkdtemp(prefix="vp-schemathesis-")
    app, tokens = prepare_app(folder)
    counter = Counter(app.wsgi_app)
    app.wsgi_app = counter
    server, port = serve(app)
    report = Path(folder) / "report"
    revoke = ["--include-operation-id", "delete_api_token"]
    started = time.perf_counter()
    result = _schemathesis(port, tokens[0], report, max_examples, seed,
                           ["--exclude-operation-id", "delete_api_token"])
    last = _schemathesis(port, tokens[1], report, max_examples, seed, revoke)
    elapsed = time.perf_counter() - started
    server.shutdown()
    failures = failed_checks(report)
    return {"requests": sum(counter.statuses.values()),
            "5xx": sum(n for code, n in counter.statuses.items() if code >= 500),
            "statuses": dict(sorted(counter.statuses.items())),
            "schema_violations": sum(n for name, n in failures.items()
                                     if "schema" in name.lower()),
            "failures": dict(failures), "seconds": round(elapsed, 1),
            "exit": result.returncode or last.returncode,
            "output": result.stdout[-4000:] + result.stderr[-2000:] + last.stdout[-1500:]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=40)
    parser.add_argument("--min-requests", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    figures = run(args.max_examples, args.seed)
    if args.verbose or figures["failures"]:
        print(figures["output"])
    print(f"requests answered:        {figures['requests']}")
    print(f"5xx answers:              {figures['5xx']}")
    print(f"response-schema failures: {figures['schema_violations']}")
    print(f"other failed checks:      {figures['failures'] or 'none'}")
    print(f"statuses:                 {figures['statuses']}")
    print(f"time:                     {figures['seconds']} s")
    ok = (figures["5xx"] == 0 and figures["schema_violations"] == 0
          and figures["requests"] >= args.min_requests)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
