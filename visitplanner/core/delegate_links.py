"""A delegate's secret links: signed (delegate id, link version), so nothing secret is stored."""
from __future__ import annotations

from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer

SALT = "visitplanner.delegate-link"


def _serializer(secret_key: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret_key, salt=SALT)


def make_token(delegate_id: int, link_version: int, secret_key: str) -> str:
    """The token of a delegate's current links; raising `link_version` voids every older one."""
    return _serializer(secret_key).dumps([delegate_id, link_version])


def read_token(token: str, secret_key: str) -> tuple[int, int] | None:
    """The (delegate id, link version) a token was signed for, or None when it is not ours."""
    try:
        value = _serializer(secret_key).loads(token)
    except BadSignature:
        return None
    if (not isinstance(value, list) or len(value) != 2
            or not all(type(part) is int for part in value)):
        return None
    return value[0], value[1]


def links_of(delegate: Any, base_url: str, secret_key: str) -> dict[str, str]:
    """The absolute `personal_url` and `calendar_feed_url` of a delegate."""
    token = make_token(delegate.id, delegate.link_version, secret_key)
    return {"personal_url": f"{base_url}/p/{token}",
            "calendar_feed_url": f"{base_url}/c/{token}.ics"}
