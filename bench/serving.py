"""Requests per second under the README's production server: gunicorn with 2 sync workers,
beside a hello-world Flask app served the same way (the floor), measured in the same run.

The load comes from client threads on the same machine (http.client, one request per
connection as gunicorn's sync workers answer); rounds alternate between the app and the
floor so that noise falls on both, and the medians are compared.
"""
from __future__ import annotations

import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELLO = '''from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "Hello, World!"
'''


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def gunicorn(app_spec: str, env: dict[str, str], chdir: Path) -> Iterator[int]:
    """`gunicorn -w 2` serving `app_spec` on a free port of 127.0.0.1; yields the port."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}",
         "--timeout", "30", "--log-level", "warning", app_spec],
        cwd=chdir, env={**os.environ, **env})
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError(
                        f"gunicorn {app_spec} exited with {process.returncode}") from None
                time.sleep(0.1)
        else:
            raise RuntimeError(f"gunicorn {app_spec} did not listen within 60 s")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def hello_world(workdir: Path) -> Iterator[int]:
    """The floor: a hello-world Flask app under the same gunicorn settings."""
    (workdir / "hello_app.py").write_text(HELLO, encoding="utf-8")
    with gunicorn("hello_app:app", {}, workdir) as port:
        yield port


def get(port: int, path: str, cookie: str | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def log_in(port: int, email: str, password: str) -> str:
    """Log in through the login form; the session cookie to send with later requests."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/login")
    response = connection.getresponse()
    page = response.read().decode()
    cookie = (response.getheader("Set-Cookie") or "").split(";")[0]
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert token, "no CSRF token on the login page"
    body = urllib.parse.urlencode({"csrf_token": token.group(1), "email": email,
                                   "password": password})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("POST", "/login", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    response = connection.getresponse()
    response.read()
    assert response.status == 302, f"login answered {response.status}"
    return (response.getheader("Set-Cookie") or cookie).split(";")[0]


def requests_per_second(port: int, path: str, seconds: float, clients: int = 4,
                        cookie: str | None = None) -> float:
    """Answers per second of `clients` threads asking for `path` for `seconds`; every answer
    must be a 200."""
    counts = [0] * clients
    failures: list[int] = []
    stop = time.monotonic() + seconds

    def client(n: int) -> None:
        while time.monotonic() < stop:
            status, _ = get(port, path, cookie)
            if status != 200:
                failures.append(status)
                return
            counts[n] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError(f"{path} answered {failures[0]}")
    return sum(counts) / (time.monotonic() - started)


def compare(app_port: int, floor_port: int, paths: dict[str, str], cookie: str,
            seconds: float, rounds: int) -> dict[str, float]:
    """Median req/s of each named path and of the floor ("hello"), rounds interleaved."""
    rates: dict[str, list[float]] = {name: [] for name in [*paths, "hello"]}
    for path in paths.values():
        get(app_port, path, cookie)  # warm both workers' caches
        get(app_port, path, cookie)
    for _ in range(rounds):
        rates["hello"].append(requests_per_second(floor_port, "/", seconds))
        for name, path in paths.items():
            rates[name].append(requests_per_second(app_port, path, seconds, cookie=cookie))
    return {name: statistics.median(values) for name, values in rates.items()}
