"""Where does the person live? Finds a Swedish municipality, county or Göteborg district
in what someone typed in a chat, so that routing can pick the right resource centre.

    resolve_place("jag är 15 och bor i Malmö").place        -> Place("12", "1280")
    resolve_place("hej jag bor i angered").place            -> Göteborg, district Nordost
    resolve_place("habbo", whole_answer=True).question      -> "Menar du Håbo (Uppsala län) ..."

A name is found in one of three ways, reported in `PlaceResolution.how`:
  exact  a form derived from registry/geo, in any case, with hyphens or spaces, with or
         without å/ä/ö: "Upplands-Bro", "lunds kommun", "Skånes län", "goteborg"
  alias  a short form or other name from registry/geo/place_names.yml: "Sthlm", "Götet"
  fuzzy  one typo (two in long names) away from a name: "stokholm", "uppsla"

Then rules from place_names.yml decide what counts. A name that is also an ordinary word
("Vara", "Mark") needs a place cue before it ("bor i", "från"), "kommun" after it, or must
be the whole answer to "Var bor du?". Some Göteborg districts ("Centrum", "Backa") count
only when the message names Göteborg too. A place after a residence cue ("bor i") wins
over other places; anything still ambiguous gets a question back instead of a guess.

All indexes are built once, at first use.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

import yaml
from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel, Levenshtein

from resursguiden.geography import (
    GEO_DIR,
    GOTEBORG_CODE,
    Geography,
    Place,
    load_geography,
    place_of_county,
    place_of_municipality,
)

NAMES_FILE = GEO_DIR / "place_names.yml"

EXACT, ALIAS, FUZZY = "exact", "alias", "fuzzy"
# Place cues, strongest first.
RESIDENCE, ORIGIN, ELSEWHERE = "residence", "origin", "elsewhere"
CUE_STRENGTH = (RESIDENCE, ORIGIN, ELSEWHERE)

# How far left of a name a cue may stand, counting the words between them.
MAX_CUE_DISTANCE = 6
# Aliases shorter than this are not read as typos ("Farsta": "första" is no place).
MIN_ALIAS_TYPO_TARGET = 9
# More equally close typo readings than this means the word is no place name.
MAX_FUZZY_OPTIONS = 3


def place_names() -> list[str]:
    """Every name of a place as written in registry/geo: municipalities, counties (short
    and full), Göteborg's districts with their old names, and the aliases in
    place_names.yml. For the `place` lookup table and the name finder."""
    geography = load_geography()
    names = {m.name for m in geography.municipalities.values()}
    names |= {c.short_name for c in geography.counties.values()}
    names |= {c.name for c in geography.counties.values()}
    for district in geography.districts.values():
        names.add(district.name)
        names.update(district.old_names)
    aliases = yaml.safe_load(NAMES_FILE.read_text(encoding="utf-8")).get("municipality_aliases", {})
    for forms in aliases.values():
        names.update(forms)
    return sorted(names, key=str.casefold)


@dataclass(frozen=True)
class PlaceResolution:
    place: Place | None  # set when exactly one place was understood
    matched_text: str | None  # the words of the message that named it
    how: str | None  # "exact" | "alias" | "fuzzy"
    options: tuple[Place, ...] = ()  # set (2+ places) when the answer is ambiguous
    question: str | None = None  # a short Swedish question back when ambiguous

    @property
    def is_ambiguous(self) -> bool:
        return len(self.options) > 1

    @property
    def found(self) -> bool:
        return self.place is not None


NOT_FOUND = PlaceResolution(place=None, matched_text=None, how=None)


# --- Spelling -----------------------------------------------------------------------


def _without_diacritics(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0]


# Every accented Latin letter to its base letter: å/ä/ö are optional when typing.
_LATIN = [chr(c) for c in range(0xC0, 0x250)]
_FOLD = str.maketrans(
    {c: _without_diacritics(c) for c in _LATIN if _without_diacritics(c) != c}
    | {"ø": "o", "æ": "a", "ß": "ss"}
)
# What people type: Norwegian/Danish keyboards give ø/æ for ö/ä; other accents are slips.
_SWEDISH_LETTERS = set("åäöé")
_TYPED = str.maketrans(
    {c: _without_diacritics(c) for c in _LATIN if c not in _SWEDISH_LETTERS and c.islower()}
    | {"ø": "ö", "æ": "ä"}
)
# Spellings without the Swedish letters, tried when a word is not found as typed.
_TRANSLITERATIONS = (("aa", "å"), ("ae", "ä"), ("oe", "ö"))

_WORD = re.compile(r"[^\W\d_]+")


def _fold(text: str) -> str:
    """Lowercase without diacritics: "Göteborg" -> "goteborg"."""
    return text.lower().translate(_FOLD)


def _spelling(name: str) -> str:
    """A name as the index writes it: lowercase, one space between words."""
    return " ".join(_WORD.findall(name.lower()))


def _spelled_alike(typed: str, spelling: str) -> bool:
    """Same letters, where a typed plain letter may stand for its å/ä/ö, but a typed
    å/ä/ö must be the name's own: "vasteras" is Västerås, "vårberg" is not Varberg."""
    if len(typed) != len(spelling):
        return False
    return all(t == s or t == s.translate(_FOLD) for t, s in zip(typed, spelling, strict=True))


def _transliterated(typed: str) -> str:
    """ "vaexjoe" -> "växjö"; only for text typed without any Swedish letters."""
    if not typed.isascii():
        return typed
    for ascii_form, letter in _TRANSLITERATIONS:
        typed = typed.replace(ascii_form, letter)
    return typed


@dataclass(frozen=True)
class _Token:
    text: str  # lowercase, as typed (ø -> ö)
    folded: str
    start: int
    end: int
    transliterated: str  # "vaexjoe" -> "växjö"; else the same as text


def _tokens(text: str) -> list[_Token]:
    """Words only: punctuation, digits and hyphens separate words ("Dals-Ed" = "dals ed")."""
    tokens = []
    for word in _WORD.finditer(text):
        typed = word.group().lower().translate(_TYPED)
        tokens.append(_Token(typed, _fold(typed), word.start(), word.end(), _transliterated(typed)))
    return tokens


# --- Index --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Form:
    """One way of writing one place (or, for an ambiguous name, several)."""

    spelling: str  # "upplands väsby", "lunds kommun"
    places: tuple[Place, ...]
    how: str  # EXACT or ALIAS
    # The ordinary words this form is also spelled as ("vara", "våra"): then it needs a cue.
    ordinary_words: frozenset[str] = frozenset()
    needs_goteborg_context: bool = False
    typo_target: bool = True  # "lunds kommun" is found through "lunds", not as a typo
    labels: tuple[str, ...] = ()  # for the question, when places are several

    @property
    def word_count(self) -> int:
        return self.spelling.count(" ") + 1

    def is_ordinary_word(self, typed: str) -> bool:
        """Typed as an ordinary word: as the word ("vara"), or the word without its
        å/ä/ö ("laxa" for "läxa")."""
        if typed in self.ordinary_words:
            return True
        return typed.isascii() and any(typed == _fold(w) for w in self.ordinary_words)


@dataclass(frozen=True)
class _Cues:
    residence: frozenset[str]
    origin: frozenset[str]
    elsewhere: frozenset[str]
    naming: frozenset[str]
    place_nouns: frozenset[str]
    between: frozenset[str]
    answer_words: frozenset[str]


@dataclass(frozen=True)
class _Index:
    forms_by_key: dict[str, tuple[_Form, ...]]  # by folded spelling
    # How many words the longest form has, by the folded first word: most words of a
    # message start no name at all and are passed over at once.
    longest_from: dict[str, int]
    cues: _Cues
    not_typos: frozenset[str]  # folded
    # Typo targets by (spelled with å/ä/ö?, word count, first letter, length).
    typo_targets: dict[tuple[bool, int, str, int], tuple[tuple[str, _Form], ...]]


def _genitive(name: str) -> str:
    return name if name[-1] in "sxz" else name + "s"


def _joined(name: str) -> str | None:
    """ "Upplands Väsby" -> "UpplandsVäsby": people drop the space or hyphen too."""
    joined = "".join(_WORD.findall(name))
    return joined if len(_WORD.findall(name)) > 1 else None


def _word_lists(data: dict) -> dict[str, frozenset[str]]:
    return {
        _spelling(name): frozenset(_spelling(w) for w in words)
        for name, words in data["word_like"].items()
    }


def _names_and_forms(name: str, place: Place, how: str, **extra) -> Iterator[_Form]:
    """A name and its form without spaces or hyphens."""
    yield _Form(_spelling(name), (place,), how, **extra)
    joined = _joined(name)
    if joined:
        yield _Form(_spelling(joined), (place,), how, **extra)


def _municipality_forms(geo: Geography, words: dict[str, frozenset[str]]) -> Iterator[_Form]:
    for municipality in geo.municipalities.values():
        place = Place(municipality.county_code, municipality.code)
        name = municipality.name
        ordinary = words.get(_spelling(name), frozenset())
        yield from _names_and_forms(name, place, EXACT, ordinary_words=ordinary)
        if not ordinary:  # "Lunds" alone is as weak as "Lund"
            yield _Form(_spelling(_genitive(name)), (place,), EXACT, typo_target=False)
        suffixed = {
            municipality.official_name,
            municipality.csv_long_name,  # sometimes wrong ("Faluns kommun"), typed all the same
            f"{name} kommun",
            f"{_genitive(name)} kommun",
        }
        for spelling in sorted(suffixed):
            yield _Form(_spelling(spelling), (place,), EXACT, typo_target=False)


def _county_place(geo: Geography, county_code: str) -> Place:
    """Gotlands län is Region Gotland, one municipality: the municipality is the place."""
    municipalities = geo.municipalities_in(county_code)
    if len(municipalities) == 1:
        return Place(county_code, municipalities[0].code)
    return Place(county_code)


def _county_forms(geo: Geography) -> Iterator[_Form]:
    for county in geo.counties.values():
        place = _county_place(geo, county.code)
        short = county.short_name
        # "Stockholm" is the city, "Stockholms län" the county.
        if geo.municipality_by_name(short) is None:
            yield from _names_and_forms(short, place, EXACT)
            yield _Form(_spelling(_genitive(short)), (place,), EXACT, typo_target=False)
        suffixed = {
            county.name,
            f"{short} län",
            f"{_genitive(short)} län",
            f"Region {short}",
            f"Region {county.name}",  # official for Jönköping, Kalmar, Örebro
        }
        for spelling in sorted(suffixed):
            yield _Form(_spelling(spelling), (place,), EXACT, typo_target=False)


def _district_forms(
    geo: Geography, data: dict, words: dict[str, frozenset[str]]
) -> Iterator[_Form]:
    goteborg = geo.municipalities[GOTEBORG_CODE]
    rules = data["goteborg"]
    need_context = {_spelling(n) for n in rules["need_goteborg_context"]}
    ambiguous = {_spelling(n) for n in data["ambiguous_names"]}
    for district in geo.districts.values():
        place = Place(goteborg.county_code, goteborg.code, district.name)
        more = rules["more_names"].get(district.name, [])
        for name in (district.name, *district.old_names, *more):
            if _spelling(name) in ambiguous:  # e.g. Älvsborg: asked about, not assumed
                continue
            context = _spelling(name) in need_context
            ordinary = words.get(_spelling(name), frozenset())
            yield from _names_and_forms(
                name, place, EXACT, needs_goteborg_context=context, ordinary_words=ordinary
            )


def _alias_forms(geo: Geography, data: dict, words: dict[str, frozenset[str]]) -> Iterator[_Form]:
    targets = [
        *((place_of_municipality(n), names) for n, names in data["municipality_aliases"].items()),
        *((place_of_municipality(n), [seat]) for n, seat in data["municipality_seats"].items()),
        *(
            (_county_place(geo, place_of_county(n).county_code), names)
            for n, names in data["county_aliases"].items()
        ),
    ]
    for place, names in targets:
        for name in names:
            ordinary = words.get(_spelling(name), frozenset())
            # Short forms and suburbs are typed as they are; their typos would mostly
            # be other words ("första" is one letter from Farsta).
            typo_target = len(name) >= MIN_ALIAS_TYPO_TARGET
            yield from _names_and_forms(
                name, place, ALIAS, ordinary_words=ordinary, typo_target=typo_target
            )
    for name, options in data["ambiguous_names"].items():
        places = tuple(_place_of_option(geo, option) for option in options)
        labels = tuple(
            option.get("label") or _label(p, geo, with_county=True)
            for option, p in zip(options, places, strict=True)
        )
        ordinary = words.get(_spelling(name), frozenset())
        yield _Form(_spelling(name), places, ALIAS, ordinary_words=ordinary, labels=labels)


def _place_of_option(geo: Geography, option: dict) -> Place:
    if "municipality" in option:
        return place_of_municipality(option["municipality"])
    if "county" in option:
        return _county_place(geo, place_of_county(option["county"]).county_code)
    goteborg = geo.municipalities[GOTEBORG_CODE]
    return Place(goteborg.county_code, goteborg.code, option["district"])


def _cues(data: dict) -> _Cues:
    def folded(words: Iterable[str]) -> frozenset[str]:
        return frozenset(_fold(w) for w in words)

    cues = data["cues"]
    residence, origin = folded(cues["residence"]), folded(cues["origin"])
    elsewhere, naming = folded(cues["elsewhere"]), folded(cues["naming"])
    between = folded(cues["between"])
    return _Cues(
        residence=residence,
        origin=origin,
        elsewhere=elsewhere,
        naming=naming,
        place_nouns=folded(cues["place_nouns"]),
        between=between,
        answer_words=(
            folded(data["answer_words"]) | residence | origin | elsewhere | naming | between
        ),
    )


def _typo_targets(forms: Iterable[_Form]) -> dict[tuple[bool, int, str, int], tuple]:
    buckets: dict[tuple[bool, int, str, int], list[tuple[str, _Form]]] = {}
    for form in forms:
        if not form.typo_target:
            continue
        for with_letters, spelling in ((True, form.spelling), (False, _fold(form.spelling))):
            key = (with_letters, form.word_count, spelling[0], len(spelling))
            buckets.setdefault(key, []).append((spelling, form))
    return {key: tuple(dict.fromkeys(entries)) for key, entries in buckets.items()}


def _longest_from(forms: Iterable[_Form]) -> dict[str, int]:
    longest: dict[str, int] = {}
    for form in forms:
        first = _fold(form.spelling.split(" ", 1)[0])
        longest[first] = max(longest.get(first, 0), form.word_count)
    return longest


@cache
def _index() -> _Index:
    geo = load_geography()
    data = yaml.safe_load(NAMES_FILE.read_text(encoding="utf-8"))
    words = _word_lists(data)
    forms: list[_Form] = [
        *_municipality_forms(geo, words),
        *_county_forms(geo),
        *_district_forms(geo, data, words),
        *_alias_forms(geo, data, words),
    ]
    by_key: dict[str, list[_Form]] = {}
    for form in forms:
        same_key = by_key.setdefault(_fold(form.spelling), [])
        if form not in same_key:
            same_key.append(form)
    return _Index(
        forms_by_key={key: tuple(f) for key, f in by_key.items()},
        longest_from=_longest_from(forms),
        cues=_cues(data),
        not_typos=frozenset(_fold(w) for w in data["not_typos"] or ()),
        typo_targets=_typo_targets(forms),
    )


@cache
def _typo_candidates(
    with_letters: bool, words: int, first: str, length: int, typos: int
) -> tuple[tuple[str, ...], tuple[_Form, ...]]:
    """The typo targets that could be `typos` edits from a query: same first letter,
    length within reach. Cached so rapidfuzz gets the same tuple every time."""
    buckets = _index().typo_targets
    entries = [
        entry
        for size in range(length - typos, length + typos + 1)
        for entry in buckets.get((with_letters, words, first, size), ())
    ]
    return tuple(spelling for spelling, _ in entries), tuple(form for _, form in entries)


# --- Finding names in a message -----------------------------------------------------


@dataclass(frozen=True)
class _Match:
    start: int  # token positions
    end: int
    places: tuple[Place, ...]
    how: str
    word_like: bool  # needs a cue or a whole answer to count
    needs_goteborg_context: bool
    labels: tuple[str, ...] = ()
    cue: str | None = None


def _match_of(forms: list[_Form], start: int, end: int, how: str, word_like: bool) -> _Match:
    places = tuple(dict.fromkeys(p for form in forms for p in form.places))
    labels = forms[0].labels if len(forms) == 1 else ()
    return _Match(
        start=start,
        end=end,
        places=places,
        how=how,
        word_like=word_like,
        needs_goteborg_context=all(f.needs_goteborg_context for f in forms),
        labels=labels,
    )


def _exact_match_at(tokens: list[_Token], start: int, index: _Index) -> _Match | None:
    """The longest name starting at `start`, spelled as typed or transliterated."""
    first = tokens[start]
    longest = max(
        index.longest_from.get(first.folded, 0),
        index.longest_from.get(_fold(first.transliterated), 0),
    )
    for end in range(min(len(tokens), start + longest), start, -1):
        words = tokens[start:end]
        typed = " ".join(t.text for t in words)
        for spelled in dict.fromkeys((typed, " ".join(t.transliterated for t in words))):
            forms = index.forms_by_key.get(_fold(spelled), ())
            alike = [f for f in forms if _spelled_alike(spelled, f.spelling)]
            if not alike:
                continue
            # "habo" is Habo, "håbo" Håbo: the exact spelling wins over the folded one.
            chosen = [f for f in alike if f.spelling == spelled] or alike
            how = EXACT if any(f.how == EXACT for f in chosen) else ALIAS
            word_like = all(f.is_ordinary_word(spelled) for f in chosen)
            return _match_of(chosen, start, end, how, word_like)
    return None


def _allowed_typos(length: int, lenient: bool) -> int:
    """Strict on purpose: free text is full of words a typo away from a name ("kallar",
    "dagarna"). After a cue or as a whole answer, shorter names may be typos too."""
    if lenient:
        return 2 if length >= 9 else 1 if length >= 5 else 0
    return 2 if length >= 11 else 1 if length >= 7 else 0


def _plausible_typo(query: str, name: str, distance: int) -> bool:
    """Beyond what free text allows, only missing, doubled or swapped letters: a changed
    letter turns too many short words into names ("säger" -> Säter, "skapa" -> Skara)."""
    if distance <= _allowed_typos(len(query.replace(" ", "")), lenient=False):
        return True
    return Levenshtein.distance(query, name) == Indel.distance(query, name)


def _fuzzy_match_at(
    tokens: list[_Token], start: int, index: _Index, lenient: bool
) -> _Match | None:
    """A name one or two typos from the words at `start` ("stokholm", "lila edet").
    lenient: after a cue or as a whole answer, where shorter names may be typos too."""
    for end in (start + 2, start + 1):  # two-word names first
        words = tokens[start:end]
        if end > len(tokens) or not _allowed_typos(sum(len(w.text) for w in words), lenient):
            continue
        # Cue and filler words are no typos, but may begin a name ("Västra Götland").
        if any(w.folded in index.not_typos for w in words) or all(
            w.folded in index.cues.answer_words for w in words
        ):
            continue
        typed = " ".join(w.transliterated for w in words)
        with_letters = not typed.isascii()  # then compare with the names' own å/ä/ö
        query = typed if with_letters else _fold(typed)
        closest = _closest_names(query, end - start, with_letters, lenient)
        if closest and len({p for f in closest for p in f.places}) <= MAX_FUZZY_OPTIONS:
            word_like = all(f.ordinary_words for f in closest)
            return _match_of(closest, start, end, FUZZY, word_like)
    return None


def _closest_names(query: str, words: int, with_letters: bool, lenient: bool) -> list[_Form]:
    typos = _allowed_typos(len(query.replace(" ", "")), lenient)
    if typos == 0:
        return []
    choices, forms = _typo_candidates(with_letters, words, query[0], len(query), typos)
    found = process.extract(query, choices, scorer=OSA.distance, score_cutoff=typos, limit=None)
    # Names of three or four letters ("Orsa", "Flen") are a typo of too many words
    # ("orsak", "flera"), except after a cue or as a whole answer.
    min_length = 4 if lenient else 5
    found = [
        (distance, forms[i])
        for name, distance, i in found
        if len(name.replace(" ", "")) >= min_length and _plausible_typo(query, name, distance)
    ]
    if not found:
        return []
    best = min(distance for distance, _ in found)
    return [form for distance, form in found if distance == best]


def _cue_before(tokens: list[_Token], start: int, cues: _Cues) -> str | None:
    """RESIDENCE for "bor i Vara", "jag bor i en by utanför Mora"; ORIGIN for "kommer från
    Mark"; ELSEWHERE for "pluggar i Lund", "orten heter Mora"; None for "jag vill vara
    ifred"."""
    named = False
    for position in range(start - 1, max(start - 1 - MAX_CUE_DISTANCE, -1), -1):
        word = tokens[position].folded
        if word in cues.residence:
            return RESIDENCE
        if word in cues.origin:
            return ORIGIN
        if word in cues.elsewhere:
            return ELSEWHERE
        if word == "till" and _after_a_move(tokens, position, cues):
            return RESIDENCE  # "flyttade från Malmö till Lund": Lund is home now
        if word in cues.naming and _after_place_noun(tokens, position, cues):
            named = True
            continue
        if word not in cues.between:
            break
    return ELSEWHERE if named else None


def _after_a_move(tokens: list[_Token], position: int, cues: _Cues) -> bool:
    before = [t.folded for t in tokens[max(position - MAX_CUE_DISTANCE, 0) : position]]
    return any(word.startswith("flytta") and word in cues.residence for word in before)


def _after_place_noun(tokens: list[_Token], position: int, cues: _Cues) -> bool:
    before = [t.folded for t in tokens[max(position - 2, 0) : position]]
    return any(word in cues.place_nouns for word in before)


def _only_names_and_answer_words(tokens: list[_Token], matches: list[_Match], cues: _Cues) -> bool:
    """ "i Vara", "jag bor i Mark typ": nothing else that could be the answer."""
    named = {i for m in matches for i in range(m.start, m.end)}
    return all(t.folded in cues.answer_words for i, t in enumerate(tokens) if i not in named)


def _find_matches(tokens: list[_Token], index: _Index, whole_answer: bool) -> list[_Match]:
    # A short answer ("i Stokholm", "Habbo typ") is a place name: typos may be shorter too.
    short_answer = (
        whole_answer and sum(t.folded not in index.cues.answer_words for t in tokens) <= 2
    )
    matches = []
    position = 0
    while position < len(tokens):
        cue = _cue_before(tokens, position, index.cues)
        lenient = short_answer or cue is not None
        match = _exact_match_at(tokens, position, index) or _fuzzy_match_at(
            tokens, position, index, lenient
        )
        if match is None:
            position += 1
            continue
        matches.append(replace(match, cue=cue))
        position = match.end
    return matches


# --- Deciding -----------------------------------------------------------------------


def _refines(finer: Place, coarser: Place) -> bool:
    """A district refines its municipality; a municipality (or district) its county."""
    if coarser.municipality_code is None:
        return finer.county_code == coarser.county_code and finer.municipality_code is not None
    return (
        coarser.district is None
        and finer.municipality_code == coarser.municipality_code
        and finer.district is not None
    )


def _that_count(matches: list[_Match], tokens: list[_Token], index: _Index, whole_answer: bool):
    """Drops word-like names without a cue (a whole answer counts as one) and Göteborg
    districts without Göteborg. A typo of a word-like name never counts: it is as
    likely a typo of the word ("varma", "samla")."""
    counting = [
        m
        for m in matches
        if not m.word_like
        or (m.how != FUZZY and m.cue is not None)
        or (
            m.how != FUZZY
            and whole_answer
            and _only_names_and_answer_words(tokens, matches, index.cues)
        )
    ]
    names_goteborg = any(
        not m.needs_goteborg_context and all(p.municipality_code == GOTEBORG_CODE for p in m.places)
        for m in counting
    )
    return [m for m in counting if names_goteborg or not m.needs_goteborg_context]


def _narrowed(match: _Match, settled: list[Place]) -> _Match:
    """An ambiguous name settled by another place in the message: "Älvsborg i Göteborg"
    keeps the Göteborg district; "Småland, Växjö" keeps Kronobergs län."""
    for fits in (
        lambda p: any(_refines(p, s) or p == s for s in settled),
        lambda p: any(_refines(s, p) for s in settled),
    ):
        fitting = tuple(p for p in match.places if fits(p))
        if fitting:
            labels = tuple(
                label for p, label in zip(match.places, match.labels, strict=False) if p in fitting
            )
            return replace(match, places=fitting, labels=labels if match.labels else ())
    return match


def _stronger_cue(a: str | None, b: str | None) -> str | None:
    return next((cue for cue in CUE_STRENGTH if cue in (a, b)), None)


def _same_or_nested(a: _Match, b: _Match) -> bool:
    if len(a.places) > 1 or len(b.places) > 1:
        return False
    return (
        a.places == b.places
        or _refines(a.places[0], b.places[0])
        or _refines(b.places[0], a.places[0])
    )


def _merged(matches: list[_Match]) -> list[_Match]:
    """One match per place: "Göteborg ... Hisingen" is Hisingen, "Lund i Skåne" is Lund;
    the finer match keeps the stronger of both cues."""
    settled = [m.places[0] for m in matches if len(m.places) == 1]
    kept: list[_Match] = []
    for match in (_narrowed(m, settled) if len(m.places) > 1 else m for m in matches):
        same = next((i for i, other in enumerate(kept) if _same_or_nested(match, other)), None)
        if same is None:
            kept.append(match)
            continue
        other = kept[same]
        finer = match if _refines(match.places[0], other.places[0]) else other
        kept[same] = replace(finer, cue=_stronger_cue(match.cue, other.cue))
    return kept


def _label(place: Place, geo: Geography, with_county: bool) -> str:
    if place.district:
        return f"Göteborg ({place.district})"
    if place.municipality_code is None:
        return geo.counties[place.county_code].name
    name = geo.municipalities[place.municipality_code].name
    return f"{name} ({geo.counties[place.county_code].name})" if with_county else name


def _one_of(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " eller " + labels[-1]


def _text_of(match: _Match, tokens: list[_Token], text: str) -> str:
    return text[tokens[match.start].start : tokens[match.end - 1].end]


def _decision(matches: list[_Match], tokens: list[_Token], text: str) -> PlaceResolution:
    # "jag bor i Malmö men pluggar i Lund": where the person lives is what we asked.
    for cue in (RESIDENCE, ORIGIN):
        cued = [m for m in matches if m.cue == cue]
        if cued:
            matches = cued
            break
    if not matches:
        return NOT_FOUND
    geo = load_geography()
    if len(matches) == 1:
        match = matches[0]
        matched_text = _text_of(match, tokens, text)
        if len(match.places) == 1:
            return PlaceResolution(match.places[0], matched_text, match.how)
        labels = list(match.labels) or [_label(p, geo, with_county=True) for p in match.places]
        question = f"Menar du {_one_of(labels)}?"
        return PlaceResolution(None, matched_text, match.how, match.places, question)
    places = tuple(dict.fromkeys(p for m in matches for p in m.places))
    labels = [_label(p, geo, with_county=False) for p in places]
    if len({_fold(label) for label in labels}) < len(labels):  # Håbo and Habo need counties
        labels = [_label(p, geo, with_county=True) for p in places]
    matched_text = ", ".join(_text_of(m, tokens, text) for m in matches)
    question = f"Bor du i {_one_of(labels)}?"
    return PlaceResolution(None, matched_text, None, places, question)


def resolve_place(text: str, *, whole_answer: bool = False) -> PlaceResolution:
    """The place named in `text`, or a question when it could be more than one.

    whole_answer: the text is the whole answer to "Var bor du?", so a name that is also
    an ordinary word ("Vara", "Mark") counts without a cue before it.
    """
    index = _index()
    tokens = _tokens(text)
    matches = _find_matches(tokens, index, whole_answer)
    matches = _merged(_that_count(matches, tokens, index, whole_answer))
    return _decision(matches, tokens, text)
