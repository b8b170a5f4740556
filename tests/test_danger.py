"""The emergency detector: sentences that must and must not raise the alarm.

Each sentence was written for this file in the voice of the chat's users (sms spelling,
no å/ä/ö, English, misspellings); none is copied from the danger sets. The first groups
are the kinds of miss and false alarm that a new user found in the running bot before
the detector existed (issue 10): each must stay fixed.
"""

import pytest

from resursguiden.danger import Answer, Kind, assess
from resursguiden.danger.phrases import compile_phrase
from resursguiden.danger.reply import Reply, read_reply
from resursguiden.danger.text import normalise, tokenize
from resursguiden.language import is_english

# ---------------------------------------------------------------- missed before


MISSED_BEFORE = {
    "sms spelling: mej, dej": [
        "pappa sa att han ska döda mej ikväll",
        "dom kommer slå dej om du berättar, sa han till mej",
    ],
    "a named country and a date instead of 'hemlandet'": [
        "imorgon åker vi till Pakistan och jag tror att jag ska giftas bort där",
        "vi flyger till Irak den 3 juni, pappa säger att jag inte ska tillbaka",
    ],
    "a family member named without 'min'": [
        "pappa slår mamma nu",
        "brorsan slår lillasyster i köket just nu",
    ],
    "verb forms: våldtar, a planned overdose": [
        "han våldtar mig nästan varje natt",
        "jag ska ta alla piller i badrumsskåpet ikväll",
    ],
    "strangling": [
        "han tog strypgrepp på mig igår",
        "min man ströp mig tills jag svimmade",
    ],
    "kept inside without the word 'inlåst'": [
        "dom släpper inte ut mig ur lägenheten",
        "jag får inte lämna huset, de har tagit mina nycklar",
    ],
    "conditional death threats": [
        "om jag inte gifter mig med honom så är jag död säger pappa",
        "de säger att skammen bara kan tvättas bort med blod",
    ],
    "a bare cry for help": ["HJÄLP!!! snabbt", "snälla hjälp mig nu"],
    "English": ["i want to die", "my dad is going to kill me"],
}

FALSE_ALARMS_BEFORE = {
    "a denial": ["jag är inte i fara", "ingen har hotat mig, jag vill bara prata"],
    "the past": [
        "när jag var liten slog pappa mig, nu bor jag själv och mår bra",
        "förra året blev jag hotad av min kusin men det är över nu",
        "min bror slog mig en gång för länge sedan",
    ],
    "a question about facts": [
        "vad är ett hedersmord?",
        "vad händer om man får dödshot på nätet?",
    ],
    "a film, a lesson, the news": [
        "vi såg en film där pappan hotar att döda sin dotter",
        "på lektionen pratade vi om en tjej som blev mördad av sin bror",
    ],
    "ordinary travel": [
        "vi ska på semester i Pakistan i sommar, jag längtar",
        "min kusin pluggar i Irak sen två år",
    ],
    "a game": ["min bror slog mig i fifa igen"],
    "a professional's earlier case": [
        "jag hade en elev förra året som blev hotad, ärendet är avslutat nu. hur följer vi upp?"
    ],
    "a joke": ["haha jag dör", "den här läxan dödar mig"],
}


@pytest.mark.parametrize(
    "text", [t for texts in MISSED_BEFORE.values() for t in texts], ids=lambda t: t[:40]
)
def test_what_was_missed_before_raises_the_alarm(text):
    assert assess(text).acute, assess(text).explain()


@pytest.mark.parametrize(
    "text", [t for texts in FALSE_ALARMS_BEFORE.values() for t in texts], ids=lambda t: t[:40]
)
def test_what_raised_false_alarms_before_is_calm(text):
    assert not assess(text).acute, assess(text).explain()


# ---------------------------------------------------------------- everyday chat


@pytest.mark.parametrize(
    "text",
    ["hej", "jag är 16", "jag bor i Malmö", "Järfälla", "tack för hjälpen", "vill inte säga",
     "jag jobbar som lärare", "kan jag vara anonym?", "hejdå"],
)  # fmt: skip
def test_everyday_chat_is_calm(text):
    assert not assess(text).acute, assess(text).explain()


@pytest.mark.parametrize(
    "text",
    [
        "är det någon där?",  # how most chats open
        "hej igen",
        "sparas de jag skrivit?",  # sms "de": not "they"
        "syns de här i historiken",
        "min kompis e lesbisk o jätterädd att familjen ska få veta",  # fear, not danger
        "jag jobbar på vårdcentral och undrar om en patient kan vara utsatt för "
        "hedersrelaterat våld",  # the name of the subject is no report of violence
    ],
)
def test_what_raised_false_alarms_in_everyday_chat_is_calm(text):
    assert not assess(text).acute, assess(text).explain()


@pytest.mark.parametrize("text", ["är nån där??? snälla svara", "jag är så rädd", "är nån där????"])
def test_anyone_there_with_fear_or_haste_is_still_a_cry(text):
    assert assess(text).acute, assess(text).explain()


# ---------------------------------------------------------------- the answer


@pytest.mark.parametrize(
    "text, kind, answer",
    [
        ("jag vill ta livet av mig", Kind.SUICIDE_SELFHARM, Answer.SUICIDE),
        ("ja skär mej varje kväll", Kind.SUICIDE_SELFHARM, Answer.SUICIDE),
        ("jag sitter fast i hemlandet och får inte åka hem", Kind.TAKEN_ABROAD, Answer.ABROAD),
        ("de ska skicka mig till Somalia på fredag", Kind.TAKEN_ABROAD, Answer.ACUTE),
        ("de har tagit mitt pass", Kind.KEPT_INSIDE_PASSPORT, Answer.ACUTE),
        ("han tvingar mig till sex", Kind.SEXUAL_VIOLENCE, Answer.ACUTE),
        ("han hotar att döda mig", Kind.VIOLENCE_THREAT, Answer.ACUTE),
    ],
)
def test_the_kind_picks_the_answer(text, kind, answer):
    found = assess(text)
    assert (found.kind, found.answer) == (kind, answer), found.explain()


def test_suicide_comes_before_other_danger_in_one_message():
    assert assess("pappa slår mig och jag vill inte leva längre").answer is Answer.SUICIDE


@pytest.mark.parametrize(
    "text, who", [("pappa slår mig", "self"), ("pappa slår mamma nu", "other")]
)
def test_it_says_who_is_in_danger(text, who):
    assert assess(text).who == who


def test_a_precise_phrase_raises_the_alarm_whatever_the_classifier_says():
    found = assess("jag vill skada mig själv")
    assert found.decided_by == "phrase list" and found.bar == 0.0


def test_every_decision_is_explained():
    text = assess("han har aldrig slagit mig").explain()
    assert "set aside: denied: 'aldrig'" in text
    assert "classifier:" in text and text.endswith("=> calm")
    assert assess("pappa slår mamma nu").explain().splitlines()[-1].startswith("=> ACUTE")


# ---------------------------------------------------------------- reading chat text


def test_chat_spellings_become_one_form():
    assert normalise("Dödddaaa MEJ!! ja vill int") == "doda mig jag vil inte"
    assert normalise("dom ska nån gång") == "de ska nagon gang"
    assert normalise("i morgon I KVÄLL") == "imorgon ikval"


def test_emoji_that_mean_something_become_words_and_others_end_a_clause():
    assert tokenize("han har 🔪").words[-1] == "kniv"
    assert tokenize("forever 💔 nobody").words == ("forever", ",", "nobody")


def test_a_denial_moves_after_its_verb_in_subordinate_order():
    assert normalise("om man inte kan gå hem") == "om man kan inte ga hem"


def test_a_typing_slip_in_a_danger_word_is_corrected_but_everyday_words_are_not():
    assert assess("jag tänker på sjävlmord").acute
    assert "skriver" in assess("jag skriver från datorn nu").read_as


def test_phrase_gaps_never_reach_across_a_clause_mark():
    pattern = compile_phrase("hotar ~ döda")
    assert pattern.search(normalise("hotar att döda") + " ")
    assert not pattern.search(" ".join(tokenize("hotar. att döda").words) + " ")


# ---------------------------------------------------------------- the answer to "are you safe?"


@pytest.mark.parametrize(
    "text, reply",
    [("ja", Reply.SAFE), ("Ja, jag är säker", Reply.SAFE), ("yes", Reply.SAFE),
     ("jag är inte i fara", Reply.SAFE), ("nej", Reply.NOT_SAFE), ("no", Reply.NOT_SAFE),
     ("jag är inte säker", Reply.NOT_SAFE), ("var kan jag göra en orosanmälan för min elev", None)],
)  # fmt: skip
def test_the_answer_to_are_you_safe_is_read_in_both_languages(text, reply):
    assert read_reply(text) == reply


def test_buttons_answer_by_intent():
    assert read_reply("/affirm", "affirm") is Reply.SAFE
    assert read_reply("/deny", "deny") is Reply.NOT_SAFE


# ---------------------------------------------------------------- English


@pytest.mark.parametrize(
    "text, english",
    [("i want to die", True), ("where can I get help? I live in Malmö", True),
     ("hej", False), ("asså he is so mad jag vet inte", False), ("jag bor i Malmö", False)],
)  # fmt: skip
def test_english_is_told_from_swedish(text, english):
    assert is_english(text) is english
