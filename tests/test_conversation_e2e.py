"""Whole conversations typed as a user would, against the running Rasa server and
action server, over the REST channel."""

import uuid

import pytest

from tests.helpers import ActionServer, RasaServer, chat, endpoints_with, texts


@pytest.fixture(scope="module")
def product(tmp_path_factory):
    """The Rasa server with its own SQLite file and its own action server."""
    tmp = tmp_path_factory.mktemp("e2e")
    actions = ActionServer(tmp / "actions.log").start()
    endpoints = endpoints_with(tmp, action_url=actions.webhook, db=str(tmp / "tracker.db"))
    rasa = RasaServer(endpoints, tmp / "rasa.log").start()
    yield rasa, actions
    rasa.stop()
    actions.stop()


class Conversation:
    def __init__(self, url: str):
        self.url, self.sender = url, uuid.uuid4().hex

    def say(self, message: str) -> str:
        return texts(chat(self.url, self.sender, message))


@pytest.fixture
def conversation(product):
    return Conversation(product[0].url)


def test_a_young_person_in_malmo_gets_the_malmo_team(conversation):
    first = conversation.say("mina föräldrar bestämmer allt")
    assert "Det är inte ditt fel" in first
    assert "Vilken kommun eller vilket län bor du i?" in first

    assert "Hur gammal är du?" in conversation.say("Malmö")

    answer = conversation.say("14")
    assert "Resursteam Heder" in answer
    assert "[072-371 22 49](tel:0723712249)" in answer
    assert "BRIS" in answer  # under 18


def test_several_facts_at_once_and_a_stockholm_teenager_gets_origo(conversation):
    first = conversation.say("asså jag får inte träffa nån efter skolan, bor i sthlm o e 15")

    assert "Hur gammal" not in first and "Vilken kommun" not in first
    assert "**Origo**" in first
    assert "[020-25 30 00](tel:020253000)" in first


def test_goteborg_asks_for_the_district_and_takes_an_old_name(conversation):
    conversation.say("de ska gifta bort mig i sommar")
    assert "Vilken del av Göteborg?" in conversation.say("göteborg")
    conversation.say("Angered")

    answer = conversation.say("16")
    assert "Resursteam Heder Nordost" in answer
    assert "Regionalt Stödcentrum Heder" in answer


def test_a_teacher_in_kronoberg_is_not_asked_an_age(conversation):
    first = conversation.say(
        "jag har en elev som inte får följa med på skolresan, vart vänder jag mig?"
    )
    assert "i ditt arbete" in first

    answer = conversation.say("Växjö")
    assert "Hedersteamet Kronoberg" in answer
    assert "[0470-430 40](tel:047043040)" in answer
    assert "Hur gammal" not in answer


def test_consultation_in_gavleborg_depends_on_the_young_persons_age(conversation):
    conversation.say("vart vänder jag mig för konsultation?")
    assert "Hur gammal är den du frågar om?" in conversation.say("Gävle")

    assert "Barnahus Gävleborg" in conversation.say("16")


def test_the_question_how_to_report_concern_gets_a_knowledge_answer(conversation):
    assert "orosanmälan till kommunens socialtjänst" in conversation.say(
        "hur gör jag en orosanmälan?"
    )


def test_a_worried_friend_in_lund_hears_where_to_turn_though_no_centre_fits(conversation):
    first = conversation.say("min kompis ska giftas bort och jag är jätteorolig")
    assert "Vad bra att du bryr dig" in first
    conversation.say("Lund")

    answer = conversation.say("17")
    assert "Resurscentrum Heder Skåne tar bara emot personal" in answer
    assert "Du kan själv få råd här:" in answer and "BRIS" in answer


def test_the_bot_says_it_is_not_a_person(conversation):
    assert "ingen människa" in conversation.say("är du en riktig människa?")


def test_declining_to_say_the_age_still_gives_help(conversation):
    conversation.say("jag mår dåligt hemma, de kontrollerar allt jag gör")
    conversation.say("Uppsala")

    answer = conversation.say("vill inte säga")
    assert "Det finns inget resurscentrum mot hedersrelaterat våld för Uppsala." in answer
    assert "Rätt att välja" in answer


def test_an_emergency_mid_form_gets_112_with_the_action_server_stopped(product):
    rasa, actions = product
    conversation = Conversation(rasa.url)
    assert "Vilken kommun" in conversation.say("mina bröder kollar min mobil hela tiden")

    actions.stop()
    try:
        replies = chat(rasa.url, conversation.sender, "nu har pappa låst in mig")
        assert replies[0]["text"].startswith("Ring [112](tel:112)")
        assert "Är du på en säker plats just nu?" in texts(replies)
    finally:
        actions.start()


def test_after_a_false_alarm_yes_gets_the_answer_to_the_question(conversation):
    alarm = conversation.say("kan jag vara anonym om jag ringer? jag är rädd att pappa ska slå mig")
    assert alarm.startswith("Ring [112](tel:112)")

    answer = conversation.say("Ja, jag är säker")
    assert answer.startswith("Vad bra.")
    assert "Jag frågar aldrig efter ditt namn" in answer  # the question asked before the alarm


def test_after_an_alarm_yes_goes_on_with_the_facts_that_message_held(conversation):
    assert conversation.say("jag bor i Malmö och är 14, pappa slog mig igår").startswith(
        "Ring [112](tel:112)"
    )
    answer = conversation.say("ja")
    assert "Resursteam Heder" in answer  # Malmö and 14, not asked again
    assert "Vilken kommun" not in answer and "Hur gammal" not in answer


def test_english_mid_form_gets_112_first_in_english(conversation):
    conversation.say("mina föräldrar bestämmer allt")
    answer = conversation.say("my brother is hitting me right now")
    assert answer.startswith("Call [112](tel:112)")


def test_after_the_greeting_a_place_is_kept_and_the_writer_is_assumed(conversation):
    assert "Hej! Jag är Resursguiden" in conversation.say("hej")

    first = conversation.say("jag bor i Uppsala")
    assert "Jag visar var du själv kan få stöd – skriv om det gäller någon annan." in first
    assert "Vem gäller det?" not in first and "Hur gammal är du?" in first

    assert "BRIS" in conversation.say("16")


def test_the_question_who_accepts_an_age_and_a_place(conversation):
    conversation.say("mina föräldrar bestämmer allt")
    conversation.say("Malmö")
    conversation.say("14")
    assert "Vem gäller det?" in conversation.say("/start_over")

    after_age = conversation.say("16")
    assert "Jag visar var du själv kan få stöd" in after_age
    assert "Vem gäller det?" not in after_age and "Vilken kommun" in after_age

    assert "Resursteam Heder" in conversation.say("Malmö")  # 16 was kept


def test_asked_whether_what_is_written_is_kept_the_answer_is_honest(conversation):
    answer = conversation.say("sparas det jag skriver?")
    assert "sparas på Resursguidens server" in answer and "raderas efter 30 dagar" in answer
    assert "tas bort innan något sparas" in answer
