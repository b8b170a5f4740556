"""What a stored conversation says, for operators: a summary for lists and statistics and
a transcript to read, from Rasa's event dictionaries (as the tracker store keeps them,
already redacted).

Facts come from what the conversation recorded, never from reading the bot's text: the
routing form's slots (role, place, age), the routing answer's `outcome` slot, the
`escalated` slot and the intents and actions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from resursguiden import ages
from resursguiden.geography import load_geography
from resursguiden.opening_hours import STOCKHOLM

ROLE_LABELS = {
    "affected": "Utsatt",
    "close": "Orolig för någon",
    "professionals": "Yrkesverksam",
    "civil_society": "Civilsamhället",
}
AGE_BANDS = tuple(ages.age_band(age) for age in (12, 13, 18, 27))  # as ages.age_band names them
NOT_SAID = "Ej angivet"
# Below the FallbackClassifier's threshold (0.4, config.yml) the bot falls back; between it
# and this the answer was a guess worth a look.
LOW_CONFIDENCE = 0.6
FALLBACK_ACTIONS = {"action_default_fallback", "utter_default"}


@dataclass(frozen=True)
class Summary:
    conversation_id: str
    started: datetime  # Stockholm time
    last: datetime
    messages: int  # what the person sent
    county: str | None  # "Uppsala län"
    role: str | None  # affected | close | professionals | civil_society
    age_band: str | None
    outcomes: tuple[str, ...]  # "centre:origo", "line:bris"
    escalated: bool
    fallbacks: int

    @property
    def day(self) -> date:
        return self.started.date()

    @property
    def reached_contact(self) -> bool:
        return bool(self.outcomes)


@dataclass(frozen=True)
class Entry:
    """One line of a transcript: something the person wrote, the bot said, or did."""

    kind: str  # "user", "bot", "action", "slot", "session"
    event_id: int
    at: datetime
    text: str = ""
    intent: str | None = None
    confidence: float | None = None
    low_confidence: bool = False
    fallback: bool = False
    emergency: bool = False
    buttons: tuple[str, ...] = ()
    policy: str | None = None
    slot_value: Any = None


def age_band(age: Any) -> str | None:
    """The statistics band of a recorded age (resursguiden.ages); None when not said."""
    if not isinstance(age, (int, float)) or isinstance(age, bool):
        return None
    return ages.age_band(int(age))


def county_of(place: Any) -> str | None:
    """ "12:1280" (a place key) -> "Skåne län"; "unknown" and anything else -> None."""
    if not isinstance(place, str) or ":" not in place:
        return None
    county = load_geography().counties.get(place.split(":", 1)[0])
    return county.name if county else None


def moment(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, STOCKHOLM)


def summarize(conversation_id: str, events: list[tuple[int, dict[str, Any]]]) -> Summary:
    """`events`: (row id, event dict) in the order they happened."""
    slots: dict[str, Any] = {}
    outcomes: list[str] = []
    messages = fallbacks = 0
    emergency = False
    for _, event in events:
        kind = event.get("event")
        if kind == "user":
            messages += 1
            intent = _intent(event)
            fallbacks += intent == "nlu_fallback"
            emergency |= intent == "emergency"
        elif kind == "action" and event.get("name") == "action_default_fallback":
            fallbacks += 1
        elif kind == "slot":
            name, value = event.get("name"), event.get("value")
            if name == "outcome" and isinstance(value, str) and value not in outcomes:
                outcomes.append(value)
            elif value not in (None, "unknown", "?"):
                slots[name] = value
    times = [event.get("timestamp") for _, event in events if event.get("timestamp")]
    return Summary(
        conversation_id=conversation_id,
        started=moment(min(times)) if times else moment(0),
        last=moment(max(times)) if times else moment(0),
        messages=messages,
        county=county_of(slots.get("place")),
        role=slots.get("role") if slots.get("role") in ROLE_LABELS else None,
        age_band=age_band(slots.get("age")),
        outcomes=tuple(outcomes),
        escalated=emergency or slots.get("escalated") is True,
        fallbacks=fallbacks,
    )


def transcript(events: list[tuple[int, dict[str, Any]]]) -> list[Entry]:
    entries: list[Entry] = []
    emergency_turn = False
    for event_id, event in events:
        kind = event.get("event")
        at = moment(event.get("timestamp") or 0)
        if kind == "user":
            intent = _intent(event)
            confidence = ((event.get("parse_data") or {}).get("intent") or {}).get("confidence")
            emergency_turn = intent == "emergency"
            entries.append(
                Entry(
                    "user", event_id, at, text=str(event.get("text") or ""), intent=intent,
                    confidence=confidence,
                    low_confidence=confidence is not None and confidence < LOW_CONFIDENCE,
                    fallback=intent == "nlu_fallback", emergency=emergency_turn,
                )
            )  # fmt: skip
        elif kind == "bot":
            buttons = tuple(
                str(button.get("title", ""))
                for button in (event.get("data") or {}).get("buttons") or []
            )
            entries.append(
                Entry("bot", event_id, at, text=str(event.get("text") or ""), buttons=buttons,
                      emergency=emergency_turn)
            )  # fmt: skip
        elif kind == "action":
            name = str(event.get("name") or "")
            if name == "action_listen":
                emergency_turn = False
                continue
            policy = event.get("policy") or ""
            emergency_turn |= "EmergencyPolicy" in policy
            entries.append(
                Entry("action", event_id, at, text=name, policy=policy or None,
                      fallback=name in FALLBACK_ACTIONS, emergency=emergency_turn)
            )  # fmt: skip
        elif kind == "slot" and event.get("name") != "requested_slot":
            entries.append(
                Entry("slot", event_id, at, text=str(event.get("name")),
                      slot_value=event.get("value"))
            )  # fmt: skip
        elif kind == "session_started":
            entries.append(Entry("session", event_id, at, text="Ny session"))
    return entries


def _intent(event: dict[str, Any]) -> str | None:
    return ((event.get("parse_data") or {}).get("intent") or {}).get("name")
