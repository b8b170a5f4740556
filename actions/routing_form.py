"""validate_routing_form: reads who, where and how old from any message, in any order.

Every turn while the form runs, each extract_ method reads its fact from the latest
message with the core's readers, so "jag är 15 och bor i Malmö" fills two slots and
nothing already said is asked again; a later "nej, jag menar Uppsala" corrects the
place; "Uppsala" or "16" in answer to "Vem gäller det?" is kept as the place or the age.
When a first message does not say who it is about, the writer is taken to ask for
themselves and told so (a later "det gäller min kompis" changes it). An answer to the
question just asked that cannot be read is counted; after two the form moves on with
what it knows (the financial-demo pattern). What to ask, and how places join, is the
core's (resursguiden/conversation.py): a professional in Kronoberg is never asked an age.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import clock
from actions.slots import (
    ASK_BACK,
    FORM_SLOTS,
    UNKNOWN,
    audience_of,
    is_not_understood,
    not_understood,
    place_of,
)
from resursguiden.ages import AgeKind, declines_to_answer, parse_age
from resursguiden.conversation import Known, assume_self, more_precise, needed, refines
from resursguiden.geography import GOTEBORG_CODE, Place, load_geography
from resursguiden.places import resolve_place
from resursguiden.registry import Audience
from resursguiden.roles import detect_role

# Intents with which a message is an answer to the form's question; any other intent
# (a knowledge question, thanks, the story going on) leaves the question to the rules.
ANSWER_INTENTS = {"inform", "decline", "deny", "affirm", "nlu_fallback"}
DECLINE_INTENTS = {"decline", "deny"}
# A message's intent says who writes when nobody has said it yet.
ROLE_OF_INTENT = {
    "describe_situation": Audience.AFFECTED.value,
    "worried_about_someone": Audience.CLOSE.value,
    "professional_question": Audience.PROFESSIONALS.value,
    "civil_society_question": Audience.CIVIL_SOCIETY.value,
}
MAX_FAILED = 2


def _text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


def _intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def _entity_values(tracker: Tracker, entity: str) -> list[str]:
    return [str(value) for value in tracker.get_latest_entity_values(entity)]


def _asked(tracker: Tracker, slot: str) -> bool:
    return tracker.get_slot("requested_slot") == slot


def _answering(tracker: Tracker) -> bool:
    """Whether the message answers one of the form's questions (any one: "16" answers
    "Vem gäller det?" with an age)."""
    return tracker.get_slot("requested_slot") is not None


def _declined(tracker: Tracker) -> bool:
    return _intent(tracker) in DECLINE_INTENTS or declines_to_answer(_text(tracker))


def _role_in_message(tracker: Tracker) -> str | None:
    """Who the latest message says it is about: a typed answer to "Vem gäller det?", a
    button, or words the classifier read ("min kompis ...")."""
    role = detect_role(_text(tracker)) if _asked(tracker, "role") else None
    if role is not None:
        return role.value
    return ROLE_OF_INTENT.get(_intent(tracker) or "")


def _unread_answer(tracker: Tracker, slot: str) -> dict[str, Any]:
    """An answer to the question just asked that could not be read: counted in
    validation. Anything else is not an answer: the rules handle it."""
    if _intent(tracker) in ANSWER_INTENTS:
        return {slot: not_understood(_text(tracker))}
    return {}


class ValidateRoutingForm(FormValidationAction):
    def name(self) -> str:
        return "validate_routing_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        known = Known(
            audience=audience_of(tracker),
            place=place_of(tracker),
            place_said=tracker.get_slot("place") is not None,
        )
        required = needed(known, clock.now())
        # A fact given before it is needed ("16" before the place) stays: rasa-sdk drops
        # what is not required.
        given = [s for s in FORM_SLOTS if s not in required and tracker.slots.get(s) is not None]
        return required + given

    async def next_requested_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> EventType:
        # Always say which slot comes next (rasa-sdk leaves it to Rasa when the list
        # happens to equal the domain's), so every turn's events tell the whole story.
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        missing = (slot for slot in required if tracker.slots.get(slot) is None)
        return SlotSet("requested_slot", next(missing, None))

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.latest_action_name not in ("action_listen", self.form_name()):
            # The form resumes after something else was answered (a knowledge question,
            # "are you safe?"): the last message was not an answer to the form. (At
            # activation the latest action is the form itself.)
            return []
        # Keep every fact the person gives, even one the form has not asked for yet
        # (rasa-sdk would read only the slots required so far). Who it is about last: a
        # message that gives other facts but not that is the writer's own.
        extracted: dict[str, Any] = {}
        for slot in ("place", "place_detail", "age", "role"):
            found = await self._extract_slot(slot, dispatcher, tracker, domain)
            extracted.update(found)
            tracker.slots.update(found)
        return [SlotSet(slot, value) for slot, value in extracted.items()]

    # ------------------------------------------------------------ who

    def extract_role(self, dispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        said = _role_in_message(tracker)
        known, assumed = tracker.get_slot("role"), tracker.get_slot("role_assumed")
        if said and (known is None or (assumed and said != known)):
            # Said now, or said to correct what was taken for granted ("det gäller min
            # kompis").
            return {"role": said}
        if _asked(tracker, "role") and _declined(tracker):
            return {"role": UNKNOWN}
        if known is None:
            first = tracker.get_slot("requested_slot") is None and _intent(tracker) != "start_over"
            if assume_self(_asked(tracker, "role"), self._gave_facts(tracker), first):
                return {"role": Audience.AFFECTED.value}
        if _asked(tracker, "role"):
            return _unread_answer(tracker, "role")
        return {}

    @staticmethod
    def _gave_facts(tracker: Tracker) -> bool:
        """Whether this very message gave a place or an age."""
        text = _text(tracker)
        return (
            resolve_place(text, whole_answer=True).place is not None
            or parse_age(text, whole_answer=True).kind is AgeKind.AGE
        )

    def validate_role(self, value, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        # Taken for granted when the message did not say it: told once, replaced later.
        assumed = value == Audience.AFFECTED.value and _role_in_message(tracker) is None
        update = self._count_failure("role", value, dispatcher, tracker)
        if assumed:
            dispatcher.utter_message(response="utter_role_assumed")
        if assumed != bool(tracker.get_slot("role_assumed")):
            update["role_assumed"] = assumed
        return update

    # ------------------------------------------------------------ where

    def extract_place(self, dispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        asked = _asked(tracker, "place")
        if asked and _declined(tracker):
            return {"place": UNKNOWN}
        # Read as a whole answer ("vara" alone is then Vara) when any question was asked.
        answering = _answering(tracker)
        # The classifier's place entities first, then the whole message; read as a whole
        # answer only when the question was just asked ("vara" alone is then Vara).
        found = None
        for value in _entity_values(tracker, "place"):
            found = resolve_place(value, whole_answer=answering)
            if found.place is not None:
                break
        if found is None or found.place is None:
            found = resolve_place(_text(tracker), whole_answer=answering)
        if found.place is not None:
            return {"place": more_precise(found.place, place_of(tracker)).key}
        if found.is_ambiguous and (asked or tracker.get_slot("place") is None):
            return {"place": ASK_BACK + found.question}
        return _unread_answer(tracker, "place") if asked else {}

    def validate_place(self, value, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        if isinstance(value, str) and value.startswith(ASK_BACK):
            # Ambiguous: action_ask_place asks the question back instead of the usual one.
            return {"place": None, "place_question": value[len(ASK_BACK) :]}
        if is_not_understood(value) or value is None:
            return self._count_failure("place", value, dispatcher, tracker)
        update = {"place": value, "place_question": None}
        place = None if value == UNKNOWN else Place.from_key(value)
        if place is not None and place.district is not None:
            update["place_detail"] = place.district
        elif tracker.get_slot("place_detail") != UNKNOWN:
            update["place_detail"] = None  # the detail of another place does not apply here
        return update

    def extract_place_detail(
        self, dispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The municipality in a county, or the district in Göteborg, asked for when only
        a part of the area has a centre for this person."""
        if not _asked(tracker, "place_detail"):
            return {}
        if _declined(tracker):
            return {"place_detail": UNKNOWN}
        known = place_of(tracker)
        for text in [*_entity_values(tracker, "place"), _text(tracker)]:
            if known is not None and known.municipality_code == GOTEBORG_CODE:
                text = f"Göteborg {text}"  # "Centrum" and "Backa" count only there
            found = resolve_place(text, whole_answer=True).place
            if found is not None and refines(found, known):
                detail = (
                    found.district or load_geography().municipalities[found.municipality_code].name
                )
                return {"place_detail": detail, "place": found.key}
        return _unread_answer(tracker, "place_detail")

    def validate_place_detail(self, value, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        if is_not_understood(value):
            # One try only: it is a detail, the help for the wider area is already known.
            dispatcher.utter_message(response="utter_move_on")
            return {"place_detail": UNKNOWN}
        return {"place_detail": value}

    # ------------------------------------------------------------ how old

    def extract_age(self, dispatcher, tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        asked = _asked(tracker, "age")
        answer = parse_age(_text(tracker), whole_answer=_answering(tracker))
        if answer.kind is AgeKind.AGE:
            return {"age": answer.age}
        if not asked:
            return {}
        if answer.kind is AgeKind.DECLINED or _declined(tracker):
            return {"age": UNKNOWN}
        if answer.kind is AgeKind.IMPLAUSIBLE:
            return {"age": not_understood(_text(tracker))}
        return _unread_answer(tracker, "age")

    def validate_age(self, value, dispatcher, tracker: Tracker, domain) -> dict[str, Any]:
        return self._count_failure("age", value, dispatcher, tracker)

    # ------------------------------------------------------------ failures

    @staticmethod
    def _count_failure(
        slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        if not is_not_understood(value):
            return {slot: value}
        failed = (tracker.get_slot(f"failed_{slot}") or 0) + 1
        if failed >= MAX_FAILED:
            dispatcher.utter_message(response="utter_move_on")
            return {slot: UNKNOWN, f"failed_{slot}": failed}
        return {slot: None, f"failed_{slot}": failed}
