"""The NLU training data and the held-out set: separate, complete, current."""

import subprocess

from rasa.shared.core.constants import DEFAULT_INTENTS
from rasa.shared.core.domain import Domain
from rasa.shared.nlu.training_data.loading import load_data

from rasa_extensions.danger_detector import EMERGENCY_INTENT, ENGLISH_INTENT
from tests.helpers import ROOT, VENV_BIN

TRAINING = load_data(str(ROOT / "data" / "nlu"))
HELD_OUT = load_data(str(ROOT / "tests" / "data" / "nlu_heldout.yml"))


def normalised(text: str) -> str:
    return " ".join(text.lower().split()).strip(" .!?")


def test_no_held_out_example_is_in_the_training_data():
    training = {normalised(e.get("text")) for e in TRAINING.intent_examples}
    leaked = [
        e.get("text") for e in HELD_OUT.intent_examples if normalised(e.get("text")) in training
    ]
    assert leaked == []


def test_every_intent_the_domain_knows_is_trained_and_tested():
    ours = set(Domain.load(ROOT / "domain.yml").intents) - set(DEFAULT_INTENTS)
    trained = {e.get("intent") for e in TRAINING.intent_examples}
    tested = {e.get("intent") for e in HELD_OUT.intent_examples}
    # The danger detector sets these two, never DIET: nothing to train. Emergencies are
    # still in the held-out set (make evaluate scores the detector on them); English has
    # its own tests (tests/test_danger.py, tests/test_emergency.py).
    assert ours - trained == {EMERGENCY_INTENT, ENGLISH_INTENT}
    assert ours - tested == {ENGLISH_INTENT}


def test_every_knowledge_answer_is_trained_and_tested():
    def answers(data):
        return {
            e.get("intent_response_key") for e in data.intent_examples if e.get("intent") == "faq"
        }

    responses = {
        name.split("/", 1)[1]
        for name in Domain.load(ROOT / "domain.yml").responses
        if name.startswith("utter_faq/")
    }
    assert {key.split("/", 1)[1] for key in answers(TRAINING)} == responses
    assert {key.split("/", 1)[1] for key in answers(HELD_OUT)} == responses


def test_the_place_lookup_table_is_made_from_the_current_geography():
    result = subprocess.run(
        [str(VENV_BIN / "python"), "scripts/make_place_lookup.py", "--check"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout
