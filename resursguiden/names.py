"""Person names in a Swedish message, so that they can be removed before it is stored.

Three sources, because none alone finds the names people write in a chat:
- the spaCy pipeline's named-entity recogniser (PER);
- patterns of this domain: the word after "jag heter", "mitt namn är", "hon heter"; a
  word after a relation ("min pappa Ahmed", "min mamma fatma", "eleven Sara") or before
  one ("Selin min syrra");
- capitals: a capitalised word inside a sentence, or a proper noun starting one, that is
  not a known place, month, organisation or relation word ("lyssnar på Ibbe").

A missed name is worse than a word removed by mistake, so all three are joined.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass

from resursguiden.places import place_names
from resursguiden.roles import ROLE_WORDS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DEFAULT_SPACY_MODEL = "sv_resursguiden_sm"

# After these, the next word is a name whatever its case ("jag heter sara").
NAMING_PHRASES = (
    ("jag", "heter"),
    ("hon", "heter"),
    ("han", "heter"),
    ("hen", "heter"),
    ("dom", "heter"),
    ("de", "heter"),
    ("som", "heter"),
    ("mitt", "namn", "är"),
    ("hans", "namn", "är"),
    ("hennes", "namn", "är"),
    ("kalla", "mig"),
    ("kallas", "för"),
)
# After "min/mitt/mina/hans/hennes" + one of these comes a name, if the next word is
# capitalised or tagged as a noun ("min pappa Ahmed", "min mamma fatma").
RELATIONS = _words("""
    pappa mamma farsa morsa far mor förälder styvpappa styvmamma bror brorsa syster
    syrra storebror lillebror storasyster lillasyster kusin farbror morbror faster moster
    farfar farmor morfar mormor släkting man make fru kille tjej pojkvän flickvän
    fästman fästmö kompis vän väninna bästis granne klasskompis son dotter barn
    elev klient patient brukare kollega lärare mentor chef
    """)
POSSESSIVES = _words("min mitt mina vår vårt hans hennes deras")
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
    google facebook youtube
    syrien irak iran somalia afghanistan turkiet eritrea etiopien bosnien kosovo serbien
    libanon pakistan marocko egypten jordanien palestina kurdistan indien bangladesh
    """)
# Words that follow "jag heter" and the like without being a name.
NOT_NAMES = _words("""
    inte typ egentligen faktiskt bara också nog kanske ju väl alltså liksom
    och eller men att som är var det den en ett i på till från med o e
    jag du han hon hen vi ni de dom mig dig honom henne oss er dem hej tjena heter
    """)


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
    return _merged(spans, text)


def _pattern_names(doc) -> list[NameSpan]:
    words = [token.lower_ for token in doc]
    found = []
    for i in range(len(doc)):
        for phrase in NAMING_PHRASES:
            if tuple(words[i : i + len(phrase)]) == phrase:
                first = i + len(phrase)
                if first < len(doc) and _may_be_name(doc[first], any_case=True):
                    found.append(_name_from(doc, first))
        first = None
        if words[i] in POSSESSIVES and words[i + 1 : i + 2] and words[i + 1] in RELATIONS:
            first = i + 2  # "min pappa Ahmed", "min lillasyster Amina"
        elif words[i] in DEFINITE_RELATIONS:
            first = i + 1  # "eleven Sara", "brorsan mustafa"
        if first is not None and first < len(doc) and _may_be_name(doc[first], any_case=False):
            found.append(_name_from(doc, first))
        # "Selin min syrra", "Elif min bästa vän": a name before a relation.
        after = words[i + 1 : i + 4]
        if (
            after[:1]
            and after[0] in POSSESSIVES
            and any(word in RELATIONS for word in after[1:])
            # lower case only where a sentence starts: "ardit min bror", not "för min bror"
            and _may_be_name(doc[i], any_case=i == 0 or not doc[i - 1].is_alpha)
        ):
            found.append(_name_from(doc, i))
    return found


def _may_be_name(token, any_case: bool) -> bool:
    if not token.is_alpha or token.lower_ in NOT_NAMES or len(token) < 2:
        return False
    if any_case or token.text[0].isupper():
        return True
    # Lower case after a relation: "min mamma fatma", not "min pappa slog" or "min bror idag".
    return token.pos_ in NAME_POS


def _trimmed(entity) -> NameSpan | None:
    """The recogniser's span without the small words it sometimes takes in ("o Mo")."""
    tokens = [t for t in entity if t.lower_ not in NOT_NAMES]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return NameSpan(start, end, entity.doc.text[start:end], "ner")


def _capitalised_names(doc) -> list[NameSpan]:
    found = []
    for token in doc:
        text = token.text
        if (
            not token.is_alpha
            or len(text) < 2
            or not text[0].isupper()
            or text.isupper()  # BRIS, UD: acronyms are organisations
            or token.lower_ in not_name_words()
            or token.lower_.endswith(INSTITUTION_ENDINGS)
        ):
            continue
        starts_sentence = token.i == 0 or doc[token.i - 1].text in SENTENCE_STARTS
        if starts_sentence and token.pos_ != "PROPN":
            continue
        found.append(NameSpan(token.idx, token.idx + len(text), text, "capitals"))
    return found


def _name_from(doc, first: int) -> NameSpan:
    # A capitalised word right after is the surname: "Sara Ali".
    last = first
    if last + 1 < len(doc) and doc[last + 1].is_alpha and doc[last + 1].text[0].isupper():
        last += 1
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
    return frozenset(words | roles | RELATIONS | POSSESSIVES | NOT_NAMES | NOT_NAME_CAPITALS)


@functools.cache
def pipeline():
    """The spaCy pipeline named by spacy_model_name(), loaded once."""
    import spacy

    return spacy.load(spacy_model_name(), exclude=["parser"])


def spacy_model_name() -> str:
    """$SPACY_MODEL (settings.env), else the pipeline built in this repository."""
    return os.environ.get("SPACY_MODEL") or DEFAULT_SPACY_MODEL
