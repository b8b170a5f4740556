"""The emergency detector in the NLU pipeline: 112 never depends on the action server.

The last NLU component. It reads every message with `resursguiden.danger.assess` (the
reviewed phrase lists in context, and a classifier trained on the development set) and,
when the message is acute, sets the intent `emergency` with confidence 1.0 whatever DIET
or the FallbackClassifier said. The message then carries `danger`: the kind, which
answer fits (acute, suicide, abroad), who is in danger, what decided, and the intent DIET
gave, which the conversation takes up again if the person says they are safe
(actions/resume.py). It also carries `language` ("en" for English) for the answer's
language, and an English message that is not acute gets the intent `english`.

The classifiers are trained by `rasa train` (in about ten seconds) and kept in the model;
Rasa retrains them when the development set, the NLU data or their code changes.
"""

from __future__ import annotations

import json
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
from rasa.shared.nlu.training_data.training_data import TrainingData

from resursguiden.danger import assess
from resursguiden.danger.training import Models, inputs_digest, train, training_examples
from resursguiden.language import is_english

# As in domain.yml and rasa_extensions/emergency_policy.py.
EMERGENCY_INTENT = "emergency"
ENGLISH_INTENT = "english"
DANGER_KEY = "danger"
LANGUAGE_KEY = "language"
MODELS_FILE = "danger_models.json"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class DangerDetector(GraphComponent, IntentClassifier):
    """Sets the emergency intent when a message says someone is in danger now or soon."""

    def __init__(self, models: Models | None, model_storage: ModelStorage, resource: Resource):
        self._models = models
        self._storage = model_storage
        self._resource = resource

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str:
        # The development set lives outside Rasa's training data: retrain when it changes.
        return inputs_digest()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DangerDetector:
        return cls(None, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        self._models = train(training_examples())
        with self._storage.write_to(self._resource) as folder:
            (folder / MODELS_FILE).write_text(json.dumps(self._models.to_dict()), "utf-8")
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> DangerDetector:
        with model_storage.read_from(resource) as folder:
            data = json.loads((folder / MODELS_FILE).read_text("utf-8"))
        return cls(Models.from_dict(data), model_storage, resource)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            english = is_english(text)
            if english:
                message.set(LANGUAGE_KEY, "en", add_to_output=True)
            found = assess(text, self._models)
            if found.acute:
                # What the conversation takes up once the person is safe: for English,
                # the English reply, whatever DIET made of it.
                before = (
                    ENGLISH_INTENT if english else (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
                )
                self._set_intent(message, EMERGENCY_INTENT)
                message.set(DANGER_KEY, _note(found, before), add_to_output=True)
            elif english:
                self._set_intent(message, ENGLISH_INTENT)
        return messages

    @staticmethod
    def _set_intent(message: Message, name: str) -> None:
        intent = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
        ranking = [
            entry
            for entry in message.get(INTENT_RANKING_KEY) or []
            if entry.get(INTENT_NAME_KEY) != name
        ]
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)


def _note(found, intent_before: str | None) -> dict[str, Any]:
    """What operators and the conversation need to know about the alarm."""
    return {
        "kind": found.kind.value,
        "answer": found.answer.value,
        "who": found.who,
        "decided_by": found.decided_by,
        "probability": round(found.probability, 3),
        "cues": [f"{cue.kind.value}/{cue.rule}" for cue in found.standing],
        "intent_before": intent_before,
    }
