"""Media types of the files visitplanner takes and makes, by format.

Here, apart from the modules that read and write the files: the API's route table and its
OpenAPI document name them before any of those modules (and their libraries) is imported.
"""
from __future__ import annotations

NEWS_MEDIA_TYPES = {
    "md": "text/markdown",
    "html": "text/html",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
SHEET_MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
LOGO_MEDIA_TYPES = ("image/png", "image/jpeg")
