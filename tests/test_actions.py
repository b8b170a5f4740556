"""The custom actions, run with real rasa-sdk trackers and dispatchers."""

import asyncio
from datetime import datetime

import pytest
from rasa.shared.core.domain import Domain
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import clock
from actions.ask import ActionAskAge, ActionAskPlace, ActionAskPlaceDetail
from actions.give_route import ActionGiveRoute
from actions.reset import ActionResetRouting
from actions.routing_form import ValidateRoutingForm
from resursguiden.opening_hours import STOCKHOLM
from tests.helpers import ROOT

THURSDAY_EVENING = datetime(2026, 11, 26, 20, 0, tzinfo=STOCKHOLM)
EMPTY_SLOTS = {
    "role": None,
    "place": None,
    "place_detail": None,
    "age": None,
    "place_question": None,
    "failed_role": 0,
    "failed_place": 0,
    "failed_age": 0,
    "escalated": False,
    "requested_slot": None,
}


@pytest.fixture(scope="module")
def domain():
    return Domain.load(ROOT / "domain.yml").as_dict()


@pytest.fixture(autouse=True)
def fixed_time():
    clock.fix(THURSDAY_EVENING)
    yield
    clock.fix(None)


def tracker(
    text="",
    intent="inform",
    entities=(),
    active_loop="routing_form",
    latest_action="action_listen",
    **slots,
) -> Tracker:
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": [{"entity": e, "value": v} for e, v in entities],
    }
    events = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": message},
    ]
    return Tracker(
        "test",
        {**EMPTY_SLOTS, **slots},
        message,
        events,
        False,
        None,
        {"name": active_loop} if active_loop else {},
        latest_action,
    )


def run(action, tracker_, domain):
    dispatcher = CollectingDispatcher()
    result = action.run(dispatcher, tracker_, domain)
    events = asyncio.run(result) if asyncio.iscoroutine(result) else result
    return events, dispatcher.messages


def slots_set(events) -> dict:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


# ---------------------------------------------------------------- the form


def test_several_facts_in_one_message_fill_several_slots(domain):
    events, _ = run(
        ValidateRoutingForm(),
        tracker("jag är 15 och bor i Malmö", intent="describe_situation"),
        domain,
    )

    slots = slots_set(events)
    assert slots["role"] == "affected"
    assert slots["place"] == "12:1280"
    assert slots["age"] == 15
    assert slots["requested_slot"] is None  # nothing left to ask


def test_the_first_missing_fact_is_asked_next(domain):
    events, _ = run(
        ValidateRoutingForm(),
        tracker("min dotter får inte ha kompisar", intent="worried_about_someone"),
        domain,
    )

    assert slots_set(events) == {"role": "close", "requested_slot": "place"}


def test_a_professional_in_kronoberg_is_not_asked_an_age(domain):
    events, _ = run(
        ValidateRoutingForm(),
        tracker("Växjö", requested_slot="place", role="professionals"),
        domain,
    )

    assert slots_set(events)["place"] == "07:0780"
    assert slots_set(events)["requested_slot"] is None


def test_a_professional_in_stockholm_is_asked_the_young_persons_age(domain):
    events, _ = run(
        ValidateRoutingForm(),
        tracker("Solna", requested_slot="place", role="professionals"),
        domain,
    )
    assert slots_set(events)["requested_slot"] == "age"

    _, messages = run(ActionAskAge(), tracker(role="professionals"), domain)
    assert messages[0]["response"] == "utter_ask_age_professional"


def test_a_word_like_place_counts_as_the_answer_to_where(domain):
    events, _ = run(
        ValidateRoutingForm(), tracker("Vara", requested_slot="place", role="affected"), domain
    )
    assert slots_set(events)["place"] == "14:1470"


def test_a_word_like_place_in_free_text_is_not_taken(domain):
    events, _ = run(
        ValidateRoutingForm(),
        tracker(
            "jag vill vara ifred",
            intent="describe_situation",
            role="affected",
            requested_slot="age",
        ),
        domain,
    )
    assert "place" not in slots_set(events)


def test_a_correction_replaces_the_place(domain):
    events, _ = run(
        ValidateRoutingForm(),
        tracker("nej, jag menar Uppsala", requested_slot="age", role="affected", place="12:1280"),
        domain,
    )
    assert slots_set(events)["place"] == "03:0380"


def test_declining_to_say_still_moves_on(domain):
    events, _ = run(
        ValidateRoutingForm(),
        tracker("vill inte säga", intent="decline", requested_slot="place", role="affected"),
        domain,
    )
    slots = slots_set(events)
    assert slots["place"] == "unknown"
    assert slots["requested_slot"] == "age"  # BRIS depends on the age


def test_an_ambiguous_place_gets_a_question_back(domain):
    form_tracker = tracker("habbo", requested_slot="place", role="affected")
    events, _ = run(ValidateRoutingForm(), form_tracker, domain)

    slots = slots_set(events)
    assert slots["place"] is None
    assert slots["place_question"].startswith("Menar du Håbo")

    events, messages = run(
        ActionAskPlace(), tracker(place_question=slots["place_question"]), domain
    )
    assert messages[0]["text"].startswith("Menar du Håbo")
    assert slots_set(events) == {"place_question": None}


def test_after_two_unreadable_answers_the_form_moves_on(domain):
    # Tried: "blabla" twice as the answer to "Var bor du?".
    first, messages = run(
        ValidateRoutingForm(),
        tracker("blabla", intent="nlu_fallback", requested_slot="place", role="affected"),
        domain,
    )
    assert slots_set(first)["failed_place"] == 1 and slots_set(first)["place"] is None
    assert messages == []

    _, asked = run(ActionAskPlace(), tracker(failed_place=1), domain)
    assert asked[0]["response"] == "utter_ask_place_again"

    second, messages = run(
        ValidateRoutingForm(),
        tracker(
            "blabla", intent="nlu_fallback", requested_slot="place", role="affected", failed_place=1
        ),
        domain,
    )
    assert slots_set(second)["place"] == "unknown"
    assert messages[0]["response"] == "utter_move_on"


def test_an_implausible_age_is_asked_again(domain):
    events, _ = run(
        ValidateRoutingForm(),
        tracker("150", requested_slot="age", role="affected", place="12:1280"),
        domain,
    )
    assert slots_set(events)["failed_age"] == 1
    assert slots_set(events)["requested_slot"] == "age"


def test_a_knowledge_question_is_not_taken_as_an_answer(domain):
    # Tried: "kan jag vara anonym?" while the form asks where: left to the rules.
    events, _ = run(
        ValidateRoutingForm(),
        tracker("kan jag vara anonym?", intent="faq", requested_slot="place", role="affected"),
        domain,
    )
    assert "place" not in slots_set(events) and "failed_place" not in slots_set(events)


def test_when_the_form_resumes_after_another_answer_the_message_is_not_read_again(domain):
    # Tried: "ja" (the answer to "Är du i säkerhet just nu?") while the form asks where.
    events, _ = run(
        ValidateRoutingForm(),
        tracker(
            "ja",
            intent="affirm",
            requested_slot="place",
            role="affected",
            latest_action="utter_safe_now",
        ),
        domain,
    )
    assert slots_set(events) == {"requested_slot": "place"}


def test_goteborg_asks_for_the_district_and_a_button_answers_it(domain):
    events, _ = run(
        ValidateRoutingForm(), tracker("Göteborg", requested_slot="place", role="affected"), domain
    )
    assert slots_set(events)["requested_slot"] == "place_detail"

    events, _ = run(
        ValidateRoutingForm(),
        tracker("Hisingen", requested_slot="place_detail", role="affected", place="14:1480"),
        domain,
    )
    assert slots_set(events)["place"] == "14:1480:Hisingen"
    assert slots_set(events)["requested_slot"] == "age"


def test_a_county_alone_asks_for_the_municipality_when_it_matters(domain):
    # Tried: "Västra Götaland", where four centres each cover part of the county.
    events, _ = run(
        ValidateRoutingForm(),
        tracker("Västra Götaland", requested_slot="place", role="affected"),
        domain,
    )
    assert slots_set(events)["requested_slot"] == "place_detail"

    _, messages = run(ActionAskPlaceDetail(), tracker(place="14", role="affected"), domain)
    assert messages[0]["response"] == "utter_ask_municipality"
    assert messages[0]["county"] == "Västra Götalands län"

    events, _ = run(
        ValidateRoutingForm(),
        tracker("Vara", requested_slot="place_detail", role="affected", place="14"),
        domain,
    )
    assert slots_set(events)["place"] == "14:1470"  # Vara, a word-like name, as the answer


def test_a_county_covered_as_a_whole_is_not_asked_for_more(domain):
    events, _ = run(
        ValidateRoutingForm(), tracker("Jämtland", requested_slot="place", role="affected"), domain
    )
    assert slots_set(events)["requested_slot"] == "age"


def test_not_knowing_the_municipality_keeps_the_county(domain):
    events, _ = run(
        ValidateRoutingForm(),
        tracker(
            "vet inte", intent="decline", requested_slot="place_detail", role="affected", place="14"
        ),
        domain,
    )
    assert slots_set(events)["place_detail"] == "unknown"
    assert "place" not in slots_set(events)


@pytest.mark.parametrize(
    "role, response",
    [
        ("affected", "utter_ask_place"),
        ("close", "utter_ask_place_close"),
        ("professionals", "utter_ask_place_work"),
        ("civil_society", "utter_ask_place_work"),
    ],
)
def test_where_is_asked_of_the_right_person(domain, role, response):
    _, messages = run(ActionAskPlace(), tracker(role=role), domain)
    assert messages[0]["response"] == response


def test_an_old_district_name_answers_the_district_question(domain):
    events, _ = run(
        ValidateRoutingForm(),
        tracker("majorna", requested_slot="place_detail", role="affected", place="14:1480"),
        domain,
    )
    assert slots_set(events)["place"] == "14:1480:Centrum"


@pytest.mark.parametrize(
    "button, role",
    [
        ("/describe_situation", "affected"),
        ("/worried_about_someone", "close"),
        ("/professional_question", "professionals"),
        ("/civil_society_question", "civil_society"),
    ],
)
def test_each_role_button_sets_its_role(domain, button, role):
    events, _ = run(
        ValidateRoutingForm(), tracker(button, intent=button[1:], requested_slot="role"), domain
    )
    assert slots_set(events)["role"] == role


@pytest.mark.parametrize(
    "answer, role",
    [("mig själv", "affected"), ("en kompis", "close"), ("jag är kurator", "professionals")],
)
def test_a_typed_answer_to_who_sets_the_role(domain, answer, role):
    events, _ = run(ValidateRoutingForm(), tracker(answer, requested_slot="role"), domain)
    assert slots_set(events)["role"] == role


def test_the_form_reads_the_message_that_starts_it(domain):
    # At activation the latest action is the form itself, not action_listen.
    events, _ = run(
        ValidateRoutingForm(),
        tracker(
            "min kompis får inte gå ut",
            intent="worried_about_someone",
            latest_action="routing_form",
        ),
        domain,
    )
    assert slots_set(events)["role"] == "close"


# ---------------------------------------------------------------- the answer


def test_the_answer_gives_the_centre_numbers_and_national_lines(domain):
    _, messages = run(
        ActionGiveRoute(),
        tracker(role="affected", place="01:0184", age=15, active_loop=None),
        domain,
    )

    text = "\n".join(m["text"] for m in messages)
    assert "**Origo**" in text
    assert "[020-25 30 00](tel:020253000)" in text  # the number for young people
    assert "08-508 251 20" not in text  # not the professionals' number
    assert "BRIS" in text and "Rätt att välja" in text
    assert messages[-1]["buttons"] == [
        {"title": "Börja om för någon annan", "payload": "/start_over"}
    ]


def test_the_answer_says_when_a_closed_centre_opens(domain):
    _, messages = run(
        ActionGiveRoute(),
        tracker(role="affected", place="19:1980", age=20, active_loop=None),
        domain,
    )
    assert "Stängt nu, öppnar i morgon kl. 10.00." in messages[0]["text"]


def test_with_no_centre_the_answer_says_so_and_leads_with_national_lines(domain):
    _, messages = run(
        ActionGiveRoute(),
        tracker(role="affected", place="17:1780", age=16, active_loop=None),
        domain,
    )

    assert (
        messages[0]["text"]
        == "Det finns inget resurscentrum mot hedersrelaterat våld för Karlstad."
    )
    assert messages[1]["text"].startswith("De här kan hjälpa dig:")
    assert "socialjouren" in messages[2]["text"]


def test_the_answer_records_what_it_led_with_for_operators(domain):
    events, _ = run(
        ActionGiveRoute(),
        tracker(role="affected", place="01:0184", age=15, active_loop=None),
        domain,
    )
    assert slots_set(events) == {"outcome": "centre:origo"}

    events, _ = run(
        ActionGiveRoute(),
        tracker(role="affected", place="17:1780", age=16, active_loop=None),
        domain,
    )
    assert slots_set(events)["outcome"].startswith("line:")


def test_unknown_answers_still_give_help(domain):
    _, messages = run(
        ActionGiveRoute(),
        tracker(role="unknown", place="unknown", age="unknown", active_loop=None),
        domain,
    )
    text = "\n".join(m["text"] for m in messages)
    assert "Rätt att välja" in text and "112" in text


def test_starting_over_clears_the_answers_but_not_the_escalation(domain):
    events, _ = run(
        ActionResetRouting(),
        tracker(role="affected", place="12:1280", age=15, escalated=True),
        domain,
    )

    slots = slots_set(events)
    assert slots["role"] is None and slots["place"] is None and slots["age"] is None
    assert "escalated" not in slots
    assert SlotSet("failed_place", 0) in events


# ---------------------------------------------------------------- any order, really


@pytest.mark.parametrize(
    "answer, slot, value",
    [("jag bor i Uppsala", "place", "03:0380"), ("16", "age", 16)],
)
def test_a_place_or_an_age_in_answer_to_who_is_kept_and_the_writer_is_assumed(
    domain, answer, slot, value
):
    events, messages = run(ValidateRoutingForm(), tracker(answer, requested_slot="role"), domain)

    slots = slots_set(events)
    assert slots[slot] == value  # not lost
    assert (slots["role"], slots["role_assumed"]) == ("affected", True)
    assert "failed_role" not in slots  # not counted as an answer that could not be read
    assert [m["response"] for m in messages] == ["utter_role_assumed"]


def test_a_first_message_that_does_not_say_who_is_taken_as_the_writers_own(domain):
    events, messages = run(
        ValidateRoutingForm(),
        tracker("jag bor i Uppsala", intent="inform", latest_action="routing_form"),
        domain,
    )
    assert slots_set(events)["role"] == "affected"
    assert [m["response"] for m in messages] == ["utter_role_assumed"]


def test_saying_later_who_it_is_about_replaces_what_was_assumed(domain):
    events, _ = run(
        ValidateRoutingForm(),
        tracker(
            "det gäller min kompis", intent="worried_about_someone",
            role="affected", role_assumed=True, place="03:0380", requested_slot="age",
        ),
        domain,
    )  # fmt: skip
    assert slots_set(events)["role"] == "close"
    assert slots_set(events)["role_assumed"] is False


def test_starting_over_for_someone_else_asks_who_it_is_about(domain):
    events, messages = run(
        ValidateRoutingForm(),
        tracker("/start_over", intent="start_over", latest_action="routing_form"),
        domain,
    )
    assert slots_set(events) == {"requested_slot": "role"}
    assert messages == []
