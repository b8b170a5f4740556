"""Reading the routing form's slots as the core's types. Shared by the actions.

The slot values are plain text with a small encoding:
- a place key ("12:1280", "14:1480:Hisingen"), a role, a number, or UNKNOWN ("unknown":
  the person declined, or the form moved on after two tries);
- NOT_UNDERSTOOD + the text ("?blabla"): an answer to the question just asked that
  could not be read. Why a value at all: rasa-sdk (3.6) calls `validate_<slot>` only for
  slots the extraction set, so an unread answer must set something to be counted (and
  after two, moved on from); validation then replaces it with None or UNKNOWN;
- ASK_BACK + a question ("¿Menar du Håbo eller Habo?"): an ambiguous place; validation
  moves the question to `place_question`, which action_ask_place asks instead.
Neither prefixed value survives validation, so no other code ever sees one.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from resursguiden.geography import Place
from resursguiden.registry import Audience

UNKNOWN = "unknown"  # the person declined, or we moved on after two tries
NOT_UNDERSTOOD = "?"  # prefix of an answer that extraction could not read
ASK_BACK = "¿"  # prefix of a question back about an ambiguous place
FORM_SLOTS = ("role", "place", "place_detail", "age")


def place_of(tracker: Tracker) -> Place | None:
    value = tracker.get_slot("place")
    if not value or value == UNKNOWN or str(value)[0] in (NOT_UNDERSTOOD, ASK_BACK):
        return None
    return Place.from_key(value)


def audience_of(tracker: Tracker) -> Audience:
    """The audience to route for; someone who does not say is routed as affected,
    the widest help (national lines, social services)."""
    value = tracker.get_slot("role")
    return Audience(value) if value in {a.value for a in Audience} else Audience.AFFECTED


def age_of(tracker: Tracker) -> int | None:
    value: Any = tracker.get_slot("age")
    return int(value) if isinstance(value, (int, float)) else None


def not_understood(text: str) -> str:
    return NOT_UNDERSTOOD + text


def is_not_understood(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(NOT_UNDERSTOOD)
