"""Browser pages for an organisation's logo: see, upload, replace or remove it."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required

from visitplanner.core.logos import MAX_LOGO_BYTES, LogoError, remove_logo, set_logo
from visitplanner.extensions import db
from visitplanner.models import Organisation
from visitplanner.web.editing import get_or_404, writer_required
from visitplanner.web.forms_directory import LogoForm


@login_required
def show_logo(organisation_id: int) -> ResponseReturnValue:
    """The organisation's logo image, as uploaded."""
    organisation = get_or_404(Organisation, organisation_id)
    if organisation.logo_type is None:
        abort(404)
    response = Response(organisation.logo, mimetype=organisation.logo_type)
    response.cache_control.private = True
    return response


@writer_required
def edit_logo(organisation_id: int) -> ResponseReturnValue:
    """Upload, replace or remove the logo printed on covers and badges."""
    organisation = get_or_404(Organisation, organisation_id)
    form = LogoForm()
    status = 200
    if form.validate_on_submit():
        try:
            if form.remove.data:
                remove_logo(organisation)
            elif form.logo.data:
                # One byte more than allowed is enough to tell a file that is too large.
                set_logo(organisation, form.logo.data.read(MAX_LOGO_BYTES + 1))
            else:
                raise LogoError(_("Choose a file to upload."))
        except LogoError as exc:
            form.logo.errors = [str(exc)]
        else:
            db.session.commit()
            flash(_("Saved: %(name)s.", name=organisation.name))
            return redirect(url_for("web.edit_organisation", row_id=organisation.id))
    if form.is_submitted():
        status = 422
    return render_template("web/logo.html", form=form, organisation=organisation), status
