"""Pages whose body comes from the output cache: made once per data stamp and shared by every
session, so the one piece a session owns, its CSRF token, goes in afterwards."""
from __future__ import annotations

from collections.abc import Callable

from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from visitplanner.core import output_cache

# Where a cached body takes the session's CSRF token input. Text in the page cannot forge it:
# escaping writes its "<" as "&lt;".
CSRF_SLOT = Markup("<!-- csrf-token -->")


def cached_body(kind: str, stamp: str, lang: str, make: Callable[[], str]) -> Markup:
    """The body `make()` renders (with CSRF_SLOT for each token input) for this stamp and
    language, made once across processes, with this session's token filled in."""
    body = output_cache.get_or_make(kind, stamp, lang, lambda: make().encode()).decode()
    token = Markup('<input name="csrf_token" type="hidden" value="{}">').format(generate_csrf())
    return Markup(body.replace(CSRF_SLOT, token))
