"""Person names in a Swedish message, so that they can be removed before it is stored.

Three sources, because none alone finds the names people write in a chat:
- the spaCy pipeline's named-entity recogniser (PER);
- patterns of this domain: the word after "jag heter", "mitt namn är", "hon heter"; a
  word after a relation ("min pappa Ahmed", "min mamma fatma", "eleven Sara") or before
  one ("Selin min syrra");
- capitals: a capitalised word inside a sentence, or a proper noun starting one, that is
  not a known place, month, organisation or relation word ("lyssnar på Ibbe");
- first names written in lower case, as young people write them: a known first name
  (gender-guesser's dictionary of some 40,000 names and resursguiden/data/
  extra_first_names.txt) that is rare as a Swedish word (wordfreq's frequencies), and,
  where a name is expected ("min kompis rojin", "jag e ali", "hej lina"), a known first
  name that is not a common Swedish word, or a word Swedish does not know at all.

A missed name is worse than a word removed by mistake, so all three are joined.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

from resursguiden.places import place_names
from resursguiden.roles import ROLE_WORDS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DEFAULT_SPACY_MODEL = "sv_resursguiden_sm"
EXTRA_FIRST_NAMES = Path(__file__).parent / "data" / "extra_first_names.txt"

# After these, the next word is a name whatever its case ("jag heter sara").
NAMING_PHRASES = (
    ("heter",),  # "jag heter", "ja heter", "eleven heter", "hon heter"
    ("hette",),
    ("mitt", "namn", "är"),
    ("hans", "namn", "är"),
    ("hennes", "namn", "är"),
    ("namnet", "är"),
    ("kalla", "mig"),
    ("kalla", "mej"),
    ("kallar", "mig"),
    ("kallar", "mej"),
    ("kallas", "för"),
)
# A name signs a message off: "mvh Gunnar Holm", "/jonas", "// Sara".
SIGN_OFFS = _words("mvh hälsningar hälsning vänliga / //")
# After "min/mitt/mina/hans/hennes" + one of these comes a name, if the next word is
# capitalised or tagged as a noun ("min pappa Ahmed", "min mamma fatma").
RELATIONS = _words("""
    pappa mamma farsa morsa far mor förälder styvpappa styvmamma bror brorsa syster
    syrra storebror lillebror storasyster lillasyster kusin farbror morbror faster moster
    farfar farmor morfar mormor släkting man make fru kille tjej pojkvän flickvän
    fästman fästmö kompis vän väninna bästis granne klasskompis son dotter barn
    elev klient patient brukare kollega lärare mentor chef
    barnbarn brorsor bröder systrar syskon kusiner föräldrar sambo exman exfru ex svåger
    svägerska svärmor svärfar brorsdotter systerdotter brorson systerson kurator
    """)
POSSESSIVES = _words("min mitt mina sin sitt sina vår vårt hans hennes deras")
# "eleven Sara", "tjejen Amina"
DEFINITE_RELATIONS = _words(
    "eleven patienten klienten tjejen killen flickan pojken brorsan syrran farsan morsan kusinen"
)
# Word classes a lower-case name after a relation gets from the tagger.
NAME_POS = _words("PROPN NOUN ADJ X")
# Capitalised words ending so are schools, churches, associations: "Rosengårdsskolan".
INSTITUTION_ENDINGS = (
    "skolan",
    "skola",
    "gymnasiet",
    "kyrkan",
    "moskén",
    "föreningen",
    "centrum",
    "kommun",
    "huset",
    "jouren",
    "grupp",
    "sjukhus",
    "barnsjukhus",
)
# After these, a capitalised word starts a sentence and says nothing.
SENTENCE_STARTS = _words('. ! ? : ; – - — " ” ( ...')
# Capitalised words that are not names: months, days, organisations people mention.
NOT_NAME_CAPITALS = _words("""
    januari februari mars april maj juni juli augusti september oktober november december
    måndag tisdag onsdag torsdag fredag lördag söndag jul påsk midsommar ramadan eid
    gud allah sverige svenska svensk engelska arabiska
    socialtjänsten soc polisen skolan bris origo kvinnofridslinjen länsstyrelsen
    skolverket ungdomsmottagningen fryshuset snapchat snap instagram tiktok whatsapp
    google facebook youtube linkedin twitter telegram discord signal messenger
    windows android iphone samsung playstation xbox fifa netflix spotify roblox minecraft
    syrien irak iran somalia afghanistan turkiet eritrea etiopien bosnien kosovo serbien
    libanon pakistan marocko egypten jordanien palestina kurdistan indien bangladesh
    norge danmark finland island tyskland polen ryssland tjetjenien ukraina rumänien
    bulgarien grekland albanien makedonien nordmakedonien montenegro kroatien slovenien
    frankrike spanien italien holland nederländerna belgien storbritannien england
    england usa amerika kanada kina vietnam thailand filippinerna indonesien jemen
    saudiarabien kuwait qatar emiraten dubai oman sudan sydsudan libyen tunisien algeriet
    nigeria ghana kenya uganda gambia senegal kongo burundi rwanda tanzania djibouti
    georgien armenien azerbajdzjan tadzjikistan uzbekistan kazakstan europa afrika
    asien mellanöstern norden region väst öst syd nord västerort söderort
    bagdad erbil mosul kirkuk basra duhok sulaymaniyah kabul herat mazar mogadishu
    hargeisa asmara istanbul ankara izmir damaskus aleppo beirut amman kairo teheran
    islamabad lahore karachi tirana pristina sarajevo belgrad
    migrationsverket försäkringskassan skatteverket arbetsförmedlingen kronofogden
    polismyndigheten åklagaren åklagarmyndigheten tingsrätten domstolen
    socialstyrelsen kommunen regionen vården sjukhuset vårdcentralen bup elevhälsan
    ivo ud utrikesdepartementet jourhavande röda korset rädda barnen unicef mvh komvux
    öland gotland järva omg
    """)
# Words that follow "jag heter" or a relation ("min bror ringer") without being a name.
NOT_NAMES = _words("""
    inte int typ egentligen faktiskt bara också nog kanske ju väl alltså asså liksom btw
    och eller men att som är var det den en ett i på till från med me o e för om
    jag ja du han hon hen vi ni de dom mig mej dig dej honom henne oss er dem hej tjena
    heter hette min mitt mina sin sitt sina vår vårt hans hennes deras
    sa säger ringer ringde har hade kan kunde ska skulle vill ville får fick kom kommer
    gick går tog tar slog slår hotar hotade bor bodde jobbar vet visste tycker tror blev
    blir sitter står kollar läser skriver skrev bestämmer säga idag igår nu alltid aldrig
    här där gay
    """)
HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


@dataclass(frozen=True)
class NameSpan:
    start: int  # character offsets in the text
    end: int
    text: str
    source: str  # what found it: "ner", "pattern", "capitals", or several joined by "+"


def find_names(text: str) -> list[NameSpan]:
    """Every person name found in the text, in order, overlapping finds merged."""
    doc = pipeline()(text)
    spans = [_trimmed(ent) for ent in doc.ents if ent.label_ == "PER"]
    spans = [span for span in spans if span is not None]
    spans += _pattern_names(doc)
    spans += _capitalised_names(doc)
    spans += _lower_case_first_names(doc)
    return _merged(
        [span for span in spans if not _common_word_starting_a_sentence(doc, span)], text
    )


def _common_word_starting_a_sentence(doc, span: NameSpan) -> bool:
    """ "Kontakta mig …", "Flickan heter …", "Kurator här.": a capital that only says a
    sentence starts, on a Swedish word that is no first name. The recogniser and the
    capitals rule take these for names; the patterns do not."""
    if span.source not in ("ner", "capitals", "capitals+ner"):
        return False
    tokens = [t for t in doc if span.start <= t.idx < span.end]
    if len(tokens) != 1:
        return False
    token = tokens[0]
    starts_sentence = token.i == 0 or doc[token.i - 1].text in SENTENCE_STARTS
    word = token.lower_
    return starts_sentence and word not in first_names() and swedish_frequency(word) >= UNKNOWN


# How common a word is in Swedish (wordfreq's Zipf scale: 6 is "och"-common, 3 is once
# per million words, 0 unknown). A known first name under RARE is taken for a name
# anywhere; where a name is expected, under COMMON ("ali", "lina", "noah"); after a
# relation ("min kompis rojin") also a word Swedish does not know, under UNKNOWN.
RARE = 3.0
COMMON = 4.5
UNKNOWN = 2.0
# Where a name is expected after these words ("jag e ali", "pratar med mohammed").
NAME_EXPECTED_AFTER = (
    ("jag", "e"), ("jag", "är"), ("ja", "e"), ("ja", "är"), ("de", "e"), ("det", "är"),
    ("det", "e"), ("de", "är"), ("detta", "e"), ("detta", "är"), ("ring",), ("till",),
    ("med",), ("hej",), ("hejsan",), ("tjena",), ("hallå",), ("och",), ("o",),
)  # fmt: skip


def _lower_case_first_names(doc) -> list[NameSpan]:
    words = [token.lower_ for token in doc]
    found = []
    for i, token in enumerate(doc):
        if not token.is_alpha or not token.text.islower() or len(token) < 3:
            continue
        word = token.lower_
        if word in not_name_words() or _is_place_genitive(word):
            continue
        expected = any(tuple(words[max(0, i - len(p)) : i]) == p for p in NAME_EXPECTED_AFTER)
        frequency = swedish_frequency(word)
        if word in first_names() and frequency < (COMMON if expected else RARE):
            found.append(NameSpan(token.idx, token.idx + len(token), token.text, "first names"))
    return found


def _rare_first_name(word: str) -> bool:
    """A known first name that is rare as a Swedish word: a name wherever it stands."""
    return word in first_names() and word not in not_name_words() and swedish_frequency(word) < RARE


def _likely_lower_case_name(word: str) -> bool:
    """Where a name is expected: a known first name that is not a common Swedish word, or
    a word Swedish does not know."""
    frequency = swedish_frequency(word)
    return (word in first_names() and frequency < COMMON) or frequency < UNKNOWN


@functools.cache
def first_names() -> frozenset[str]:
    """Lower-cased first names: gender-guesser's dictionary and this project's list."""
    import gender_guesser.detector

    names = set()
    dictionary = Path(gender_guesser.detector.__file__).parent / "data" / "nam_dict.txt"
    for line in dictionary.read_text(encoding="iso-8859-1").splitlines():
        if not line.startswith("#"):
            names.update(w for w in re.split(r"[\s+-]+", line[3:29].lower()) if len(w) > 1)
    for line in EXTRA_FIRST_NAMES.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            names.update(line.split())
    return frozenset(names)


@functools.cache
def swedish_frequency(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "sv")


def _pattern_names(doc) -> list[NameSpan]:
    words = [token.lower_ for token in doc]
    found = []
    for i in range(len(doc)):
        for phrase in NAMING_PHRASES:
            if tuple(words[i : i + len(phrase)]) == phrase:
                first = i + len(phrase)
                if words[first : first + 1] in (["typ"], ["bara"], ["väl"], ["faktiskt"]):
                    first += 1  # "hon heter typ jasmin"
                if words[first : first + 1] in (["ja"], ["jag"]):
                    first += 1  # "så heter ja Sanna"
                if first < len(doc) and (
                    (
                        _may_be_name(doc[first], any_case=True)
                        and words[first] not in not_name_words()  # "heter killen"
                    )
                    or _capitalised_name(doc[first])
                ):
                    found.append(_name_from(doc, first))
        first = None
        if words[i] in POSSESSIVES and words[i + 1 : i + 2] and words[i + 1] in RELATIONS:
            first = i + 2  # "min pappa Ahmed", "min lillasyster Amina"
        elif words[i] in DEFINITE_RELATIONS:
            first = i + 1  # "eleven Sara", "brorsan mustafa"
        if (
            first is not None
            and first < len(doc)
            and (_may_be_name(doc[first], any_case=False) or _capitalised_name(doc[first]))
        ):
            found.append(_name_from(doc, first))
        # "mvh Gunnar Holm", "/jonas" at the end, "hej, mehmet här" at the start.
        if (
            words[i] in SIGN_OFFS
            and i + 1 < len(doc)
            and _may_be_name(doc[i + 1], any_case=True)
            and (words[i] not in ("/", "//") or i + 3 >= len(doc))  # "/" only at the end
        ):
            found.append(_name_from(doc, i + 1))
        signed = re.fullmatch(r"/{1,2}([^\W\d_]{2,})", doc[i].text)
        if signed and i + 4 >= len(doc) and signed.group(1).lower() not in NOT_NAMES:
            start = doc[i].idx + doc[i].text.index(signed.group(1))
            found.append(NameSpan(start, start + len(signed.group(1)), signed.group(1), "pattern"))
        if (
            words[i + 1 : i + 2] == ["här"]
            and (i == 0 or words[i - 1] in (",", "hej", "hallå", "tjena", "hejsan"))
            and (_capitalised_name(doc[i]) or _likely_lower_case_name(words[i]))
            and words[i] not in not_name_words()
        ):
            found.append(_name_from(doc, i))
        # "Selin min syrra", "Elif min bästa vän": a name before a relation.
        after = words[i + 1 : i + 4]
        if (
            after[:1]
            and after[0] in POSSESSIVES
            and any(word in RELATIONS for word in after[1:])
            # lower case only where a sentence starts: "ardit min bror", not "för min bror"
            and (
                _may_be_name(doc[i], any_case=i == 0 or not doc[i - 1].is_alpha)
                or _rare_first_name(words[i])  # "asså emma min bästis"
            )
        ):
            found.append(_name_from(doc, i))
    return found


def _may_be_name(token, any_case: bool) -> bool:
    if not token.is_alpha or token.lower_ in NOT_NAMES or len(token) < 2:
        return False
    if any_case or token.text[0].isupper():
        return True
    # Lower case after a relation: "min mamma fatma", "min kompis rojin", not "min pappa
    # slog" or "min bror idag".
    word = token.lower_
    if word in not_name_words():
        return False
    return _likely_lower_case_name(word) or (
        token.pos_ in NAME_POS and swedish_frequency(word) < COMMON
    )


def _trimmed(entity) -> NameSpan | None:
    """The recogniser's span without the small words it sometimes takes in ("o Mo")."""
    tokens = [t for t in entity if t.lower_ not in NOT_NAMES and t.lower_ not in NOT_NAME_CAPITALS]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return NameSpan(start, end, entity.doc.text[start:end], "ner")


def _capitalised_names(doc) -> list[NameSpan]:
    found = []
    for token in doc:
        text = token.text
        if (
            not _is_word(token)
            or len(text) < 2
            or not text[0].isupper()
            or text.split("-")[0].isupper()  # BRIS, UD, HVB-hem: acronyms are organisations
            or token.lower_ in not_name_words()
            or _is_place_genitive(token.lower_)
            or token.lower_.endswith(INSTITUTION_ENDINGS)
        ):
            continue
        starts_sentence = token.i == 0 or doc[token.i - 1].text in SENTENCE_STARTS
        if starts_sentence and token.pos_ != "PROPN":
            continue
        found.append(NameSpan(token.idx, token.idx + len(text), text, "capitals"))
    return found


def _capitalised_name(token) -> bool:
    """A capitalised word where a name is expected is one, even "Mina" or "Hans"."""
    return token.is_alpha and token.text[0].isupper() and not token.text.isupper()


def _is_word(token) -> bool:
    """Letters, or letters joined by hyphens ("Al-Jabouri", "Lars-Erik")."""
    return token.is_alpha or bool(HYPHENATED.fullmatch(token.text))


def _is_place_genitive(word: str) -> bool:
    """ "Hässleholms", "Göteborgs": a place's genitive is no name."""
    return word.endswith("s") and word[:-1] in not_name_words()


def _name_from(doc, first: int) -> NameSpan:
    # Capitalised words right after are the surname: "Sara Ali", "Nour Al-Jabouri".
    last = first
    while last + 1 < len(doc) and last - first < 3:
        following = doc[last + 1]
        if following.text.isupper():  # "JAG HETER AMINA O HAN SLOG": capitals say nothing
            break
        if _is_word(following) and following.text[0].isupper():
            last += 1
        elif (
            following.text == "-"
            and not doc[last].whitespace_
            and last + 2 < len(doc)
            and doc[last + 2].is_alpha
            and doc[last + 2].text[0].isupper()
        ):
            last += 2
        else:
            break
    span = doc[first : last + 1]
    return NameSpan(span.start_char, span.end_char, span.text, "pattern")


def _merged(spans: list[NameSpan], text: str) -> list[NameSpan]:
    merged: list[NameSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        # Overlapping, or only a space apart: "Hodan" + "Abdi" is one name.
        if merged and not text[merged[-1].end : span.start].strip():
            last = merged.pop()
            end = max(last.end, span.end)
            sources = "+".join(sorted({*last.source.split("+"), *span.source.split("+")}))
            span = NameSpan(last.start, end, text[last.start : end], sources)
        merged.append(span)
    return merged


@functools.cache
def not_name_words() -> frozenset[str]:
    """Lower-cased words a capital does not make a name: every place the geography knows,
    relation words, months and the like."""
    words = {word.lower() for place in place_names() for word in re.split(r"[\s-]+", place) if word}
    roles = {word for _, role_words in ROLE_WORDS for word in role_words if " " not in word}
    return frozenset(
        words | roles | RELATIONS | DEFINITE_RELATIONS | POSSESSIVES | NOT_NAMES | NOT_NAME_CAPITALS
    )


@functools.cache
def pipeline():
    """The spaCy pipeline named by spacy_model_name(), loaded once."""
    import spacy

    return spacy.load(spacy_model_name(), exclude=["parser"])


def spacy_model_name() -> str:
    """$SPACY_MODEL (settings.env), else the pipeline built in this repository."""
    return os.environ.get("SPACY_MODEL") or DEFAULT_SPACY_MODEL
