"""Rasa's socket.io channel, open only to the web pages that may embed the bot.

Rasa's own channel turns off engine.io's origin check (``cors_allowed_origins=[]``)
and leaves CORS headers to the server's ``--cors`` list. Browsers do not apply
CORS to WebSockets, so any web page could then open a socket to the bot. Turning
engine.io's check back on would also make it add its own CORS headers next to
Sanic-CORS's, and browsers reject a response with two. So this channel checks the
Origin header itself, before engine.io sees the request.
"""

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint, response
from sanic.request import Request


def parse_origins(value: Any) -> list[str]:
    """Accepts a list or a space/comma separated string; never the wildcard."""
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).replace(",", " ").split()
    origins = [str(item).strip().rstrip("/") for item in items if str(item).strip()]
    if "*" in origins:
        raise ValueError(
            "allowed_origins must list the web pages that embed the widget; '*' is not allowed"
        )
    return origins


class RestrictedSocketIOInput(SocketIOInput):
    """socket.io channel that accepts browser connections only from allowed origins."""

    def __init__(self, *args: Any, allowed_origins: list[str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.allowed_origins = allowed_origins or []

    @classmethod
    def name(cls) -> str:
        # Same webhook name as Rasa's channel, so clients and docs stay the same.
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = dict(credentials or {})
        allowed_origins = parse_origins(credentials.pop("allowed_origins", None))
        channel = super().from_credentials(credentials)
        channel.allowed_origins = allowed_origins
        return channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        # The blueprint attaches engine.io's handler to the app when it is
        # registered, which happens after this method returns.
        handle_engineio_request = self.sio.eio.handle_request
        allowed = set(self.allowed_origins)

        async def handle_request(request: Request, *args: Any, **kwargs: Any) -> Any:
            origin = request.headers.get("origin")
            # Browsers always send Origin; other clients (servers, tests) may not.
            if origin is not None and origin.rstrip("/") not in allowed:
                return response.text("Not an accepted origin.", status=403)
            return await handle_engineio_request(request, *args, **kwargs)

        self.sio.eio.handle_request = handle_request
        return blueprint
