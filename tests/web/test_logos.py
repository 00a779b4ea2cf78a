"""Organisations' logos: uploaded through the API and the web page, checked, printed on the cover."""
from __future__ import annotations

import io
import subprocess

from PIL import Image
from pypdf import PdfReader
from web_client import logged_in, page, post

from visitplanner.extensions import db
from visitplanner.models import Organisation


def image(fmt: str, size: tuple[int, int] = (120, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#1f5fa8").save(buffer, fmt)
    return buffer.getvalue()


def test_api_uploads_reads_and_removes_a_logo(api, viewer_api):
    org = api.post("/organisations", json={"name": "Politiezone Gent", "kind": "police_zone"}).json
    assert org["logo_type"] is None
    url = f"/organisations/{org['id']}/logo"
    assert api.get(url).status_code == 404
    png = image("PNG")
    stored = api.put(url, data=png, headers={"Content-Type": "image/png"})
    assert stored.status_code == 200 and stored.json["logo_type"] == "image/png"
    shown = viewer_api.get(url)
    assert shown.status_code == 200 and shown.mimetype == "image/png" and shown.data == png
    jpeg = api.put(url, data=image("JPEG"), headers={"Content-Type": "image/jpeg"})
    assert jpeg.json["logo_type"] == "image/jpeg"
    assert viewer_api.put(url, data=png, headers={"Content-Type": "image/png"}).status_code == 403
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404
    assert api.get(f"/organisations/{org['id']}").json["logo_type"] is None


def test_api_refuses_what_is_not_a_small_png_or_jpeg(api):
    org = api.post("/organisations", json={"name": "Stad Gent"}).json
    url = f"/organisations/{org['id']}/logo"
    for body, media_type, message in [
        (image("GIF"), "image/png", "GIF image; upload a PNG or JPEG"),
        (b"not an image at all", "image/png", "not a PNG or JPEG image"),
        (b"", "image/png", "empty"),
        (b"\x89PNG" + b"\0" * (2 * 1024 * 1024), "image/png", "at most 2 MB"),
    ]:
        refused = api.put(url, data=body, headers={"Content-Type": media_type})
        assert refused.status_code == 422, message
        assert message in refused.json["error"]["fields"]["logo"][0]
    wrong_type = api.put(url, data=image("PNG"), headers={"Content-Type": "application/json"})
    assert wrong_type.status_code == 415
    assert api.put("/organisations/999999/logo", data=image("PNG"),
                   headers={"Content-Type": "image/png"}).status_code == 404


def test_web_page_uploads_the_logo_that_the_cover_prints(client, api, demo_visit):
    logged_in(client)
    host = demo_visit.host_organisation
    assert "Logo" in page(client, "/organisations")
    html = page(client, f"/organisations/{host.id}/logo")
    assert "PNG or JPEG, at most 2 MB" in html
    bad = post(client, f"/organisations/{host.id}/logo",
               {"logo": (io.BytesIO(b"GIF89a...."), "logo.png")},
               content_type="multipart/form-data")
    assert bad.status_code == 422 and "not a PNG or JPEG image" in bad.get_data(as_text=True)
    png = image("PNG", (300, 100))
    done = post(client, f"/organisations/{host.id}/logo", {"logo": (io.BytesIO(png), "logo.png")},
                content_type="multipart/form-data")
    assert done.status_code == 302
    assert client.get(f"/organisations/{host.id}/logo.img").data == png
    cover = PdfReader(io.BytesIO(api.get(f"/visits/{demo_visit.id}/programme.pdf").data)).pages[0]
    [logo] = cover.images
    assert logo.image.size == (300, 100)
    removed = post(client, f"/organisations/{host.id}/logo", {"remove": "y"})
    assert removed.status_code == 302
    db.session.expire_all()
    assert db.session.get(Organisation, host.id).logo_type is None
    text = subprocess.run(["pdftotext", "-", "-"], capture_output=True, check=True,
                          input=api.get(f"/visits/{demo_visit.id}/programme.pdf").data).stdout
    assert b"Werkbezoek" in text


def test_viewers_may_not_change_a_logo(client, demo_visit):
    logged_in(client, "viewer")
    host = demo_visit.host_organisation
    assert client.get(f"/organisations/{host.id}/logo").status_code == 403
    assert client.get(f"/organisations/{host.id}/logo.img").status_code == 200
