"""The JSON API blueprint (/api/v1): every route, its schemas and its handler, in one table.

The handlers and schemas named here are lazy_imports references: a route's modules (and
pydantic) are imported at its first call, the modules of all schemas at the first OpenAPI
document.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from flask import Blueprint, Response, jsonify

from visitplanner.api.framework import Route, register_routes
from visitplanner.api.parameters import LANG_QUERY, NEWS_QUERY
from visitplanner.lazy_imports import LazyModule
from visitplanner.media_types import LOGO_MEDIA_TYPES, NEWS_MEDIA_TYPES, SHEET_MEDIA_TYPES

if TYPE_CHECKING:  # mypy checks each handler and schema of the table against its module
    from visitplanner.api import calendars as cal
    from visitplanner.api import directory as d
    from visitplanner.api import handlers as h
    from visitplanner.api import logos, news, tokens
    from visitplanner.api import practical as pr
    from visitplanner.api import printouts as pdf
    from visitplanner.api import releases as rel
    from visitplanner.api import schemas as s
    from visitplanner.api import sheets as sh
    from visitplanner.api.resources import VersionBody
else:
    cal = LazyModule("visitplanner.api.calendars")
    d = LazyModule("visitplanner.api.directory")
    h = LazyModule("visitplanner.api.handlers")
    logos = LazyModule("visitplanner.api.logos")
    news = LazyModule("visitplanner.api.news")
    tokens = LazyModule("visitplanner.api.tokens")
    pr = LazyModule("visitplanner.api.practical")
    pdf = LazyModule("visitplanner.api.printouts")
    rel = LazyModule("visitplanner.api.releases")
    s = LazyModule("visitplanner.api.schemas")
    sh = LazyModule("visitplanner.api.sheets")
    VersionBody = LazyModule("visitplanner.api.resources").VersionBody

api = Blueprint("api", __name__, url_prefix="/api/v1")


ROUTES: list[Route] = [
    Route("GET", "/organisations", d.list_organisations,
          "List organisations", response=list[s.OrganisationOut]),
    Route("POST", "/organisations", d.create_organisation,
          "Create an organisation", body=s.OrganisationFields, response=s.OrganisationOut,
          status=201),
    Route("GET", "/organisations/<id:organisation_id>", d.get_organisation,
          "Read an organisation", response=s.OrganisationOut),
    Route("PATCH", "/organisations/<id:organisation_id>", d.update_organisation,
          "Change an organisation", body=s.OrganisationPatch, response=s.OrganisationOut),
    Route("DELETE", "/organisations/<id:organisation_id>", d.delete_organisation,
          "Delete an organisation", body=VersionBody, status=204),
    Route("GET", "/organisations/<id:organisation_id>/logo", logos.get_logo,
          "The organisation's logo (PNG or JPEG)", media_type="image/png",
          other_media_types=("image/jpeg",)),
    Route("PUT", "/organisations/<id:organisation_id>/logo", logos.upload_logo,
          "Upload the logo printed on covers and badges (PNG or JPEG body, at most 2 MB)",
          body_media_types=LOGO_MEDIA_TYPES, response=s.OrganisationOut),
    Route("DELETE", "/organisations/<id:organisation_id>/logo", logos.delete_logo,
          "Remove the organisation's logo", status=204),
    Route("GET", "/people", d.list_people,
          "List people", response=list[s.PersonOut]),
    Route("POST", "/people", d.create_person,
          "Create a person", body=s.PersonFields, response=s.PersonOut, status=201),
    Route("GET", "/people/<id:person_id>", d.get_person,
          "Read a person", response=s.PersonOut),
    Route("PATCH", "/people/<id:person_id>", d.update_person,
          "Change a person", body=s.PersonPatch, response=s.PersonOut),
    Route("DELETE", "/people/<id:person_id>", d.delete_person,
          "Delete a person", body=VersionBody, status=204),
    Route("GET", "/venues", d.list_venues,
          "List venues", response=list[s.VenueOut]),
    Route("POST", "/venues", d.create_venue,
          "Create a venue", body=s.VenueFields, response=s.VenueOut, status=201),
    Route("GET", "/venues/<id:venue_id>", d.get_venue,
          "Read a venue", response=s.VenueOut),
    Route("PATCH", "/venues/<id:venue_id>", d.update_venue,
          "Change a venue", body=s.VenuePatch, response=s.VenueOut),
    Route("DELETE", "/venues/<id:venue_id>", d.delete_venue,
          "Delete a venue", body=VersionBody, status=204),
    Route("GET", "/visits", h.list_visits,
          "List visits", response=list[s.VisitOut]),
    Route("POST", "/visits", h.create_visit,
          "Create a visit", body=s.VisitFields, response=s.VisitOut, status=201),
    Route("GET", "/visits/<id:visit_id>", h.get_visit,
          "Read a visit", response=s.VisitOut),
    Route("PATCH", "/visits/<id:visit_id>", h.update_visit,
          "Change a visit", body=s.VisitPatch, response=s.VisitOut),
    Route("DELETE", "/visits/<id:visit_id>", h.delete_visit,
          "Delete a visit", body=VersionBody, status=204),
    Route("GET", "/visits/<id:visit_id>/delegates", h.list_delegates,
          "List delegates", response=list[s.DelegateOut]),
    Route("POST", "/visits/<id:visit_id>/delegates", h.create_delegate,
          "Create a delegate", body=s.DelegateFields, response=s.DelegateOut, status=201),
    Route("GET", "/delegates/<id:delegate_id>", h.get_delegate,
          "Read a delegate", response=s.DelegateOut),
    Route("PATCH", "/delegates/<id:delegate_id>", h.update_delegate,
          "Change a delegate", body=s.DelegatePatch, response=s.DelegateOut),
    Route("DELETE", "/delegates/<id:delegate_id>", h.delete_delegate,
          "Delete a delegate", body=VersionBody, status=204),
    Route("GET", "/visits/<id:visit_id>/items", h.list_items,
          "List items", response=list[s.ItemOut]),
    Route("POST", "/visits/<id:visit_id>/items", h.create_item,
          "Create an item", body=s.ItemFields, response=s.ItemOut, status=201),
    Route("GET", "/items/<id:item_id>", h.get_item,
          "Read an item", response=s.ItemOut),
    Route("PATCH", "/items/<id:item_id>", h.update_item,
          "Change an item", body=s.ItemPatch, response=s.ItemOut),
    Route("DELETE", "/items/<id:item_id>", h.delete_item,
          "Delete an item", body=VersionBody, status=204),
    Route("GET", "/visits/<id:visit_id>/quotes", h.list_quotes,
          "List quotes", response=list[s.QuoteOut]),
    Route("POST", "/visits/<id:visit_id>/quotes", h.create_quote,
          "Create a quote", body=s.QuoteFields, response=s.QuoteOut, status=201),
    Route("GET", "/quotes/<id:quote_id>", h.get_quote,
          "Read a quote", response=s.QuoteOut),
    Route("PATCH", "/quotes/<id:quote_id>", h.update_quote,
          "Change a quote", body=s.QuotePatch, response=s.QuoteOut),
    Route("DELETE", "/quotes/<id:quote_id>", h.delete_quote,
          "Delete a quote", body=VersionBody, status=204),
    Route("GET", "/visits/<id:visit_id>/journeys", pr.list_journeys,
          "List journeys", response=list[s.JourneyOut]),
    Route("POST", "/visits/<id:visit_id>/journeys", pr.create_journey,
          "Create a journey", body=s.JourneyFields, response=s.JourneyOut, status=201),
    Route("GET", "/journeys/<id:journey_id>", pr.get_journey,
          "Read a journey", response=s.JourneyOut),
    Route("PATCH", "/journeys/<id:journey_id>", pr.update_journey,
          "Change a journey", body=s.JourneyPatch, response=s.JourneyOut),
    Route("DELETE", "/journeys/<id:journey_id>", pr.delete_journey,
          "Delete a journey", body=VersionBody, status=204),
    Route("GET", "/visits/<id:visit_id>/stays", pr.list_stays,
          "List stays", response=list[s.StayOut]),
    Route("POST", "/visits/<id:visit_id>/stays", pr.create_stay,
          "Create a stay", body=s.StayFields, response=s.StayOut, status=201),
    Route("GET", "/stays/<id:stay_id>", pr.get_stay,
          "Read a stay", response=s.StayOut),
    Route("PATCH", "/stays/<id:stay_id>", pr.update_stay,
          "Change a stay", body=s.StayPatch, response=s.StayOut),
    Route("DELETE", "/stays/<id:stay_id>", pr.delete_stay,
          "Delete a stay", body=VersionBody, status=204),
    Route("GET", "/visits/<id:visit_id>/contacts", pr.list_contacts,
          "List contacts", response=list[s.ContactOut]),
    Route("POST", "/visits/<id:visit_id>/contacts", pr.create_contact,
          "Create a contact", body=s.ContactFields, response=s.ContactOut, status=201),
    Route("GET", "/contacts/<id:contact_id>", pr.get_contact,
          "Read a contact", response=s.ContactOut),
    Route("PATCH", "/contacts/<id:contact_id>", pr.update_contact,
          "Change a contact", body=s.ContactPatch, response=s.ContactOut),
    Route("DELETE", "/contacts/<id:contact_id>", pr.delete_contact,
          "Delete a contact", body=VersionBody, status=204),
    Route("POST", "/visits/<id:visit_id>/copy", h.copy_visit,
          "Copy a visit as a new draft, shifted to a new first day", body=s.VisitCopy,
          response=s.VisitOut, status=201),
    Route("GET", "/visits/<id:visit_id>/key-figures", h.get_key_figures,
          "The key figures present", response=s.KeyFigures),
    Route("PUT", "/visits/<id:visit_id>/key-figures", h.replace_key_figures,
          "Set the key figures present", body=s.KeyFigures, response=s.KeyFigures),
    Route("GET", "/visits/<id:visit_id>/programme", h.get_programme,
          "The programme by day, in time order", response=s.ProgrammeOut),
    Route("GET", "/visits/<id:visit_id>/conflicts", h.list_conflicts,
          "Conflicts a person must look at", response=list[s.ConflictOut],
          query=LANG_QUERY),
    Route("GET", "/visits/<id:visit_id>/programme.pdf", pdf.export_programme_pdf,
          "The printable programme (PDF)", media_type="application/pdf", query=LANG_QUERY),
    Route("GET", "/delegates/<id:delegate_id>/programme.pdf", pdf.export_delegate_programme_pdf,
          "One delegate's personal programme (PDF)", media_type="application/pdf",
          query=LANG_QUERY),
    Route("GET", "/visits/<id:visit_id>/badges.pdf", pdf.export_badges_pdf,
          "Name badges and table cards (PDF)", media_type="application/pdf",
          query=LANG_QUERY),
    Route("GET", "/visits/<id:visit_id>/sheets/delegation.xlsx", sh.export_delegation_sheet_xlsx,
          "The delegation sheet (xlsx)", media_type=SHEET_MEDIA_TYPES["xlsx"], query=LANG_QUERY),
    Route("GET", "/visits/<id:visit_id>/sheets/delegation.pdf", sh.export_delegation_sheet_pdf,
          "The delegation sheet (pdf)", media_type=SHEET_MEDIA_TYPES["pdf"], query=LANG_QUERY),
    Route("GET", "/visits/<id:visit_id>/sheets/transport.xlsx", sh.export_transport_sheet_xlsx,
          "The transport sheet (xlsx)", media_type=SHEET_MEDIA_TYPES["xlsx"], query=LANG_QUERY),
    Route("GET", "/visits/<id:visit_id>/sheets/transport.pdf", sh.export_transport_sheet_pdf,
          "The transport sheet (pdf)", media_type=SHEET_MEDIA_TYPES["pdf"], query=LANG_QUERY),
    Route("GET", "/visits/<id:visit_id>/sheets/catering.xlsx", sh.export_catering_sheet_xlsx,
          "The catering sheet (xlsx)", media_type=SHEET_MEDIA_TYPES["xlsx"], query=LANG_QUERY),
    Route("GET", "/visits/<id:visit_id>/sheets/catering.pdf", sh.export_catering_sheet_pdf,
          "The catering sheet (pdf)", media_type=SHEET_MEDIA_TYPES["pdf"], query=LANG_QUERY),
    Route("GET", "/visits/<id:visit_id>/sheets/access.xlsx", sh.export_access_sheet_xlsx,
          "The access sheet (xlsx)", media_type=SHEET_MEDIA_TYPES["xlsx"], query=LANG_QUERY),
    Route("GET", "/visits/<id:visit_id>/sheets/access.pdf", sh.export_access_sheet_pdf,
          "The access sheet (pdf)", media_type=SHEET_MEDIA_TYPES["pdf"], query=LANG_QUERY),
    Route("GET", "/visits/<id:visit_id>/calendar.ics", cal.export_visit_calendar,
          "Every item of the visit (iCalendar)", media_type="text/calendar", query=LANG_QUERY),
    Route("GET", "/delegates/<id:delegate_id>/calendar.ics", cal.export_delegate_calendar,
          "A delegate's items, the delegate as ATTENDEE (iCalendar)", media_type="text/calendar",
          query=LANG_QUERY),
    Route("GET", "/visits/<id:visit_id>/people/<id:person_id>/calendar.ics",
          cal.export_person_calendar, "The items a host-side person speaks at (iCalendar)",
          media_type="text/calendar", query=LANG_QUERY),
    Route("POST", "/delegates/<id:delegate_id>/rotate-token", cal.rotate_delegate_token,
          "Issue new secret links; the old ones stop working", response=s.DelegateOut),
    Route("POST", "/visits/<id:visit_id>/invitations", cal.send_invitations,
          "Queue invitations, updates and cancellations, then send them", response=cal.Queued),
    Route("GET", "/visits/<id:visit_id>/outbox", cal.list_outbox,
          "The visit's e-mails and their state", response=list[cal.OutboxEntry]),
    Route("POST", "/visits/<id:visit_id>/releases", rel.publish_release,
          "Publish the next release and queue one message per recipient (dry_run: preview)",
          body=rel.ReleaseBody, response=rel.ReleaseOut, status=201, other_statuses=(200,)),
    Route("GET", "/visits/<id:visit_id>/releases", rel.list_releases,
          "The visit's releases, newest first", response=list[rel.ReleaseOut]),
    Route("GET", "/releases/<id:release_id>", rel.get_release, "A release with its messages",
          response=rel.ReleaseOut),
    Route("GET", "/visits/<id:visit_id>/responses", rel.list_responses,
          "Delegates' answers per item", response=list[rel.ResponseOut]),
    Route("GET", "/visits/<id:visit_id>/news", news.export_news,
          "The news draft (json, md, html or docx by format=)", response=news.NewsText,
          query=NEWS_QUERY, other_media_types=tuple(NEWS_MEDIA_TYPES.values())),
    # Reading one's own tokens or revoking them is no data change: viewers may do it too.
    Route("GET", "/tokens", tokens.list_api_tokens, "The caller's API tokens (no secrets)",
          response=list[tokens.Token]),
    Route("DELETE", "/tokens/<id:token_id>", tokens.delete_api_token,
          "Revoke one of the caller's API tokens", status=204, own_account=True),
]
register_routes(api, ROUTES)
# The names stood for the modules in the table only: `from visitplanner.api import news` must
# import the module itself, not find its stand-in here.
del cal, d, h, logos, news, pdf, pr, rel, s, sh, tokens, VersionBody


@api.get("/openapi.json")
def get_openapi() -> Response:
    """The OpenAPI 3.1 document, generated from the routes' own schemas."""
    from visitplanner.api.openapi import build_openapi  # with every schema: only when asked

    return jsonify(build_openapi(ROUTES))
