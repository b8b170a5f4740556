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
    "biljetterna är bokade till på fredag och jag vill inte åka",
    "jag ska giftas bort i hemlandet i sommar",
    "de ska ta livet av mig",
    "HJÄLP DE SKA DÖDA MIG",
    "hedersmord",
    "min kompis blir slagen av sin pappa nu",
    "de tog mitt pass",  # in Sweden, before a trip: 112 first
    "passet är borta, de har tagit det",
    "han sa att dom ska ha ihjäl mig",
    "pappa sa att jag inte kommer att överleva om jag går till polisen",
    "dom kommer göra något med mig om dom får reda på det",
    "han har hotat att kasta syra på mig",
    "han höll mig i halsen",
    "de säger att de ska bränna mig",
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
    "ser ingen mening med att leva längre",
    "det finns ingen mening med livet",
    "känns meningslöst att leva",
    "det är inte värt att leva så här",
    "jag skär mig",
    "jag vill skada mig själv",
    "jag bränner mig själv med tändare",
    "jag skadar mig när det blir för mycket",
    "tänker på att ta livet av mig",
    "om de gifter bort mig tar jag livet av mig",
    "min kompis säger att hon ska ta livet av sig",
    "jag har tagit en massa tabletter",
    "alla vore gladare om jag inte fanns",
    "jag vill hoppa från bron",
    "har ett rakblad här",
    "jag ristade i benet igår",
    "hellre död än gift med honom",
    "har ätit en hel burk med värktabletter",
]

ABROAD = [
    "jag är i hemlandet nu och får inte åka hem",
    "jag sitter fast i hemlandet",
    "jag kommer inte tillbaka till sverige",
    "de lämnade mig i hemlandet",
    "kan inte komma tillbaka till sverige",
    "jag blev lämnad i hemlandet",
    "jag sitter fast i turkiet",
    "nu är jag fast i syrien hos släkten",
    "jag är i iran sen i juni och kommer inte härifrån",
]

NOT_DANGER = [
    "hej",
    "mina föräldrar bestämmer allt",
    "jag får inte ha kompisar",
    "de ska gifta bort mig i sommar",  # serious, but not acute: routed, not 112 first
    "mina föräldrar har hittat en man åt mig",
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
    "jag vill hoppa över den frågan",  # "hoppa över" is to skip
    # Violence or threats against someone else, not said to be happening now: the
    # classifier and the routing take it (and the answer says 112 too).
    "min lillebror blir slagen av pappa om han leker med tjejer",
    "hennes man hotar henne",
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
