"""The one set of validation rules, called by the API schemas and the browser forms alike."""
from __future__ import annotations

import datetime as dt
import re
from functools import cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, available_timezones

from babel import Locale

EARLIEST_DATE = dt.date(2000, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)
LONGEST_VISIT_DAYS = 366
LONGEST_ITEM = dt.timedelta(days=7)
LONGEST_JOURNEY = dt.timedelta(days=3)
# What a phone can dial (and a tel: link can carry): digits, a leading +, spaces and ()./-.
PHONE_PATTERN = r"^\+?[0-9][0-9 ()./-]*[0-9]$"
# A change to any of these makes calendars treat an item as updated (its SEQUENCE rises).
SEQUENCE_FIELDS = ("starts_at", "ends_at", "venue_id", "title", "status")


# Text never holds C0 controls but tab and line breaks, DEL, lone surrogates or the two
# non-characters: PostgreSQL refuses NUL, and Word, PDF and iCalendar cannot hold the rest.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
LINE_BREAK = re.compile("[\n\r\x85\u2028\u2029]")
# The same rules as JSON Schema patterns, for the OpenAPI document.
MULTILINE_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
SINGLE_LINE_PATTERN = r"^[^\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]*$"
WEB_ADDRESS_PATTERN = r"^https?://[^\s\x00-\x1f\x7f]+$"
TEXT_MESSAGES = {
    "control": "Remove the control characters (such as NUL) from this text.",
    "line": "Write this on one line, without line breaks.",
    "web_address": "Use a web address that starts with http:// or https://.",
    "email": "Not an e-mail address.",
}


class RuleError(ValueError):
    """A value breaks a rule; `field` names the field to blame."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def check_text(field: str, value: str, multiline: bool = False) -> str:
    """Refuse control characters, and line breaks in a single-line field."""
    if FORBIDDEN.search(value):
        raise RuleError(field, TEXT_MESSAGES["control"])
    if not multiline and LINE_BREAK.search(value):
        raise RuleError(field, TEXT_MESSAGES["line"])
    return value


def check_web_address(field: str, value: str) -> str:
    """Only http and https addresses with a host: no javascript:, data: or file: links."""
    check_text(field, value)
    parts = urlsplit(value.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or " " in value.strip():
        raise RuleError(field, TEXT_MESSAGES["web_address"])
    return value.strip()


def check_email(field: str, value: str) -> str:
    """An e-mail address a mail server accepts as one recipient (syntax only, no DNS)."""
    # Imported here: email_validator is a thirtieth of a second of every start.
    from email_validator import EmailNotValidError, validate_email

    check_text(field, value)
    try:
        validate_email(value.strip(), check_deliverability=False, test_environment=True)
    except EmailNotValidError as exc:
        raise RuleError(field, TEXT_MESSAGES["email"]) from exc
    return value.strip()


@cache
def known_timezones() -> frozenset[str]:
    """The IANA time zone names this machine knows, without `localtime` and `Factory`: those
    name whatever the server happens to be set to, not a place."""
    return frozenset(available_timezones()) - {"localtime", "Factory", "posixrules"}


# Babel also names regions that are no country: unknown (ZZ), EU, euro area, UN, outlying
# Oceania; codes ISO 3166-1 only reserves (Ascension, Clipperton, Sark, Diego Garcia, Ceuta and
# Melilla, Canary Islands, Tristan da Cunha); and its test locales' pseudo-regions (XA, XB).
NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO", "AC", "CP", "CQ", "DG", "EA", "IC",
                           "TA", "XA", "XB"})


@cache
def known_countries() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes Babel names (plus XK, Kosovo, which it also knows)."""
    return frozenset(code for code in Locale("en").territories
                     if isinstance(code, str) and code.isalpha() and len(code) == 2
                     and code not in NOT_COUNTRIES)


def check_country(field: str, code: str) -> str:
    """Refuse a two-letter code that names no country, such as ZZ."""
    code = code.upper()
    if code not in known_countries():
        raise RuleError(field, f"Unknown country code {code!r}; use ISO 3166-1 alpha-2, e.g. BE.")
    return code


def check_timezone(name: str, field: str = "timezone") -> str:
    """Refuse a time zone that is not an IANA name such as Europe/Brussels."""
    if name not in known_timezones():
        raise RuleError(field, f"Unknown time zone {name!r}; use an IANA name such as "
                               "Europe/Brussels.")
    return name


def check_date_in_range(field: str, value: dt.date) -> dt.date:
    """Refuse dates outside the years a visit can sensibly take place."""
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise RuleError(field, f"Date must lie between {EARLIEST_DATE} and {LATEST_DATE}.")
    return value


def check_visit_dates(start_date: dt.date, end_date: dt.date) -> None:
    """The last day may not come before the first, and a visit lasts at most a year."""
    check_date_in_range("start_date", start_date)
    check_date_in_range("end_date", end_date)
    if end_date < start_date:
        raise RuleError("end_date", "The end date must be on or after the start date.")
    if (end_date - start_date).days >= LONGEST_VISIT_DAYS:
        raise RuleError("end_date", f"A visit lasts at most {LONGEST_VISIT_DAYS} days.")


def check_item_times(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    """An item ends after it starts, within sensible bounds."""
    check_date_in_range("starts_at", starts_at.date())
    check_date_in_range("ends_at", ends_at.date())
    if ends_at <= starts_at:
        raise RuleError("ends_at", "The end time must be after the start time.")
    if ends_at - starts_at > LONGEST_ITEM:
        raise RuleError("ends_at", "An item lasts at most seven days.")


def check_meeting_time(meeting_at: dt.datetime | None, starts_at: dt.datetime) -> None:
    """People meet before an item starts (or as it starts), on the same day."""
    if meeting_at is None:
        return
    if meeting_at > starts_at:
        raise RuleError("meeting_at", "The meeting time must not be after the start time.")
    if meeting_at.date() != starts_at.date():
        raise RuleError("meeting_at", "The meeting time must be on the day the item starts.")


def check_journey_times(departs_at: dt.datetime, departure_timezone: str,
                        arrives_at: dt.datetime, arrival_timezone: str) -> None:
    """A journey arrives after it departs, each time read in its own zone (Kyiv -> Brussels)."""
    check_timezone(departure_timezone, "departure_timezone")
    check_timezone(arrival_timezone, "arrival_timezone")
    check_date_in_range("departs_at", departs_at.date())
    check_date_in_range("arrives_at", arrives_at.date())
    check_wall_time("departs_at", departs_at, departure_timezone)
    check_wall_time("arrives_at", arrives_at, arrival_timezone)
    departs = departs_at.replace(tzinfo=ZoneInfo(departure_timezone))
    arrives = arrives_at.replace(tzinfo=ZoneInfo(arrival_timezone))
    if arrives <= departs:
        raise RuleError("arrives_at", "The arrival must be after the departure (each time in "
                                      "its own time zone).")
    if arrives - departs > LONGEST_JOURNEY:
        raise RuleError("arrives_at", "A journey lasts at most three days.")


def check_stay_dates(check_in: dt.date, check_out: dt.date) -> None:
    """A stay ends on a later day than it starts: at least one night."""
    check_date_in_range("check_in", check_in)
    check_date_in_range("check_out", check_out)
    if check_out <= check_in:
        raise RuleError("check_out", "The check-out date must be after the check-in date.")
    if (check_out - check_in).days > LONGEST_VISIT_DAYS:
        raise RuleError("check_out", f"A stay lasts at most {LONGEST_VISIT_DAYS} nights.")


def check_wall_time(field: str, value: dt.datetime, timezone: str) -> None:
    """Refuse a wall-clock time that never happens, e.g. 02:30 when the clocks jump forward."""
    zone = ZoneInfo(timezone)
    there_and_back = value.replace(tzinfo=zone).astimezone(dt.UTC).astimezone(zone)
    if there_and_back.replace(tzinfo=None) != value:
        raise RuleError(field, f"{value:%Y-%m-%d %H:%M} does not exist in {timezone}: the clocks "
                               "jump forward at that hour.")


def check_audience(delegate_ids: list[int] | None, visit_delegate_ids: set[int]) -> None:
    """Chosen delegates must belong to the item's visit."""
    strangers = sorted(set(delegate_ids or ()) - visit_delegate_ids)
    if strangers:
        raise RuleError("delegate_ids", "Not delegates of this visit: "
                                        + ", ".join(str(i) for i in strangers) + ".")


def raises_sequence(before: dict[str, object], after: dict[str, object]) -> bool:
    """Tell whether an item's change is one calendars must see as a new version."""
    return any(before.get(name) != after.get(name) for name in SEQUENCE_FIELDS)
