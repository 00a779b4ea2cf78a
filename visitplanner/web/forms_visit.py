"""The visit form: dates, time zone, host and partners, delegation, free text, translations."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, Form, FormField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from visitplanner.api.schemas import VisitTranslation
from visitplanner.planning import rules
from visitplanner.web.forms import (
    LANGUAGE_NAMES,
    VISIT_STATUS_NAMES,
    EditForm,
    check_rule,
    choose_id,
    choose_ids,
    choose_one,
    country,
    text,
)
from visitplanner.web.forms_translations import translations_field


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
    adjective = text(_l("Nationality, as an adjective"), 100)
    description = text(_l("What the delegates are, in the plural"), 200)


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
    emergency_number = text(_l("Emergency number (empty: the host country's, 112 in the EU)"),
                            30)
    dress_code = text(_l("Dress code"), 200)
    practical_notes = text(_l("Practical notes"), 10000, area=True)
    calendar_invites = choose_one(_l("Calendar entries with each release"), {
        "feed": _l("None: the personal calendar feed keeps calendars current"),
        "requests": _l("Also a meeting request or cancellation per changed item")}, "feed")
    translations = translations_field(VisitTranslation, vars())

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



class CopyVisitForm(FlaskForm):
    """A copy's own title and first day; everything else comes from the visit copied."""

    title = text(_l("Title of the copy"), 300, required=True)
    start_date = DateField(_l("First day of the copy"), validators=[DataRequired()])
