"""Browser pages of releases: prepare and preview, send a test, publish; the answers per item."""
from __future__ import annotations

from collections import Counter
from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from wtforms import BooleanField, RadioField, SelectMultipleField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length

from visitplanner.core import releases
from visitplanner.core.queries import load_visit
from visitplanner.extensions import db
from visitplanner.mail.releases import ReleasePlan, Selection
from visitplanner.models import OutboxMessage, Visit
from visitplanner.planning.build import build_programme
from visitplanner.planning.conflicts import find_conflicts
from visitplanner.web.editing import writer_required

PREVIEWS_SHOWN = 30  # messages shown whole in a preview; the others by recipient and subject


class ReleaseForm(FlaskForm):
    """What to publish and to whom."""

    mode = RadioField(_l("What to send"), default="changes", choices=[
        SelectChoice("changes", _l("Only what changed for each person since their last message")),
        SelectChoice("full", _l("Everyone's whole programme"))])
    note = TextAreaField(_l("Note to everyone (optional)"), validators=[Length(max=5000)])
    recipients = SelectMultipleField(_l("Recipients"))
    confirm_conflicts = BooleanField(_l("I have looked at the open conflicts; publish anyway"))


def _recipient_choices(visit: Any) -> list[SelectChoice]:
    choices = [SelectChoice(f"d{d.id}", f"{d.full_name} <{d.email}>")
               for d in visit.delegates if d.email]
    people = {p.id: p for item in visit.items for p in item.speakers + item.interpreters
              if p.email}
    return choices + [SelectChoice(f"p{p.id}", f"{p.full_name} <{p.email}>")
                      for p in people.values()]


def _selection(form: ReleaseForm) -> Selection:
    chosen = set(form.recipients.data or [])
    return Selection("chosen", frozenset(int(key[1:]) for key in chosen if key[0] == "d"),
                     frozenset(int(key[1:]) for key in chosen if key[0] == "p"))


def _progress(visit_id: int) -> dict[int | None, Counter[str]]:
    rows = db.session.execute(
        select(OutboxMessage.release_id, OutboxMessage.status, func.count())
        .where(OutboxMessage.visit_id == visit_id)
        .group_by(OutboxMessage.release_id, OutboxMessage.status))
    progress: dict[int | None, Counter[str]] = {}
    for release_id, status, count in rows:
        progress.setdefault(release_id, Counter())[status] = count
    return progress


def _page(visit: Any, form: ReleaseForm, plan: ReleasePlan | None = None) -> str:
    programme = build_programme(visit, lang=str(get_locale()))
    answers: dict[int, dict[str, list[str]]] = {}
    names = {d.id: d.full_name for d in visit.delegates}
    for row in releases.list_responses(visit.id):
        answers.setdefault(row.item_id, {}).setdefault(row.response, []).append(
            names.get(row.delegate_id, ""))
    previews = [releases.preview_message(plan, m, current_user.email)
                .get_body(("plain",)).get_content()
                for m in plan.messages[:PREVIEWS_SHOWN]] if plan else []
    return render_template(
        "web/releases.html", visit=visit, form=form, plan=plan, programme=programme,
        previews=previews,
        conflicts=find_conflicts(programme), releases=releases.list_releases(visit.id),
        progress=_progress(visit.id), answers=answers)


def _form_for(visit: Any) -> ReleaseForm:
    form = ReleaseForm()
    form.recipients.choices = _recipient_choices(visit)
    if not form.is_submitted():
        form.recipients.data = [choice.value for choice in _recipient_choices(visit)]
    return form


@login_required
def show_releases(visit_id: int) -> ResponseReturnValue:
    """Past releases with their delivery, the answers per item, and the form for the next."""
    visit = load_visit(visit_id) or abort(404)
    return _page(visit, _form_for(visit))


@writer_required
def prepare_release(visit_id: int, action: str) -> ResponseReturnValue:
    """Preview (nothing stored), send a test to me, or publish the next release."""
    visit = load_visit(visit_id) or abort(404)
    form = _form_for(visit)
    if not form.validate_on_submit():
        return _page(visit, form), 400
    mode, note, selection = form.mode.data, form.note.data or None, _selection(form)
    reply_to = current_user.email
    if action == "preview":
        return _page(visit, form, releases.preview_release(visit_id, mode, selection, note,
                                                           reply_to))
    if action == "test":
        plan = releases.preview_release(visit_id, mode, selection, note, reply_to)
        if not plan or not plan.messages:
            flash(_("Nobody would get a message, so there is no example to send."))
            return _page(visit, form, plan)
        releases.queue_test(visit_id, plan, plan.messages[0], current_user.email)
        db.session.commit()
        flash(_("An example is on its way to %(email)s.", email=current_user.email))
        return _page(visit, form, plan)
    if find_conflicts(build_programme(visit)) and not form.confirm_conflicts.data:
        form.confirm_conflicts.errors = [_("Confirm that you have looked at the conflicts.")]
        return _page(visit, form), 400
    published = releases.publish_release(visit_id, mode, selection, note, reply_to)
    assert published is not None
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        flash(_("A colleague published a release meanwhile; look at it and try again."))
        return redirect(url_for("web.show_releases", visit_id=visit_id))
    release, plan = published
    flash(_("Release %(number)d published: %(count)d messages queued.", number=release.number,
            count=len(plan.messages)))
    return redirect(url_for("web.show_outbox", visit_id=visit_id))


@writer_required
def retry_failed(visit_id: int) -> ResponseReturnValue:
    """Give every failed message of the visit another try now."""
    db.get_or_404(Visit, visit_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    count = releases.retry_failed(visit_id)
    db.session.commit()
    flash(_("%(count)d messages will be tried again.", count=count))
    return redirect(url_for("web.show_outbox", visit_id=visit_id))
