"""Personal data out of a message before it is stored, with placeholders that keep the sense.

    redact("jag heter Sara, ring 070-123 45 67").text
        -> "jag heter [namn], ring [telefonnummer]"

What is removed, and how it is found:
- numbers and addresses of fixed shape, by pattern: personnummer and samordningsnummer
  (with or without century, "-", "+" or a space), phone numbers (mobile and landline,
  national and +46/0046, any spacing), e-mail addresses, links (with a scheme, "www.",
  or a domain with a path such as "tiktok.com/@namn"), @-handles, street addresses
  ("Storgatan 12B lgh 1102") and postcodes ("123 45" before a town);
- person names, by resursguiden.names (spaCy's recogniser, this domain's patterns and
  capitals).

Kept: towns, counties and countries (routing needs the place, and a municipality names
no one), ages, dates, sums, and the public numbers of the centres and support lines in
the registry (the bot gives them out; they say nothing about who writes). The NLU reads
the original text; only what is stored passes through here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from resursguiden.names import find_names

PLACEHOLDERS = {
    "personnummer": "[personnummer]",
    "telefon": "[telefonnummer]",
    "epost": "[e-post]",
    "lank": "[länk]",
    "anvandarnamn": "[användarnamn]",
    "adress": "[adress]",
    "postnummer": "[postnummer]",
    "namn": "[namn]",
}

PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()))
_DIGIT_GAP = r"[ \t.-]?"  # what people type between digits: nothing, a space, a dash or a dot

# yymmdd or yyyymmdd, then "-", "+", a space or nothing, then four digits. Day 61-91 is a
# samordningsnummer. The date is checked loosely (month 01-12, day 01-31 or 61-91): a
# typed number with a wrong check digit identifies someone just as well.
PERSONNUMMER = re.compile(
    r"(?<![\d+])(?:(?:19|20)\d{2}|\d{2})[ \t]?"
    r"(?:0[1-9]|1[0-2])[ \t]?"
    r"(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])"
    r"[ \t]?[-+]?[ \t]?\d{4}(?![\d])"
)
# Swedish numbers: 0 or +46/0046 (with an optional "(0)"), an area code or mobile prefix,
# then 5-8 more digits in any grouping. Nine to eleven digits in all after the 0.
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)46[ \t-]?(?:\(0\)[ \t-]?)?|0" + _DIGIT_GAP + r")"
    r"[1-9](?:" + _DIGIT_GAP + r"\d){6,9}(?![\d])"
)
# Paid and toll-free company numbers are not personal: 020, 0200, 077x, 0900, 0939, 0944.
NOT_PERSONAL_PREFIXES = ("020", "077", "0900", "0939", "0944")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}", re.UNICODE)
_TLD = r"(?:se|nu|com|net|org|io|me|app|tv|info|eu|co|uk|de|fi|no|dk|ly|gg|to)"
LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|(?<![@\w.])[\w-]+(?:\.[\w-]+)*\." + _TLD + r"/[^\s<>\"']*"
    # any domain with a path: "linktr.ee/namn", "flashback.org/t338"
    r"|(?<![@\w.])[A-Za-z][\w-]*(?:\.[\w-]+)*\.[A-Za-z]{2,6}/[^\s<>\"']+",
    re.IGNORECASE,
)
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}")
# A street: a word ending as Swedish street names do ("Storgatan", "Ringvägen",
# "Åsgränd"), or one or two words and a separate "väg"/"gata"/"gränd"/"allé"/"plan"
# ("Karl Johans väg"), then a number, a letter, and a flat or floor.
_STREET_ENDINGS = (
    r"gatan|gata|vägen|väg|gränd|gränden|stigen|stig|allén|allé|plan|planen|torget|torg"
    r"|backe|backen|leden|led|liden|lid|gången|slingan|slinga|vägen|parken|kajen|kaj"
    r"|esplanaden|promenaden|bron|hagen|ängen|höjden|terrassen|platsen|gårdsväg"
    r"|stråket|ringen|svängen|kroken|bågen|vändan|bryggan|udden"
)
_FLAT = (
    r"(?:lgh|lägenhet|lägh|port|uppg|vån|våning)[ \t.]*\d{1,4}|(?:nb|bv|ög)\b"
    r"|\d{1,2}[ \t]*(?:tr|trappor|trappa|vån|våningen)\b"
    r"|(?:tr|trappor|trappa)[ \t.]*\d{1,2}"
)
# A house number, perhaps a letter ("12B", "12 B"), then flats and floors.
_NUMBER_AND_FLAT = (
    r"[ \t]+\d{1,4}(?:[A-Za-z](?![\wåäö])|[ \t](?-i:[A-HJ-Z])(?![\wåäö]))?"
    r"(?:[ \t]*,?[ \t]*(?:" + _FLAT + r"))*"
)
ADDRESS = re.compile(
    r"(?<![\w])"
    # Words of the street's name before the one that ends as a street: capitalised
    # ("Östra Hamngatan", "Karl Johans väg") or the usual first words in lower case.
    r"(?:(?:(?-i:[A-ZÅÄÖÉ][\wåäöéü-]*)|östra|västra|norra|södra|stora|lilla|gamla|nya)[ \t]+){0,2}"
    r"(?:[\wåäöéü-]*(?:"
    + _STREET_ENDINGS
    + r")|[\wåäöéü-]+[ \t]+(?:"
    + _STREET_ENDINGS
    + r"))"
    + _NUMBER_AND_FLAT,
    re.IGNORECASE,
)
# Where an address is expected ("bor på Rinkebysvingen 20", "adress: Kvarnbacken 3"),
# a word and a number are one, whatever the street is called.
ADDRESS_AFTER_CUE = re.compile(
    r"(?:\bbor(?:[ \t]+(?:typ|nu|kvar|fortfarande|också))?[ \t]+på"
    r"|\badress(?:en)?(?:[ \t]+är)?[ \t]*:?|\bgatuadress(?:en)?[ \t]*:?"
    r"|\bbosatt(?:[ \t]+på)?|\bskriven[ \t]+på|\bfolkbokförd[ \t]+på)"
    # A street's name starts with a capital ("bor typ på Rinkebysvingen 20"); "bor på ett
    # HVB-hem i 871 31" and "bor på postnummer 21532" are something else.
    r"[ \t]+((?-i:[A-ZÅÄÖ])[\wåäöéü-]+(?:[ \t]+[\wåäöéü-]+)?" + _NUMBER_AND_FLAT + r")",
    re.IGNORECASE,
)
# A capitalised word and a house number ("Solvändan 4"): an address when the word is no
# Swedish word, place or first name (streets have names of their own; "Vecka 12",
# "Fifa 23" and "Amina 15" are something else).
STREET_AND_NUMBER = re.compile(
    r"(?<![\w])((?-i:[A-ZÅÄÖ])[a-zåäöéü]{3,}(?:-[A-Za-zåäöÅÄÖ]+)?)[ \t]+\d{1,3}"
    r"(?:[A-Za-z](?![\wåäö]))?(?![\d:.,]\d)(?![\wåäö])(?![ \t]*[-–]?[ \t]*\d)"
)
UNUSUAL = 2.5  # wordfreq's Zipf scale: rarer than about one in three million words

# Words the pattern may take in before a street that are not part of its name.
NOT_STREET_WORDS = frozenset(
    """
    jag du han hon hen vi ni de dom bor bodde på i vid nära till från mot på adressen
    adress adr är e och o eller men att som det den här där vår min mitt hans hennes deras
    hos gatuadress gatuadressen vägen heter flyttat flyttade till ut uppe nere
    """.split()
)
# Three and two digits ("123 45", "12345") before a place name or after "postnummer".
POSTCODE = re.compile(
    r"(?<![\d-])(?:(?<=postnummer )|(?<=postnummer: )|(?<=postnr )|(?<=postnr: ))?"
    r"[1-9]\d{2}[ \t]?\d{2}(?![\d])"
)
NOT_POSTCODE_AFTER = re.compile(
    r"^\s*(?:kr|kronor|sek|:-|st|stycken|dagar|år|timmar|meter|m|km|kg|%)\b", re.IGNORECASE
)
POSTCODE_BEFORE = re.compile(r"(?:postnummer|postnr|post\s?nr)\s*:?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    kind: str  # a key of PLACEHOLDERS


@dataclass(frozen=True)
class Redacted:
    text: str  # with placeholders
    findings: tuple[Finding, ...]  # in the original text

    @property
    def changed(self) -> bool:
        return bool(self.findings)


@functools.lru_cache(maxsize=4096)
def redact(text: str) -> Redacted:
    """`text` with every piece of personal data replaced by its placeholder."""
    findings = find_personal_data(text)
    parts, position = [], 0
    for finding in findings:
        parts += [text[position : finding.start], PLACEHOLDERS[finding.kind]]
        position = finding.end
    return Redacted("".join(parts) + text[position:], tuple(findings))


def find_personal_data(text: str) -> list[Finding]:
    """Every piece of personal data in `text`, in order, none overlapping. Fixed shapes
    first: a phone number is not also read as a postcode and a name."""
    taken: list[Finding] = []
    # Placeholders already there (a stored message read back) stay as they are.
    kept = [match.span() for match in PLACEHOLDER.finditer(text)]

    def add(start: int, end: int, kind: str) -> None:
        spans = [*((f.start, f.end) for f in taken), *kept]
        if start < end and not any(
            start < other_end and other_start < end for other_start, other_end in spans
        ):
            taken.append(Finding(start, end, kind))

    for match in EMAIL.finditer(text):
        add(*match.span(), "epost")
    for match in LINK.finditer(text):
        # A full stop or bracket after a link ends the sentence, not the link.
        start, end = match.start(), match.start() + len(match.group().rstrip(".,!?;:)"))
        add(start, end, "lank")
    for match in HANDLE.finditer(text):
        add(*match.span(), "anvandarnamn")
    for match in PERSONNUMMER.finditer(text):
        if not _is_mobile_without_separator(match.group()):
            add(*match.span(), "personnummer")
    for match in PHONE.finditer(text):
        if not _public_number(match.group()):
            add(*match.span(), "telefon")
    for match in ADDRESS.finditer(text):
        add(*_address_span(text, *match.span()), "adress")
    for match in ADDRESS_AFTER_CUE.finditer(text):
        add(*match.span(1), "adress")
    for match in STREET_AND_NUMBER.finditer(text):
        if _unusual_street_name(match.group(1)):
            add(*match.span(), "adress")
    for match in POSTCODE.finditer(text):
        if _looks_like_postcode(text, *match.span()):
            add(*match.span(), "postnummer")
    # "Drottninggatan 63 11121": five digits right after a street address are its postcode.
    for finding in [f for f in taken if f.kind == "adress"]:
        after = re.match(r"[ \t,]*([1-9]\d{2}[ \t]?\d{2})(?!\d)", text[finding.end :])
        if after and not NOT_POSTCODE_AFTER.match(text[finding.end + after.end() :]):
            add(finding.end + after.start(1), finding.end + after.end(1), "postnummer")
    postcodes = [f for f in taken if f.kind == "postnummer"]
    for name in find_names(text):
        # "123 45 Åkersberga", "Tumba, 147 31": the word next to a postcode is its town.
        next_to_postcode = any(
            (f.end <= name.start and not text[f.end : name.start].strip(" \t,"))
            or (name.end <= f.start and not text[name.end : f.start].strip(" \t,"))
            for f in postcodes
        )
        if not next_to_postcode:
            add(name.start, name.end, "namn")
    return sorted(taken, key=lambda f: f.start)


def _address_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The street and number without the words before it that are not part of a street
    name ("bor på", "adressen är") and without punctuation after it."""
    while end > start and text[end - 1] in " \t,.":
        end -= 1
    while True:
        first = re.match(r"([\wåäöéü-]+)[ \t]+", text[start:end])
        if not first or first.group(1).lower() not in NOT_STREET_WORDS:
            return start, end
        start += first.end()


def _unusual_street_name(word: str) -> bool:
    from resursguiden.names import first_names, swedish_frequency

    lower = word.lower()
    return (
        lower not in _place_words()
        and lower not in first_names()
        and swedish_frequency(lower) < UNUSUAL
    )


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def _is_mobile_without_separator(number: str) -> bool:
    """ "0701234567" is a mobile number, though its digits could also be a date."""
    return bool(re.fullmatch(r"07\d{8}", number))


def _national(number: str) -> str:
    digits = _digits(number)
    for prefix in ("0046", "46"):
        if digits.startswith(prefix) and number.lstrip().startswith(("+", "00")):
            digits = "0" + digits[len(prefix) :].removeprefix("0")
    return digits


def _public_number(number: str) -> bool:
    national = _national(number)
    return national.startswith(NOT_PERSONAL_PREFIXES) or national in public_numbers()


def _looks_like_postcode(text: str, start: int, end: int) -> bool:
    if NOT_POSTCODE_AFTER.match(text[end:]) or _digits(text[start:end]) in public_numbers():
        return False  # "12500 kr", "114 14" (the police)
    if POSTCODE_BEFORE.search(text[:start]):
        return True
    # "147 31": three digits, a space, two digits is how postcodes are written (sums and
    # phone numbers are grouped otherwise).
    if re.fullmatch(r"\d{3}[ \t]\d{2}", text[start:end]):
        return True
    # "Luleå, 972 41": a town just before.
    preceding = re.search(r"([A-ZÅÄÖa-zåäö][\wåäö-]+)[ \t]*,?[ \t]*$", text[:start])
    if preceding and (
        preceding.group(1).lower() in _place_words() or preceding.group(1)[0].isupper()
    ):
        return True  # "i Tumba, 14731", "Luleå 97241"
    following = re.match(r"[ \t,]*([A-ZÅÄÖa-zåäö][\wåäö-]+)", text[end:])
    if not following:
        return False
    word = following.group(1)
    # "123 45 Malmö", "12345 stockholm": a town follows (capitalised, or one we know).
    return word[0].isupper() or word.lower() in _place_words()


@functools.cache
def _place_words() -> frozenset[str]:
    from resursguiden.places import place_names

    return frozenset(word.lower() for name in place_names() for word in name.split())


@functools.cache
def public_numbers() -> frozenset[str]:
    """The digits of every number the registry gives out (centres, lines, social services)."""
    from resursguiden.registry import default_registry

    return frozenset(_digits(phone.number) for _, phone in default_registry().all_phones())
