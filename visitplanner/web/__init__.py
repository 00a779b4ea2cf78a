"""The browser blueprint: every URL rule of the web pages in one place.

Each view's module is imported at the first request it serves (lazy_imports), not with the app:
a worker never loads one, a web process only those of the pages it serves.
"""
from typing import TYPE_CHECKING

from flask import Blueprint

from visitplanner.lazy_imports import LazyModule
from visitplanner.security import limit_login
from visitplanner.web import sessions  # noqa: F401  (registers the user loader)
from visitplanner.web.formatting import FILTERS, colon, names

if TYPE_CHECKING:  # mypy checks each view named below against its module
    from visitplanner.web import (
        account,
        auth,
        calendars,
        delegate_links,
        delegates,
        directory,
        imports,
        items,
        logos,
        news,
        practical,
        printouts,
        releases,
        sheets,
        spreadsheets,
        timeline_edits,
        untranslated,
        users,
        visits,
    )
else:
    account = LazyModule("visitplanner.web.account")
    auth = LazyModule("visitplanner.web.auth")
    calendars = LazyModule("visitplanner.web.calendars")
    delegate_links = LazyModule("visitplanner.web.delegate_links")
    delegates = LazyModule("visitplanner.web.delegates")
    directory = LazyModule("visitplanner.web.directory")
    imports = LazyModule("visitplanner.web.imports")
    items = LazyModule("visitplanner.web.items")
    logos = LazyModule("visitplanner.web.logos")
    news = LazyModule("visitplanner.web.news")
    practical = LazyModule("visitplanner.web.practical")
    printouts = LazyModule("visitplanner.web.printouts")
    releases = LazyModule("visitplanner.web.releases")
    sheets = LazyModule("visitplanner.web.sheets")
    spreadsheets = LazyModule("visitplanner.web.spreadsheets")
    timeline_edits = LazyModule("visitplanner.web.timeline_edits")
    untranslated = LazyModule("visitplanner.web.untranslated")
    users = LazyModule("visitplanner.web.users")
    visits = LazyModule("visitplanner.web.visits")

web = Blueprint("web", __name__)
for _name, _filter in FILTERS.items():
    web.add_app_template_filter(_filter, _name)
web.add_app_template_global(names)
web.add_app_template_global(colon)

# The rate limits of logins are the route's: registered with it, before its module loads.
web.add_url_rule("/login", view_func=limit_login(auth.login), methods=["GET", "POST"])
web.add_url_rule("/logout", view_func=auth.logout, methods=["POST"])
# The user's own account: password and API tokens; admins read the security events.
web.add_url_rule("/account", view_func=account.show_account)
web.add_url_rule("/account/password", view_func=account.change_password, methods=["POST"])
web.add_url_rule("/account/tokens", view_func=account.create_api_token, methods=["POST"])
web.add_url_rule("/account/tokens/<id:token_id>/revoke", view_func=account.revoke_api_token,
                 methods=["POST"])
web.add_url_rule("/audit", view_func=users.list_audit_events)
web.add_url_rule("/", view_func=visits.list_visits)
# Organiser pages: visits, delegates, items, import, directory, users.
web.add_url_rule("/visits/new", view_func=visits.new_visit, methods=["GET", "POST"])
web.add_url_rule("/visits/<id:visit_id>", view_func=visits.show_visit)
web.add_url_rule("/visits/<id:visit_id>/edit", view_func=visits.edit_visit,
                 methods=["GET", "POST"])
web.add_url_rule("/visits/<id:visit_id>/copy", view_func=visits.copy_visit,
                 methods=["GET", "POST"])
web.add_url_rule("/visits/<id:visit_id>/delete", view_func=visits.delete_visit,
                 methods=["GET", "POST"])
web.add_url_rule("/visits/<id:visit_id>/timeline", view_func=visits.show_timeline)
web.add_url_rule("/visits/<id:visit_id>/translations", view_func=untranslated.show_translations)
web.add_url_rule("/visits/<id:visit_id>/delegates", view_func=delegates.list_delegates)
web.add_url_rule("/visits/<id:visit_id>/delegates/new", view_func=delegates.new_delegate,
                 methods=["GET", "POST"])
web.add_url_rule("/delegates/<id:delegate_id>/edit", view_func=delegates.edit_delegate,
                 methods=["GET", "POST"])
web.add_url_rule("/delegates/<id:delegate_id>/delete", view_func=delegates.delete_delegate,
                 methods=["GET", "POST"])
web.add_url_rule("/delegates/<id:delegate_id>/rotate-token",
                 view_func=delegates.rotate_delegate_token, methods=["POST"])
web.add_url_rule("/visits/<id:visit_id>/delegates/import", view_func=imports.import_delegates,
                 methods=["GET", "POST"])
web.add_url_rule("/visits/<id:visit_id>/delegates/import-template.xlsx",
                 view_func=spreadsheets.export_import_template)
web.add_url_rule("/visits/<id:visit_id>/delegates.xlsx",
                 view_func=spreadsheets.export_delegates_xlsx)
web.add_url_rule("/visits/<id:visit_id>/delegates/import/confirm",
                 view_func=imports.confirm_import, methods=["POST"])
web.add_url_rule("/visits/<id:visit_id>/items/new", view_func=items.new_item,
                 methods=["GET", "POST"])
web.add_url_rule("/items/<id:item_id>/edit", view_func=items.edit_item, methods=["GET", "POST"])
web.add_url_rule("/items/<id:item_id>/move", view_func=timeline_edits.move_item,
                 methods=["POST"])
web.add_url_rule("/items/<id:item_id>/delete", view_func=items.delete_item,
                 methods=["GET", "POST"])
# The practical side: journeys, hotel stays, contacts on duty (the kinds of practical.KINDS,
# written out so that the rules need not import the views).
for _kind in ("journeys", "stays", "contacts"):
    web.add_url_rule(f"/visits/<id:visit_id>/{_kind}/new", f"new_{_kind}",
                     practical.new_practical, defaults={"kind": _kind}, methods=["GET", "POST"])
    web.add_url_rule(f"/{_kind}/<id:row_id>/edit", f"edit_{_kind}", practical.edit_practical,
                     defaults={"kind": _kind}, methods=["GET", "POST"])
    web.add_url_rule(f"/{_kind}/<id:row_id>/delete", f"delete_{_kind}",
                     practical.delete_practical, defaults={"kind": _kind},
                     methods=["GET", "POST"])
# The directory: the kinds of directory.KINDS, each with the singular of its endpoints.
for _kind, _singular in (("organisations", "organisation"), ("people", "person"),
                         ("venues", "venue")):
    web.add_url_rule(f"/{_kind}", f"list_{_kind}", directory.list_entries,
                     defaults={"kind": _kind})
    web.add_url_rule(f"/{_kind}/new", f"new_{_singular}", directory.new_entry,
                     defaults={"kind": _kind}, methods=["GET", "POST"])
    web.add_url_rule(f"/{_kind}/<id:row_id>/edit", f"edit_{_singular}",
                     directory.edit_entry, defaults={"kind": _kind}, methods=["GET", "POST"])
    web.add_url_rule(f"/{_kind}/<id:row_id>/delete", f"delete_{_singular}",
                     directory.delete_entry, defaults={"kind": _kind}, methods=["GET", "POST"])
web.add_url_rule("/organisations/<id:organisation_id>/logo", view_func=logos.edit_logo,
                 methods=["GET", "POST"])
web.add_url_rule("/organisations/<id:organisation_id>/logo.img", view_func=logos.show_logo)
web.add_url_rule("/users", view_func=users.list_users)
web.add_url_rule("/users/new", view_func=users.new_user, methods=["GET", "POST"])
web.add_url_rule("/users/<id:user_id>/edit", view_func=users.edit_user, methods=["GET", "POST"])
# Printouts: programme, personal programme and badges as PDF.
web.add_url_rule("/visits/<id:visit_id>/programme.pdf", view_func=printouts.export_programme_pdf)
web.add_url_rule("/delegates/<id:delegate_id>/programme.pdf",
                 view_func=printouts.export_delegate_programme_pdf)
web.add_url_rule("/visits/<id:visit_id>/badges.pdf", view_func=printouts.export_badges_pdf)
# Sheets for the people who make the visit run.
web.add_url_rule("/visits/<id:visit_id>/sheets/"
                 "<any(delegation, transport, catering, access):kind>.<any(xlsx, pdf):fmt>",
                 view_func=sheets.export_sheet)
# News draft: edit, history, downloads.
web.add_url_rule("/visits/<id:visit_id>/news", view_func=news.show_news, methods=["GET", "POST"])
web.add_url_rule("/visits/<id:visit_id>/news.<any(md, html, docx):format>",
                 view_func=news.export_news)
# Calendars and invitations; the two public delegate pages need no login.
web.add_url_rule("/visits/<id:visit_id>/calendar.ics", view_func=calendars.export_visit_calendar)
web.add_url_rule("/delegates/<id:delegate_id>/calendar.ics",
                 view_func=calendars.export_delegate_calendar)
web.add_url_rule("/visits/<id:visit_id>/people/<id:person_id>/calendar.ics",
                 view_func=calendars.export_person_calendar)
web.add_url_rule("/visits/<id:visit_id>/outbox", view_func=calendars.show_outbox)
web.add_url_rule("/visits/<id:visit_id>/invitations", view_func=calendars.send_invitations,
                 methods=["POST"])
# Releases: prepare, preview, test, publish; the outbox's failures tried again.
web.add_url_rule("/visits/<id:visit_id>/releases", view_func=releases.show_releases)
web.add_url_rule("/visits/<id:visit_id>/releases/<any(preview, test, publish):action>",
                 view_func=releases.prepare_release, methods=["POST"])
web.add_url_rule("/visits/<id:visit_id>/outbox/retry", view_func=releases.retry_failed,
                 methods=["POST"])
web.add_url_rule("/p/<token>", view_func=delegate_links.show_personal_programme)
web.add_url_rule("/p/<token>/items/<id:item_id>/answer", view_func=delegate_links.answer_item,
                 methods=["POST"])
web.add_url_rule("/c/<token>.ics", view_func=delegate_links.export_calendar_feed)
# The names stood for the views' modules in the rules only: `from visitplanner.web import visits`
# must import the module itself, not find its stand-in here.
del (account, auth, calendars, delegate_links, delegates, directory, imports, items, logos, news,
     practical, printouts, releases, sheets, spreadsheets, timeline_edits, untranslated, users,
     visits)
