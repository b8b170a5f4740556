"""The phrase language of the reviewed lists in safety/ (danger cues and their context).

A phrase is words separated by spaces, read as the detector reads a message
(resursguiden.danger.text: lower case, å/ä/ö folded, repeats once, sms spellings in one
form), so a phrase written once in plain Swedish also matches "DÖDDA MEJ":

    word        exactly this word
    word*       any word that starts so: döda* = döda, dödar, dödade, dödad
    *word*      any word that holds it: *tävling* = tävlingen, taekwondotävlingen
    a|b*|c      any one of these words
    (a b|c)     any one of these phrases ("ta mig" or "c")
    <name>      any phrase of the list `name` (lists: in the same file)
    ~           up to three other words may stand here (never a clause mark); ~6: six
    !word       the next word is not this one ("hoppa !över": not "hoppa över", skip)

A match never reaches across a clause mark (. ! ? , ; : or a line break).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from resursguiden.danger.text import SMS_WORDS, fold

GAP_WORDS = 3


@dataclass(frozen=True)
class Match:
    start: int  # first token
    end: int  # one past the last token
    words: str  # the tokens matched, as normalised
    phrase: str = ""  # the phrase that matched, as written


def plain(word: str) -> str:
    """A phrase word as the detector spells it."""
    folded = fold(word)
    return SMS_WORDS.get(folded, folded)


def _word_pattern(word: str, lists: Mapping[str, list[str]]) -> str:
    options = []
    for option in word.split("|"):
        if option.startswith("<") and option.endswith(">"):
            entries = lists[option[1:-1]]
            options.append("(?:" + "|".join(_words_pattern(e, lists) for e in entries) + ")")
            continue
        stem = plain(option.strip("*"))
        prefix = r"\w*" if option.startswith("*") else ""  # "*tävling": "taekwondotävling"
        options.append(prefix + re.escape(stem) + (r"\w*" if option.endswith("*") else ""))
    return "(?:" + "|".join(options) + ")"


_PARTS = re.compile(r"\([^)]*\)|\S+")


def _words_pattern(phrase: str, lists: Mapping[str, list[str]]) -> str:
    """The pattern of a phrase without its trailing space: every word is followed by one
    space but the last, so that lists can stand inside phrases."""
    return "".join(_part(word, lists) for word in _PARTS.findall(phrase))[:-1]


def _part(word: str, lists: Mapping[str, list[str]]) -> str:
    if word.startswith("("):
        options = word[1:-1].split("|")
        return "(?:" + "|".join(_words_pattern(o, lists) for o in options) + ") "
    if word.startswith("~") and (word == "~" or word[1:].isdigit()):
        return rf"(?:\w+ ){{0,{word[1:] or GAP_WORDS}}}"
    if word.startswith("!"):
        return f"(?!{_word_pattern(word[1:], lists)} )"
    return _word_pattern(word, lists) + " "


def compile_phrase(phrase: str, lists: Mapping[str, list[str]] | None = None) -> re.Pattern[str]:
    lists = lists or {}
    parts = "".join(_part(word, lists) for word in _PARTS.findall(phrase))
    # Every word is followed by one space in the pattern; a message's text ends with one.
    return re.compile(r"(?<![\w!?.,;:])" + parts)


@dataclass(frozen=True)
class Anchor:
    """What the first word of a phrase can be: words, or word starts. A message holding
    none of them cannot match, so the phrase's pattern is not even tried (the detector
    reads some 900 phrases per message)."""

    words: frozenset[str]
    stems: frozenset[str]

    def in_message(self, tokens) -> bool:
        return bool(self.words & tokens.word_set or self.stems & tokens.word_starts)

    @classmethod
    def of(cls, phrase: str, lists: Mapping[str, list[str]]) -> Anchor | None:
        """None when any word can start the phrase (a gap, a denial, a word part)."""
        words: set[str] = set()
        stems: set[str] = set()
        for first in _first_words(phrase, lists):
            if first is None:
                return None
            for option in first.split("|"):
                if option.startswith("*") or not option:
                    return None
                if option.endswith("*"):
                    stems.add(plain(option[:-1]))
                else:
                    words.add(plain(option))
        return cls(frozenset(words), frozenset(stems))


def _first_words(phrase: str, lists: Mapping[str, list[str]]) -> list[str | None]:
    """The word options a phrase can begin with, lists and groups opened; None: any."""
    parts = _PARTS.findall(phrase)
    if not parts or parts[0].startswith(("~", "!")):
        return [None]
    first = parts[0]
    if first.startswith("("):
        return [w for option in first[1:-1].split("|") for w in _first_words(option, lists)]
    found: list[str | None] = []
    for option in first.split("|"):
        if option.startswith("<") and option.endswith(">"):
            found += [w for entry in lists[option[1:-1]] for w in _first_words(entry, lists)]
        else:
            found.append(option)
    return found


class Phrases:
    """Several phrases, any of which may match."""

    def __init__(self, phrases: list[str], lists: Mapping[str, list[str]] | None = None):
        self.phrases = tuple(phrases)
        self._patterns = tuple(compile_phrase(phrase, lists) for phrase in phrases)
        self._anchors = tuple(Anchor.of(phrase, lists or {}) for phrase in phrases)

    def __bool__(self) -> bool:
        return bool(self._patterns)

    def find(self, tokens) -> list[Match]:
        """Every match in a message (resursguiden.danger.text.Tokens), left to right."""
        found = []
        for phrase, pattern, anchor in zip(
            self.phrases, self._patterns, self._anchors, strict=True
        ):
            if anchor is not None and not anchor.in_message(tokens):
                continue
            for hit in pattern.finditer(tokens.text):
                words = hit.group(0).strip()
                if not words:
                    continue
                start = tokens.index_at(hit.start())
                found.append(Match(start, start + len(words.split()), words, phrase))
        return sorted(found, key=lambda match: (match.start, match.end))

    def first(self, tokens) -> Match | None:
        found = self.find(tokens)
        return found[0] if found else None


def vocabulary(
    phrases: list[str], lists: Mapping[str, list[str]]
) -> tuple[set[str], set[str], set[str]]:
    """The plain words and the stems (word*) the phrases name themselves, and the words
    and stems of the lists they use: what typing slips are corrected towards, and what is
    known well enough to be left alone."""
    words: set[str] = set()
    stems: set[str] = set()
    listed: set[str] = set()
    for phrase in phrases:
        for word in phrase.replace("(", " ").replace(")", " ").split():
            if word.startswith("~") or word.startswith("!"):
                continue
            for option in word.split("|"):
                if option.startswith("<") and option.endswith(">"):
                    more = vocabulary(lists[option[1:-1]], lists)
                    listed.update(*more)
                elif option.startswith("*"):
                    continue  # no typing slips towards a part of a word
                elif option.endswith("*"):
                    stems.add(plain(option[:-1]))
                else:
                    words.add(plain(option))
    return words, stems, listed


def words_of(phrases: list[str], lists: Mapping[str, list[str]]) -> set[str]:
    """The plain words and stems the phrases name."""
    words, stems, listed = vocabulary(phrases, lists)
    return words | stems | listed
