"""Ages read from what people type in Swedish: digits, number words, cues, declines, nonsense."""

import dataclasses

import pytest

from resursguiden.ages import (
    MAX_PLAUSIBLE_AGE,
    MIN_PLAUSIBLE_AGE,
    AgeAnswer,
    AgeKind,
    age_band,
    parse_age,
)

AGE = AgeKind.AGE
DECLINED = AgeKind.DECLINED
IMPLAUSIBLE = AgeKind.IMPLAUSIBLE
NONE = AgeKind.NONE


def by_text(rows):
    """Each row becomes a test case named after the text it tries."""
    return [pytest.param(*row, id=row[0]) for row in rows]


def kind_for(value: int) -> AgeKind:
    return AGE if 5 <= value <= 110 else IMPLAUSIBLE


# --- Digits with a cue, in free text -----------------------------------------------------------

DIGITS_WITH_CUE = [
    ("16 år", 16),
    ("16-åring", 16),
    ("16 åring", 16),
    ("16år", 16),
    ("16åring", 16),
    ("en 15-årig tjej", 15),
    ("16 år gammal", 16),
    ("jag är 16", 16),
    ("Jag är 16.", 16),
    ("jag är 16 år", 16),
    ("JAG ÄR 16 ÅR", 16),
    ("jag är 16 år gammal", 16),
    ("är 16 och bor i Malmö", 16),
    ("jag e 16", 16),
    ("ja e 16", 16),
    ("ja e 16 å bor i göteborg", 16),
    ("jag är 16 😊", 16),
    ("hej! jag är 14, behöver hjälp", 14),
    ("fyllde 16 i maj", 16),
    ("jag fyllde 16 igår", 16),
    ("har fyllt 18", 18),
    ("jag blev 15 förra veckan", 15),
    ("min elev är 15", 15),
    ("hon är 14 år", 14),
    ("han e 19", 19),
    ("min kompis som är 17 blir hotad", 17),
    ("en tjej på 15", 15),
    ("min dotter på 14 år", 14),
    ("ålder: 16", 16),
    ("min ålder är 16", 16),
    ("min dotter 14 år vill inte gå hem", 14),
    ("16 år, bor i Stockholm", 16),
    ("jag är 16 bast", 16),
    ("jag 16", 16),
    ("jag 16 år", 16),
]


@pytest.mark.parametrize("text, age", by_text(DIGITS_WITH_CUE))
def test_digits_with_a_cue_are_an_age_in_free_text(text, age):
    assert parse_age(text) == AgeAnswer(AGE, age, parse_age(text).matched_text)
    assert parse_age(text, whole_answer=True).age == age


# --- Birthdays: "fyllde" is the age now, "fyller"/"blir" is the next one -----------------------

BIRTHDAYS = [
    ("fyller 17 snart", 16),
    ("jag fyller 17 i år", 16),
    ("jag fyller snart 17", 16),  # one less, not two
    ("fyller 17 år snart", 16),
    ("jag blir 18 i höst", 17),
    ("ska fylla 13 i juni", 12),
    ("kommer att bli 18 nästa år", 17),
    ("fyller 17 idag!", 17),
    ("jag fyller 13 i dag", 13),
    ("fyllde 16 i maj", 16),
]


@pytest.mark.parametrize("text, age", by_text(BIRTHDAYS))
def test_a_coming_birthday_gives_the_age_now(text, age):
    assert parse_age(text).age == age


# --- Words around the number: hedges, "almost", ranges -----------------------------------------

HEDGES_AND_RANGES = [
    ("typ 15", 15),
    ("ca 15", 15),
    ("ca. 15", 15),
    ("cirka 15", 15),
    ("runt 20", 20),
    ("ungefär 17 år", 17),
    ("~15", 15),
    ("jag är typ 15", 15),
    ("jag är bara 14", 14),
    ("nästan 18", 17),  # not yet 18
    ("snart 16", 15),
    ("jag är snart 18", 17),
    ("15 eller 16", 15),  # the lower: safer for youth services
    ("16 eller 15", 15),
    ("15-16", 15),
    ("15–16 år", 15),  # en dash, as phones type it
    ("15/16", 15),
    ("15 till 16 år", 15),
    ("femton eller sexton", 15),
    ("jag är 12 eller 13", 12),
    ("16/5", 16),  # a date, not a range
    ("vet inte, typ 15", 15),  # an age wins over a hesitation
]


@pytest.mark.parametrize("text, age", by_text(HEDGES_AND_RANGES))
def test_hedges_and_ranges_in_a_whole_answer(text, age):
    answer = parse_age(text, whole_answer=True)
    assert (answer.kind, answer.age) == (AGE, age)


@pytest.mark.parametrize(
    "text, age",
    by_text([("jag är typ 15", 15), ("jag är 15 eller 16", 15), ("jag är 15-16 år", 15)]),
)
def test_hedges_and_ranges_after_a_cue_in_free_text(text, age):
    assert parse_age(text).age == age


# --- Number words ------------------------------------------------------------------------------

NUMBER_WORDS = [
    ("noll", 0),
    ("två", 2),
    ("tva", 2),
    ("tre", 3),
    ("fyra", 4),
    ("fem", 5),
    ("sex", 6),
    ("sju", 7),
    ("åtta", 8),
    ("atta", 8),
    ("nio", 9),
    ("tio", 10),
    ("elva", 11),
    ("tolv", 12),
    ("tretton", 13),
    ("fjorton", 14),
    ("femton", 15),
    ("sexton", 16),
    ("sjutton", 17),
    ("arton", 18),
    ("aderton", 18),
    ("nitton", 19),
    ("tjugo", 20),
    ("tjugu", 20),
    ("tjugoett", 21),
    ("tjugoen", 21),
    ("tjugo ett", 21),
    ("tjugotvå", 22),
    ("tjugotre", 23),
    ("tjugo tre", 23),
    ("tjugo-tre", 23),
    ("tjugufyra", 24),
    ("tjugofem", 25),
    ("tjugosex", 26),
    ("tjugosju", 27),
    ("tjugoåtta", 28),
    ("tjugonio", 29),
    ("trettio", 30),
    ("trettí", 30),
    ("tretti", 30),
    ("trettioett", 31),
    ("trettiofem", 35),
    ("fyrtio", 40),
    ("förtio", 40),
    ("fyrtiotvå", 42),
    ("femtio", 50),
    ("sextio", 60),
    ("sjuttio", 70),
    ("åttio", 80),
    ("attio", 80),
    ("nittio", 90),
    ("nittionio", 99),
    ("hundra", 100),
    ("etthundra", 100),
    ("tre hundra", 300),
]


@pytest.mark.parametrize("word, value", by_text(NUMBER_WORDS))
def test_a_number_word_alone_is_an_age_in_a_whole_answer(word, value):
    assert parse_age(word, whole_answer=True) == AgeAnswer(kind_for(value), value, word)


@pytest.mark.parametrize("word, value", by_text(NUMBER_WORDS))
def test_a_number_word_after_a_cue_is_an_age_in_free_text(word, value):
    assert parse_age(f"jag är {word} år") == AgeAnswer(kind_for(value), value, f"är {word} år")


@pytest.mark.parametrize(
    "text, age",
    by_text(
        [
            ("jag är sexton", 16),
            ("Jag är Sexton", 16),
            ("sjutton år", 17),
            ("aderton år", 18),
            ("sextonåring", 16),
            ("en femtonårig tjej", 15),
            ("ja e tjugoen", 21),
            ("fyllde fjorton i maj", 14),
            ("ett år", 1),
            ("en åring", 1),
        ]
    ),
)
def test_number_words_with_a_cue(text, age):
    assert parse_age(text).age == age


@pytest.mark.parametrize(
    "text",
    by_text([("jag är en tjej",), ("jag är en av dem",), ("ett",), ("en",), ("sexig",)]),
)
def test_articles_and_words_that_contain_a_number_are_not_numbers(text):
    assert parse_age(text, whole_answer=True).kind is NONE


# --- Free text without a cue: no age -----------------------------------------------------------

NOT_AN_AGE_IN_FREE_TEXT = [
    ("16",),  # a bare number needs the question before it
    ("arton",),
    ("sex",),  # six, or sex
    ("jag har haft sex",),
    ("jag har 2 bröder",),
    ("klockan 16",),
    ("kl 8",),
    ("kl. 16.30 idag",),
    ("vi ses 16:30",),
    ("ring 112",),
    ("ring 1177",),
    ("ring 020-25 30 00",),
    ("mitt nummer är 070-123 45 67",),
    ("+46 70 123 45 67",),
    ("det hände 2019",),
    ("jag är född 2009",),
    ("för 3 år sedan",),
    ("3 år sen",),
    ("vi är 5 syskon",),
    ("vi är sex stycken",),
    ("vi är fem.",),  # a group has no age
    ("det har hänt 2 år i rad",),
    ("det är 16 grader",),
    ("klockan är 16",),
    ("jag har varit här i 2 år",),
    ("bodde där i tre år",),
    ("jag har bott i Sverige 3 år",),
    ("det har gått 2 år",),
    ("han fick 3 år",),
    ("vi har 2 år kvar",),
    ("hon är 2 år äldre än mig",),
    ("i nästan 2 år",),
    ("när jag var 12 år",),
    ("när jag var 12 år gammal gifte de bort min syster",),
    ("när jag fyllde 12 började det",),
    ("när jag fyller 18 vill jag flytta",),
    ("det blev 3 till",),
    ("jag är 100 % säker",),
    ("jag är 100 procent säker",),
    ("jag är 1 av 5 syskon",),
    ("jag 2 gånger",),
    ("jag går i åk 9",),
    ("alla 16-åringar",),
    ("under 18",),
]


@pytest.mark.parametrize("text", by_text(NOT_AN_AGE_IN_FREE_TEXT))
def test_numbers_that_are_not_ages_in_free_text(text):
    assert parse_age(text) == AgeAnswer(NONE)


@pytest.mark.parametrize(
    "text",
    by_text(
        [
            ("jag har 2 bröder",),
            ("klockan 16",),
            ("ring 112",),
            ("ring 020-25 30 00",),
            ("2019",),  # a year is never an age
            ("född 2009",),
            ("för 3 år sedan",),
            ("i tre år",),
            ("100 %",),
        ]
    ),
)
def test_numbers_that_are_not_ages_in_a_whole_answer(text):
    assert parse_age(text, whole_answer=True) == AgeAnswer(NONE)


# --- Whole answer versus free text -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, age",
    by_text(
        [
            ("16", 16),
            (" 16 ", 16),
            ("16!!", 16),
            ("16 🙂", 16),
            ("sexton", 16),
            ("Sex", 6),
            ("16 men snart 17", 16),
        ]
    ),
)
def test_a_bare_number_is_an_age_only_as_a_whole_answer(text, age):
    answer = parse_age(text, whole_answer=True)
    assert (answer.kind, answer.age) == (AGE, age)
    assert parse_age(text) == AgeAnswer(NONE)


@pytest.mark.parametrize(
    "text, age",
    by_text(
        [
            ("min bror är 19 och jag är 16", 16),
            ("jag är 16 och min bror är 19", 16),
            ("min syster är 14 och mamma är 40", 14),
            ("vi är 5 syskon och jag är 13", 13),
            ("jag har bott här i 3 år och är 16", 16),
        ]
    ),
)
def test_with_several_numbers_the_writers_age_wins(text, age):
    assert parse_age(text).age == age


def test_in_a_whole_answer_the_bare_number_is_the_writers_age():
    assert parse_age("16, min bror är 19", whole_answer=True).age == 16
    assert parse_age("16, min bror är 19").age == 19
    assert parse_age("min syster är 13, jag är 17", whole_answer=True).age == 17


# --- Implausible numbers -----------------------------------------------------------------------

IMPLAUSIBLE_ANSWERS = [
    ("0", 0),
    ("150", 150),
    ("999", 999),
    ("-3", -3),
    ("tre hundra", 300),
    ("4", 4),
    ("111", 111),
    ("jag är 150 år", 150),
    ("jag är -3", -3),
    ("jag är 0 år", 0),
    ("fyller 5 snart", 4),
]


@pytest.mark.parametrize("text, number", by_text(IMPLAUSIBLE_ANSWERS))
def test_absurd_numbers_are_implausible_with_the_number(text, number):
    answer = parse_age(text, whole_answer=True)
    assert (answer.kind, answer.age) == (IMPLAUSIBLE, number)


@pytest.mark.parametrize(
    "text, kind",
    by_text([("4", IMPLAUSIBLE), ("5", AGE), ("110", AGE), ("111", IMPLAUSIBLE)]),
)
def test_plausibility_edges(text, kind):
    assert parse_age(text, whole_answer=True).kind is kind
    assert (MIN_PLAUSIBLE_AGE, MAX_PLAUSIBLE_AGE) == (5, 110)


def test_a_plausible_age_wins_over_an_absurd_number():
    assert parse_age("jag är 16, inte 150").age == 16


# --- Declines ----------------------------------------------------------------------------------

DECLINES = [
    ("vill inte säga",),
    ("Vill inte svara",),
    ("det vill jag inte säga",),
    ("vill helst inte",),
    ("vet inte",),
    ("vet ej",),
    ("vetinte",),
    ("ingen aning",),
    ("hoppa över",),
    ("kan vi hoppa över det?",),
    ("skippa",),
    ("skip",),
    ("spelar ingen roll",),
    ("orkar inte svara",),
    ("det säger jag inte",),
    ("nej",),
    ("nej tack",),
    ("privat",),
]


@pytest.mark.parametrize("text", by_text(DECLINES))
def test_declines_as_a_whole_answer(text):
    answer = parse_age(text, whole_answer=True)
    assert answer.kind is DECLINED
    assert answer.age is None
    assert answer.matched_text


@pytest.mark.parametrize(
    "text",
    by_text(
        [
            ("vill inte säga hur gammal jag är",),
            ("det vill jag inte säga, min ålder",),
            ("min ålder vill jag inte säga",),
            ("jag vet inte hur gammal hon är",),
            ("kan vi hoppa över åldern?",),
            ("hej. vill inte svara på hur gammal jag är. behöver hjälp",),
        ]
    ),
)
def test_declines_about_age_in_free_text(text):
    assert parse_age(text).kind is DECLINED


@pytest.mark.parametrize(
    "text",
    by_text(
        [
            ("vet inte vad jag ska göra",),
            ("jag vill inte säga det till mamma",),
            ("ingen aning om vart jag ska ta vägen",),
            ("skippa skolan idag",),
            ("nej",),
            ("vill inte",),
            ("vet inte vad jag ska göra. hur gammal måste man vara?",),  # different sentences
        ]
    ),
)
def test_a_decline_about_something_else_is_not_declined_in_free_text(text):
    assert parse_age(text) == AgeAnswer(NONE)


# --- The answer itself -------------------------------------------------------------------------


def test_matched_text_is_as_written():
    assert parse_age("Jag ÄR 16 År och bor i Malmö").matched_text == "ÄR 16 År"
    assert parse_age("VET INTE", whole_answer=True).matched_text == "VET INTE"
    assert parse_age("inget här") == AgeAnswer(NONE, None, None)


def test_an_answer_cannot_be_changed():
    with pytest.raises(dataclasses.FrozenInstanceError):
        parse_age("16", whole_answer=True).age = 17


def test_kinds_are_plain_strings_for_slots():
    assert [kind.value for kind in AgeKind] == ["age", "declined", "implausible", "none"]
    assert AgeKind("declined") is DECLINED


@pytest.mark.parametrize("text", by_text([("",), ("   ",), ("?",), ("🙂",)]))
def test_empty_or_odd_text_has_no_age(text):
    assert parse_age(text, whole_answer=True) == AgeAnswer(NONE)


# --- Bands for statistics ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "age, band",
    [
        pytest.param(None, "okänd", id="unknown"),
        pytest.param(5, "under 13", id="5"),
        pytest.param(12, "under 13", id="12"),
        pytest.param(13, "13–17", id="13"),
        pytest.param(17, "13–17", id="17"),
        pytest.param(18, "18–26", id="18"),
        pytest.param(26, "18–26", id="26"),
        pytest.param(27, "27 eller äldre", id="27"),
        pytest.param(110, "27 eller äldre", id="110"),
    ],
)
def test_age_bands_follow_the_routing_limits(age, band):
    assert age_band(age) == band


# --- Long input ------------------------------------------------------------------------------
# Speed is measured by benchmarks/bench_core.py, not asserted here.


def test_a_long_message_full_of_numbers_still_finds_the_age():
    text = "1 2 jag är 16 år, ring 070-123 45 67 kl 16 " * 100  # 4,300 characters
    assert parse_age(text, whole_answer=True).age == 16
