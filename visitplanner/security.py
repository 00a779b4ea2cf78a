"""Limits and headers for every answer: rate limits, security headers, cookie flags, 503 while
the database is away, and secret links kept out of the logs."""
from __future__ import annotations

import logging
import re
from typing import Any

from flask import Flask, Response, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from sqlalchemy.exc import DBAPIError, OperationalError

from visitplanner.models import ApiToken

limiter = Limiter(key_func=get_remote_address)
# What limit_login() and limit_api() limited; every other request skips the limiter.
LIMITED_VIEWS: set[Any] = set()
LIMITED_BLUEPRINTS: set[str] = set()
# The secret part of /p/<token> and /c/<token>.ics; access logs see "[redacted]" instead.
SECRET_PATHS = re.compile(r"(/[pc]/)[^\s/?\"]+?(\.ics)?(?=[\s?\"]|$)")
# Styles may be inline: the vendored timeline (FullCalendar) injects its own <style> element.
# Scripts may not.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
RETRY_AFTER_OUTAGE = "30"
# Added to every answer that does not set its own.
SECURITY_HEADERS = (("Content-Security-Policy", CSP), ("X-Frame-Options", "DENY"),
                    ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "same-origin"),
                    ("Cross-Origin-Opener-Policy", "same-origin"))
HSTS = ("Strict-Transport-Security", "max-age=31536000; includeSubDomains")


def redact(text: str) -> str:
    """The text with every personal-link token replaced by [redacted]."""
    return SECRET_PATHS.sub(lambda m: f"{m.group(1)}[redacted]{m.group(2) or ''}", text)


class RedactSecretLinks(logging.Filter):
    """Log records lose the tokens of delegates' secret links (werkzeug's access log too)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def api_token_key() -> str:
    """Rate-limit key of an API call: the token's hash, else the caller's address."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return "token:" + ApiToken.hash(token.strip())
    return "ip:" + get_remote_address()


def login_email_key() -> str:
    """Rate-limit key of failed logins: the account tried, whichever address it comes from."""
    return "login:" + (request.form.get("email") or "").strip().lower()[:254]


@limiter.request_filter
def has_no_limits() -> bool:
    """Whether the request's view has no limit: the limiter's lookups were a tenth of a page."""
    if request.blueprint in LIMITED_BLUEPRINTS:
        return False
    return current_app.view_functions.get(request.endpoint or "") not in LIMITED_VIEWS


def _limit(name: str) -> Any:
    return lambda: current_app.config[name]


def limit_login(view: Any) -> Any:
    """Bound logins per address and failures per account (a lockout, counted in 429s)."""
    from visitplanner.core.audit import record_event

    def locked_out(limit: Any) -> None:
        record_event("lockout", email=login_email_key().removeprefix("login:"))

    view = limiter.limit(_limit("RATELIMIT_LOGIN_FAILURES"), key_func=login_email_key,
                         methods=["POST"], deduct_when=lambda r: r.status_code == 422,
                         on_breach=locked_out)(view)
    view = limiter.limit(_limit("RATELIMIT_LOGIN"), methods=["POST"])(view)
    LIMITED_VIEWS.add(view)
    return view


def limit_api(blueprint: Any) -> None:
    """Bound calls per token, and calls with a bad token per address (once per blueprint,
    however many apps are created: the limiter and the blueprint are both module-level)."""
    if blueprint.name in LIMITED_BLUEPRINTS:
        return
    LIMITED_BLUEPRINTS.add(blueprint.name)
    limiter.limit(_limit("RATELIMIT_API"), key_func=api_token_key)(blueprint)
    limiter.limit(_limit("RATELIMIT_API_FAILURES"), key_func=get_remote_address,
                  deduct_when=lambda r: r.status_code == 401)(blueprint)


def add_security_headers(response: Response) -> Response:
    """CSP without inline script, no framing, no sniffing, HSTS behind https."""
    headers = response.headers
    present = {name.lower() for name in headers.keys()}  # one pass, not one per header
    if "retry-after" in present and response.status_code not in (429, 503):
        headers.pop("Retry-After")  # the limiter adds it to every answer it counts
    https = current_app.config["BASE_URL"].startswith("https://")
    wanted = (*SECURITY_HEADERS, HSTS) if https else SECURITY_HEADERS
    headers.extend([(name, value) for name, value in wanted if name.lower() not in present])
    return response


def is_outage(exc: Exception) -> bool:
    """Whether a database error means the database cannot be reached (not a bad statement)."""
    return isinstance(exc, OperationalError) or (
        isinstance(exc, DBAPIError) and exc.connection_invalidated)


def init_security(app: Flask) -> None:
    """Wire the limiter, the headers and the log filter into the app."""
    app.after_request(add_security_headers)  # registered first, so it runs after the limiter's
    limiter.init_app(app)
    for name in ("werkzeug", "visitplanner", "gunicorn.access"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSecretLinks) for f in logger.filters):
            logger.addFilter(RedactSecretLinks())
    app.logger.addFilter(RedactSecretLinks())
