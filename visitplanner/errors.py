"""Error answers for the whole app: JSON under /api, a page in the user's language elsewhere."""
from __future__ import annotations

import logging

from flask import Response, render_template, request
from flask_babel import gettext as _
from sqlalchemy.exc import DBAPIError
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable

from visitplanner.api.errors import error_response, validation_error
from visitplanner.edge import UnknownLanguage
from visitplanner.extensions import db
from visitplanner.planning.vocabulary import LANGUAGES
from visitplanner.security import RETRY_AFTER_OUTAGE, is_outage

logger = logging.getLogger(__name__)
# Headers of an HTTP error worth keeping on our own answer: allowed methods, when to retry.
KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")

API_PREFIX = "/api/"


def _page_text(code: int) -> tuple[str, str]:
    texts = {
        400: (_("The request could not be used"),
              _("The page may have been open too long, or a form was sent twice. "
                "Go back, reload the page and try again.")),
        403: (_("Not allowed"), _("Your role may read this but not change it.")),
        404: (_("Not found"), _("There is no such page. It may have been deleted.")),
        405: (_("Not allowed"), _("This address does not accept that kind of request.")),
        410: (_("This link has expired"),
              _("Personal links stop working some time after the visit. Ask the organisers "
                "for a new one.")),
        413: (_("Too large"), _("What was sent is larger than this site accepts.")),
        429: (_("Too many attempts"), _("Please wait a moment before trying again.")),
        503: (_("Temporarily unavailable"),
              _("The database cannot be reached just now. Please try again in a minute.")),
    }
    return texts.get(code, (_("Something went wrong"),
                            _("The error was logged. Please try again in a moment.")))


def answer_http_error(exc: HTTPException) -> Response:
    """Answer 4xx/5xx: the API's JSON error, or a translated page for people in a browser."""
    code = exc.code or 500
    if request.path.startswith(API_PREFIX):
        response = error_response(code, exc.description or exc.name)
    else:
        title, message = _page_text(code)
        # While the database is away the page may not ask it who is logged in.
        template = "outage.html" if code == 503 else "error.html"
        response = Response(render_template(template, code=code, title=title, message=message),
                            code, mimetype="text/html")
    for name, value in exc.get_headers():
        if name in KEPT_HEADERS:
            response.headers[name] = value
    return response


def answer_database_error(exc: DBAPIError) -> Response:
    """503 with Retry-After while the database cannot be reached; any other database error is
    a 500 (logged without its SQL parameters)."""
    try:
        db.session.rollback()
    except DBAPIError:
        pass
    logger.error("database error: %s", exc)
    if not is_outage(exc):
        return answer_http_error(InternalServerError())
    response = answer_http_error(ServiceUnavailable(
        "The database cannot be reached just now; retry in a moment."))
    response.headers["Retry-After"] = RETRY_AFTER_OUTAGE
    return response


def answer_unknown_language(exc: UnknownLanguage) -> Response | tuple[str, int]:
    """The one answer to a language the outputs do not speak: the API's 422 naming the
    parameter and the allowed values, or a 400 page naming the language asked for."""
    if request.path.startswith(API_PREFIX):
        error = validation_error(exc.fields)
        return error_response(error.status, error.message, error.fields)
    message = _("There is no output in the language “%(asked)s”: choose one of %(languages)s.",
                asked=exc.asked, languages=", ".join(LANGUAGES))
    return render_template("error.html", code=400, title=_("Unknown language"),
                           message=message), 400
