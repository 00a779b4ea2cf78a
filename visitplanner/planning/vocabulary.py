"""The closed word lists of the domain, shared by models, API schemas and forms."""

from typing import Literal, get_args

LANGUAGES = ("nl", "fr", "en")
# A delegate's own language: their personal programme, page and calendar come in it.
DELEGATE_LANGUAGES = (*LANGUAGES, "de", "uk")
USER_ROLES = ("admin", "organiser", "viewer")
ORGANISATION_KINDS = (
    "directorate", "police_zone", "ministry", "court", "municipality", "network", "ngo", "other",
)
VISIT_STATUSES = ("draft", "confirmed", "completed", "cancelled")
DELEGATE_ROLES = ("head", "member", "interpreter", "escort", "staff")
# Only these count in "a delegation of six ..."; interpreters, escorts and staff do not.
COUNTED_DELEGATE_ROLES = ("head", "member")
ITEM_KINDS = ("session", "site_visit", "meal", "transfer", "break", "other")
ITEM_STATUSES = ("tentative", "confirmed", "cancelled")
JOURNEY_DIRECTIONS = ("arrival", "departure")
JOURNEY_MODES = ("flight", "train", "coach", "car", "other")
# Grammatical gender of a delegate, for the languages whose words agree with it (la commissaire).
GENDERS = ("female", "male")
# feed: the personal calendar feed keeps calendars current; requests: also a meeting request
# or cancellation per changed item, for those who want meeting entries.
CALENDAR_INVITES = ("feed", "requests")
# The kinds of conflict find_conflicts reports (the API's `kind`).
ConflictKind = Literal["double_booking", "venue_clash", "outside_visit", "travel_time",
                       "before_arrival", "no_stay"]
CONFLICT_KINDS: tuple[ConflictKind, ...] = get_args(ConflictKind)
DOUBLE_BOOKING: ConflictKind = "double_booking"
VENUE_CLASH: ConflictKind = "venue_clash"
OUTSIDE_VISIT: ConflictKind = "outside_visit"
TRAVEL_TIME: ConflictKind = "travel_time"
BEFORE_ARRIVAL: ConflictKind = "before_arrival"
NO_STAY: ConflictKind = "no_stay"
