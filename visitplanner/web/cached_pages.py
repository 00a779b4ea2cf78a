"""Pages whose body comes from the output cache: made once per data stamp and shared by every
session, so the one piece a session owns, its CSRF token, goes in afterwards.

A summit's body is a megabyte: it stays bytes from the cache file to the response (decoding,
copying and encoding it again cost more than the rest of the request).
"""
from __future__ import annotations

from collections.abc import Callable

from flask import Response, current_app, render_template, request, session
from flask_babel import get_locale
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from visitplanner.core import output_cache

# Where a cached body takes the session's CSRF token input, where the page around it takes the
# body, and where that frame takes the token itself. Text in a page cannot forge any of them:
# escaping writes its "<" as "&lt;".
CSRF_SLOT = Markup("<!-- csrf-token -->")
BODY_SLOT = Markup("<!-- body -->")
TOKEN_SLOT = Markup("<!-- csrf-token-value -->")
# Frames kept per app and process, at most: repeat views of a page find theirs among them.
FRAMES_KEPT = 256


def cached_body(kind: str, stamp: str, lang: str, make: Callable[[], str]) -> bytes:
    """The body `make()` renders (with CSRF_SLOT for each token input) for this stamp and
    language, made once across processes, with this session's token filled in (UTF-8)."""
    body = output_cache.get_or_make(kind, stamp, lang, lambda: make().encode())
    token = Markup('<input name="csrf_token" type="hidden" value="{}">').format(generate_csrf())
    return body.replace(CSRF_SLOT.encode(), token.encode())


def page_around(body: bytes, template: str, **context: str) -> Response:
    """An HTML response for a logged-in user: `template` rendered with BODY_SLOT as its `body`,
    the body put there.

    That frame (base.html's header, the title) shows only what the key below holds, so it is
    rendered once per process for each key; the session's CSRF token goes in afterwards.
    Flashed messages are shown once, so a frame that has some is rendered and not kept.
    """
    if "_flashes" in session:
        head, tail = _frame(template, context)
    else:
        key = (template, str(get_locale()), current_user.email, current_user.role,
               request.script_root, request.path, *context.items())
        frames = current_app.extensions.setdefault("visitplanner_frames", {})
        found = frames.get(key)
        if found is None:
            if len(frames) >= FRAMES_KEPT:
                frames.clear()  # one step, safe beside other threads; a frame is quick to make
            found = frames[key] = _frame(template, context)
        head, tail = found
    token = TOKEN_SLOT.encode(), Markup.escape(generate_csrf()).encode()
    return Response(b"".join((head.replace(*token), body, tail.replace(*token))),
                    mimetype="text/html")


def _frame(template: str, context: dict[str, str]) -> tuple[bytes, bytes]:
    page = render_template(template, body=BODY_SLOT, csrf_token=lambda: TOKEN_SLOT, **context)
    head, _, tail = page.partition(BODY_SLOT)
    return head.encode(), tail.encode()
