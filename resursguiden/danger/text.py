"""Chat text as the danger detector reads it: words in one spelling, sentence marks kept.

Young people write "Dödddaaa", "mej", "ja vill int", "HJÄLP!!!" or "🔪"; the detector's
phrase lists are written once, in plain Swedish and English. Both go through the same
steps, so they meet in the middle:

1. emoji that carry meaning become words (🔪 -> kniv, 😂 -> haha); others are dropped;
2. lower case, å/ä -> a, ö -> o (and é, ü ...), a letter repeated is kept once;
3. words and the marks that end a clause (. ! ? , ; : and line breaks) become tokens;
4. sms spellings and family slang become one form (mej -> mig, dom -> de, farsan -> pappa,
   "i morgon" -> imorgon), and a word one typing slip away from a longer danger word
   becomes that word (sjalvmrod -> sjalvmord).

Clause marks stay tokens so that a phrase never reaches across them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

EMOJI_WORDS = {
    "🔪": " kniv ",
    "🗡": " kniv ",
    "🔫": " pistol ",
    "🆘": " hjälp ",
    "🩸": " blod ",
    "💊": " piller ",
    "✈": " flyg ",
    "🛫": " flyg ",
    "🔒": " låst ",
    "😂": " haha ",
    "🤣": " haha ",
    "😆": " haha ",
    "😹": " haha ",
    "💀": " haha ",  # "dying" of laughter, in young people's chat
    "😅": " haha ",
}
_EMOJI = re.compile("|".join(map(re.escape, EMOJI_WORDS)))
# Any other emoji or pictograph ends a clause, as a comma would: "forever 💔 nobody".
_OTHER_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf]+")

_FOLD = str.maketrans(
    {"å": "a", "ä": "a", "á": "a", "à": "a", "â": "a", "ö": "o", "ó": "o", "ø": "o", "é": "e",
     "è": "e", "ü": "u", "æ": "a", "'": "", "’": ""}
)  # fmt: skip
_REPEATS = re.compile(r"(\w)\1+")
_DIGITS_AND_LETTERS = re.compile(r"(?<=\d)(?=[^\W\d])|(?<=[^\W\d])(?=\d)")
_TOKENS = re.compile(r"\w+|[.!?]+|[,;:\n]")

# One form for words people spell many ways. Keys and values are as step 2 leaves them.
SMS_WORDS = {
    "mej": "mig", "dej": "dig", "sej": "sig", "e": "ar", "int": "inte", "nt": "inte",
    "dom": "de", "dem": "de", "nan": "nagon", "ngn": "nagon", "nat": "nagot", "ngt": "nagot",
    "nagonting": "nagot", "nanting": "nagot", "nanstans": "nagonstans", "o": "och",
    "kmr": "komer", "skal": "ska", "imorn": "imorgon", "imoron": "imorgon",
    "imorgn": "imorgon", "imoro": "imorgon", "ikvel": "ikval", "pls": "snala", "plz": "snala",
    "snla": "snala", "snela": "snala", "hjap": "hjalp", "hjlp": "hjalp", "hrlp": "help",
    "hlep": "help", "halp": "help", "farsan": "papa", "farsa": "papa", "fadern": "papa",
    "babba": "papa",
    "baba": "papa", "babu": "papa", "abu": "papa", "abo": "papa", "tbx": "tilbaka",
    "morsan": "mama", "morsa": "mama", "brorsan": "bror", "brorsa": "bror",
    "brodern": "bror", "syrsan": "syster", "syran": "syster", "systern": "syster",  # syrran
}  # fmt: skip
# "om jag inte kan": a denial before these verbs moves after them, as in "jag kan inte",
# so that one phrase serves both word orders.
VERBS_BEFORE_DENIAL = frozenset(
    """kan kunde far fick vil ska skule komer har hade ar later vagar orkar tanker fat tilats
    slaper""".split()
)

# Two words written as one, or one written as two.
# Keys as step 2 leaves them before repeats are dropped ("i natt", not "i nåt").
JOINED = {
    ("i", "morgon"): "imorgon", ("i", "morn"): "imorgon", ("i", "kvall"): "ikval",
    ("i", "kvell"): "ikval", ("i", "natt"): "inat", ("i", "dag"): "idag",
    ("i", "helgen"): "ihelgen",
}  # fmt: skip


@dataclass(frozen=True)
class Tokens:
    """A message as tokens, and the same tokens joined by spaces for phrase matching."""

    words: tuple[str, ...]
    text: str  # " ".join(words) + " "
    starts: tuple[int, ...]  # where each token starts in `text`

    @cached_property
    def word_set(self) -> frozenset[str]:
        return frozenset(self.words)

    @cached_property
    def word_starts(self) -> frozenset[str]:
        """Every start of every word ("dod", "doda" ... of "dodade"), for stems."""
        return frozenset(word[:n] for word in self.word_set for n in range(1, len(word) + 1))

    def index_at(self, offset: int) -> int:
        """The token that starts at or covers character `offset` of `text`."""
        low, high = 0, len(self.starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low


def is_boundary(token: str) -> bool:
    return not token[0].isalnum() and token[0] != "_"


def _letters(text: str) -> str:
    """Steps 1 and 2 but for repeats: meaningful emoji as words, lower case, accents off."""
    text = _EMOJI.sub(lambda found: EMOJI_WORDS[found.group(0)], text)
    text = _OTHER_EMOJI.sub(" , ", text)
    text = unicodedata.normalize("NFC", text).lower().translate(_FOLD)
    return _DIGITS_AND_LETTERS.sub(" ", text)  # "16åring" -> "16 åring"


def _once(word: str) -> str:
    """A letter repeated is kept once ("dödddaaa" -> "doda"); digits stay ("112")."""
    return _REPEATS.sub(lambda m: m.group(1) if not m.group(1).isdigit() else m.group(0), word)


def fold(text: str) -> str:
    """Steps 1 and 2: meaningful emoji as words, lower case, accents off, repeats once."""
    return _once(_letters(text))


def _one_form(raw: list[str], corrections: TypoCorrector | None) -> list[str]:
    out: list[str] = []
    words = [_once(word) for word in raw]
    for i, word in enumerate(words):
        if i and (raw[i - 1], raw[i]) in JOINED and out and out[-1] == words[i - 1]:
            out[-1] = JOINED[(raw[i - 1], raw[i])]
            continue
        if word == "ja":
            # "ja vill dö": jag. "ja" alone, or before a clause mark, is yes.
            following = words[i + 1] if i + 1 < len(words) else "."
            out.append("jag" if not is_boundary(following) else "ja")
            continue
        word = SMS_WORDS.get(word, word)
        out.append(corrections.get(word, word) if corrections else word)
        subordinate = len(out) < 3 or out[-3] not in VERBS_BEFORE_DENIAL
        if len(out) > 1 and out[-2] == "inte" and out[-1] in VERBS_BEFORE_DENIAL and subordinate:
            out[-2], out[-1] = out[-1], out[-2]
    return out


def tokenize(text: str, corrections: TypoCorrector | None = None) -> Tokens:
    words = _one_form(_TOKENS.findall(_letters(text)), corrections)
    starts, offset = [], 0
    for word in words:
        starts.append(offset)
        offset += len(word) + 1
    return Tokens(tuple(words), " ".join(words) + " ", tuple(starts))


def normalise(text: str) -> str:
    """The words of `text` in one spelling, clause marks dropped: "Dödddaaa MEJ!!" ->
    "doda mig". For matching word lists written in plain Swedish."""
    return " ".join(word for word in tokenize(text).words if not is_boundary(word))


# ---------------------------------------------------------------- typing slips


def _with_deletions(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


class TypoCorrector:
    """Finds the danger word a token is one typing slip away from: a letter left out,
    added or changed, or two letters swapped (SymSpell's trick: two words are that close
    when they share a spelling with at most one letter deleted from each).

    Only words of at least `min_length` letters are corrected, never a word that is known
    or starts with a known stem ("raped" is "rape*", not a slip of "trapped"), and a token
    close to two known words is left alone: it could be either.
    """

    def __init__(
        self, words: Iterable[str], stems: Iterable[str], also_known: Iterable[str] = (),
        min_length: int = 7,
    ) -> None:  # fmt: skip
        self.min_length = min_length
        self.stems = {stem for stem in stems if len(stem) >= 3}
        targets = set(words) | self.stems
        self.known = targets | set(also_known)
        self._by_variant: dict[str, set[str]] = {}
        for word in targets:
            if len(word) < min_length or not word.isalpha():
                continue
            for variant in _with_deletions(word):
                self._by_variant.setdefault(variant, set()).add(word)

    def get(self, token: str, default: str) -> str:
        if len(token) < self.min_length or token in self.known or not token.isalpha():
            return default
        if any(token[:end] in self.stems for end in range(3, len(token))):
            return default
        found: set[str] = set()
        for variant in _with_deletions(token):
            found |= self._by_variant.get(variant, set())
        found = {word for word in found if _one_slip_apart(token, word)}
        return next(iter(found)) if len(found) == 1 else default


def _one_slip_apart(a: str, b: str) -> bool:
    """One letter left out, added or changed, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    return a[i + 1 :] == b[i + 1 :] or (
        i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    )
