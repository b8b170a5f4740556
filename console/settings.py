"""The console's settings, from the environment (settings.env holds the defaults)."""

from __future__ import annotations

import os
import re

import sqlalchemy as sa

from console.database import ROOT, engine_for, migrate, url_from_endpoints


def endpoints_file() -> str:
    path = os.environ.get("RASA_ENDPOINTS", "endpoints.yml")
    return path if os.path.isabs(path) else str(ROOT / path)


def engine() -> sa.engine.Engine:
    """The conversations' database, with the console's tables created or upgraded."""
    found = engine_for(url_from_endpoints(endpoints_file()))
    migrate(found)
    return found


def host() -> str:
    return os.environ.get("CONSOLE_HOST", "127.0.0.1")


def port() -> int:
    return int(os.environ.get("CONSOLE_PORT", "8090"))


def https() -> bool:
    """Behind a reverse proxy that terminates TLS: cookies get the Secure flag."""
    return os.environ.get("CONSOLE_HTTPS", "false").lower() in ("1", "true", "yes")


def audit_days() -> int:
    """How long the audit log keeps an entry (CONSOLE_AUDIT_DAYS, a year by default)."""
    value = os.environ.get("CONSOLE_AUDIT_DAYS", "365").strip()
    if not re.fullmatch(r"[0-9]{1,6}", value) or int(value) < 1:
        raise ValueError(f"CONSOLE_AUDIT_DAYS must be a whole number of days, not {value!r}")
    return int(value)
