"""The query parameters of the API's output routes, as the route table declares them."""
from __future__ import annotations

from typing import Any

from visitplanner.media_types import NEWS_MEDIA_TYPES
from visitplanner.planning.vocabulary import LANGUAGES

# The ?lang= of every output route (PDF, .ics, news, conflicts), read by edge.output_language.
LANG_QUERY: dict[str, dict[str, Any]] = {"lang": {
    "type": "string", "enum": list(LANGUAGES),
    "description": "Language of the output; the visit's content language (a delegate's own for "
                   "personal outputs) when left out. Any other value: 422 naming `lang`."}}
NEWS_FORMATS = ("json", *NEWS_MEDIA_TYPES)
NEWS_QUERY: dict[str, dict[str, Any]] = {
    **LANG_QUERY,
    "format": {"type": "string", "enum": list(NEWS_FORMATS), "default": "json"},
    "captions": {"type": "boolean", "default": True,
                 "description": "false: the md, html and docx files leave the photo captions out."},
}
