"""The routing form's questions where the wording depends on what came before."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.slots import audience_of, place_of
from resursguiden.geography import GOTEBORG_CODE, load_geography
from resursguiden.registry import Audience

# Where the help is needed: the writer's home, the worried-about person's, the workplace.
PLACE_QUESTIONS = {
    Audience.AFFECTED: "utter_ask_place",
    Audience.CLOSE: "utter_ask_place_close",
    Audience.PROFESSIONALS: "utter_ask_place_work",
    Audience.CIVIL_SOCIETY: "utter_ask_place_work",
}


class ActionAskPlace(Action):
    """A question back about an ambiguous place, a hint after an answer that could not
    be read, or the usual question."""

    def name(self) -> str:
        return "action_ask_place"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        question = tracker.get_slot("place_question")
        if question:
            dispatcher.utter_message(text=question)
            return [SlotSet("place_question", None)]
        if tracker.get_slot("failed_place"):
            dispatcher.utter_message(response="utter_ask_place_again")
        else:
            dispatcher.utter_message(response=PLACE_QUESTIONS[audience_of(tracker)])
        return []


class ActionAskPlaceDetail(Action):
    """Which part: Göteborg's district, or the municipality in a county."""

    def name(self) -> str:
        return "action_ask_place_detail"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        place = place_of(tracker)
        if place is not None and place.municipality_code == GOTEBORG_CODE:
            dispatcher.utter_message(response="utter_ask_district")
        else:
            county = load_geography().county(place.county_code).name if place else "länet"
            dispatcher.utter_message(response="utter_ask_municipality", county=county)
        return []


class ActionAskAge(Action):
    """The age of the person concerned: the writer's own, or the young person a
    professional asks about."""

    def name(self) -> str:
        return "action_ask_age"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("failed_age"):
            dispatcher.utter_message(response="utter_ask_age_again")
        elif audience_of(tracker) in (Audience.PROFESSIONALS, Audience.CIVIL_SOCIETY):
            dispatcher.utter_message(response="utter_ask_age_professional")
        else:
            dispatcher.utter_message(response="utter_ask_age")
        return []
