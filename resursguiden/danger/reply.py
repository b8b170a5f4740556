"""The answer to "Är du på en säker plats just nu?": safe, not safe, or something else.

Read from the intent (the buttons send /affirm and /deny; DIET knows "ja", "nej") and
from the words, in Swedish and English, so that "yes", "jag är säker" and "nej inte
alls" are understood too. Anything else is not an answer: the conversation reads it as
any other message (a new emergency raises the alarm again).
"""

from __future__ import annotations

from enum import Enum

from resursguiden.danger.phrases import Phrases
from resursguiden.danger.text import is_boundary, tokenize


class Reply(str, Enum):
    SAFE = "safe"
    NOT_SAFE = "not_safe"


# Denials of danger: safe, though they hold "inte" and "fara".
NOT_IN_DANGER = Phrases(["inte ~ fara|danger", "(not in danger|ingen fara)"])
NOT_SAFE_PHRASES = Phrases(
    [
        "nej|nä|nää|näe|nope|no|nah|icke",
        "inte ~ säker|säkert|trygg|tryggt|safe",
        "not ~ safe|okay|ok",
        "(i fara|hjälp|help)",
    ]
)
SAFE_PHRASES = Phrases(
    [
        "ja|jo|japp|jepp|jajamen|jes|yes|yeah|yep|yup|absolut|okej|ok|säker|säkert|safe",
        "(i säkerhet|det är lugnt|allt är lugnt|jag är okej|im fine|im ok|i am fine|i am ok)",
    ]
)
# How many words an answer may have: longer messages are messages of their own.
MAX_WORDS = 6


def read_reply(text: str, intent: str | None = None) -> Reply | None:
    if intent == "deny":
        return Reply.NOT_SAFE
    if intent == "affirm":
        return Reply.SAFE
    tokens = tokenize(text)
    if sum(not is_boundary(w) for w in tokens.words) > MAX_WORDS:
        return None
    if NOT_IN_DANGER.first(tokens):
        return Reply.SAFE
    if NOT_SAFE_PHRASES.first(tokens):
        return Reply.NOT_SAFE
    if SAFE_PHRASES.first(tokens):
        return Reply.SAFE
    return None
