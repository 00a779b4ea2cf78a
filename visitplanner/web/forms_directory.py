"""Forms for the directory (organisations, people, venues), users and the delegate import."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, FloatField, HiddenField
from wtforms.validators import DataRequired, NumberRange, Optional

from visitplanner.api.schemas import OrganisationTranslation, PersonTranslation, VenueTranslation
from visitplanner.planning.vocabulary import ORGANISATION_KINDS, USER_ROLES, labelled
from visitplanner.web.account import new_password
from visitplanner.web.forms import (
    EditForm,
    choose_id,
    choose_one,
    country,
    email,
    text,
    web_address,
)
from visitplanner.web.forms_translations import translations_field

ORGANISATION_KIND_NAMES = labelled(ORGANISATION_KINDS, {
    "directorate": _l("Directorate"), "police_zone": _l("Police zone"),
    "ministry": _l("Ministry"), "court": _l("Court"), "municipality": _l("Municipality"),
    "network": _l("Network"), "ngo": _l("NGO"), "other": _l("Other"),
})
USER_ROLE_NAMES = labelled(USER_ROLES, {
    "admin": _l("Administrator"), "organiser": _l("Organiser"), "viewer": _l("Viewer")})


class OrganisationForm(EditForm):
    """A body that hosts or takes part."""

    name = text(_l("Name"), 200, required=True)
    short_name = text(_l("Short name"), 60)
    kind = choose_one(_l("Kind"), ORGANISATION_KIND_NAMES, "other")
    address = text(_l("Address"), 300)
    city = text(_l("City"), 100)
    country = country(_l("Country"))
    website = web_address(_l("Website"))
    phone = text(_l("Phone"), 50)
    email = email(_l("E-mail"))
    translations = translations_field(OrganisationTranslation, vars())


class PersonForm(EditForm):
    """A host-side person."""

    full_name = text(_l("Full name"), 200, required=True)
    honorific = text(_l("Honorific"), 60)
    function = text(_l("Function"), 200)
    organisation_id = choose_id(_l("Organisation"))
    email = email(_l("E-mail"))
    phone = text(_l("Phone"), 50)
    translations = translations_field(PersonTranslation, vars())


class VenueForm(EditForm):
    """A place with an address."""

    name = text(_l("Name"), 200, required=True)
    address = text(_l("Address"), 300)
    city = text(_l("City"), 100)
    country = country(_l("Country"))
    organisation_id = choose_id(_l("Organisation"))
    phone = text(_l("Phone (the front desk, for hotels)"), 50)
    latitude = FloatField(_l("Latitude"), validators=[Optional(), NumberRange(-90, 90)])
    longitude = FloatField(_l("Longitude"), validators=[Optional(), NumberRange(-180, 180)])
    translations = translations_field(VenueTranslation, vars())


class UserForm(EditForm):
    """A login: role and whether it may still log in; a password when created."""

    email = email(_l("E-mail"), required=True)
    full_name = text(_l("Full name"), 200)
    role = choose_one(_l("Role"), USER_ROLE_NAMES, "viewer")
    active = BooleanField(_l("May log in"), default=True)
    password = new_password(_l("Password"), required=False)


class ImportForm(FlaskForm):
    """A CSV or Excel file of delegates."""

    file = FileField(_l("File (CSV or Excel .xlsx)"), validators=[
        FileRequired(), FileAllowed(["csv", "xlsx"], _l("Choose a .csv or .xlsx file."))])


class LogoForm(FlaskForm):
    """An organisation's logo: a PNG or JPEG file to upload, or the stored one to remove."""

    logo = FileField(_l("Logo (PNG or JPEG, at most 2 MB)"), validators=[
        Optional(), FileAllowed(["png", "jpg", "jpeg"], _l("Choose a .png or .jpg file."))])
    remove = BooleanField(_l("Remove the logo"))


class ConfirmImportForm(FlaskForm):
    """The previewed rows, signed, so confirming writes exactly what was shown."""

    payload = HiddenField(validators=[DataRequired()])


class ConfirmDeleteForm(FlaskForm):
    """The version the user saw when asked to confirm the deletion."""

    version = HiddenField(validators=[DataRequired()])
