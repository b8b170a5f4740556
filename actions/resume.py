"""action_resume_after_alarm: after a false alarm, take up what the person wrote.

The emergency answer went to a message the danger detector read as acute; the person
then said they are safe. This replays that message as if it had just arrived, with the
intent DIET gave it before the detector set `emergency` (kept in the message's `danger`
note), so the rules and the routing form answer the question or read who, where and how
old from it. The alarm itself stays in the conversation, and `escalated` stays set.
"""

from __future__ import annotations

import copy
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, UserUttered
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

EMERGENCY_INTENT = "emergency"  # as in rasa_extensions/danger_detector.py


def last_alarm(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    for event in reversed(events):
        if event.get("event") == "user":
            intent = (event.get("parse_data") or {}).get("intent") or {}
            if intent.get("name") == EMERGENCY_INTENT:
                return event
    return None


def as_it_was(alarm: dict[str, Any]) -> dict[str, Any]:
    """The alarm message's parse data with the intent it had before the alarm."""
    parse_data = copy.deepcopy(alarm.get("parse_data") or {})
    note = parse_data.pop("danger", None) or {}
    intent = {"name": note.get("intent_before"), "confidence": 1.0}
    parse_data["intent"] = intent
    parse_data["intent_ranking"] = [
        entry
        for entry in parse_data.get("intent_ranking") or []
        if entry.get("name") not in (EMERGENCY_INTENT, intent["name"])
    ]
    parse_data["intent_ranking"].insert(0, intent)
    parse_data["resumed_after_alarm"] = True
    return parse_data


class ActionResumeAfterAlarm(Action):
    def name(self) -> str:
        return "action_resume_after_alarm"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        alarm = last_alarm(tracker.events)
        if alarm is None:
            return []
        return [
            ActionExecuted("action_listen"),
            UserUttered(
                alarm.get("text"), as_it_was(alarm), input_channel=alarm.get("input_channel")
            ),
        ]
