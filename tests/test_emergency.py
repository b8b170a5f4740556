"""The emergency path: the danger detector in the NLU pipeline, the emergency policy, the
answers, and the live server.

The Rasa server in these tests runs without an action server, as it would when the
action server is down: every emergency answer here comes from Rasa alone. Taking up the
message after a false alarm needs the action server: tests/test_conversation_e2e.py.
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

from rasa_extensions.danger_detector import DangerDetector
from rasa_extensions.emergency_policy import EmergencyPolicy
from resursguiden.danger.training import default_models
from resursguiden.registry import default_registry
from tests.helpers import ROOT, chat, texts

# ---------------------------------------------------------------- the NLU component


@pytest.fixture(scope="module")
def detector():
    return DangerDetector(default_models(), None, None)


def classified(text: str, intent: str, confidence: float) -> Message:
    """A message as DIET and the FallbackClassifier left it."""
    message = Message(data={"text": text})
    guess = {"name": intent, "confidence": confidence}
    message.set("intent", guess, add_to_output=True)
    message.set("intent_ranking", [guess, {"name": "faq", "confidence": 0.01}], True)
    return message


@pytest.mark.parametrize(
    "classifier_said",
    [("greet", 0.97), ("nlu_fallback", 0.5), ("thank", 0.6)],
    ids=["confidently-wrong", "fallback", "unsure"],
)
def test_the_detector_overrides_whatever_the_classifier_said(detector, classifier_said):
    [processed] = detector.process(
        [classified("pappa säger att han ska döda mig", *classifier_said)]
    )

    assert processed.get("intent") == {"name": "emergency", "confidence": 1.0}
    assert [r["name"] for r in processed.get("intent_ranking")].count("emergency") == 1
    note = processed.get("danger")
    assert (note["kind"], note["answer"], note["who"]) == ("violence_threat", "acute", "self")
    assert note["intent_before"] == classifier_said[0]
    assert note["decided_by"] == "phrase list"


@pytest.mark.parametrize(
    "text, answer",
    [("jag vill inte leva längre", "suicide"), ("jag sitter fast i hemlandet", "abroad")],
)
def test_the_note_tells_which_answer_fits(detector, text, answer):
    [processed] = detector.process([classified(text, "greet", 0.9)])
    assert processed.get("danger")["answer"] == answer


def test_calm_messages_keep_their_intent(detector):
    message = classified("vad är ett hedersmord?", "faq", 0.8)
    [processed] = detector.process([message])
    assert processed.get("intent")["name"] == "faq"
    assert processed.get("danger") is None


def test_english_is_marked_and_gets_its_own_intent_unless_acute(detector):
    [calm] = detector.process([classified("where can I get help? I live in Malmö", "inform", 0.6)])
    [acute] = detector.process([classified("my dad is going to kill me", "inform", 0.6)])
    assert (calm.get("language"), calm.get("intent")["name"]) == ("en", "english")
    assert (acute.get("language"), acute.get("intent")["name"]) == ("en", "emergency")
    assert acute.get("danger")["intent_before"] == "english"


# ---------------------------------------------------------------- the policy


@pytest.fixture(scope="module")
def domain():
    return Domain.load(ROOT / "domain.yml")


def tracker_with(domain, *events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        "test", [ActionExecuted(ACTION_LISTEN_NAME), *events], domain.slots
    )


def user(
    intent: str, text: str = "...", answer: str | None = None, before: str = "faq",
    language: str | None = None,
) -> list:  # fmt: skip
    parse_data = {"intent": {"name": intent, "confidence": 1.0}, "entities": []}
    if answer:
        parse_data["danger"] = {"answer": answer, "intent_before": before}
    if language:
        parse_data["language"] = language
    return [UserUttered(text, parse_data["intent"], [], parse_data)]


class _Context:
    is_finetuning = False


def predicted(domain, tracker) -> tuple[str | None, PolicyPrediction]:
    policy = EmergencyPolicy(EmergencyPolicy.get_default_config(), None, None, _Context())
    prediction = policy.predict_action_probabilities(tracker, domain)
    if prediction.max_confidence == 0:
        return None, prediction
    return domain.action_names_or_texts[prediction.max_confidence_index], prediction


def test_an_emergency_is_answered_first_and_marks_the_conversation(domain):
    action, prediction = predicted(domain, tracker_with(domain, *user("emergency", answer="acute")))

    assert action == "utter_emergency"
    assert prediction.is_no_user_prediction  # outranks an active form's happy path
    assert prediction.policy_priority > 4  # above RulePolicy
    assert SlotSet("escalated", True) in prediction.events


def test_an_emergency_inside_a_form_is_answered_before_the_form(domain):
    tracker = tracker_with(domain, *user("emergency", answer="suicide"))
    tracker.change_loop_to("routing_form")
    assert predicted(domain, tracker)[0] == "utter_emergency_suicide"


@pytest.mark.parametrize(
    "answer, language, response",
    [
        ("acute", None, "utter_emergency"),
        ("suicide", None, "utter_emergency_suicide"),
        ("abroad", None, "utter_emergency_abroad"),
        ("acute", "en", "utter_emergency_en"),
        ("suicide", "en", "utter_emergency_suicide_en"),
        (None, None, "utter_emergency"),  # no note, nothing to read: the plain answer
    ],
)
def test_the_answer_fits_the_kind_and_the_language(domain, answer, language, response):
    tracker = tracker_with(domain, *user("emergency", answer=answer, language=language))
    assert predicted(domain, tracker)[0] == response


@pytest.mark.parametrize(
    "text, response",
    [
        ("jag vill inte leva längre", "utter_emergency_suicide"),
        ("jag sitter fast i irak och får inte åka hem", "utter_emergency_abroad"),
        ("pappa slår mig nu", "utter_emergency"),
    ],
)
def test_an_emergency_intent_without_the_detectors_note_is_read_from_its_text(
    domain, text, response
):
    # What a test story or a "/emergency" payload brings: the intent, no note.
    assert predicted(domain, tracker_with(domain, *user("emergency", text)))[0] == response


def alarmed_then(domain, reply_intent: str, text: str, before: str = "faq", language=None):
    return tracker_with(
        domain,
        *user("emergency", answer="acute", before=before, language=language),
        ActionExecuted("utter_emergency_en" if language else "utter_emergency"),
        ActionExecuted(ACTION_LISTEN_NAME),
        *user(reply_intent, text),
    )


@pytest.mark.parametrize(
    "intent, text, reply",
    [("affirm", "ja", "utter_safe_now"), ("deny", "nej", "utter_not_safe"),
     ("nlu_fallback", "jag är inte i fara", "utter_safe_now"),
     ("nlu_fallback", "nej inte alls", "utter_not_safe")],
)  # fmt: skip
def test_the_answer_to_are_you_safe_gets_a_calm_reply(domain, intent, text, reply):
    assert predicted(domain, alarmed_then(domain, intent, text))[0] == reply


def test_an_english_alarm_is_answered_in_english_after_too(domain):
    tracker = alarmed_then(domain, "nlu_fallback", "yes", language="en")
    assert predicted(domain, tracker)[0] == "utter_safe_now_en"


def test_once_safe_the_message_before_the_alarm_is_taken_up(domain):
    tracker = alarmed_then(domain, "affirm", "ja", before="faq")
    tracker.update(ActionExecuted("utter_safe_now"))
    assert predicted(domain, tracker)[0] == "action_resume_after_alarm"


def test_a_message_with_nothing_to_take_up_leaves_the_next_step_to_the_rules(domain):
    tracker = alarmed_then(domain, "affirm", "ja", before="nlu_fallback")
    tracker.update(ActionExecuted("utter_safe_now"))
    assert predicted(domain, tracker)[0] is None


def test_yes_is_not_taken_as_an_answer_to_a_question_the_bot_did_not_ask(domain):
    tracker = tracker_with(
        domain, *user("greet"), ActionExecuted("utter_greet"),
        ActionExecuted(ACTION_LISTEN_NAME), *user("affirm"),
    )  # fmt: skip
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


@pytest.mark.parametrize(
    "response, first, question",
    [
        ("utter_emergency", "Ring [112](tel:112)", "Är du på en säker plats just nu?"),
        ("utter_emergency_suicide", "Ring [112](tel:112)", "Är du på en säker plats just nu?"),
        ("utter_emergency_en", "Call [112](tel:112)", "Are you somewhere safe right now?"),
    ],
)
def test_emergency_answers_lead_with_112_and_end_with_the_question(
    domain, response, first, question
):
    text = domain.responses[response][0]["text"]
    assert text.startswith(first) and text.rstrip().endswith(question)


def test_not_safe_says_112_again_and_what_to_do_when_one_cannot_talk(domain):
    text = domain.responses["utter_not_safe"][0]["text"]
    assert text.startswith("Ring [112](tel:112)") and "Kan du inte prata?" in text


# ---------------------------------------------------------------- on the live server


def say(server, sender: str, message: str) -> list[dict]:
    return chat(server.url, sender, message)


@pytest.mark.parametrize(
    "message, expected",
    [
        ("hej jag heter Sara och min bror säger att han ska döda mig", "Ring [112](tel:112)"),
        ("pappa slår mej nu hjälp", "Ring [112](tel:112)"),  # sms spelling
        ("jag vill inte leva mer", "Självmordslinjen"),
        ("de tog mitt pass och jag är i hemlandet", "UD – Sveriges utrikesdepartement"),
        ("my dad is going to kill me", "Call [112](tel:112)"),
    ],
)
def test_the_server_answers_an_emergency_without_the_action_server(rasa_server, message, expected):
    replies = say(rasa_server, uuid.uuid4().hex, message)
    assert replies[0]["text"].startswith(expected.split("]")[0]) or expected in replies[0]["text"]
    assert expected in texts(replies)


@pytest.mark.parametrize(
    "message",
    [
        "han har aldrig slagit mig",
        "vad är ett hedersmord?",
        "vi såg en film där pappan hotar att döda sin dotter",
    ],
)
def test_a_calm_message_with_frightening_words_gets_no_112_first(rasa_server, message):
    replies = say(rasa_server, uuid.uuid4().hex, message)
    assert not replies[0]["text"].startswith("Ring [112]")


def test_not_safe_gets_112_again(rasa_server):
    sender = uuid.uuid4().hex
    say(rasa_server, sender, "han har en kniv")
    assert "Kan du inte prata?" in texts(say(rasa_server, sender, "nej"))


def test_english_outside_an_emergency_gets_an_honest_english_reply(rasa_server):
    replies = say(rasa_server, uuid.uuid4().hex, "hello, where can I get help? I live in Malmö")
    assert "This chat is in Swedish" in texts(replies) and "[112](tel:112)" in texts(replies)
