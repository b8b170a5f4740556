"""The address a request came from, believing X-Forwarded-For only from our own proxies.

Used for rate limits and log-in throttling, in memory only: addresses are never stored."""

from __future__ import annotations

import os
from collections.abc import Mapping


def trusted_proxies(environ: Mapping[str, str] = os.environ) -> frozenset[str]:
    """TRUSTED_PROXIES (settings.env): addresses separated by spaces or commas."""
    return frozenset(environ.get("TRUSTED_PROXIES", "").replace(",", " ").split())


def client_address(peer: str | None, forwarded_for: str | None, trusted: frozenset[str]) -> str:
    """`peer` itself, or, when it is a trusted proxy, the nearest address in X-Forwarded-For
    that the proxies did not add themselves."""
    address = peer or ""
    if address in trusted:
        hops = [hop.strip() for hop in (forwarded_for or "").split(",") if hop.strip()]
        for hop in reversed(hops):
            address = hop
            if hop not in trusted:
                break
    return address
