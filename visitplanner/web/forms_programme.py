"""Forms for a visit's delegates and programme items; field names are the API's."""
from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import DateTimeLocalField, RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Optional, ValidationError

from visitplanner.api.schemas import DelegateTranslation, ItemTranslation
from visitplanner.planning import rules
from visitplanner.planning.vocabulary import (
    DELEGATE_ROLES,
    GENDERS,
    ITEM_KINDS,
    ITEM_STATUSES,
    labelled,
)
from visitplanner.web.forms import (
    DELEGATE_LANGUAGE_NAMES,
    EditForm,
    check_rule,
    choose_id,
    choose_ids,
    choose_one,
    country,
    email,
    text,
)
from visitplanner.web.forms_translations import translations_field

DELEGATE_ROLE_NAMES = labelled(DELEGATE_ROLES, {
    "head": _l("Head of delegation"), "member": _l("Member"), "interpreter": _l("Interpreter"),
    "escort": _l("Escort"), "staff": _l("Staff")})
# Left empty, the gender follows from the honorific.
GENDER_NAMES = {"": _l("(from the honorific)"), **labelled(GENDERS, {
    "female": _l("Female"), "male": _l("Male")})}
ITEM_KIND_NAMES = labelled(ITEM_KINDS, {
    "session": _l("Session"), "site_visit": _l("Site visit"), "meal": _l("Meal"),
    "transfer": _l("Transfer"), "break": _l("Break"), "other": _l("Other")})
ITEM_STATUS_NAMES = labelled(ITEM_STATUSES, {
    "tentative": _l("Tentative"), "confirmed": _l("Confirmed"), "cancelled": _l("Cancelled")})
AUDIENCE_CHOICES = [SelectChoice("whole", _l("The whole delegation")),
                    SelectChoice("chosen", _l("Only the delegates chosen below"))]
# What <input type=datetime-local> sends and shows (the first format is the one rendered).
LOCAL_TIME = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]


class DelegateForm(EditForm):
    """One member of the delegation; also validates each row of an imported file."""

    full_name = text(_l("Full name"), 200, required=True)
    honorific = text(_l("Honorific"), 60)
    gender = choose_one(_l("Gender (for the news draft)"), GENDER_NAMES, "")
    function = text(_l("Function"), 200)
    organisation = text(_l("Organisation"), 200)
    country = country(_l("Country"))
    email = email(_l("E-mail"))
    phone = text(_l("Phone"), 50)
    language = choose_one(_l("Language"), {"": _l("(none)"), **DELEGATE_LANGUAGE_NAMES}, "")
    role = choose_one(_l("Role"), DELEGATE_ROLE_NAMES, "member")
    dietary = text(_l("Dietary needs"), 300)
    accessibility = text(_l("Accessibility"), 300)
    notes = text(_l("Notes"), 5000, area=True)
    translations = translations_field(DelegateTranslation, vars())

    def values(self) -> dict[str, Any]:
        """No language chosen is stored as NULL, like an omitted API field."""
        data = super().values()
        data["language"] = data["language"] or None
        data["gender"] = data["gender"] or None
        return data


class ItemForm(EditForm):
    """One programme item: kind, times, venue, host, speakers, topics, audience, status."""

    title = text(_l("Title"), 300, required=True)
    kind = choose_one(_l("Kind"), ITEM_KIND_NAMES, "session")
    starts_at = DateTimeLocalField(_l("Starts"), format=LOCAL_TIME, validators=[DataRequired()])
    ends_at = DateTimeLocalField(_l("Ends"), format=LOCAL_TIME, validators=[DataRequired()])
    venue_id = choose_id(_l("Venue"))
    host_organisation_id = choose_id(_l("Host organisation"))
    speaker_ids = choose_ids(_l("Speakers"))
    topics = text(_l("Topics, one per line"), 6200, area=True)
    description = text(_l("Description"), 10000, area=True)
    audience = RadioField(_l("Audience"), choices=AUDIENCE_CHOICES, default="whole")
    delegate_ids = choose_ids(_l("Delegates attending"))
    status = choose_one(_l("Status"), ITEM_STATUS_NAMES, "confirmed")
    meeting_point = text(_l("Meeting point"), 300)
    meeting_at = DateTimeLocalField(_l("Meeting time"), format=LOCAL_TIME,
                                    validators=[Optional()])
    dress_code = text(_l("Dress code"), 200)
    transport = text(_l("Transport"), 300)
    interpreting = text(_l("Interpreting"), 200)
    interpreter_ids = choose_ids(_l("Interpreters"))
    translations = translations_field(ItemTranslation, vars())

    def __init__(self, *args: Any, visit_delegate_ids: set[int] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.visit_delegate_ids = visit_delegate_ids or set()

    def validate_topics(self, field: Any) -> None:
        """The API's limits on topics: at most 30, each at most 200 characters."""
        if len(self.topic_list()) > 30 or any(len(t) > 200 for t in self.topic_list()):
            raise ValidationError(_l("At most 30 topics of 200 characters each."))

    def validate(self, extra_validators: Any = None) -> bool:
        """Field checks first, then the shared rules on times and audience."""
        if not super().validate(extra_validators):
            return False
        return (check_rule(self, rules.check_item_times, self.starts_at.data, self.ends_at.data)
                and check_rule(self, rules.check_meeting_time, self.meeting_at.data,
                               self.starts_at.data)
                and check_rule(self, rules.check_audience, self.chosen_delegates(),
                               self.visit_delegate_ids))

    def topic_list(self) -> list[str]:
        """The topics, one per line, blank lines left out."""
        return [line.strip() for line in (self.topics.data or "").splitlines() if line.strip()]

    def chosen_delegates(self) -> list[int] | None:
        """None for the whole delegation, else the ticked delegates' ids."""
        return None if self.audience.data == "whole" else list(self.delegate_ids.data or [])

    def values(self) -> dict[str, Any]:
        """Topics as a list and the audience as the API's delegate_ids (None: everyone)."""
        data = super().values()
        data.pop("audience")
        data["topics"] = self.topic_list()
        data["delegate_ids"] = self.chosen_delegates()
        return data
