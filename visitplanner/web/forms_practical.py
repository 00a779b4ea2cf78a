"""Forms for a visit's practical side: journeys, hotel stays and contacts on duty."""
from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import DateField, DateTimeLocalField, IntegerField, RadioField
from wtforms.validators import DataRequired, NumberRange, Optional, Regexp, ValidationError

from visitplanner.api.schemas import ContactTranslation, JourneyTranslation, StayTranslation
from visitplanner.planning import rules
from visitplanner.web.forms import (
    EditForm,
    check_rule,
    choose_id,
    choose_ids,
    choose_one,
    email,
    text,
)
from visitplanner.web.forms_programme import AUDIENCE_CHOICES, LOCAL_TIME
from visitplanner.web.forms_translations import translations_field

DIRECTION_NAMES = {"arrival": _l("Arrival"), "departure": _l("Departure")}
MODE_NAMES = {"flight": _l("Flight"), "train": _l("Train"), "coach": _l("Coach"),
              "car": _l("Car"), "other": _l("Other")}


class AudienceForm(EditForm):
    """A form whose row is for the whole delegation or for the delegates ticked."""

    audience = RadioField(_l("Who"), choices=AUDIENCE_CHOICES, default="whole")
    delegate_ids = choose_ids(_l("Delegates"))

    def __init__(self, *args: Any, visit_delegate_ids: set[int] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.visit_delegate_ids = visit_delegate_ids or set()

    def chosen_delegates(self) -> list[int] | None:
        """None for the whole delegation, else the ticked delegates' ids."""
        return None if self.audience.data == "whole" else list(self.delegate_ids.data or [])

    def validate(self, extra_validators: Any = None) -> bool:
        """Field checks, then the shared rules: the form's own, then the audience's."""
        if not super().validate(extra_validators):
            return False
        return self.check_rules() and check_rule(self, rules.check_audience,
                                                 self.chosen_delegates(), self.visit_delegate_ids)

    def check_rules(self) -> bool:
        """The rules across fields of this kind of row."""
        return True

    def values(self) -> dict[str, Any]:
        """The audience as the API's delegate_ids (None: everyone)."""
        data = super().values()
        data.pop("audience")
        data["delegate_ids"] = self.chosen_delegates()
        return data


class JourneyForm(AudienceForm):
    """An arrival or departure, each end in its own time zone."""

    direction = choose_one(_l("Arrival or departure"), DIRECTION_NAMES, "arrival")
    mode = choose_one(_l("By"), MODE_NAMES, "flight")
    reference = text(_l("Reference (flight or train number)"), 60)
    from_place = text(_l("From"), 200)
    departs_at = DateTimeLocalField(_l("Departs"), format=LOCAL_TIME, validators=[DataRequired()])
    departure_timezone = text(_l("Time zone of the departure"), 64, required=True)
    to_place = text(_l("To"), 200)
    arrives_at = DateTimeLocalField(_l("Arrives"), format=LOCAL_TIME, validators=[DataRequired()])
    arrival_timezone = text(_l("Time zone of the arrival"), 64, required=True)
    meeting_point = text(_l("Meeting point"), 300)
    met_by = text(_l("Met by"), 200)
    notes = text(_l("Notes"), 5000, area=True)
    translations = translations_field(JourneyTranslation, vars())

    def check_rules(self) -> bool:
        """Known zones, and an arrival after the departure across them."""
        return check_rule(self, rules.check_journey_times, self.departs_at.data,
                          self.departure_timezone.data, self.arrives_at.data,
                          self.arrival_timezone.data)


class StayForm(AudienceForm):
    """Nights at a hotel, which is a venue of the directory."""

    venue_id = choose_id(_l("Hotel (a venue)"))
    check_in = DateField(_l("Check-in"), validators=[DataRequired()])
    check_out = DateField(_l("Check-out"), validators=[DataRequired()])
    booking_reference = text(_l("Booking reference"), 100)
    notes = text(_l("Notes"), 5000, area=True)
    translations = translations_field(StayTranslation, vars())

    def validate_venue_id(self, field: Any) -> None:
        """A stay needs its hotel."""
        if field.data is None:
            raise ValidationError(_l("Pick the hotel."))

    def check_rules(self) -> bool:
        """The check-out comes after the check-in."""
        return check_rule(self, rules.check_stay_dates, self.check_in.data, self.check_out.data)


class ContactForm(EditForm):
    """Someone to call during the visit."""

    name = text(_l("Name"), 200, required=True)
    role = text(_l("Role"), 100)
    phone = text(_l("Phone"), 50, required=True, checks=[Regexp(
        rules.PHONE_PATTERN, message=_l("Digits, spaces and a leading +, e.g. +32 475 12 34 56."))])
    email = email(_l("E-mail"))
    available = text(_l("Available"), 100)
    position = IntegerField(_l("Place in the list"), default=0,
                            validators=[Optional(), NumberRange(0, 10_000)])
    translations = translations_field(ContactTranslation, vars())

    def values(self) -> dict[str, Any]:
        """An empty place is the first place."""
        data = super().values()
        data["position"] = data["position"] or 0
        return data
