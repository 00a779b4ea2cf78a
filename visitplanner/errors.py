"""Error answers for the whole app: JSON under /api, a page in the user's language elsewhere."""
from __future__ import annotations

from flask import Response, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from visitplanner.api.errors import error_response, validation_error
from visitplanner.edge import UnknownLanguage
from visitplanner.planning.vocabulary import LANGUAGES

API_PREFIX = "/api/"


def _page_text(code: int) -> tuple[str, str]:
    texts = {
        400: (_("The request could not be used"),
              _("The page may have been open too long, or a form was sent twice. "
                "Go back, reload the page and try again.")),
        403: (_("Not allowed"), _("Your role may read this but not change it.")),
        404: (_("Not found"), _("There is no such page. It may have been deleted.")),
        405: (_("Not allowed"), _("This address does not accept that kind of request.")),
    }
    return texts.get(code, (_("Something went wrong"),
                            _("The error was logged. Please try again in a moment.")))


def answer_http_error(exc: HTTPException) -> Response | tuple[str, int]:
    """Answer 4xx/5xx: the API's JSON error, or a translated page for people in a browser."""
    code = exc.code or 500
    if request.path.startswith(API_PREFIX):
        return error_response(code, exc.description or exc.name)
    title, message = _page_text(code)
    return render_template("error.html", code=code, title=title, message=message), code


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
