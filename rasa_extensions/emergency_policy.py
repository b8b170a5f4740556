"""Emergency policy: 112 comes first, at any point, without the action server.

Rasa lets an active form run before any rule, and a form calls the action server to
validate. With the action server down, an emergency typed in the middle of the form
would then get no answer at all. This policy outranks the form and every other policy
(its predictions count as "no user input" ones, like a form's, and its priority is
higher) on exactly these turns:

- the message has the emergency intent (set by the danger detector): answer with the
  response for the kind of danger (suicidal thoughts: Självmordslinjen too; held abroad:
  UD's line first; otherwise 112), in English when the message was, mark the
  conversation as escalated (for operators, whatever comes next), listen;
- the person answers "Är du på en säker plats just nu?":
  - safe: a calm reply, then the conversation takes up what they wrote before the alarm
    (action_resume_after_alarm replays that message with the intent it had); when there
    is nothing to take up, the rules start the routing form;
  - not safe: 112 again, and what to do when one cannot talk; listen.

Everything it says is a domain response, so the emergency answers need nothing but the
Rasa server; only taking up the earlier message calls the action server.
"""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_extensions.danger_detector import DANGER_KEY, EMERGENCY_INTENT, LANGUAGE_KEY
from resursguiden.danger import assess
from resursguiden.danger.reply import Reply, read_reply

# The answer for each kind of danger (resursguiden.danger.Answer), by language.
EMERGENCY_RESPONSES = {
    "sv": {
        "acute": "utter_emergency",
        "suicide": "utter_emergency_suicide",
        "abroad": "utter_emergency_abroad",
    },
    "en": {
        "acute": "utter_emergency_en",
        "suicide": "utter_emergency_suicide_en",
        "abroad": "utter_emergency_abroad_en",
    },
}
SAFE_NOW = {"sv": "utter_safe_now", "en": "utter_safe_now_en"}
NOT_SAFE = {"sv": "utter_not_safe", "en": "utter_not_safe_en"}
RESUME_ACTION = "action_resume_after_alarm"
# Intents of an alarm message that the conversation takes up once the person is safe
# (what they asked, who they are, where, how old). Others ("hej", a bare cry for help)
# leave nothing to take up: the routing form starts instead.
RESUMABLE_INTENTS = {
    "faq", "describe_situation", "worried_about_someone", "professional_question",
    "civil_society_question", "inform", "bot_challenge", "english",
}  # fmt: skip
ESCALATED_SLOT = "escalated"
# Above RulePolicy (4) and the other built-in policies.
DEFAULT_PRIORITY = 6


def _language(message: UserUttered | None) -> str:
    """ "en" for a message in English (the danger detector's note), else "sv"."""
    parse_data = (message.parse_data or {}) if message else {}
    return "en" if parse_data.get(LANGUAGE_KEY) == "en" else "sv"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class EmergencyPolicy(Policy):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": DEFAULT_PRIORITY}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> EmergencyPolicy:
        return cls(config, model_storage, resource, execution_context)

    def train(
        self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        # Nothing to learn: the behaviour is fixed. The resource marks it as trained.
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        action, events = self._next_action(tracker)
        if action is None or action not in domain.action_names_or_texts:
            return self._prediction(self._default_predictions(domain))
        probabilities = self._default_predictions(domain)
        probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities, events=events, is_no_user_prediction=True)

    def _next_action(self, tracker: DialogueStateTracker) -> tuple[str | None, list]:
        latest = tracker.latest_action_name
        message = tracker.latest_message
        intent = message.intent.get("name") if message else None
        alarm = _last_alarm(tracker)

        if latest == ACTION_LISTEN_NAME and intent == EMERGENCY_INTENT:
            responses = EMERGENCY_RESPONSES[_language(message)]
            response = responses.get(_answer(message), responses["acute"])
            return response, [SlotSet(ESCALATED_SLOT, True)]
        if latest == ACTION_LISTEN_NAME and _bot_asked_if_safe(tracker):
            reply = read_reply(message.text or "", intent)
            if reply is Reply.SAFE:
                return SAFE_NOW[_language(alarm)], []
            if reply is Reply.NOT_SAFE:
                return NOT_SAFE[_language(alarm)], []
        if latest in SAFE_NOW.values() and _worth_taking_up(alarm):
            return RESUME_ACTION, []
        if latest in _LISTEN_AFTER:
            return ACTION_LISTEN_NAME, []
        return None, []


def _answer(message: UserUttered) -> str | None:
    """Which answer fits (resursguiden.danger.Answer): the danger detector's note, or,
    for an emergency intent that did not come through the NLU pipeline (a test story,
    a "/emergency" payload), the detector's reading of the text."""
    note = (message.parse_data or {}).get(DANGER_KEY)
    if note:
        return note.get("answer")
    answer = assess(message.text).answer if message.text else None
    return answer.value if answer else None


_ASKS_IF_SAFE = {name for responses in EMERGENCY_RESPONSES.values() for name in responses.values()}
_LISTEN_AFTER = _ASKS_IF_SAFE | set(NOT_SAFE.values())


def _last_alarm(tracker: DialogueStateTracker) -> UserUttered | None:
    """The latest message that raised the alarm."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered) and event.intent.get("name") == EMERGENCY_INTENT:
            return event
    return None


def _worth_taking_up(alarm: UserUttered | None) -> bool:
    note = (alarm.parse_data or {}).get(DANGER_KEY) or {} if alarm else {}
    return note.get("intent_before") in RESUMABLE_INTENTS


def _bot_asked_if_safe(tracker: DialogueStateTracker) -> bool:
    """Whether the bot's last action before this message asked "are you safe?"."""
    seen_listen = False
    for event in reversed(tracker.events):
        if not isinstance(event, ActionExecuted):
            continue
        if event.action_name == ACTION_LISTEN_NAME:
            if seen_listen:
                return False
            seen_listen = True
            continue
        return event.action_name in _ASKS_IF_SAFE
    return False
