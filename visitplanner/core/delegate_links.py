"""A delegate's secret links: a random key plus its HMAC, so a token reveals no id and a copy of
the database alone cannot forge one. Links signed before (delegate id, link version) keep
working until the delegate's links are rotated."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select

from visitplanner.extensions import db
from visitplanner.models import Delegate

SALT = "visitplanner.delegate-link"


def _mac(link_key: str, secret_key: str) -> str:
    digest = hmac.new(secret_key.encode(), f"{SALT}:{link_key}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:16]).decode().rstrip("=")


def make_token(link_key: str, secret_key: str) -> str:
    """The token of a delegate's current links: their random link key and its MAC."""
    return f"{link_key}.{_mac(link_key, secret_key)}"


def _legacy(token: str, secret_key: str) -> tuple[int, int] | None:
    """The (delegate id, link version) of a link signed before link keys existed."""
    try:
        value = URLSafeSerializer(secret_key, salt=SALT).loads(token)
    except BadSignature:
        return None
    if (not isinstance(value, list) or len(value) != 2
            or not all(type(part) is int and 0 < part < 2**31 for part in value)):
        return None
    return value[0], value[1]


def delegate_for_token(token: str, secret_key: str) -> Delegate | None:
    """The delegate whose current link this is; None for unknown, forged or rotated tokens."""
    link_key, _, mac = token.partition(".")
    if mac and hmac.compare_digest(mac, _mac(link_key, secret_key)):
        return db.session.scalar(select(Delegate).where(Delegate.link_key == link_key))
    found = _legacy(token, secret_key)
    delegate = db.session.get(Delegate, found[0]) if found else None
    if delegate is None or found is None or delegate.link_version != found[1]:
        return None
    return delegate


def link_expired(delegate: Any, days_after: int, today: dt.date | None = None) -> bool:
    """Whether the links stopped working: `days_after` days after the visit's last day, or
    after the day the links were issued when that came later (a link rotated after the visit)."""
    today = today or dt.datetime.now(dt.UTC).date()
    issued = delegate.link_issued_at
    last = max(delegate.visit.end_date, issued.date()) if issued else delegate.visit.end_date
    return today > last + dt.timedelta(days=days_after)


def links_of(delegate: Any, base_url: str, secret_key: str) -> dict[str, str]:
    """The absolute `personal_url` and `calendar_feed_url` of a delegate."""
    token = make_token(delegate.link_key, secret_key)
    return {"personal_url": f"{base_url}/p/{token}",
            "calendar_feed_url": f"{base_url}/c/{token}.ics"}
