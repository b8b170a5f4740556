"""Rasa's REST channel, made safe to resend to, and quiet about what people write.

The widget gives every message a random ``message_id`` and, when an answer does not
arrive (a dropped connection, a reload), sends the same message with the same id again.
Handling it twice would move the conversation on twice. So a message whose id the
conversation already holds is not handled again: the answers it got are returned. A
resend that arrives while the first is still being handled waits for that one.

Otherwise the protocol is Rasa's: ``POST /webhooks/rest/webhook`` with
``{"sender": ..., "message": ...}`` returns the bot's messages. Not taken over from
Rasa's channel: client ``metadata`` (nothing a browser says about itself is stored),
``input_channel`` and streaming (unused), and logging the message text on errors.
"""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.request import Request

logger = logging.getLogger(__name__)

MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MAX_SENDER_LENGTH = 128


class ResendSafeRestInput(RestInput):
    """``rest``: Rasa's REST channel, plus answering a resent message from the tracker."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def __init__(self) -> None:
        self._in_flight: dict[tuple[str, str], asyncio.Future] = {}

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("resend_safe_rest", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> response.HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> response.HTTPResponse:
            problem, sender, text, message_id = read_request(request)
            if problem:
                return response.json({"error": problem}, status=400)
            key = (sender, message_id)
            if key in self._in_flight:
                return response.json(await asyncio.shield(self._in_flight[key]))
            earlier = await answers_already_given(request.app.ctx.agent, sender, message_id)
            if earlier is not None:
                return response.json(earlier)

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


def read_request(request: Request) -> tuple[str | None, str, str, str]:
    """(problem, sender, text, message_id); problem says in plain words what was wrong."""
    try:
        body = request.json
    except Exception:  # Sanic raises on a body that is not JSON
        body = None
    if not isinstance(body, dict):
        return "the body must be a JSON object", "", "", ""
    sender, text = body.get("sender", "default"), body.get("message")
    message_id = body.get("message_id") or uuid.uuid4().hex
    if not isinstance(sender, str) or not 0 < len(sender) <= MAX_SENDER_LENGTH:
        return f"'sender' must be text of 1 to {MAX_SENDER_LENGTH} characters", "", "", ""
    if not isinstance(text, str):
        return "'message' must be text", "", "", ""
    if not isinstance(message_id, str) or not MESSAGE_ID.match(message_id):
        return "'message_id' must be 8 to 64 letters, digits, '-' or '_'", "", "", ""
    return None, sender, text, message_id


async def answers_already_given(agent: Any, sender: str, message_id: str) -> list[dict] | None:
    """The bot's messages after the user message with this id, or None if there is none."""
    tracker = await agent.tracker_store.retrieve(sender)
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
