"""API handlers of organisations' logos: the image itself, upload (PUT) and removal."""
from __future__ import annotations

from flask import Response, request

from visitplanner.api.errors import ApiError, validation_error
from visitplanner.api.resources import ORGANISATIONS
from visitplanner.api.types import ReadModel
from visitplanner.core.logos import MAX_LOGO_BYTES, LogoError, remove_logo, set_logo
from visitplanner.extensions import db
from visitplanner.media_types import LOGO_MEDIA_TYPES
from visitplanner.models import Organisation


def _organisation(organisation_id: int) -> Organisation:
    organisation = db.session.get(Organisation, organisation_id)
    if organisation is None:
        raise ApiError(404, f"No organisation with id {organisation_id}.")
    return organisation


def get_logo(organisation_id: int) -> Response:
    """The organisation's logo as uploaded."""
    organisation = _organisation(organisation_id)
    if organisation.logo_type is None:
        raise ApiError(404, f"Organisation {organisation_id} has no logo.")
    response = Response(organisation.logo, mimetype=organisation.logo_type)
    response.cache_control.private = True
    return response


def upload_logo(organisation_id: int) -> ReadModel:
    """Store the request body (a PNG or JPEG of at most 2 MB) as the organisation's logo."""
    organisation = _organisation(organisation_id)
    if request.mimetype not in LOGO_MEDIA_TYPES:
        raise ApiError(415, "Send the logo as the body, with Content-Type image/png or image/jpeg.")
    try:
        length = request.content_length or 0
        if length > MAX_LOGO_BYTES:
            raise LogoError(f"The file is {length / 1024 / 1024:.1f} MB; a logo may be at most "
                            "2 MB.")
        set_logo(organisation, request.get_data())
    except LogoError as exc:
        raise validation_error({"logo": [str(exc)]}) from exc
    db.session.commit()
    return ORGANISATIONS.dump(organisation)


def delete_logo(organisation_id: int) -> None:
    """Remove the organisation's logo."""
    remove_logo(_organisation(organisation_id))
    db.session.commit()
