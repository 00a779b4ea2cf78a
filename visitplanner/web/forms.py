"""Form building blocks shared by every page; field names are the API's."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Any

from babel import Locale
from flask_babel import get_locale, gettext
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext as pgettext
from flask_wtf import FlaskForm
from wtforms import Form, HiddenField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from visitplanner.planning import rules
from visitplanner.planning.vocabulary import DELEGATE_LANGUAGES, LANGUAGES, VISIT_STATUSES, labelled

# The rules' own messages, marked so that the catalogs translate them (see rule_message).
RULE_MESSAGES = (
    _l("The end date must be on or after the start date."),
    _l("The end time must be after the start time."),
    _l("An item lasts at most seven days."),
    _l("A visit lasts at most 366 days."),
    _l("Date must lie between 2000-01-01 and 2100-12-31."),
    _l("Remove the control characters (such as NUL) from this text."),
    _l("Write this on one line, without line breaks."),
    _l("Use a web address that starts with http:// or https://."),
    _l("Not an e-mail address."),
    _l("The meeting time must not be after the start time."),
    _l("The meeting time must be on the day the item starts."),
    _l("The arrival must be after the departure (each time in its own time zone)."),
    _l("A journey lasts at most three days."),
    _l("The check-out date must be after the check-in date."),
    _l("A stay lasts at most 366 nights."),
)
LANGUAGE_NAMES = labelled(LANGUAGES, {"nl": _l("Dutch"), "fr": _l("French"), "en": _l("English")})
# A delegate's own language may also be one that only their personal outputs speak.
DELEGATE_LANGUAGE_NAMES = labelled(DELEGATE_LANGUAGES, {
    **LANGUAGE_NAMES, "de": _l("German"), "uk": _l("Ukrainian")})
# A visit's status agrees with "visit" (French: une visite confirmée), an item's with "item":
# the same English words get their own context. lazy_pgettext is imported as pgettext, the
# name the catalog extractor looks for.
VISIT_STATUS_NAMES = labelled(VISIT_STATUSES, {"draft": pgettext("visit", "Draft"),
                      "confirmed": pgettext("visit", "Confirmed"),
                      "completed": pgettext("visit", "Completed"),
                      "cancelled": pgettext("visit", "Cancelled")})


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


def follows(check: Callable[..., str], *args: Any) -> Callable[[Form, Any], None]:
    """A shared rule of planning/rules.py as a WTForms validator, with the API's wording."""
    def validate(form: Form, field: Any) -> None:
        values = field.data if isinstance(field.data, list) else [field.data]
        for value in values:
            if isinstance(value, str) and value:
                try:
                    check(field.name, value, *args)
                except rules.RuleError as exc:
                    raise ValidationError(rule_message(exc.message)) from exc
    return validate


def text(label: Any, max_length: int, required: bool = False, area: bool = False,
         checks: list[Any] | None = None) -> Any:
    """A text field of at most `max_length` characters; blank becomes None unless required.
    Only a text area (`area`) takes line breaks; no field takes control characters."""
    field = TextAreaField if area else StringField
    presence = DataRequired() if required else Optional()
    return field(label, validators=[presence, Length(max=max_length),
                                    follows(rules.check_text, area), *(checks or [])],
                 filters=[stripped] if required else [blank_to_none])


def email(label: Any, required: bool = False) -> Any:
    """An e-mail address, checked by the API's rule (email-validator)."""
    return text(label, 254, required=required, checks=[follows(rules.check_email)])


def web_address(label: Any) -> Any:
    """An http or https address, by the API's rule."""
    return text(label, 300, checks=[follows(rules.check_web_address)])


def country_code(value: Any) -> str | None:
    """A select's country value in capitals, None for the empty choice."""
    value = blank_to_none(value)
    return value.upper() if isinstance(value, str) else value


def _sort_key(name: str) -> str:
    """Sort country names as people read them: Égypte between Ecuador and Eritrea."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
                   ).casefold()


@cache
def _countries(lang: str) -> list[SelectChoice]:
    names = Locale.parse(lang).territories
    known = sorted(rules.known_countries(), key=lambda code: _sort_key(names.get(code, code)))
    return [SelectChoice("", "—"), *(SelectChoice(code, names.get(code, code))
                                       for code in known)]


def country_choices() -> list[SelectChoice]:
    """Every country the rules accept, named and sorted in the UI language, after 'none'."""
    return _countries(str(get_locale() or "en"))


def known_country(form: Form, field: SelectField) -> None:
    """The shared country rule, as a WTForms validator."""
    if field.data is None:
        return
    try:
        rules.check_country(field.name, field.data)
    except rules.RuleError as exc:
        raise ValidationError(gettext("Pick a country from the list.")) from exc


def country(label: Any, default: str | None = None) -> SelectField:
    """A country, stored as its ISO 3166-1 alpha-2 code such as BE, chosen by name."""
    return SelectField(label, default=default, coerce=country_code, choices=country_choices,
                       validate_choice=False, validators=[known_country])


def choose_one(label: Any, choices: dict[str, Any], default: str) -> SelectField:
    """A select over a closed word list, each word shown in the UI language."""
    return SelectField(label, choices=[SelectChoice(key, text) for key, text in choices.items()],
                       default=default)


def choose_id(label: Any) -> SelectField:
    """A select of one row by id; the view fills the choices, check_against_stored checks them."""
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
    """A form that writes one row: carries the version read, for optimistic locking, a signed
    snapshot of the values shown, so that a stale save can tell whose change is whose, and
    for a new row a one-time token."""

    version = HiddenField()
    snapshot = HiddenField()
    once = HiddenField()  # a create form's one-time token: a replayed POST adds nothing

    def values(self) -> dict[str, Any]:
        """The fields as the API would receive them."""
        return {name: value for name, value in self.data.items()
                if name not in ("csrf_token", "version", "snapshot", "once", "translations")}
