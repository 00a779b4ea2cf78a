"""WeasyPrint's side of the PDFs: lay out print HTML, fetching only static files and images.

Imported only when a PDF is laid out (see pdf.render_pdf): WeasyPrint's import costs a second.
"""
from __future__ import annotations

import base64
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from visitplanner.gc_pause import paused_gc
from visitplanner.outputs.pdf import BASE_URL, IMAGE_TYPES, STATIC_DIR


def data_response(url: str) -> URLFetcherResponse:
    """Answer a data: URL of an image (a host's logo, a QR code); refuse any other media type."""
    header, _, payload = url[len("data:"):].partition(",")
    media_type = header.split(";")[0]
    if media_type not in IMAGE_TYPES:
        raise ValueError(f"Refused a data URL of type {media_type!r}: only images are allowed.")
    body = (base64.b64decode(payload) if header.endswith(";base64")
            else unquote(payload).encode("utf-8"))
    return URLFetcherResponse(url, body, {"Content-Type": media_type})


class StaticFetcher(URLFetcher):
    """Let WeasyPrint read the project's static files and images embedded in the HTML."""

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        """Answer a file:// URL under static/; refuse every other URL."""
        if url.startswith("data:"):
            return data_response(url)
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise ValueError(f"Refused to fetch {url!r}: only static files are allowed.")
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not path.is_relative_to(STATIC_DIR) or not path.is_file():
            raise ValueError(f"Refused to fetch {url!r}: not a file under static/.")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})


def layout_pdf(html: str) -> bytes:
    """Lay out print HTML with WeasyPrint; only static/ files may be fetched."""
    with paused_gc():  # parsing and layout allocate a great many objects, few in cycles
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFetcher())  # type: ignore[no-untyped-call]
        return bytes(document.write_pdf())
