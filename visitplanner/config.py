"""Settings from the environment (VISITPLANNER_*), overridable in instance/config.py."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

ENV_PREFIX = "VISITPLANNER_"


def _env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(ENV_PREFIX + name, default)


def _env_bool(name: str, default: bool) -> bool:
    value = _env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def load_secret_key(instance_path: Path) -> str:
    """Return VISITPLANNER_SECRET_KEY, else a random key generated once and kept in instance/."""
    from_env = _env("SECRET_KEY")
    if from_env:
        return from_env
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_urlsafe(48)
    # Create with owner-only permissions: the key signs sessions and delegate links.
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


def _env_int(name: str, default: int) -> int:
    value = _env(name)
    return int(value) if value and value.strip().isdigit() else default


def settings_from_env(instance_path: Path) -> dict[str, object]:
    """Build the Flask config mapping from the environment."""
    default_db = f"sqlite:///{instance_path / 'visitplanner.sqlite3'}"
    base_url = (_env("BASE_URL", "http://127.0.0.1:5000") or "").rstrip("/")
    return {
        "SQLALCHEMY_DATABASE_URI": _env("DATABASE_URL", default_db),
        "SECRET_KEY": load_secret_key(instance_path),
        "BASE_URL": base_url,
        # Error messages never carry SQL parameters (token hashes, e-mail addresses).
        "SQLALCHEMY_ENGINE_OPTIONS": {"hide_parameters": True, "pool_pre_ping": True},
        "MAIL_FROM": _env("MAIL_FROM", "visitplanner@localhost"),
        "SMTP_HOST": _env("SMTP_HOST"),
        "SMTP_PORT": int(_env("SMTP_PORT", "25") or 25),
        "SMTP_USER": _env("SMTP_USER"),
        "SMTP_PASSWORD": _env("SMTP_PASSWORD"),
        "SMTP_STARTTLS": _env_bool("SMTP_STARTTLS", False),
        # Event UIDs use this domain; unset: one is fixed for the installation at first start.
        "CALENDAR_DOMAIN": _env("CALENDAR_DOMAIN"),
        "MAIL_RETRY_SECONDS": float(_env("MAIL_RETRY_SECONDS", "60") or 60),
        # More invitations than this at once are queued by the worker, not inside the request.
        "INVITATIONS_IN_REQUEST": _env_int("INVITATIONS_IN_REQUEST", 5000),
        # Visits with more items (badges: delegates) have their PDFs made by the worker only:
        # rendering them takes longer than a web request may.
        "PRINTOUT_INLINE_ITEMS": _env_int("PRINTOUT_INLINE_ITEMS", 60),
        "PRINTOUT_INLINE_DELEGATES": _env_int("PRINTOUT_INLINE_DELEGATES", 120),
        # Times of saves and sends are shown in this zone (visits carry their own zone).
        "BABEL_DEFAULT_TIMEZONE": _env("TIMEZONE", "Europe/Brussels"),
        # Behind https the cookies travel only over https.
        "SESSION_COOKIE_SECURE": _env_bool("COOKIE_SECURE", base_url.startswith("https://")),
        "REMEMBER_COOKIE_SECURE": _env_bool("COOKIE_SECURE", base_url.startswith("https://")),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "WTF_CSRF_TIME_LIMIT": None,
        # Requests larger than this get 413 (the delegate import takes files up to 2 MB).
        "MAX_CONTENT_LENGTH": _env_int("MAX_CONTENT_LENGTH", 4 * 1024 * 1024),
        # Rate limits (Flask-Limiter notation). memory:// counts per process; several processes
        # or hosts share counts through e.g. redis://host:6379 or memcached://host:11211.
        "RATELIMIT_STORAGE_URI": _env("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_ENABLED": _env_bool("RATELIMIT_ENABLED", True),
        "RATELIMIT_HEADERS_ENABLED": True,
        "RATELIMIT_LOGIN": _env("RATELIMIT_LOGIN", "20 per minute"),
        "RATELIMIT_LOGIN_FAILURES": _env("RATELIMIT_LOGIN_FAILURES", "5 per 15 minutes"),
        "RATELIMIT_API": _env("RATELIMIT_API", "600 per minute"),
        "RATELIMIT_API_FAILURES": _env("RATELIMIT_API_FAILURES", "20 per minute"),
        # New API tokens expire after this many days; personal links this many days after the
        # visit's last day.
        "API_TOKEN_DAYS": _env_int("API_TOKEN_DAYS", 90),
        "PERSONAL_LINK_DAYS": _env_int("PERSONAL_LINK_DAYS", 30),
        # The language tag of Word files by output language, e.g. "nl=nl-NL,fr=fr-FR";
        # unset languages keep nl-BE, fr-BE and en-GB.
        "DOCUMENT_LOCALES": dict(pair.strip().split("=", 1)
                                 for pair in (_env("DOCUMENT_LOCALES") or "").split(",")
                                 if "=" in pair),
    }
