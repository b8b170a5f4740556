"""What the REST channel refuses before Rasa sees a message, and why.

Checked in this order, each with its HTTP status, a reason for developers and a short
Swedish line the widget shows the person:

- 413  a body over MAX_BODY_BYTES, or a message over MAX_MESSAGE_CHARS characters;
- 415  a body that is not ``application/json`` (a plain cross-site form or ``text/plain``
       POST, which browsers send without asking first);
- 403  an ``Origin`` that is not one of ALLOWED_ORIGINS (no Origin at all stays allowed:
       servers and scripts do not send one);
- 400  not a JSON object, unknown fields, a sender that is not the widget's 128-bit id (32
       hexadecimal digits), a message that is empty once control characters are removed,
       or a malformed message_id;
- 429  over RATE_PER_SENDER messages per minute for a conversation, or RATE_PER_CLIENT
       for one client address (the proxy's X-Forwarded-For is believed only from an
       address in TRUSTED_PROXIES).

Nothing here is logged or stored; client addresses are kept in memory only as salted
hashes, for a minute.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import time
import unicodedata
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from resursguiden.client_address import client_address as address_of
from resursguiden.client_address import trusted_proxies
from resursguiden.web_origins import parse_allowed_origins

MAX_BODY_BYTES = 8 * 1024
MAX_MESSAGE_CHARS = 2000
SENDER = re.compile(r"^[0-9a-f]{32}$")
MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
FIELDS = {"sender", "message", "message_id"}
DEFAULT_RATE_PER_SENDER = 30  # a minute: far more than anyone types, less than a script
DEFAULT_RATE_PER_CLIENT = 600  # a minute: a whole school's pupils may share one address
WINDOW_SECONDS = 60.0

# What the widget shows (issue 11: "a friendly Swedish line").
TOO_LONG = f"Meddelandet är för långt. Skriv det kortare, högst {MAX_MESSAGE_CHARS} tecken."
TOO_FAST = "Du skriver snabbare än chatten hinner med. Vänta en liten stund och försök igen."
NOT_ACCEPTED = "Chatten kunde inte ta emot meddelandet. Ladda om sidan och försök igen."
EMPTY = "Meddelandet var tomt. Skriv något och skicka igen."


@dataclass(frozen=True)
class Refusal:
    status: int
    error: str  # for developers: what was wrong
    text: str  # for the person, in Swedish

    def body(self) -> dict[str, str]:
        return {"error": self.error, "text": self.text}


@dataclass(frozen=True)
class Accepted:
    sender: str
    text: str
    message_id: str | None


class SlidingWindow:
    """At most `limit` events per key in any WINDOW_SECONDS."""

    def __init__(self, limit: int, clock=time.monotonic):
        self.limit = limit
        self._clock = clock
        self._events: dict[str, deque[float]] = {}
        self._last_sweep = clock()

    def allow(self, key: str) -> bool:
        now = self._clock()
        self._sweep(now)
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - WINDOW_SECONDS:
            events.popleft()
        if len(events) >= self.limit:
            return False
        events.append(now)
        return True

    def _sweep(self, now: float) -> None:
        # Forget keys idle for a window, so memory does not grow with every address seen.
        if now - self._last_sweep < WINDOW_SECONDS:
            return
        self._last_sweep = now
        for key in [k for k, e in self._events.items() if not e or e[-1] <= now - WINDOW_SECONDS]:
            del self._events[key]


class RequestGuard:
    def __init__(
        self,
        allowed_origins: tuple[str, ...],
        rate_per_sender: int = DEFAULT_RATE_PER_SENDER,
        rate_per_client: int = DEFAULT_RATE_PER_CLIENT,
        trusted_proxies: frozenset[str] = frozenset(),
        clock=time.monotonic,
    ):
        self.allowed_origins = set(allowed_origins)
        self.trusted_proxies = trusted_proxies
        self._per_sender = SlidingWindow(rate_per_sender, clock)
        self._per_client = SlidingWindow(rate_per_client, clock)
        self._salt = secrets.token_bytes(16)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> RequestGuard:
        """ALLOWED_ORIGINS, RATE_PER_SENDER, RATE_PER_CLIENT, TRUSTED_PROXIES (settings.env).
        Raises ValueError, with what to write instead, for a value that cannot be used."""
        return cls(
            parse_allowed_origins(environ.get("ALLOWED_ORIGINS", "")),
            _positive(environ, "RATE_PER_SENDER", DEFAULT_RATE_PER_SENDER),
            _positive(environ, "RATE_PER_CLIENT", DEFAULT_RATE_PER_CLIENT),
            trusted_proxies(environ),
        )

    def check(
        self, headers: Mapping[str, str], body: bytes, client_address: str | None
    ) -> Refusal | Accepted:
        refusal = self._check_transport(headers, body)
        if refusal:
            return refusal
        read = read_body(body)
        if isinstance(read, Refusal):
            return read
        # The conversation first: one flooding conversation does not use up the budget of
        # the others behind the same address.
        if not self._per_sender.allow(read.sender):
            return Refusal(429, "too many messages in this conversation", TOO_FAST)
        if not self._per_client.allow(self._client_key(headers, client_address)):
            return Refusal(429, "too many messages from this address", TOO_FAST)
        return read

    def check_forget(self, headers: Mapping[str, str], body: bytes) -> Refusal | str:
        """The sender whose conversation the secret in the body may delete."""
        refusal = self._check_transport(headers, body)
        if refusal:
            return refusal
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return Refusal(400, "the body must be JSON in UTF-8", NOT_ACCEPTED)
        secret = data.get("secret") if isinstance(data, dict) else None
        if not isinstance(secret, str) or not SENDER.match(secret) or set(data) != {"secret"}:
            return Refusal(400, 'the body must be {"secret": 32 hexadecimal digits}', NOT_ACCEPTED)
        if not self._per_client.allow("forget"):  # one budget for all: guessing is hopeless
            return Refusal(429, "too many deletions", TOO_FAST)
        return sender_of(secret)

    def _check_transport(self, headers: Mapping[str, str], body: bytes) -> Refusal | None:
        declared = headers.get("content-length", "")
        if len(body) > MAX_BODY_BYTES or (declared.isdigit() and int(declared) > MAX_BODY_BYTES):
            return Refusal(413, f"the body is over {MAX_BODY_BYTES} bytes", TOO_LONG)
        media_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type != "application/json":
            return Refusal(415, "the body must be application/json", NOT_ACCEPTED)
        origin = headers.get("origin")
        if origin is not None and origin not in self.allowed_origins:
            return Refusal(403, "this web site may not use the chat (Origin)", NOT_ACCEPTED)
        return None

    def _client_key(self, headers: Mapping[str, str], client_address: str | None) -> str:
        address = address_of(client_address, headers.get("x-forwarded-for"), self.trusted_proxies)
        return hashlib.sha256(self._salt + address.encode()).hexdigest()


def sender_of(secret: str) -> str:
    """The sender id a widget uses with this secret: the first 32 hex digits of SHA-256."""
    return hashlib.sha256(secret.encode("ascii")).hexdigest()[:32]


def read_body(body: bytes) -> Refusal | Accepted:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return Refusal(400, "the body must be JSON in UTF-8", NOT_ACCEPTED)
    if not isinstance(data, dict):
        return Refusal(400, "the body must be a JSON object", NOT_ACCEPTED)
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        return Refusal(400, f"unknown fields: {', '.join(unknown)}", NOT_ACCEPTED)
    sender, text, message_id = data.get("sender"), data.get("message"), data.get("message_id")
    if not isinstance(sender, str) or not SENDER.match(sender):
        return Refusal(400, "'sender' must be 32 hexadecimal digits (128 bits)", NOT_ACCEPTED)
    if not isinstance(text, str):
        return Refusal(400, "'message' must be text", NOT_ACCEPTED)
    if message_id is not None and not (
        isinstance(message_id, str) and MESSAGE_ID.match(message_id)
    ):
        return Refusal(400, "'message_id' must be 8 to 64 letters, digits, - or _", NOT_ACCEPTED)
    if len(text) > MAX_MESSAGE_CHARS:
        return Refusal(413, f"'message' is over {MAX_MESSAGE_CHARS} characters", TOO_LONG)
    text = without_control_characters(text).strip()
    if not text:
        return Refusal(400, "'message' is empty", EMPTY)
    return Accepted(sender, text, message_id)


def without_control_characters(text: str) -> str:
    """NUL and other control characters out; line breaks and tabs stay."""
    return "".join(char for char in text if char in "\n\t" or unicodedata.category(char) != "Cc")


def _positive(environ: Mapping[str, str], name: str, default: int) -> int:
    value = environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{name} must be a whole number of messages a minute, not {value!r}")
    return int(value)
