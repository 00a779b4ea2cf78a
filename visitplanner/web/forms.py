"""Form building blocks shared by every page, and the visit form; field names are the API's."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_babel import gettext, lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField, Form, FormField, HiddenField, SelectField, SelectMultipleField, StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, Regexp, ValidationError

from visitplanner.planning import rules

# The rules' own messages, marked so that the catalogs translate them (see rule_message).
RULE_MESSAGES = (
    _l("The end date must be on or after the start date."),
    _l("The end time must be after the start time."),
    _l("An item lasts at most seven days."),
    _l("A visit lasts at most 366 days."),
    _l("Date must lie between 2000-01-01 and 2100-12-31."),
)
LANGUAGE_NAMES = {"nl": _l("Dutch"), "fr": _l("French"), "en": _l("English")}
VISIT_STATUS_NAMES = {"draft": _l("Draft"), "confirmed": _l("Confirmed"),
                      "completed": _l("Completed"), "cancelled": _l("Cancelled")}


def blank_to_none(value: Any) -> Any:
    """Store an empty text field as NULL, like an omitted API field."""
    if isinstance(value, str):
        value = value.strip()
    return value or None


def stripped(value: Any) -> Any:
    """Trim a required text field, leaving a missing value alone."""
    return value.strip() if isinstance(value, str) else value


def optional_id(value: Any) -> int | None:
    """Coerce a select's value to an id, or None for the empty choice."""
    if value in (None, "", "None"):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValueError(gettext("Not a valid choice.")) from None


def upper_code(value: Any) -> Any:
    """Country codes are stored in capitals, as the API does."""
    value = blank_to_none(value)
    return value.upper() if isinstance(value, str) else value


def text(label: Any, max_length: int, required: bool = False, area: bool = False,
         checks: list[Any] | None = None) -> Any:
    """A text field of at most `max_length` characters; blank becomes None unless required."""
    field = TextAreaField if area else StringField
    presence = DataRequired() if required else Optional()
    return field(label, validators=[presence, Length(max=max_length), *(checks or [])],
                 filters=[stripped] if required else [blank_to_none])


def country(label: Any, default: str | None = None) -> StringField:
    """An ISO 3166-1 alpha-2 code such as BE."""
    return StringField(label, default=default, filters=[upper_code],
                       render_kw={"maxlength": 2, "size": 3},
                       validators=[Optional(), Regexp(r"^[A-Z]{2}$",
                                                      message=_l("Two letters, such as BE."))])


def choose_one(label: Any, choices: dict[str, Any], default: str) -> SelectField:
    """A select over a closed word list, each word shown in the UI language."""
    return SelectField(label, choices=[SelectChoice(key, text) for key, text in choices.items()],
                       default=default)


def choose_id(label: Any) -> SelectField:
    """A select of one row by id; the view fills the choices and check_against_stored checks them."""
    return SelectField(label, coerce=optional_id, validate_choice=False)


def choose_ids(label: Any) -> SelectMultipleField:
    """A multiple select of rows by id; the view fills the choices."""
    return SelectMultipleField(label, coerce=int, validate_choice=False)


def rule_message(message: str) -> str:
    """A rule's message in the UI language when the catalog knows it, else as the rule said it."""
    return gettext(message)


def check_rule(form: Form, check: Callable[..., object], *args: Any) -> bool:
    """Run a shared rule; put its message next to the field it blames."""
    try:
        check(*args)
    except rules.RuleError as exc:
        getattr(form, exc.field).errors.append(rule_message(exc.message))
        return False
    return True


class EditForm(FlaskForm):
    """A form that writes one row: carries the version read, for optimistic locking."""

    version = HiddenField()

    def values(self) -> dict[str, Any]:
        """The fields as the API would receive them."""
        return {name: value for name, value in self.data.items()
                if name not in ("csrf_token", "version")}


def known_timezone(form: Form, field: StringField) -> None:
    """The shared time-zone rule, as a WTForms validator."""
    try:
        rules.check_timezone(field.data or "")
    except rules.RuleError as exc:
        raise ValidationError(gettext("Unknown time zone; use a name such as Europe/Brussels.")) \
            from exc


class DelegationForm(Form):
    """The visiting group as a whole (the API's nested `delegation`)."""

    country = country(_l("Delegation country"))
    adjective = text(_l("Nationality, as written in the content language"), 100)
    description = text(_l("What the delegates are (plural)"), 200)


class VisitForm(EditForm):
    """A visit: dates, time zone, host and partners, delegation, purpose, focus, status."""

    title = text(_l("Title"), 300, required=True)
    start_date = DateField(_l("First day"), validators=[DataRequired()])
    end_date = DateField(_l("Last day"), validators=[DataRequired()])
    timezone = StringField(_l("Time zone"), default="Europe/Brussels",
                           validators=[DataRequired(), Length(max=64), known_timezone])
    content_language = choose_one(_l("Content language"), LANGUAGE_NAMES, "nl")
    host_organisation_id = choose_id(_l("Host organisation"))
    partner_organisation_ids = choose_ids(_l("Partner organisations"))
    host_country = country(_l("Host country"), default="BE")
    delegation = FormField(DelegationForm, label=_l("Delegation"))
    visit_type = text(_l("Kind of visit"), 100)
    purpose = text(_l("Purpose"), 5000, area=True)
    focus = text(_l("Focus"), 5000, area=True)
    status = choose_one(_l("Status"), VISIT_STATUS_NAMES, "draft")

    def validate(self, extra_validators: Any = None) -> bool:
        """Field checks first, then the shared rule on the visit's dates."""
        if not super().validate(extra_validators):
            return False
        return check_rule(self, rules.check_visit_dates, self.start_date.data, self.end_date.data)

    def values(self) -> dict[str, Any]:
        """The API's default host country when left empty."""
        data = super().values()
        data["host_country"] = data["host_country"] or "BE"
        return data

