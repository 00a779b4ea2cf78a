"""A create form POSTed twice (a double click, a browser resend) adds one row, not two."""
from __future__ import annotations

import io
import re

from web_client import form_values, logged_in, page, post

from visitplanner.extensions import db
from visitplanner.models import Delegate, Organisation


def _count(model, **where):
    return db.session.scalar(db.select(db.func.count()).select_from(model).filter_by(**where))


def test_replayed_new_organisation_adds_it_once(client):
    logged_in(client)
    sent = form_values(page(client, "/organisations/new"))
    assert len(sent["once"]) > 20
    sent.update({"name": "Zone de police Bruxelles-Ixelles", "kind": "police_zone"})
    assert post(client, "/organisations/new", sent).status_code == 302
    again = post(client, "/organisations/new", sent)
    assert again.status_code == 422
    assert "already sent and saved" in again.get_data(as_text=True)
    assert _count(Organisation, name="Zone de police Bruxelles-Ixelles") == 1


def test_replayed_new_delegate_adds_them_once(client, demo_visit):
    logged_in(client)
    url = f"/visits/{demo_visit.id}/delegates/new"
    sent = form_values(page(client, url))
    sent.update({"full_name": "Vasile Rusu", "role": "member"})
    post(client, url, sent)
    post(client, url, sent)
    assert _count(Delegate, full_name="Vasile Rusu") == 1
    fresh = form_values(page(client, url))  # a new form is a new token: a namesake is allowed
    assert fresh["once"] != sent["once"]


def test_replayed_import_confirm_imports_once(client, demo_visit):
    logged_in(client)
    csv = "full_name;role\nAna Ceban;member\nPetru Lungu;member\n"
    preview = post(client, f"/visits/{demo_visit.id}/delegates/import",
                   {"file": (io.BytesIO(csv.encode()), "d.csv")},
                   content_type="multipart/form-data").get_data(as_text=True)
    payload = re.search(r'name="payload" type="hidden" value="([^"]+)"', preview).group(1)
    url = f"/visits/{demo_visit.id}/delegates/import/confirm"
    post(client, url, {"payload": payload})
    second = post(client, url, {"payload": payload}, follow_redirects=True)
    assert "already confirmed" in second.get_data(as_text=True)
    assert _count(Delegate, visit_id=demo_visit.id, full_name="Ana Ceban") == 1
