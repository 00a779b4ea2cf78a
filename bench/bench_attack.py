"""Replay issue 10's attacks on a live server, as a hostile (or unlucky) user would.

    .venv/bin/python bench/bench_attack.py

Serves the app (demo data, SQLite in a temporary folder) on 127.0.0.1 with the default rate
limits, attacks it over HTTP and prints: requests tried, 5xx answers, forbidden answers
(401/403), other refusals by status, the server process's peak memory, and per finding whether
the defence held. Exits non-zero when any attack got through or any answer was a 5xx.
"""
from __future__ import annotations

import collections
import io
import json
import multiprocessing
import os
import re
import socket
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "plum harbour lantern 42"


def _serve(port: int, folder: str, ready: Any) -> None:
    """The server process: a fresh app with the demo, a viewer and their token."""
    os.environ["VISITPLANNER_INSTANCE_PATH"] = folder
    os.environ["VISITPLANNER_DATABASE_URL"] = f"sqlite:///{folder}/attack.sqlite3"
    os.environ["VISITPLANNER_BASE_URL"] = f"http://127.0.0.1:{port}"
    sys.path.insert(0, str(ROOT))
    import logging

    from werkzeug.serving import make_server

    logging.basicConfig(filename=f"{folder}/access.log", level=logging.INFO)

    from visitplanner import create_app
    from visitplanner.core.accounts import create_user, issue_token
    from visitplanner.demo import load_demo
    from visitplanner.extensions import db

    app = create_app()
    with app.app_context():
        db.create_all()
        load_demo()
        viewer = create_user("viewer@example.org", "viewer", PASSWORD)
        organiser = create_user("organiser2@example.org", "organiser", PASSWORD)
        ready.send({"viewer": issue_token(viewer), "organiser": issue_token(organiser)})
    make_server("127.0.0.1", port, app, threaded=True).serve_forever()


def peak_mb(pid: int) -> int:
    """The process's peak resident set size."""
    status = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status"))
    return int(status["VmHWM"].split()[0]) // 1024


def crafted_xlsx() -> bytes:
    """A 5 KB workbook whose <dimension> claims A1:XFD1048576, one cell in the last row."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.worksheets[0]
    sheet["A1"] = "full_name"
    sheet["A1048576"] = "far away"
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry).replace(b'<dimension ref="A1:A1048576"/>',
                                              b'<dimension ref="A1:XFD1048576"/>')
            target.writestr(entry, data)
    return out.getvalue()


class Attacker:
    """Counts every answer; records which defences held."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.statuses: collections.Counter[int] = collections.Counter()
        self.results: dict[str, bool] = {}
        self.secret = ""

    def send(self, session: requests.Session, method: str, path: str, **kwargs: Any) -> Any:
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 60)
        response = session.request(method, self.base + path, **kwargs)
        self.statuses[response.status_code] += 1
        return response

    def held(self, finding: str, ok: bool) -> None:
        self.results[finding] = self.results.get(finding, True) and bool(ok)


def csrf(attacker: Attacker, session: requests.Session, path: str = "/login") -> str:
    page = attacker.send(session, "GET", path).text
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def login(attacker: Attacker, email: str, password: str, next_url: str = "") -> Any:
    session = requests.Session()
    token = csrf(attacker, session)
    response = attacker.send(session, "POST", "/login" + next_url,
                             data={"csrf_token": token, "email": email, "password": password})
    return session, response


def attack(attacker: Attacker, tokens: dict[str, str]) -> None:
    """Every finding of issue 10, in order."""
    a = attacker
    organiser, response = login(a, "organiser2@example.org", PASSWORD)
    visit_id = 1
    # 1. A 4.9 KB spreadsheet that claims a million rows.
    token = csrf(a, organiser, f"/visits/{visit_id}/delegates/import")
    answer = a.send(organiser, "POST", f"/visits/{visit_id}/delegates/import",
                    data={"csrf_token": token},
                    files={"file": ("crafted.xlsx", crafted_xlsx())})
    a.held("1 crafted spreadsheet", answer.status_code == 422)
    answer = a.send(organiser, "POST", f"/visits/{visit_id}/delegates/import",
                    data={"csrf_token": token},
                    files={"file": ("big.csv", b"full_name,notes\nA," + b"x" * 200_000)})
    a.held("1 crafted spreadsheet", answer.status_code == 422)
    # 2. Open redirect after login.
    _, answer = login(a, "organiser2@example.org", PASSWORD, "?next=////evil.test/phish")
    a.held("2 open redirect", answer.headers.get("Location") == "/")
    # 3. Viewers and delegates' secret links.
    viewer_api = {"Authorization": f"Bearer {tokens['viewer']}"}
    organiser_api = {"Authorization": f"Bearer {tokens['organiser']}"}
    delegates = a.send(requests.Session(), "GET", f"/api/v1/visits/{visit_id}/delegates",
                       headers=viewer_api).json()
    ics = a.send(requests.Session(), "GET", f"/api/v1/delegates/{delegates[0]['id']}/calendar.ics",
                 headers=viewer_api).text.replace("\r\n ", "")
    a.held("3 secret links for viewers", "/p/" not in ics and "/c/" not in ics
           and delegates[0]["personal_url"] is None)
    # 4. Newlines in titles.
    visit = a.send(requests.Session(), "GET", f"/api/v1/visits/{visit_id}",
                   headers=organiser_api).json()
    answer = a.send(requests.Session(), "PATCH", f"/api/v1/visits/{visit_id}",
                    headers=organiser_api, json={"title": "A\nB", "version": visit["version"]})
    a.held("4 newline in a title", answer.status_code == 422)
    for path in (f"/visits/{visit_id}/calendar.ics",
                 f"/delegates/{delegates[0]['id']}/calendar.ics"):
        a.held("4 newline in a title", a.send(requests.Session(), "GET", "/api/v1" + path,
                                              headers=organiser_api).status_code == 200)
    # 5. Control characters, web and API.
    for url, field in (("/visits/new", "title"), ("/organisations/new", "name"),
                       ("/people/new", "full_name"), ("/venues/new", "name")):
        token = csrf(a, organiser, url)
        answer = a.send(organiser, "POST", url, data={"csrf_token": token, field: "x\x00y",
                                                      "start_date": "2024-01-01",
                                                      "end_date": "2024-01-02"})
        a.held("5 control characters", answer.status_code == 422)
    _, answer = login(a, "nul\x00@example.org", "x")
    a.held("5 control characters", answer.status_code == 422)
    answer = a.send(requests.Session(), "POST", f"/api/v1/visits/{visit_id}/quotes",
                    headers=organiser_api, json={"speaker_name": "A", "text": "a\x01b"})
    a.held("5 control characters", answer.status_code == 422)
    # 6. Deep and huge JSON.
    answer = a.send(requests.Session(), "POST", "/api/v1/organisations", headers={
        **organiser_api, "Content-Type": "application/json"}, data="[" * 1000 + "]" * 1000)
    a.held("6 deep and huge JSON", answer.status_code in (400, 422))
    big = json.dumps({f"k{n}": n for n in range(300_000)})
    answer = a.send(requests.Session(), "POST", "/api/v1/organisations", headers={
        **organiser_api, "Content-Type": "application/json"}, data=big)
    a.held("6 deep and huge JSON", answer.status_code == 413 and len(answer.content) < 10_000)
    # 7. Brute force: 50 wrong passwords, then the right one.
    for _ in range(50):
        _, answer = login(a, "viewer@example.org", "wrong password")
    _, answer = login(a, "viewer@example.org", PASSWORD)
    a.held("7 brute force", answer.status_code == 429 and "Retry-After" in answer.headers)
    # 8. Credentials: the cookie after logout; token listing and revocation.
    session, _ = login(a, "organiser@example.org", "demo")
    cookie = session.cookies.get("session")
    a.send(session, "POST", "/logout", data={"csrf_token": csrf(a, session, "/")})
    thief = requests.Session()
    thief.cookies.set("session", cookie)
    a.held("8 revocable credentials", a.send(thief, "GET", "/").status_code == 302)
    listed = a.send(requests.Session(), "GET", "/api/v1/tokens", headers=viewer_api).json()
    a.held("8 revocable credentials", listed and "expires_at" in listed[0])
    a.send(requests.Session(), "DELETE", f"/api/v1/tokens/{listed[0]['id']}", headers=viewer_api)
    a.held("8 revocable credentials", a.send(requests.Session(), "GET", "/api/v1/tokens",
                                             headers=viewer_api).status_code == 401)
    # 9. Headers.
    headers = a.send(requests.Session(), "GET", "/login").headers
    a.held("9 hardening headers", "script-src 'self'" in headers.get("Content-Security-Policy", "")
           and headers.get("X-Frame-Options") == "DENY"
           and headers.get("X-Content-Type-Options") == "nosniff")
    # 10. The delegate id in the token.
    link = a.send(requests.Session(), "GET", f"/api/v1/delegates/{delegates[0]['id']}",
                  headers=organiser_api).json()["personal_url"]
    token = link.rsplit("/", 1)[1]
    a.held("10 secrets in links", f"[{delegates[0]['id']}," not in _b64(token))
    a.held("10 secrets in links", a.send(requests.Session(), "GET",
                                         link.removeprefix(a.base)).status_code == 200)
    a.secret = token
    # 12. Smaller: localtime, longitude false, 405 without Allow, odd e-mail addresses.
    answer = a.send(requests.Session(), "POST", "/api/v1/visits", headers=organiser_api, json={
        "title": "T", "start_date": "2024-01-01", "end_date": "2024-01-02",
        "timezone": "localtime"})
    a.held("12 smaller findings", answer.status_code == 422)
    answer = a.send(requests.Session(), "POST", "/api/v1/venues", headers=organiser_api,
                    json={"name": "V", "latitude": 1, "longitude": False})
    a.held("12 smaller findings", answer.status_code == 422)
    answer = a.send(requests.Session(), "PUT", "/api/v1/visits", headers=organiser_api)
    a.held("12 smaller findings", answer.status_code == 405 and "Allow" in answer.headers)
    answer = a.send(requests.Session(), "POST", f"/api/v1/visits/{visit_id}/delegates",
                    headers=organiser_api, json={"full_name": "E", "email": "a>,<evil@x.test"})
    a.held("12 smaller findings", answer.status_code == 422)
    # 7 again: hammering the API with bad tokens gets 429, not a slower server.
    for n in range(40):
        answer = a.send(requests.Session(), "GET", "/api/v1/visits",
                        headers={"Authorization": f"Bearer guess{n}"})
    a.held("7 brute force", answer.status_code == 429)


def _b64(token: str) -> str:
    import base64
    text = ""
    for part in token.split("."):
        try:
            text += base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode("latin-1")
        except ValueError:
            pass
    return text


def main() -> int:
    folder = tempfile.mkdtemp(prefix="vp-attack-")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    receive, send = multiprocessing.Pipe(duplex=False)
    server = multiprocessing.get_context("spawn").Process(
        target=_serve, args=(port, folder, send), daemon=True)
    server.start()
    assert server.pid is not None
    tokens = receive.recv()
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            requests.get(base + "/login", timeout=5)
            break
        except requests.ConnectionError:
            time.sleep(0.1)
    baseline = peak_mb(server.pid)
    attacker = Attacker(base)
    started = time.perf_counter()
    try:
        attack(attacker, tokens)
    finally:
        peak = peak_mb(server.pid)
        server.terminate()
    log = Path(folder, "access.log").read_text()
    attacker.held("10 secrets in links", bool(attacker.secret) and attacker.secret not in log
                  and "/p/[redacted]" in log)
    tried = sum(attacker.statuses.values())
    errors = sum(n for code, n in attacker.statuses.items() if code >= 500)
    forbidden = attacker.statuses[401] + attacker.statuses[403]
    print(f"requests tried:      {tried}")
    print(f"5xx answers:         {errors}")
    print(f"forbidden answers:   {forbidden} (401/403)")
    print("other refusals:      " + ", ".join(
        f"{code}: {n}" for code, n in sorted(attacker.statuses.items()) if 400 <= code < 500
        and code not in (401, 403)))
    print(f"server peak memory:  {peak} MB (after start-up: {baseline} MB)")
    print(f"time:                {time.perf_counter() - started:.1f} s")
    for finding, ok in sorted(attacker.results.items(), key=lambda kv: int(kv[0].split()[0])):
        print(f"  {'held  ' if ok else 'BROKEN'} {finding}")
    return 0 if errors == 0 and all(attacker.results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
