"""Understand an age in what people type in Swedish.

Some resource centres have age limits (Origo in Stockholm: 13–26; BRIS: under 18), so the bot
must read an age from chat text, often typed fast on a phone: "16", "sexton", "ja e 16",
"16-åring", "fyller 17 snart", "typ 15", "vill inte säga".

`parse_age` answers with an `AgeAnswer` of one of four kinds: AGE (a plausible age),
IMPLAUSIBLE (a number that cannot be the age of someone chatting: re-ask kindly), DECLINED (the
person does not know or would rather not say: route without it) or NONE (no age in the text).

Two modes:
* whole_answer=True: the text is the whole answer to "Hur gammal är du?", so a bare "16" or
  "sexton" is an age.
* whole_answer=False: free text from any message; a number is an age only with a cue
  ("jag är 16", "16 år", "16-åring", "fyllde 16", "en tjej på 15", "ålder: 16").
In both modes durations ("för 3 år sedan", "i tre år"), counts ("vi är 5 syskon"), clock
times, phone numbers and years are never ages.

Choices made for routing (each is also explained where it is implemented):
* "fyller 17", "blir 18" speak of the next birthday: the current age is one less, except
  "fyller 17 idag". "fyllde 16" is the current age. "när jag fyller 18" says nothing.
* "nästan 16" and "snart 16" mean 15 now.
* A range or an either-or ("15-16", "15 eller 16") gives the lower number.
* "typ 15", "ca 15", "runt 20" give the number.
* With several ages, the writer's own ("jag är ...") wins, otherwise the first in the text.

`age_band` turns an age into a band for statistics, so the number itself is never stored.

Plain Python (no Rasa); the patterns and the word table are built once, at import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum


class AgeKind(str, Enum):
    AGE = "age"  # a plausible age was given
    DECLINED = "declined"  # "vill inte säga", "vet inte", "hoppa över": unknown, still routed
    IMPLAUSIBLE = "implausible"  # a number that cannot be the age of someone chatting
    NONE = "none"  # no age in the text


@dataclass(frozen=True)
class AgeAnswer:
    kind: AgeKind
    age: int | None = None  # the age for AGE; the number understood for IMPLAUSIBLE
    matched_text: str | None = None  # the words it was read from, as the person wrote them


# Someone younger than five cannot write a chat message, and nobody alive is much older than
# 110 (the oldest Swedes reach about 110); anything outside is a typo or a joke, so re-ask.
MIN_PLAUSIBLE_AGE = 5
MAX_PLAUSIBLE_AGE = 110


# --- Number words ----------------------------------------------------------------------------

# Spellings people type, including the ones without å/ö and the spoken short forms ("tretti").
_ONES = {
    "noll": 0,
    "ett": 1,
    "en": 1,
    "två": 2,
    "tva": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "atta": 8,
    "nio": 9,
}
_TEENS = {
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "aderton": 18,
    "nitton": 19,
}
_TENS = {
    "tjugo": 20,
    "tjugu": 20,
    "trettio": 30,
    "trettí": 30,
    "tretti": 30,
    "fyrtio": 40,
    "förtio": 40,
    "fortio": 40,
    "fyrti": 40,
    "förti": 40,
    "femtio": 50,
    "femti": 50,
    "sextio": 60,
    "sexti": 60,
    "sjuttio": 70,
    "sjutti": 70,
    "åttio": 80,
    "attio": 80,
    "åtti": 80,
    "atti": 80,
    "nittio": 90,
    "nitti": 90,
}
_SIMPLE_NUMBER_WORDS = {**_ONES, **_TEENS, **_TENS}
_TENS_LONGEST_FIRST = sorted(_TENS, key=len, reverse=True)

_LETTER_BEFORE = r"(?<![^\W\d_])"  # not inside a word
_NO_LETTER_AFTER = r"(?![^\W\d_])"


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so "sexton" is tried before "sex"."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_ONE_TO_NINE = _alternation(word for word in _ONES if word != "noll")
# "en" and "ett" are nearly always articles ("jag är en tjej"); alone they count only before år.
_ALONE_ONES = _alternation(word for word in _ONES if word not in ("en", "ett"))
_TENS_WORDS = _alternation(_TENS)
_TEEN_WORDS = _alternation(_TEENS)
_BELOW_HUNDRED = (
    rf"(?:{_TENS_WORDS})(?:[\s-]?(?:{_ONE_TO_NINE}))?"  # "tjugotre", "tjugo tre", "tjugoen"
    rf"|{_TEEN_WORDS}|{_ALONE_ONES}"
)
_HUNDREDS = rf"(?:(?:{_ONE_TO_NINE})\s?)?hundra(?:\s?(?:{_BELOW_HUNDRED}|ett|en))?"
_WORD_NUMBER = (
    rf"{_LETTER_BEFORE}(?:{_HUNDREDS}|{_BELOW_HUNDRED}|(?:ett|en)(?=\s?-?år(?!s)))"
    rf"(?:(?=år)|{_NO_LETTER_AFTER})"  # "sextonåring" is written as one word
)
# Digits, maybe negative ("-3"), maybe glued to år ("16år"), never part of a word ("8an").
_DIGITS = r"(?:(?<![\w-])-)?(?<!\w)\d+(?!\d)(?:(?=år)|(?![^\W\d_]))"


def _word_number_value(words: str) -> int:
    compact = re.sub(r"[\s-]", "", words)
    multiplier, hundred, rest = compact.partition("hundra")
    if not hundred:
        return _below_hundred_value(compact)
    return (_ONES[multiplier] if multiplier else 1) * 100 + (
        _below_hundred_value(rest) if rest else 0
    )


def _below_hundred_value(word: str) -> int:
    if word in _SIMPLE_NUMBER_WORDS:
        return _SIMPLE_NUMBER_WORDS[word]
    for tens in _TENS_LONGEST_FIRST:
        if word.startswith(tens):
            return _TENS[tens] + _ONES[word[len(tens) :]]
    raise ValueError(f"not a Swedish number word: {word!r}")


def _number_value(text: str) -> int | None:
    """The number's value, or None for a year (a year is never an age)."""
    if not text[-1].isdigit():
        return _word_number_value(text)
    value = int(text)
    if len(text.lstrip("-")) == 4 and 1900 <= value <= 2099:
        return None
    return value


# --- Pieces of the patterns -------------------------------------------------------------------

_NUMBER = rf"(?P<num>{_DIGITS}|{_WORD_NUMBER})"
_RANGE = (
    rf"{_NUMBER}(?:\s*(?:-|/|eller|el\.?|till)\s*"
    rf"(?P<num2>(?<!\w)\d+(?![\d\w])|{_WORD_NUMBER}))?"
)
# Words that soften a number without changing it; "nästan"/"snart" mean not yet (one less).
_HEDGE = (
    r"(?:(?:(?P<almost>nästan|snart)|typ|ca\.?|c:a|cirka|runt|ungefär|ungef\.?|kring|omkring"
    r"|bara|redan|precis|exakt|just|nyss|nu|väl|nog|kanske|ju|alltså|asså)\s+|~\s*)*"
)
# "år" alone may be a duration; the others are always an age.
_UNIT = rf"(?P<unit>åring(?:en)?|årig(?:a)?|år\s+(?:gammal|gml|ung)|bast|år){_NO_LETTER_AFTER}"
_OPTIONAL_UNIT = rf"(?:\s?-?\s?{_UNIT})?"

# What may follow a number for it to stand alone as an age: the end, punctuation, an emoji, or
# a small word or a verb ("16 och bor i Malmö", "som är 17 blir hotad"). Not a noun that counts
# ("5 syskon", "100 procent"), nor "100 %" or "2:a".
_FREE_END = re.compile(
    r"""\s*(?:
        $
      | [^\w\s%#:-]
      | [:-](?![^\W\d_])
      | (?:och|o|å|men|fast|så|nu|snart|typ|ungefär|ca|cirka|ju|väl|bara|alltså|asså|då|btw
          |i|eller|el|jag|ja|hon|han|hen|tror|kanske|nog|om|sen|tack|lol|haha\w*|idag|igår
          |imorgon|förra|nästa
          |blir|har|hade|vill|ska|kan|måste|får|bor|går|behöver|mår|vet|känner|undrar|söker
          )(?![^\W\d_])
    )""",
    re.VERBOSE,
)

# Words right before a number that make it something else than an age: a time, a phone
# number, a duration or a past age ("i 3 år", "när jag var 12"), a school year, a birth year.
# Only for numbers without a cue of their own ("16 år", a bare "16" in a whole answer).
_NOT_AN_AGE_BEFORE = re.compile(
    _LETTER_BEFORE
    + r"""(?:kl|klockan|kvart|halv|ring|ringa|ringer|ringde|ringt|nummer|numret|nr|tel|tfn
        |telefon|telefonnummer|mobil|mobilnummer|sms|smsa
        |i|på|för|om|efter|under|inom|sedan|sen|från|vid|över|mellan|innan
        |var|va|varit|blev|bli|blir|fyller|fyllde|fyllt|fylla|som|född|f
        |år|åk|årskurs|klass|klassen|buss|bussen|linje|rum|sida|vecka|v|plats)[.:]?\s*$""",
    re.VERBOSE,
)
# "är 16" is about a person unless the subject is a group or a thing ("vi är 5", "det är 16").
_NOT_A_PERSON_BEFORE = re.compile(
    _LETTER_BEFORE
    + r"""(?:vi|de|dom|dem|ni|det|detta|den\s+här|det\s+här|klockan|kl|tiden|numret|nummer
        |priset|summan|temperaturen|antalet)\s*$""",
    re.VERBOSE,
)
_FIRST_PERSON_BEFORE = re.compile(
    _LETTER_BEFORE + r"(?:jag|ja)(?:\s+själv)?\s+(?:(?:är|e|fyller|fyllde|blir|blev)\s+)?$"
)
# "när jag fyllde 12 ..." and "när jag fyller 18 ..." tell a story, not the age now.
_STORY_BEFORE = re.compile(
    _LETTER_BEFORE + r"(?:när|då|om|tills|innan|efter\s+att|sen|sedan)\s+(?:\w+\s+){0,2}$"
)

# "N år" is a duration, not an age, when followed by these ("3 år sedan", "2 år äldre").
_DURATION_AFTER = re.compile(
    r"""\s*(?:sedan|sen|tillbaka|kvar|senare|framåt|till|efter|innan|förut|tidigare|i\s+rad
        |i\s+taget|av|fängelse|äldre|yngre|mellan|skillnad)(?![^\W\d_])""",
    re.VERBOSE,
)
# ... or when the clause before it speaks of time spent ("jag har bott i Sverige 3 år").
_DURATION_VERB = re.compile(
    _LETTER_BEFORE
    + r"""(?:bott|bor|bodde|varit|levt|lever|jobbat|arbetat|pluggat|studerat|gått|pågått|pågår
        |hållit|väntat|haft|känt|kämpat|dejtat|gifta|gift|suttit|stannat|fick|får|dömd|dömdes
        |tillsammans)"""
    + _NO_LETTER_AFTER,
    re.VERBOSE,
)
_CLAUSE_BREAK = re.compile(r"[.,;:!?\n]|" + _LETTER_BEFORE + r"(?:och|men|o|å)" + _NO_LETTER_AFTER)

_TODAY_AFTER = re.compile(r"\s*(?:idag|i\s+dag)" + _NO_LETTER_AFTER)

_PERSON_NOUNS = (
    r"tjej(?:en)?|kille(?:n)?|flick(?:a|an)|pojk(?:e|en)|person(?:en)?|elev(?:en)?|dotter(?:n)?"
    r"|son(?:en)?|barn(?:et)?|ungdom(?:en)?|tonåring(?:en)?|syster|systern|bror|brodern"
    r"|brorsa(?:n)?|syrra(?:n)?|kompis(?:en)?|vän(?:nen)?|väninna(?:n)?|kusin(?:en)?"
    r"|man(?:nen)?|kvinna(?:n)?"
)


# --- The cues ---------------------------------------------------------------------------------

# "jag 16" is how some type "jag är 16".
_BE = re.compile(rf"{_LETTER_BEFORE}(?:är|e|(?P<me>jag))\s+{_HEDGE}{_RANGE}{_OPTIONAL_UNIT}")
_BE_BEFORE = re.compile(_LETTER_BEFORE + r"(?:är|e|jag)\s*$")
_BIRTHDAY = re.compile(
    rf"{_LETTER_BEFORE}(?P<verb>fyllde|fyllt|blev|fyller|blir|ska\s+(?:fylla|bli)"
    rf"|kommer\s+(?:att\s+)?(?:fylla|bli))\s+{_HEDGE}{_RANGE}{_OPTIONAL_UNIT}"
)
_AGE_WORD = re.compile(
    rf"{_LETTER_BEFORE}(?:ålder|åldern)\s*(?:[:=-]|är|e)?\s*{_HEDGE}{_RANGE}{_OPTIONAL_UNIT}"
)
_PERSON_AGED = re.compile(
    rf"{_LETTER_BEFORE}(?:{_PERSON_NOUNS})\s+på\s+{_HEDGE}{_RANGE}{_OPTIONAL_UNIT}"
)
_WITH_UNIT = re.compile(rf"{_LETTER_BEFORE}{_HEDGE}{_RANGE}\s?-?\s?{_UNIT}")
_BARE = re.compile(rf"{_LETTER_BEFORE}{_HEDGE}{_RANGE}")
_ANY_NUMBER = re.compile(rf"{_DIGITS}|{_WORD_NUMBER}")

_PAST_BIRTHDAY_VERBS = {"fyllde", "fyllt", "blev"}
_CHANGE_VERBS = {"blev", "blir", "bli"}  # "det blir 3" is not about a person


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    age: int
    first_person: bool

    @property
    def plausible(self) -> bool:
        return MIN_PLAUSIBLE_AGE <= self.age <= MAX_PLAUSIBLE_AGE


def _age_of(match: re.Match[str], *, count_almost: bool = True) -> int | None:
    age = _number_value(match["num"])
    if age is None:
        return None
    # A range or an either-or gives its lower end: someone who may still be a child is safer
    # sent where children are welcome (BRIS, child-protection duties) than to adult services.
    # A second number far off ("16/5", a date) is not a range and is left out.
    if match["num2"]:
        other = _number_value(match["num2"])
        if other is not None and 0 < abs(other - age) <= 5:
            age = min(age, other)
    if count_almost and match["almost"]:
        age -= 1
    return age


def _stands_as_age(text: str, match: re.Match[str]) -> bool:
    """After a cue: "16 år" unless a duration; a bare "16" only if no "syskon" follows."""
    unit = match["unit"]
    if unit is None:
        return _FREE_END.match(text, match.end()) is not None
    if unit == "år":
        return _DURATION_AFTER.match(text, match.end()) is None
    return True


# How far back the checks of the words before a number look: enough for a clause, and it keeps
# a long message with many numbers from costing time in proportion to its length squared.
_LOOK_BACK = 80


def _ends_with(pattern: re.Pattern[str], text: str, position: int) -> bool:
    """Whether the text just before `position` ends with `pattern` (which ends with $)."""
    return pattern.search(text, max(0, position - _LOOK_BACK), position) is not None


def _spends_time_before(text: str, position: int) -> bool:
    clause = _CLAUSE_BREAK.split(text[max(0, position - _LOOK_BACK) : position])[-1]
    return _DURATION_VERB.search(clause) is not None


def _candidate(
    text: str, match: re.Match[str], age: int | None, *, own: bool = False
) -> _Candidate | None:
    if age is None:
        return None
    first_person = own or _ends_with(_FIRST_PERSON_BEFORE, text, match.start())
    return _Candidate(match.start(), match.end(), age, first_person)


def _after_be(text: str) -> Iterator[_Candidate | None]:
    """The cue "är": "jag är 16", "ja e 16", "jag 16", "hon är 14 år", "min elev är 15"."""
    for match in _BE.finditer(text):
        if _ends_with(_NOT_A_PERSON_BEFORE, text, match.start()) or not _stands_as_age(text, match):
            continue
        yield _candidate(text, match, _age_of(match), own=match["me"] is not None)


def _after_birthday(text: str) -> Iterator[_Candidate | None]:
    """Birthdays. "fyllde 16 i maj" -> 16. "fyller 17 snart", "blir 18 i höst" -> one less:
    "fyller" and "blir" speak of the next birthday, and routing needs the age now.
    "fyller 17 idag" -> 17."""
    for match in _BIRTHDAY.finditer(text):
        if _ends_with(_STORY_BEFORE, text, match.start()):
            continue
        verb = match["verb"].split()[-1]
        if verb in _CHANGE_VERBS and (
            _ends_with(_NOT_A_PERSON_BEFORE, text, match.start()) or not _stands_as_age(text, match)
        ):
            continue
        age = _age_of(match, count_almost=False)  # "fyller snart 17" is one less, not two
        coming = verb not in _PAST_BIRTHDAY_VERBS and not _TODAY_AFTER.match(text, match.end())
        if age is not None and coming:
            age -= 1
        yield _candidate(text, match, age)


def _after_age_word(text: str) -> Iterator[_Candidate | None]:
    """The word ålder: "ålder: 16", "min ålder är 16"."""
    for match in _AGE_WORD.finditer(text):
        yield _candidate(text, match, _age_of(match))


def _after_person_noun(text: str) -> Iterator[_Candidate | None]:
    """A person "på" an age: "en tjej på 15", "min dotter på 14 år"."""
    for match in _PERSON_AGED.finditer(text):
        if _stands_as_age(text, match):
            yield _candidate(text, match, _age_of(match))


def _with_unit(text: str) -> Iterator[_Candidate | None]:
    """A unit: "16 år", "16-åring", "16 år gammal", but not "i 3 år" or "3 år sedan"."""
    for match in _WITH_UNIT.finditer(text):
        if _ends_with(_NOT_AN_AGE_BEFORE, text, match.start()):
            continue
        if match["unit"] == "år" and (
            _spends_time_before(text, match.start()) or _DURATION_AFTER.match(text, match.end())
        ):
            continue
        yield _candidate(text, match, _age_of(match))


def _bare_numbers(text: str) -> Iterator[_Candidate | None]:
    """In a whole answer, "16" and "sexton" are the writer's age, but "2 bröder" is not."""
    for match in _BARE.finditer(text):
        # After "är" it is the "är" cue's to judge: "min syster är 13" is not the writer's age.
        start = match.start()
        if _ends_with(_NOT_AN_AGE_BEFORE, text, start) or _ends_with(_BE_BEFORE, text, start):
            continue
        if _FREE_END.match(text, match.end()) is None:
            continue
        age = _age_of(match)
        if age is not None:
            yield _Candidate(match.start(), match.end(), age, first_person=True)


def _candidates(text: str, whole_answer: bool) -> list[_Candidate]:
    if not _ANY_NUMBER.search(text):  # most messages: no need to try every cue
        return []
    finders = [_after_be, _after_birthday, _after_age_word, _after_person_noun, _with_unit]
    if whole_answer:
        finders.append(_bare_numbers)
    return [found for finder in finders for found in finder(text) if found is not None]


def _preference(candidate: _Candidate) -> tuple[bool, bool, int]:
    """A plausible age first, then the writer's own, then the first one in the text."""
    return (not candidate.plausible, not candidate.first_person, candidate.start)


# --- Declines ---------------------------------------------------------------------------------

_DECLINE = re.compile(
    _LETTER_BEFORE
    + r"""(?:(?:vill|tänker|kan)\s+(?:helst\s+)?(?:inte|int|ej)\s+(?:säga|svara|berätta|uppge)
        |(?:vill|tänker)\s+jag\s+(?:helst\s+)?(?:inte|int|ej)
        |vet\s+(?:inte|int|ej)|vetinte|vetej
        |ingen\s+aning
        |hoppa[rs]?\s+över|skip(?:pa[rs]?)?
        |spelar\s+(?:ingen|inte\s+någon)\s+roll
        |orkar\s+(?:inte|int|ej)\s+(?:svara|säga)
        |säger\s+(?:jag\s+)?(?:inte|ej))"""
    + _NO_LETTER_AFTER,
    re.VERBOSE,
)
# Short refusals that only mean "I won't tell" as the answer to the age question itself.
_REFUSAL_AS_ANSWER = re.compile(
    r"^\W*(?:nej(?:\s+tack)?|nä+|nope|pass|privat|hemligt|(?:vill|helst)\s+(?:helst\s+)?inte)\W*$"
)
_AGE_TOPIC = re.compile(_LETTER_BEFORE + r"(?:ålder\w*|hur\s+gamm?al|hur\s+gamla)")
_SENTENCE = re.compile(r"[^.!?\n]+")


def _decline(text: str, whole_answer: bool) -> re.Match[str] | None:
    if whole_answer:
        return _DECLINE.search(text) or _REFUSAL_AS_ANSWER.match(text)
    # In free text "vet inte" is about age only in a sentence that speaks of age:
    # "vill inte säga hur gammal jag är", but not "vet inte vad jag ska göra".
    for sentence in _SENTENCE.finditer(text):
        if _AGE_TOPIC.search(text, sentence.start(), sentence.end()):
            found = _DECLINE.search(text, sentence.start(), sentence.end())
            if found:
                return found
    return None


# --- Preparing the text -----------------------------------------------------------------------

_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
# Phone numbers start with 0 or +country code ("020-25 30 00", "+46 70 123 45 67").
_PHONE_NUMBER = re.compile(r"(?<![\w+])(?:\+\d{1,3}|0)[\d\s-]{4,}\d")
_CLOCK_TIME = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?!\d)")


def _mask_phone_number(match: re.Match[str]) -> str:
    is_phone_number = sum(char.isdigit() for char in match[0]) >= 6
    return "#" * len(match[0]) if is_phone_number else match[0]


def _prepared(text: str) -> tuple[str, str]:
    """The text as written (NFC) and a same-length copy to search: lower case, plain dashes,
    clock times and phone numbers masked with "#", so positions point into both."""
    written = unicodedata.normalize("NFC", text)
    lowered = written.lower()
    if len(lowered) != len(written):  # a few letters ("İ") grow when lower-cased
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in written)
    searched = _PHONE_NUMBER.sub(_mask_phone_number, lowered.translate(_DASHES))
    searched = _CLOCK_TIME.sub(lambda match: "#" * len(match[0]), searched)
    return written, searched


# --- The API ----------------------------------------------------------------------------------


def parse_age(text: str, *, whole_answer: bool = False) -> AgeAnswer:
    """The age in `text`. whole_answer: the text is the whole answer to "Hur gammal är du?"."""
    written, searched = _prepared(text)
    candidates = _candidates(searched, whole_answer)
    if candidates:
        best = min(candidates, key=_preference)
        kind = AgeKind.AGE if best.plausible else AgeKind.IMPLAUSIBLE
        return AgeAnswer(kind, best.age, written[best.start : best.end].strip())
    declined = _decline(searched, whole_answer)
    if declined:
        return AgeAnswer(AgeKind.DECLINED, None, written[declined.start() : declined.end()])
    return AgeAnswer(AgeKind.NONE)


def age_band(age: int | None) -> str:
    """A band for statistics, with the routing limits as edges (Origo 13–26, BRIS under 18)."""
    if age is None:
        return "okänd"
    if age < 13:
        return "under 13"
    if age < 18:
        return "13–17"
    if age <= 26:
        return "18–26"
    return "27 eller äldre"


def declines_to_answer(answer: str) -> bool:
    """Whether an answer to any of the assistant's questions says "I won't tell" or "I
    don't know" ("vill inte säga", "vet inte", "hoppa över", "nej")."""
    _, searched = _prepared(answer)
    return _decline(searched, whole_answer=True) is not None
