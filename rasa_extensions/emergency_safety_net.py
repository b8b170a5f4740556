"""NLU safety net: no classifier mistake can hide an emergency.

The last component of the NLU pipeline. When `resursguiden.danger.detect_danger` finds a
danger phrase in the message, the intent becomes `emergency` with confidence 1.0,
whatever DIET or the FallbackClassifier said, and the message carries
`safety_net: {kind, rule, matched}`: the kind picks the answer (EmergencyPolicy), the
rule and words show operators why.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from resursguiden.danger import detect_danger

EMERGENCY_INTENT = "emergency"  # as in domain.yml and rasa_extensions/emergency_policy.py
SAFETY_NET_KEY = "safety_net"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class EmergencySafetyNet(GraphComponent, IntentClassifier):
    """Sets an emergency intent when the message holds a reviewed danger phrase."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> EmergencySafetyNet:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            signal = detect_danger(message.get(TEXT) or "")
            if signal is None:
                continue
            intent = {INTENT_NAME_KEY: EMERGENCY_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
            ranking = [
                entry
                for entry in message.get(INTENT_RANKING_KEY) or []
                if entry.get(INTENT_NAME_KEY) != intent[INTENT_NAME_KEY]
            ]
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)
            message.set(
                SAFETY_NET_KEY,
                {"kind": signal.kind.value, "rule": signal.rule, "matched": signal.matched},
                add_to_output=True,
            )
        return messages
