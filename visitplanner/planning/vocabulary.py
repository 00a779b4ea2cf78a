"""The closed word lists of the domain, shared by models, API schemas and forms."""

LANGUAGES = ("nl", "fr", "en")
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
# The kinds of conflict find_conflicts reports (the API's `kind`).
DOUBLE_BOOKING = "double_booking"
VENUE_CLASH = "venue_clash"
OUTSIDE_VISIT = "outside_visit"
TRAVEL_TIME = "travel_time"
BEFORE_ARRIVAL = "before_arrival"
NO_STAY = "no_stay"
CONFLICT_KINDS = (DOUBLE_BOOKING, VENUE_CLASH, OUTSIDE_VISIT, TRAVEL_TIME, BEFORE_ARRIVAL, NO_STAY)
