"""The emergency path: the NLU safety net, the emergency policy and the live server.

The Rasa server in these tests runs without an action server, as it would when the
action server is down: every emergency answer here comes from Rasa alone.
"""

import re
import uuid

import pytest
from rasa.core.policies.policy import PolicyPrediction
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message

from rasa_extensions.emergency_policy import EmergencyPolicy
from rasa_extensions.emergency_safety_net import EmergencySafetyNet
from resursguiden.registry import default_registry
from tests.helpers import ROOT, chat, texts

# ---------------------------------------------------------------- the safety net


def classified(text: str, intent: str, confidence: float) -> Message:
    """A message as DIET and the FallbackClassifier left it."""
    message = Message(data={"text": text})
    guess = {"name": intent, "confidence": confidence}
    message.set("intent", guess, add_to_output=True)
    message.set("intent_ranking", [guess, {"name": "emergency", "confidence": 0.01}], True)
    return message


@pytest.mark.parametrize(
    "classifier_said",
    [("greet", 0.97), ("nlu_fallback", 0.5), ("thank", 0.6)],
    ids=["confidently-wrong", "fallback", "unsure"],
)
def test_the_safety_net_overrides_whatever_the_classifier_said(classifier_said):
    message = classified("hej, pappa säger att han ska döda mig", *classifier_said)

    [processed] = EmergencySafetyNet().process([message])

    assert processed.get("intent") == {"name": "emergency", "confidence": 1.0}
    assert processed.get("intent_ranking")[0]["name"] == "emergency"
    assert [r["name"] for r in processed.get("intent_ranking")].count("emergency") == 1
    assert processed.get("safety_net") == {
        "kind": "acute",
        "rule": "death-threat",
        "matched": "doda mig",
    }


@pytest.mark.parametrize(
    "text, kind",
    [("jag vill inte leva längre", "suicide"), ("jag sitter fast i hemlandet", "abroad")],
)
def test_the_safety_net_tells_the_kind_of_danger(text, kind):
    [processed] = EmergencySafetyNet().process([classified(text, "greet", 0.9)])
    assert processed.get("intent")["name"] == "emergency"
    assert processed.get("safety_net")["kind"] == kind


def test_the_safety_net_leaves_other_messages_alone():
    message = classified("mina föräldrar bestämmer allt", "describe_situation", 0.8)
    [processed] = EmergencySafetyNet().process([message])
    assert processed.get("intent")["name"] == "describe_situation"
    assert processed.get("safety_net") is None


# ---------------------------------------------------------------- the policy


@pytest.fixture(scope="module")
def domain():
    return Domain.load(ROOT / "domain.yml")


def tracker_with(domain, *events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        "test", [ActionExecuted(ACTION_LISTEN_NAME), *events], domain.slots
    )


def user(intent: str, text: str = "...", danger: str | None = None) -> list:
    parse_data = {"intent": {"name": intent, "confidence": 1.0}, "entities": []}
    if danger:
        parse_data["safety_net"] = {"kind": danger, "rule": "test", "matched": text}
    return [UserUttered(text, parse_data["intent"], [], parse_data)]


def predicted(domain, tracker) -> tuple[str | None, PolicyPrediction]:
    policy = EmergencyPolicy(EmergencyPolicy.get_default_config(), None, None, _Context())
    prediction = policy.predict_action_probabilities(tracker, domain)
    if prediction.max_confidence == 0:
        return None, prediction
    return domain.action_names_or_texts[prediction.max_confidence_index], prediction


class _Context:
    is_finetuning = False


def test_an_emergency_is_answered_first_and_marks_the_conversation(domain):
    tracker = tracker_with(domain, *user("emergency"))

    action, prediction = predicted(domain, tracker)

    assert action == "utter_emergency"
    assert prediction.is_no_user_prediction  # outranks an active form's happy path
    assert prediction.policy_priority > 4  # above RulePolicy
    assert SlotSet("escalated", True) in prediction.events


def test_an_emergency_inside_a_form_is_answered_before_the_form(domain):
    tracker = tracker_with(domain)
    tracker.update_with_events(
        [
            *user("greet"),
            ActionExecuted("utter_greet"),
            ActionExecuted(ACTION_LISTEN_NAME),
            *user("emergency", danger="suicide"),
        ],
        domain,
    )
    tracker.change_loop_to("routing_form")

    assert predicted(domain, tracker)[0] == "utter_emergency_suicide"


@pytest.mark.parametrize(
    "danger, response",
    [
        ("acute", "utter_emergency"),
        ("suicide", "utter_emergency_suicide"),
        ("abroad", "utter_emergency_abroad"),
        (None, "utter_emergency"),  # only the classifier saw it
    ],
)
def test_the_answer_fits_the_kind_of_danger(domain, danger, response):
    assert predicted(domain, tracker_with(domain, *user("emergency", danger=danger)))[0] == response


def test_after_the_emergency_answer_the_bot_listens(domain):
    tracker = tracker_with(domain, *user("emergency"), ActionExecuted("utter_emergency"))
    assert predicted(domain, tracker)[0] == ACTION_LISTEN_NAME


@pytest.mark.parametrize(
    "answer, reply", [("affirm", "utter_safe_now"), ("deny", "utter_not_safe")]
)
def test_the_answer_to_are_you_safe_gets_a_calm_reply(domain, answer, reply):
    tracker = tracker_with(
        domain,
        *user("emergency"),
        ActionExecuted("utter_emergency"),
        ActionExecuted(ACTION_LISTEN_NAME),
        *user(answer),
    )
    assert predicted(domain, tracker)[0] == reply


def test_yes_is_not_taken_as_an_answer_to_a_question_the_bot_did_not_ask(domain):
    tracker = tracker_with(
        domain,
        *user("greet"),
        ActionExecuted("utter_greet"),
        ActionExecuted(ACTION_LISTEN_NAME),
        *user("affirm"),
    )
    assert predicted(domain, tracker)[0] is None


def test_other_turns_are_left_to_the_other_policies(domain):
    assert predicted(domain, tracker_with(domain, *user("greet")))[0] is None


# ---------------------------------------------------------------- what it says


def test_every_number_in_the_responses_is_in_the_registry(domain):
    known = {phone.number: phone.tel_uri for _, phone in default_registry().all_phones()}
    for name, variants in domain.responses.items():
        for variant in variants:
            for number, uri in re.findall(r"\[([^\]]+)\]\((tel:[^)]+)\)", variant.get("text", "")):
                assert known.get(number) == uri, f"{name}: [{number}]({uri})"


@pytest.mark.parametrize("response", ["utter_emergency", "utter_emergency_suicide"])
def test_emergency_answers_lead_with_112_and_end_with_the_question(domain, response):
    text = domain.responses[response][0]["text"]
    assert text.startswith("Ring [112](tel:112)")
    assert text.rstrip().endswith("Är du på en säker plats just nu?")


# ---------------------------------------------------------------- on the live server


@pytest.mark.parametrize(
    "message, expected",
    [
        ("hej jag heter Sara och min bror säger att han ska döda mig", "Ring [112](tel:112)"),
        ("jag vill inte leva mer", "Självmordslinjen"),
        ("de tog mitt pass och jag är i hemlandet", "UD – Sveriges utrikesdepartement"),
    ],
)
def test_the_server_answers_an_emergency_without_the_action_server(rasa_server, message, expected):
    replies = chat(rasa_server.url, f"e-{uuid.uuid4().hex}", message)
    assert expected in replies[0]["text"]
    assert "Är du på en säker plats just nu?" in texts(replies)


def test_after_the_emergency_the_person_is_asked_if_safe_and_answered(rasa_server):
    sender = f"e-{uuid.uuid4().hex}"
    chat(rasa_server.url, sender, "han har en kniv")

    assert "Ring [112](tel:112) nu om du kan" in texts(chat(rasa_server.url, sender, "nej"))
    assert texts(chat(rasa_server.url, sender, "/affirm")).startswith("Vad bra.")
