"""Pages whose body comes from the output cache: made once per data stamp and shared by every
session, so the one piece a session owns, its CSRF token, goes in afterwards.

A summit's body is a megabyte: it stays bytes from the cache file to the response (decoding,
copying and encoding it again cost more than the rest of the request).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Response, render_template
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from visitplanner.core import output_cache

# Where a cached body takes the session's CSRF token input, and where the page around it takes
# the body. Text in a page cannot forge either: escaping writes its "<" as "&lt;".
CSRF_SLOT = Markup("<!-- csrf-token -->")
BODY_SLOT = Markup("<!-- body -->")


def cached_body(kind: str, stamp: str, lang: str, make: Callable[[], str]) -> bytes:
    """The body `make()` renders (with CSRF_SLOT for each token input) for this stamp and
    language, made once across processes, with this session's token filled in (UTF-8)."""
    body = output_cache.get_or_make(kind, stamp, lang, lambda: make().encode())
    token = Markup('<input name="csrf_token" type="hidden" value="{}">').format(generate_csrf())
    return body.replace(CSRF_SLOT.encode(), token.encode())


def page_around(body: bytes, template: str, **context: Any) -> Response:
    """An HTML response: `template` rendered with BODY_SLOT as its `body`, the body put there."""
    head, _, tail = render_template(template, body=BODY_SLOT, **context).partition(BODY_SLOT)
    return Response(b"".join((head.encode(), body, tail.encode())), mimetype="text/html")
