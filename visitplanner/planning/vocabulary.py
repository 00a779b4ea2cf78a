"""The closed word lists of the domain, each declared once as a Literal. Its values (get_args)
feed the models' CHECK constraints, the API schemas, the forms and the label tables."""
from typing import Literal, get_args

LanguageCode = Literal["nl", "fr", "en"]
# A delegate's own language: their personal programme, page and calendar come in it.
DelegateLanguage = Literal["nl", "fr", "en", "de", "uk"]
UserRole = Literal["admin", "organiser", "viewer"]
OrganisationKind = Literal["directorate", "police_zone", "ministry", "court", "municipality",
                           "network", "ngo", "other"]
VisitStatus = Literal["draft", "confirmed", "completed", "cancelled"]
DelegateRole = Literal["head", "member", "interpreter", "escort", "staff"]
ItemKind = Literal["session", "site_visit", "meal", "transfer", "break", "other"]
ItemStatus = Literal["tentative", "confirmed", "cancelled"]
# invite/update/cancel: POST /invitations; programme/changes: a release's one message per
# recipient; request/cancel: a release's meeting entries (visits with calendar_invites=requests).
MessageKind = Literal["invite", "update", "cancel", "programme", "changes", "request"]
MessageStatus = Literal["pending", "sent", "failed"]
# A job of the worker: to do (again), done, or given up after its last attempt.
JobStatus = Literal["pending", "done", "failed"]
# The kinds of conflict find_conflicts reports (the API's `kind`).
ConflictKind = Literal["double_booking", "venue_clash", "outside_visit", "travel_time",
                       "before_arrival", "no_stay"]
JourneyDirection = Literal["arrival", "departure"]
JourneyMode = Literal["flight", "train", "coach", "car", "other"]
# Grammatical gender of a delegate, for the languages whose words agree with it (la commissaire).
Gender = Literal["female", "male"]
# feed: the personal calendar feed keeps calendars current; requests: also a meeting request
# or cancellation per changed item, for those who want meeting entries.
CalendarInvites = Literal["feed", "requests"]

LANGUAGES: tuple[LanguageCode, ...] = get_args(LanguageCode)
DELEGATE_LANGUAGES: tuple[DelegateLanguage, ...] = get_args(DelegateLanguage)
USER_ROLES: tuple[UserRole, ...] = get_args(UserRole)
ORGANISATION_KINDS: tuple[OrganisationKind, ...] = get_args(OrganisationKind)
VISIT_STATUSES: tuple[VisitStatus, ...] = get_args(VisitStatus)
DELEGATE_ROLES: tuple[DelegateRole, ...] = get_args(DelegateRole)
# Only these count in "a delegation of six ..."; interpreters, escorts and staff do not.
COUNTED_DELEGATE_ROLES: tuple[DelegateRole, ...] = ("head", "member")
ITEM_KINDS: tuple[ItemKind, ...] = get_args(ItemKind)
ITEM_STATUSES: tuple[ItemStatus, ...] = get_args(ItemStatus)
MESSAGE_KINDS: tuple[MessageKind, ...] = get_args(MessageKind)
MESSAGE_STATUSES: tuple[MessageStatus, ...] = get_args(MessageStatus)
JOB_STATUSES: tuple[JobStatus, ...] = get_args(JobStatus)
CONFLICT_KINDS: tuple[ConflictKind, ...] = get_args(ConflictKind)
DOUBLE_BOOKING: ConflictKind = "double_booking"
VENUE_CLASH: ConflictKind = "venue_clash"
OUTSIDE_VISIT: ConflictKind = "outside_visit"
TRAVEL_TIME: ConflictKind = "travel_time"
BEFORE_ARRIVAL: ConflictKind = "before_arrival"
NO_STAY: ConflictKind = "no_stay"
JOURNEY_DIRECTIONS: tuple[JourneyDirection, ...] = get_args(JourneyDirection)
JOURNEY_MODES: tuple[JourneyMode, ...] = get_args(JourneyMode)
GENDERS: tuple[Gender, ...] = get_args(Gender)
CALENDAR_INVITES: tuple[CalendarInvites, ...] = get_args(CalendarInvites)


def labelled(values: tuple[str, ...], names: dict[str, object]) -> dict[str, object]:
    """A word list's names (as shown to people), in the list's order; raise if one is missing
    or one names a word the list does not have, so the two cannot drift apart."""
    if set(names) != set(values):
        raise ValueError(f"names {sorted(names)} do not match the word list {sorted(values)}")
    return {value: names[value] for value in values}
