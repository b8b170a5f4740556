"""action_reset_routing: start over, for someone else, keeping what operators need."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.slots import FORM_SLOTS


class ActionResetRouting(Action):
    def name(self) -> str:
        return "action_reset_routing"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # `escalated` stays: operators must still see that this conversation met danger.
        cleared = [SlotSet(slot, None) for slot in (*FORM_SLOTS, "place_question")]
        cleared.append(SlotSet("role_assumed", False))
        counters = [SlotSet(f"failed_{slot}", 0) for slot in ("role", "place", "age")]
        return [*cleared, *counters]
