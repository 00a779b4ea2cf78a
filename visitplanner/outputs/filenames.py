"""Names of downloaded files: the visit's title first, readable in any browser."""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

UNSAFE = re.compile(r"[^\w.-]+")


def file_name(title: str, *parts: str, extension: str) -> str:
    """'Visite d'étude', 'programme', 'fr' → 'Visite-d-étude-programme-fr.pdf'."""
    words = [UNSAFE.sub("-", part).strip("-._") for part in (title, *parts)]
    stem = "-".join(word for word in words if word)[:150].rstrip("-._")
    return f"{stem or 'download'}.{extension}"


def ascii_name(name: str) -> str:
    """The name with accents dropped and anything else outside ASCII replaced."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    plain = re.sub(r"[^A-Za-z0-9.-]+", "-", plain)
    return re.sub(r"-{2,}", "-", plain).strip("-") or "download"


def content_disposition(name: str) -> str:
    """An attachment header with an ASCII `filename` and the exact name as UTF-8 `filename*`."""
    header = f'attachment; filename="{ascii_name(name)}"'
    if ascii_name(name) != name:
        header += f"; filename*=UTF-8''{quote(name, safe='')}"
    return header
