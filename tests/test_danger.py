"""The safety net: sentences that must and must not be taken as danger.

Add a sentence here whenever the phrase list changes. Each was written to sound like a
real message (youth language, no å/ä/ö, misspellings), not taken from the list.
"""

import pytest

from resursguiden.danger import Danger, compile_phrase, detect_danger, normalise

ACUTE = [
    "min pappa säger att han ska döda mig",
    "dom ska dödda mig",
    "pappa hotar att doda mig om jag inte gifter mig",
    "min bror har hotat att slå ihjäl mig",
    "de kommer mörda mig",
    "jag har fått dödshot från min farbror",
    "jag är rädd att de ska döda mig",
    "jag blir dödad om de får veta",
    "han slår mig varje dag",
    "pappa slog mig igår",
    "min bror misshandlar mig",
    "han tog strypgrepp på mig",
    "Min pappa Ahmed hotade mig",
    "jag känner mig hotad hemma",
    "de har låst in mig i mitt rum",
    "jag är inlåst",
    "jag e inlaast",
    "de stänger in mig",
    "han har en kniv",
    "min kusin har ett vapen",
    "jag är rädd för mitt liv",
    "jag är i fara",
    "jag är livrädd",
    "de ska skicka mig till hemlandet nästa vecka",
    "de vill tvinga mig utomlands",
    "jag ska giftas bort i hemlandet i sommar",
    "de ska ta livet av mig",
    "HJÄLP DE SKA DÖDA MIG",
    "hedersmord",
    "mamma blev slagen av pappa",
    # Asked as a question it still gets 112 first: the net cannot tell, and safety wins.
    "vad gör man om någon ska föras utomlands",
]

SUICIDE = [
    "jag vill ta livet av mig",
    "ja vill ta livet av mig",
    "jag tänker på självmord",
    "tänker på sjalvmord",
    "självmorsd",  # a typo that keeps the start
    "jag vill inte leva längre",
    "jag vill bara dö",
    "orkar inte leva",
    "jag skär mig",
    "jag vill skada mig själv",
]

ABROAD = [
    "jag är i hemlandet nu och får inte åka hem",
    "de tog mitt pass",
    "passet är borta, de har tagit det",
    "jag sitter fast i hemlandet",
    "jag kommer inte tillbaka till sverige",
    "de lämnade mig i hemlandet",
]

NOT_DANGER = [
    "hej",
    "mina föräldrar bestämmer allt",
    "jag får inte ha kompisar",
    "de ska gifta bort mig i sommar",  # serious, but not acute: routed, not 112 first
    "jag får inte ha pojkvän",
    "min bror kontrollerar vad jag gör",
    "jag har en elev som är orolig",
    "vart vänder jag mig för konsultation?",
    "hur gör jag en orosanmälan?",
    "vad är hedersrelaterat våld och förtryck?",
    "kan jag vara anonym?",
    "får min familj veta att jag ringt?",
    "jag bor i Malmö och är 15",
    "tack för hjälpen",
    "vi ska åka till farmor i sommar",
    "jag är orolig för min kompis",
    "de skäms över mig",
    "jag kommer inte hem ikväll",
]


@pytest.mark.parametrize("text", ACUTE)
def test_acute_danger_is_caught(text):
    signal = detect_danger(text)
    assert signal is not None and signal.kind is Danger.ACUTE, signal


@pytest.mark.parametrize("text", SUICIDE)
def test_suicidal_thoughts_are_caught(text):
    signal = detect_danger(text)
    assert signal is not None and signal.kind is Danger.SUICIDE, signal


@pytest.mark.parametrize("text", ABROAD)
def test_being_held_abroad_is_caught(text):
    signal = detect_danger(text)
    assert signal is not None and signal.kind is Danger.ABROAD, signal


@pytest.mark.parametrize("text", NOT_DANGER)
def test_ordinary_messages_are_not_danger(text):
    assert detect_danger(text) is None


def test_suicide_goes_before_other_danger_in_one_message():
    signal = detect_danger("pappa slår mig och jag vill inte leva längre")
    assert signal.kind is Danger.SUICIDE


def test_the_signal_names_the_rule_and_the_words():
    signal = detect_danger("Dom ska DÖDA mig!!")
    assert (signal.rule, signal.matched) == ("death-threat", "doda mig")


def test_normalising_folds_case_letters_and_repeats():
    assert normalise("Dödddaaa  MIG!!") == "doda mig"
    assert normalise("Självmord") == normalise("sjalvmord")


def test_a_gap_allows_up_to_three_words():
    pattern = compile_phrase("hotar ~ döda")
    assert pattern.search(normalise("hotar att döda") + " ")
    assert pattern.search(normalise("hotar med att kanske döda") + " ")
    assert not pattern.search(normalise("hotar med att kanske inte döda") + " ")


def test_words_match_whole_words_or_stems_only():
    assert compile_phrase("kniv").search("en kniv ")
    assert not compile_phrase("kniv").search("knivig ")
    assert compile_phrase("döda*").search(normalise("dödade") + " ")
    assert not compile_phrase("döda*").search(normalise("odödad") + " ")
