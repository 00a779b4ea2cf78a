"""The JSON API blueprint (/api/v1): every route, its schemas and its handler, in one table."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify

from visitplanner.api import calendars as cal
from visitplanner.api import handlers as h
from visitplanner.api import logos, news, tokens
from visitplanner.api import printouts as pdf
from visitplanner.api import releases as rel
from visitplanner.api import schemas as s
from visitplanner.api.framework import Route, register_routes
from visitplanner.api.openapi import build_openapi
from visitplanner.api.resources import VersionBody
from visitplanner.api.sheets import SHEET_ROUTES

api = Blueprint("api", __name__, url_prefix="/api/v1")


def _crud(plural: str, singular: str, key: str, fields, patch, out, parent: str | None = None):
    """The five routes of a resource; rows of a visit are listed and created under it."""
    base = f"/visits/<int:visit_id>/{plural}" if parent else f"/{plural}"
    one = f"/{plural}/<int:{key}>"
    handler = lambda verb, noun: getattr(h, f"{verb}_{noun}")  # noqa: E731
    return [
        Route("GET", base, handler("list", plural), f"List {plural}", response=list[out]),
        Route("POST", base, handler("create", singular), f"Create a {singular}", body=fields,
              response=out, status=201),
        Route("GET", one, handler("get", singular), f"Read a {singular}", response=out),
        Route("PATCH", one, handler("update", singular), f"Change a {singular}", body=patch,
              response=out),
        Route("DELETE", one, handler("delete", singular), f"Delete a {singular}",
              body=VersionBody, status=204),
    ]


ROUTES: list[Route] = [
    *_crud("organisations", "organisation", "organisation_id", s.OrganisationFields,
           s.OrganisationPatch, s.Organisation),
    Route("GET", "/organisations/<int:organisation_id>/logo", logos.get_logo,
          "The organisation's logo (PNG or JPEG)", media_type="image/png",
          other_media_types=("image/jpeg",)),
    Route("PUT", "/organisations/<int:organisation_id>/logo", logos.upload_logo,
          "Upload the logo printed on covers and badges (PNG or JPEG body, at most 2 MB)",
          body_media_types=logos.LOGO_MEDIA_TYPES, response=s.Organisation),
    Route("DELETE", "/organisations/<int:organisation_id>/logo", logos.delete_logo,
          "Remove the organisation's logo", status=204),
    *_crud("people", "person", "person_id", s.PersonFields, s.PersonPatch, s.Person),
    *_crud("venues", "venue", "venue_id", s.VenueFields, s.VenuePatch, s.Venue),
    *_crud("visits", "visit", "visit_id", s.VisitFields, s.VisitPatch, s.Visit),
    *_crud("delegates", "delegate", "delegate_id", s.DelegateFields, s.DelegatePatch,
           s.Delegate, parent="visit"),
    *_crud("items", "item", "item_id", s.ItemFields, s.ItemPatch, s.Item, parent="visit"),
    *_crud("quotes", "quote", "quote_id", s.QuoteFields, s.QuotePatch, s.Quote, parent="visit"),
    *_crud("journeys", "journey", "journey_id", s.JourneyFields, s.JourneyPatch, s.Journey,
           parent="visit"),
    *_crud("stays", "stay", "stay_id", s.StayFields, s.StayPatch, s.Stay, parent="visit"),
    *_crud("contacts", "contact", "contact_id", s.ContactFields, s.ContactPatch, s.Contact,
           parent="visit"),
    Route("POST", "/visits/<int:visit_id>/copy", h.copy_visit,
          "Copy a visit as a new draft, shifted to a new first day", body=s.VisitCopy,
          response=s.Visit, status=201),
    Route("GET", "/visits/<int:visit_id>/key-figures", h.get_key_figures,
          "The key figures present", response=s.KeyFigures),
    Route("PUT", "/visits/<int:visit_id>/key-figures", h.replace_key_figures,
          "Set the key figures present", body=s.KeyFigures, response=s.KeyFigures),
    Route("GET", "/visits/<int:visit_id>/programme", h.get_programme,
          "The programme by day, in time order", response=s.Programme),
    Route("GET", "/visits/<int:visit_id>/conflicts", h.list_conflicts,
          "Conflicts a person must look at", response=list[s.Conflict],
          query=h.CONFLICTS_QUERY),
    Route("GET", "/visits/<int:visit_id>/programme.pdf", pdf.export_programme_pdf,
          "The printable programme (PDF)", media_type="application/pdf", query=pdf.LANG_QUERY),
    Route("GET", "/delegates/<int:delegate_id>/programme.pdf", pdf.export_delegate_programme_pdf,
          "One delegate's personal programme (PDF)", media_type="application/pdf",
          query=pdf.LANG_QUERY),
    Route("GET", "/visits/<int:visit_id>/badges.pdf", pdf.export_badges_pdf,
          "Name badges and table cards (PDF)", media_type="application/pdf",
          query=pdf.LANG_QUERY),
    *SHEET_ROUTES,
    Route("GET", "/visits/<int:visit_id>/calendar.ics", cal.export_visit_calendar,
          "Every item of the visit (iCalendar)", media_type="text/calendar", query=cal.LANG_QUERY),
    Route("GET", "/delegates/<int:delegate_id>/calendar.ics", cal.export_delegate_calendar,
          "A delegate's items, the delegate as ATTENDEE (iCalendar)", media_type="text/calendar",
          query=cal.LANG_QUERY),
    Route("GET", "/visits/<int:visit_id>/people/<int:person_id>/calendar.ics",
          cal.export_person_calendar, "The items a host-side person speaks at (iCalendar)",
          media_type="text/calendar", query=cal.LANG_QUERY),
    Route("POST", "/delegates/<int:delegate_id>/rotate-token", cal.rotate_delegate_token,
          "Issue new secret links; the old ones stop working", response=s.Delegate),
    Route("POST", "/visits/<int:visit_id>/invitations", cal.send_invitations,
          "Queue invitations, updates and cancellations, then send them", response=cal.Queued),
    Route("GET", "/visits/<int:visit_id>/outbox", cal.list_outbox,
          "The visit's e-mails and their state", response=list[cal.OutboxEntry]),
    Route("POST", "/visits/<int:visit_id>/releases", rel.publish_release,
          "Publish the next release and queue one message per recipient (dry_run: preview)",
          body=rel.ReleaseBody, response=rel.ReleaseOut, status=201),
    Route("GET", "/visits/<int:visit_id>/releases", rel.list_releases,
          "The visit's releases, newest first", response=list[rel.ReleaseOut]),
    Route("GET", "/releases/<int:release_id>", rel.get_release, "A release with its messages",
          response=rel.ReleaseOut),
    Route("GET", "/visits/<int:visit_id>/responses", rel.list_responses,
          "Delegates' answers per item", response=list[rel.ResponseOut]),
    Route("GET", "/visits/<int:visit_id>/news", news.export_news,
          "The news draft (json, md, html or docx by format=)", response=news.NewsText,
          query=news.NEWS_QUERY, other_media_types=tuple(news.MEDIA_TYPES.values())),
    # Reading one's own tokens or revoking them is no data change: viewers may do it too.
    Route("GET", "/tokens", tokens.list_api_tokens, "The caller's API tokens (no secrets)",
          response=list[tokens.Token]),
    Route("DELETE", "/tokens/<int:token_id>", tokens.delete_api_token,
          "Revoke one of the caller's API tokens", status=204, own_account=True),
]
register_routes(api, ROUTES)


@api.get("/openapi.json")
def get_openapi() -> Response:
    """The OpenAPI 3.1 document, generated from the routes' own schemas."""
    return jsonify(build_openapi(ROUTES))
