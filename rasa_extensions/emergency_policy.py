"""Emergency policy: 112 comes first, at any point, without the action server.

Rasa lets an active form run before any rule, and a form calls the action server to
validate. With the action server down, an emergency typed in the middle of the form
would then get no answer at all. This policy outranks the form and every other policy
(its predictions count as "no user input" ones, like a form's, and its priority is
higher) on exactly these turns:

- the message has the emergency intent (set by the NLU safety net or the classifier):
  answer with the response for the kind of danger the safety net saw (suicidal
  thoughts: Självmordslinjen too; held abroad: UD's line; otherwise, or when only the
  classifier saw it: 112), mark the conversation as escalated, listen;
- the person answers the question "Är du i säkerhet just nu?": a calm reply, then the
  conversation goes on (the rules start or continue the routing form);
- after the emergency responses: listen for that answer.

Everything it says is a domain response, so it needs nothing but the Rasa server.
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
from rasa.shared.core.events import ActionExecuted, SlotSet
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from resursguiden.danger import detect_danger

EMERGENCY_INTENT = "emergency"
# The answer for each kind of danger (resursguiden.danger.Danger), from the safety net's
# note on the message; "acute" also when only the classifier said emergency.
EMERGENCY_RESPONSES = {
    "acute": "utter_emergency",
    "suicide": "utter_emergency_suicide",
    "abroad": "utter_emergency_abroad",
}
# The reply when the person answers "Är du i säkerhet just nu?".
SAFE_ANSWERS = {"affirm": "utter_safe_now", "deny": "utter_not_safe"}
ESCALATED_SLOT = "escalated"
# Above RulePolicy (4) and the other built-in policies.
DEFAULT_PRIORITY = 6


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
        intent = tracker.latest_message.intent.get("name") if tracker.latest_message else None

        if latest == ACTION_LISTEN_NAME and intent == EMERGENCY_INTENT:
            return EMERGENCY_RESPONSES[_danger_kind(tracker)], [SlotSet(ESCALATED_SLOT, True)]
        answers_if_safe = intent in SAFE_ANSWERS and _bot_asked_if_safe(tracker)
        if latest == ACTION_LISTEN_NAME and answers_if_safe:
            return SAFE_ANSWERS[intent], []
        if latest in EMERGENCY_RESPONSES.values() or latest == SAFE_ANSWERS["deny"]:
            return ACTION_LISTEN_NAME, []
        return None, []


def _danger_kind(tracker: DialogueStateTracker) -> str:
    """The safety net's note on the message, or (when the message was parsed without it,
    as in `rasa test`) the same reading of its text."""
    message = tracker.latest_message
    note = (message.parse_data or {}).get("safety_net") or {}
    kind = note.get("kind")
    if kind is None:
        signal = detect_danger(message.text or "")
        kind = signal.kind.value if signal else None
    return kind if kind in EMERGENCY_RESPONSES else "acute"


def _bot_asked_if_safe(tracker: DialogueStateTracker) -> bool:
    """Whether the bot's last action before this message was an emergency response."""
    seen_listen = False
    for event in reversed(tracker.events):
        if not isinstance(event, ActionExecuted):
            continue
        if event.action_name == ACTION_LISTEN_NAME:
            if seen_listen:
                return False
            seen_listen = True
            continue
        return (
            event.action_name in EMERGENCY_RESPONSES.values()
            or event.action_name == SAFE_ANSWERS["deny"]
        )
    return False
