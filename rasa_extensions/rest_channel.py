"""Rasa's REST channel, made safe to resend to, hard to abuse, and quiet about what people
write.

Before Rasa sees anything, rasa_extensions/request_guard.py refuses what is too big, not
JSON, from a web site not in ALLOWED_ORIGINS, malformed or too fast, with a JSON error
and a Swedish line for the widget (``{"error": ..., "text": ...}``).

The widget gives every message a random ``message_id`` and, when an answer does not
arrive (a dropped connection, a reload), sends the same message with the same id again.
Handling it twice would move the conversation on twice. So a message whose id the
conversation already holds is not handled again: the answers it got are returned. A
resend that arrives while the first is still being handled waits for that one.

Text starting with "/" is Rasa's way of forcing an intent and entities. Here it does
that only when it is exactly the payload of a button the bot offered in its last reply;
anything else typed with a "/" is read as the plain text after it.

``POST /webhooks/rest/forget`` with ``{"secret": ...}`` deletes a conversation at once
(the widget's quick exit and "Radera samtalet"). The widget makes the secret, 32 random
hexadecimal digits kept only in its browser tab, and uses the first 32 digits of its
SHA-256 as the sender: the server needs to keep nothing to check that whoever asks holds
the secret, and a sender id alone deletes nothing.

Otherwise the protocol is Rasa's: ``POST /webhooks/rest/webhook`` with
``{"sender": ..., "message": ...}`` returns the bot's messages. Not taken over from
Rasa's channel: client ``metadata`` (nothing a browser says about itself is stored),
``input_channel`` and streaming (unused), and logging the message text on errors.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.request import Request

from rasa_extensions.request_guard import EMPTY, Refusal, RequestGuard
from rasa_extensions.retention import delete_conversation, sql_store

logger = logging.getLogger(__name__)

INTENT_PREFIX = "/"


class ResendSafeRestInput(RestInput):
    """``rest``: Rasa's REST channel, plus answering a resent message from the tracker."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def __init__(self, guard: RequestGuard | None = None) -> None:
        self._in_flight: dict[tuple[str, str], asyncio.Future] = {}
        self.guard = guard or RequestGuard.from_environment()

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        # The settings come from the environment (settings.env); a value that cannot be
        # used stops the server at start with what to write instead.
        return cls(RequestGuard.from_environment())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("resend_safe_rest", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> response.HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/forget", methods=["POST"])
        async def forget(request: Request) -> response.HTTPResponse:
            checked = self.guard.check_forget(request.headers, request.body or b"")
            if isinstance(checked, Refusal):
                return response.json(checked.body(), status=checked.status)
            store = sql_store(request.app.ctx.agent.tracker_store)
            if store is None:
                return response.json({"error": "conversations are not in an SQL store"}, 501)
            # Under the conversation's lock: a message still being handled is saved first,
            # then deleted with the rest, instead of writing the conversation back after.
            async with request.app.ctx.agent.lock_store.lock(checked, wait_time_in_seconds=0.1):
                deleted = await asyncio.get_running_loop().run_in_executor(
                    None, delete_conversation, store, checked
                )
            return response.json({"deleted": deleted > 0})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> response.HTTPResponse:
            checked = self.guard.check(request.headers, request.body or b"", request.ip)
            if isinstance(checked, Refusal):
                return response.json(checked.body(), status=checked.status)
            sender, text = checked.sender, checked.text
            message_id = checked.message_id or uuid.uuid4().hex
            key = (sender, message_id)
            if key in self._in_flight:
                return response.json(await asyncio.shield(self._in_flight[key]))
            tracker = await request.app.ctx.agent.tracker_store.retrieve(sender)
            earlier = answers_already_given(tracker, sender, message_id)
            if earlier is not None:
                return response.json(earlier)
            if text.startswith(INTENT_PREFIX) and text not in offered_payloads(tracker):
                text = text.lstrip(INTENT_PREFIX).strip()
                if not text:
                    empty = Refusal(400, "'message' is empty", EMPTY)
                    return response.json(empty.body(), status=empty.status)

            done = asyncio.get_running_loop().create_future()
            self._in_flight[key] = done
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(
                        text, collector, sender, input_channel=self.name(), message_id=message_id
                    )
                )
            except asyncio.CancelledError:
                logger.error("rest: handling a message timed out")
            except Exception:  # the answer so far is still returned, as Rasa's channel does
                logger.exception("rest: handling a message failed")
            finally:
                done.set_result(collector.messages)
                del self._in_flight[key]
            return response.json(collector.messages)

        return webhook


def answers_already_given(tracker: Any, sender: str, message_id: str) -> list[dict] | None:
    """The bot's messages after the user message with this id, or None if there is none."""
    if tracker is None:
        return None
    events = list(tracker.events)
    for index, event in enumerate(events):
        if isinstance(event, UserUttered) and event.message_id == message_id:
            answers = []
            for later in events[index + 1 :]:
                if isinstance(later, UserUttered):
                    break
                if isinstance(later, BotUttered):
                    answers.append(as_rest_message(sender, later))
            return answers
    return None


def offered_payloads(tracker: Any) -> set[str]:
    """The payloads of the buttons in the bot's last reply (all its messages since the
    person last wrote)."""
    payloads: set[str] = set()
    for event in reversed(list(tracker.events) if tracker else []):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, BotUttered):
            for button in (event.data or {}).get("buttons") or []:
                if isinstance(button, dict) and isinstance(button.get("payload"), str):
                    payloads.add(button["payload"])
    return payloads


def as_rest_message(sender: str, event: BotUttered) -> dict:
    """The shape CollectingOutputChannel gives a bot message."""
    data = event.data or {}
    message = {
        "recipient_id": sender,
        "text": event.text,
        "image": data.get("image"),
        "buttons": data.get("buttons"),
        "attachment": data.get("attachment"),
        "custom": data.get("custom"),
    }
    return {name: value for name, value in message.items() if value is not None}
