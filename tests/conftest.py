"""Fixtures: the app on SQLite and (when configured) PostgreSQL, clients, users and the demo."""
from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import icalendar
import pytest
import vobject
from sqlalchemy import event

PG_URL = os.environ.get("VISITPLANNER_TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])
# Fixtures that live in modules of their own, loaded by pytest like this file.
pytest_plugins = ["practical_data"]
if os.environ.get("CI") and not PG_URL:
    # CI must prove both databases; a missing cluster should fail loudly, not shrink the run.
    raise RuntimeError("CI is set but VISITPLANNER_TEST_DATABASE_URL is not: start PostgreSQL.")


@pytest.fixture(scope="session", autouse=True)
def instance_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Keep the tests' secret key and files out of the real instance/ folder."""
    path = str(tmp_path_factory.mktemp("instance"))
    os.environ["VISITPLANNER_INSTANCE_PATH"] = path
    os.environ.pop("VISITPLANNER_DATABASE_URL", None)
    return path


# The suite logs in and calls the API far more often than a person would; tests of the limits
# lower them themselves (the `limits` fixture).
GENEROUS_LIMITS = {"RATELIMIT_LOGIN": "100000 per minute",
                   "RATELIMIT_LOGIN_FAILURES": "100000 per minute",
                   "RATELIMIT_API": "100000 per minute",
                   "RATELIMIT_API_FAILURES": "100000 per minute"}


def database_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The URL of the test database of a backend."""
    if backend == "postgresql":
        return PG_URL or ""
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


@pytest.fixture(scope="session", params=BACKENDS)
def app(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
        instance_path: str) -> Iterator[Any]:
    """The app with an empty schema, once per database backend."""
    from visitplanner import create_app
    from visitplanner.extensions import db

    app = create_app({"TESTING": True,
                      "SQLALCHEMY_DATABASE_URI": database_url(request.param, tmp_path_factory),
                      "BASE_URL": "http://visitplanner.test",
                      "CALENDAR_DOMAIN": "visitplanner.test", **GENEROUS_LIMITS})
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _clean_tables(request: pytest.FixtureRequest) -> Iterator[None]:
    """Give every database test empty tables and an app context."""
    if "app" not in request.fixturenames:
        yield
        return
    app = request.getfixturevalue("app")
    from visitplanner.extensions import db

    with app.app_context():
        yield
        db.session.rollback()
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()
        db.session.remove()


@pytest.fixture
def limits(app: Any) -> Iterator[dict[str, Any]]:
    """The app's rate limits, for a test to lower; counts start at zero and are reset after."""
    from visitplanner.security import limiter

    limiter.reset()
    yield app.config
    app.config.update(GENEROUS_LIMITS)
    limiter.reset()


@pytest.fixture
def client(app: Any) -> Any:
    """A browser-like client of the web pages."""
    return app.test_client()


def create_test_user(role: str, email: str | None = None) -> Any:
    """Create a user with the password 'secret'."""
    from visitplanner.core.accounts import create_user

    return create_user(email or f"{role}@example.org", role, "secret")


@pytest.fixture
def make_user(app: Any) -> Callable[..., Any]:
    """make_user(role, email=None): a new user with the password 'secret'."""
    return create_test_user


class ApiClient:
    """A test client that sends a bearer token and JSON."""

    def __init__(self, app: Any, token: str) -> None:
        self.client = app.test_client()
        self.headers = {"Authorization": f"Bearer {token}"}

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        headers = {**self.headers, **kwargs.pop("headers", {})}
        return self.client.open("/api/v1" + path, method=method, headers=headers, **kwargs)

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Any:
        return self.request("POST", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> Any:
        return self.request("PATCH", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> Any:
        return self.request("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Any:
        return self.request("DELETE", path, **kwargs)


def api_client_for(app: Any, role: str) -> ApiClient:
    """An API client holding a fresh token of a new user with `role`."""
    from visitplanner.core.accounts import issue_token

    return ApiClient(app, issue_token(create_test_user(role)))


@pytest.fixture
def api_client(app: Any) -> Callable[[str], ApiClient]:
    """api_client(token): an API client sending that bearer token."""
    return lambda token: ApiClient(app, token)


@pytest.fixture
def api(app: Any) -> ApiClient:
    """An API client with an organiser's token."""
    return api_client_for(app, "organiser")


@pytest.fixture
def viewer_api(app: Any) -> ApiClient:
    """An API client with a viewer's token."""
    return api_client_for(app, "viewer")


@pytest.fixture
def demo_visit(app: Any) -> Any:
    """The demo visit: six Ukrainian prosecutors, 22-26 April 2024."""
    from visitplanner.demo import load_demo

    return load_demo()


@contextmanager
def counting_queries(app: Any) -> Iterator[list[str]]:
    """Collect the SQL statements run inside the block."""
    from visitplanner.extensions import db

    statements: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


@pytest.fixture
def count_queries(app: Any) -> Callable[[Any], Any]:
    """`with count_queries(app) as statements:` collects the SQL run inside the block."""
    return counting_queries


@pytest.fixture
def smtp(app: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A real SMTP server (aiosmtpd on 127.0.0.1) the app sends to; `stop()`/`start()` it."""
    from aiosmtpd.controller import Controller
    from mail_helpers import Inbox, free_port

    inbox = Inbox()
    port = free_port()
    monkeypatch.setitem(app.config, "SMTP_HOST", "127.0.0.1")
    monkeypatch.setitem(app.config, "SMTP_PORT", port)
    servers = []

    def start() -> None:
        controller = Controller(inbox, hostname="127.0.0.1", port=port, ready_timeout=5)
        controller.start()
        servers.append(controller)

    def stop() -> None:
        servers.pop().stop()

    inbox.start, inbox.stop = start, stop  # type: ignore[attr-defined]
    start()
    yield inbox
    while servers:
        stop()



@pytest.fixture(params=BACKENDS)
def empty_database(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """The URL of a new, empty database, once per backend."""
    import uuid

    from sqlalchemy import create_engine, make_url, text

    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrations.sqlite3'}"
        return
    name = f"migrations_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL or "", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(PG_URL or "").set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


# Checks every .ics the app makes must pass, with icalendar and, independently, vobject.
REQUIRED = ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "STATUS", "SUMMARY",
            "DESCRIPTION", "CATEGORIES", "ORGANIZER")


def assert_calendar(data: bytes) -> dict[str, tuple[dt.datetime, dt.datetime]]:
    """Assert the calendar is well formed; return {UID: (start, end)} in UTC, as both parsers agree."""
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines), "bare line ends"
    assert max(len(line) for line in lines) <= 75, "a line is not folded at 75 octets"

    calendar = icalendar.Calendar.from_ical(data)
    zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    for zone in calendar.walk("VTIMEZONE"):
        assert not any("RDATE" in part for part in zone.subcomponents), "RDATE lists are misread"
    ours = {}
    for vevent in calendar.walk("VEVENT"):
        missing = [name for name in REQUIRED if name not in vevent]
        assert not missing, f"missing {missing} in {vevent.get('UID')}"
        assert vevent["DTSTAMP"].dt.utcoffset() == dt.timedelta(0)
        for name in ("DTSTART", "DTEND"):
            assert vevent[name].params["TZID"] in zones, f"{name} names a TZID without VTIMEZONE"
        ours[str(vevent["UID"])] = (vevent["DTSTART"].dt.astimezone(dt.UTC),
                                   vevent["DTEND"].dt.astimezone(dt.UTC))

    theirs = {}
    for vevent in vobject.readOne(data.decode("utf-8")).vevent_list:
        theirs[vevent.uid.value] = (vevent.dtstart.value.astimezone(dt.UTC),
                                   vevent.dtend.value.astimezone(dt.UTC))
    assert theirs == ours, "icalendar and vobject read different times"
    return ours


@pytest.fixture
def check_calendar() -> Callable[[bytes], dict[str, tuple[dt.datetime, dt.datetime]]]:
    """check_calendar(data): assert an .ics is well formed; {UID: (start, end)} in UTC."""
    return assert_calendar

# How an editor reads a news draft (tests/outputs): the checks every draft must pass.
NEWS_DELEGATION_WORD = {"nl": "delegatie", "fr": "délégation", "en": "delegation"}
NEWS_SENTENCE_END = re.compile(r"(?<=[.!?”»])\s+(?=[A-ZÀ-Ý„“«])")


def _sentences(draft: Any) -> list[str]:
    """The draft's own sentences: not quotes, attributions, headings or lists."""
    prose = [block for block in draft.body.split("\n\n")
             if not block.startswith((">", "—", "*", "#", "-"))]
    return [s for block in prose for s in NEWS_SENTENCE_END.split(block)]


def _reads_well(draft: Any, lang: str) -> None:
    """What every draft must hold, whatever the visit."""
    everything = "\n".join([draft.title, draft.body, *draft.captions])
    for marker in ("[nl:", "[fr:", "[en:", "\ue000", "None", "  ", " ,", " ."):
        assert marker not in everything, (marker, everything)
    openings = [s.split()[0].lower() for s in _sentences(draft)]
    for n in range(len(openings) - 2):
        assert not openings[n] == openings[n + 1] == openings[n + 2], (openings, draft.body)
    words = draft.body.lower().split()
    hits = [n for n, word in enumerate(words) if NEWS_DELEGATION_WORD[lang] in word]
    assert all(b - a >= 40 for a, b in zip(hits, hits[1:], strict=False)), (hits, draft.body)
    straight = [c for c in draft.body if c == '"']
    assert not straight, draft.body


@pytest.fixture
def reads_well() -> Callable[[Any, str], None]:
    """Check a draft for what every draft must hold: no flags, varied openings, the delegation
    word at most once in 40 words, typographic quotes."""
    return _reads_well


@pytest.fixture(scope="session")
def programmes(tmp_path_factory: pytest.TempPathFactory,
               instance_path: str) -> dict[str, Any]:
    """The demo visit's programmes, built once from a private SQLite database."""
    from visitplanner import create_app
    from visitplanner.core.queries import load_visit
    from visitplanner.demo import load_demo
    from visitplanner.extensions import db
    from visitplanner.planning.build import build_programme

    url = f"sqlite:///{tmp_path_factory.mktemp('pdf') / 'demo.sqlite3'}"
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.create_all()
        visit = load_visit(load_demo().id)
        escort = next(d for d in visit.delegates if d.full_name == "Diane Reynders")
        built = {lang: build_programme(visit, lang) for lang in ("nl", "fr", "en")}
        built["escort"] = build_programme(visit, "nl", delegate_id=escort.id)
        db.session.remove()
        db.engine.dispose()
    return built


@pytest.fixture(scope="session")
def pdfs(programmes: dict[str, Any]) -> dict[str, bytes]:
    """One render per document: the programme in three languages, a personal one, the badges."""
    from visitplanner.outputs import pdf

    rendered = {name: pdf.render_pdf(pdf.programme_html(p)) for name, p in programmes.items()}
    rendered["badges"] = pdf.render_pdf(pdf.badges_html(programmes["nl"]))
    return rendered
