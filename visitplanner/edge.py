"""The HTTP edge both doors (web and API) share: row ids and ?lang= read from a request the
same way, and file answers (attachments, ETag/304)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Response, has_request_context, request
from werkzeug.exceptions import BadRequest
from werkzeug.routing import BaseConverter

from visitplanner.models.base import MAX_ID
from visitplanner.outputs.filenames import content_disposition
from visitplanner.planning.vocabulary import LANGUAGES


def numbers_up_to(limit: int) -> str:
    """A regular expression for the whole numbers 1 to `limit`, written without leading zeros."""
    text = str(limit)
    parts = [rf"[1-9]\d{{0,{len(text) - 2}}}"] if len(text) > 1 else []
    for n, digit in enumerate(text):
        low = 1 if n == 0 else 0
        if int(digit) > low:
            parts.append(rf"{text[:n]}[{low}-{int(digit) - 1}]\d{{{len(text) - n - 1}}}")
    return "(?:" + "|".join([*parts, text]) + ")"


class IdConverter(BaseConverter):
    """`<id:visit_id>` in a URL rule: a row id from 1 to MAX_ID. Other values match no rule,
    by the pattern itself, so they are a 404 for every method and never a database error."""

    regex = numbers_up_to(MAX_ID)
    part_isolating = True

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: Any) -> str:
        return str(int(value))


class UnknownLanguage(BadRequest):
    """?lang= (or another language parameter) names a language the outputs do not speak."""

    def __init__(self, asked: str, parameter: str = "lang") -> None:
        super().__init__(f"Unknown language {asked!r} in {parameter}=: "
                         f"use one of {', '.join(LANGUAGES)}.")
        self.asked = asked
        self.parameter = parameter

    @property
    def fields(self) -> dict[str, list[str]]:
        """The field errors of the API's 422: the parameter and the allowed values."""
        return {self.parameter: [f"Use one of {', '.join(LANGUAGES)}."]}


def caller_address() -> str | None:
    """The address the current request came from (None outside a request), for the audit."""
    return request.remote_addr if has_request_context() else None


def output_language(parameter: str = "lang") -> str | None:
    """The language an output route is asked for: None when the request leaves it out;
    UnknownLanguage (422 in the API, a 400 page in the web) when the outputs do not speak it."""
    asked = request.args.get(parameter)
    if asked is None:
        return None
    if asked not in LANGUAGES:
        raise UnknownLanguage(asked, parameter)
    return asked


def attachment(data: bytes, mimetype: str, filename: str) -> Response:
    """A file to download under `filename` (ASCII, plus the exact name as UTF-8 `filename*`).
    Browsers may keep it but must ask again: any edit makes a new file."""
    response = Response(data, mimetype=mimetype)
    response.headers["Content-Disposition"] = content_disposition(filename)
    response.cache_control.private = True
    response.cache_control.no_cache = True
    return response


def send_cached(etag: str, mimetype: str, filename: str, render: Callable[[], bytes]) -> Response:
    """304 when the client holds the very file `etag` names, else the file `render` makes."""
    if request.if_none_match.contains_weak(etag):
        response = Response(status=304)
        response.cache_control.private = True
        response.cache_control.no_cache = True
    else:
        response = attachment(render(), mimetype, filename)
    response.set_etag(etag)
    return response
