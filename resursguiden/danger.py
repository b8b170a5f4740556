"""The safety net: does a message say that someone may be in danger now?

A fixed, reviewed list of Swedish phrases (safety/danger_phrases.yml) with their
inflections and common misspellings, matched deterministically. It runs after the
intent classifier, so a classifier mistake can never hide an emergency. It leans wide
on purpose: an extra "Ring 112" costs little, a missed one may cost a life.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path

import yaml

PHRASES_FILE = Path(__file__).resolve().parent.parent / "safety" / "danger_phrases.yml"
# Up to this many other words may stand where a phrase has "~".
GAP_WORDS = 3


class Danger(str, Enum):
    # In order of precedence: a message with several gets the first one's answer.
    SUICIDE = "suicide"
    ABROAD = "abroad"
    ACUTE = "acute"


@dataclass(frozen=True)
class DangerSignal:
    kind: Danger
    rule: str  # the id of the entry in danger_phrases.yml
    matched: str  # the words that matched, normalised


_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "æ": "a", "ø": "o"})


def normalise(text: str) -> str:
    """Lower case, å/ä/ö folded, one letter of each run, words separated by one space."""
    text = unicodedata.normalize("NFC", text).lower().translate(_FOLD)
    text = re.sub(r"(\w)\1+", r"\1", text)
    return " ".join(re.findall(r"\w+", text))


def _word_pattern(word: str) -> str:
    options = []
    for option in word.split("|"):
        stem = normalise(option.rstrip("*"))
        options.append(re.escape(stem) + (r"\w*" if option.endswith("*") else ""))
    return "(?:" + "|".join(options) + ")"


def compile_phrase(phrase: str) -> re.Pattern[str]:
    parts = []
    for word in phrase.split():
        if word == "~":
            parts.append(rf"(?:\w+ ){{0,{GAP_WORDS}}}")
        elif word.startswith("!"):
            parts.append(f"(?!{_word_pattern(word[1:])} )")
        else:
            parts.append(_word_pattern(word) + " ")
    # Every word is followed by one space in the pattern; the text gets one at its end.
    return re.compile(r"(?<!\w)" + "".join(parts))


@cache
def _rules() -> list[tuple[Danger, str, re.Pattern[str]]]:
    data = yaml.safe_load(PHRASES_FILE.read_text(encoding="utf-8"))
    return [
        (kind, entry["id"], compile_phrase(phrase))
        for kind in Danger
        for entry in data[kind.value]
        for phrase in entry["phrases"]
    ]


def detect_danger(text: str) -> DangerSignal | None:
    """The most serious kind of danger the text speaks of, or None."""
    normalised = normalise(text) + " "
    for kind, rule, pattern in _rules():
        found = pattern.search(normalised)
        if found:
            return DangerSignal(kind, rule, found.group(0).strip())
    return None
