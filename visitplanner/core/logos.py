"""Organisations' logos: checked with Pillow (PNG or JPEG, at most 2 MB), stored on the row."""
from __future__ import annotations

import io
from typing import Any

from flask_babel import gettext as _

MAX_LOGO_BYTES = 2 * 1024 * 1024
LOGO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}
# A logo wider or taller than this is surely not one; refusing it also bounds decoding work.
MAX_LOGO_PIXELS = 8000


class LogoError(ValueError):
    """An upload that cannot be a logo; the message says why, for the organiser."""


def check_logo(data: bytes) -> str:
    """The media type of an acceptable logo; LogoError saying what is wrong otherwise."""
    from PIL import Image, UnidentifiedImageError  # only uploads need Pillow

    if not data:
        raise LogoError(_("The file is empty."))
    if len(data) > MAX_LOGO_BYTES:
        megabytes = len(data) / 1024 / 1024
        raise LogoError(_("The file is %(size).1f MB; a logo may be at most 2 MB.",
                          size=megabytes))
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, size = image.format, image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError) as exc:
        raise LogoError(_("The file is not a PNG or JPEG image that can be read.")) from exc
    if kind is None or kind not in LOGO_TYPES:
        raise LogoError(_("The file is a %(kind)s image; upload a PNG or JPEG.", kind=kind))
    if max(size) > MAX_LOGO_PIXELS:
        raise LogoError(_("The image is %(width)d × %(height)d pixels; at most %(most)d pixels "
                          "a side.", width=size[0], height=size[1], most=MAX_LOGO_PIXELS))
    return LOGO_TYPES[kind]


def set_logo(organisation: Any, data: bytes) -> None:
    """Check `data` and store it as the organisation's logo (the caller commits)."""
    organisation.logo_type = check_logo(data)
    organisation.logo = data
    organisation.touch()


def remove_logo(organisation: Any) -> None:
    """Forget the organisation's logo (the caller commits)."""
    organisation.logo, organisation.logo_type = None, None
    organisation.touch()
