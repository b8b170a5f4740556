"""action_give_route: the answer, from the routing engine, once the form is done."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import clock
from actions.slots import age_of, audience_of, place_of
from resursguiden.answer_text import routing_replies
from resursguiden.routing import RoutingResult, route


class ActionGiveRoute(Action):
    def name(self) -> str:
        return "action_give_route"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        result = route(place_of(tracker), age_of(tracker), audience_of(tracker), clock.now())
        for reply in routing_replies(result):
            buttons = [{"title": title, "payload": payload} for title, payload in reply.buttons]
            dispatcher.utter_message(text=reply.text, buttons=buttons)
        return [SlotSet("outcome", outcome_of(result))]


def outcome_of(result: RoutingResult) -> str | None:
    """The contact the answer led with, recorded so that operators read it, not guess it."""
    if result.centres:
        return f"centre:{result.centres[0].id}"
    if result.national_lines:
        return f"line:{result.national_lines[0].id}"
    return None
