"""The detector's first reader: reviewed phrase lists, read in context.

`read_cues(text)` finds every danger cue in a message (safety/danger_cues.yml), then
reads the words around each one (safety/danger_context.yml) and sets it aside only when
they clearly say it is denied, long over, a general question, a story, a game, a joke or
the words' everyday sense. A cue left standing raises the alarm (resursguiden.danger.
detector); each carries the reason it stands or was set aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path

import yaml

from resursguiden.danger.phrases import Match, Phrases, vocabulary, words_of
from resursguiden.danger.text import Tokens, TypoCorrector, is_boundary, tokenize
from resursguiden.danger.training import load_nlu_examples

SAFETY = Path(__file__).resolve().parent.parent.parent / "safety"
CUES_FILE = SAFETY / "danger_cues.yml"
CONTEXT_FILE = SAFETY / "danger_context.yml"


class Kind(str, Enum):
    # In order of precedence: a message with several gets the first one's answer.
    SUICIDE_SELFHARM = "suicide_selfharm"
    TAKEN_ABROAD = "taken_abroad"
    SEXUAL_VIOLENCE = "sexual_violence"
    KEPT_INSIDE_PASSPORT = "kept_inside_passport"
    VIOLENCE_THREAT = "violence_threat"
    UNCLEAR_CRY = "unclear_cry"


class Answer(str, Enum):
    """Which emergency answer fits: 112; 112 and Självmordslinjen; UD's line first."""

    ACUTE = "acute"
    SUICIDE = "suicide"
    ABROAD = "abroad"


SENTENCE_ENDS = frozenset(".!?\n")
# Not "me": in Swedish chat it is "med".
SELF_WORDS = frozenset({"jag", "mig", "vi", "oss", "min", "mitt", "mina", "my", "myself"})
# Verb forms that put a cue in the past ("slog", "hotade"), for "it is over now".
_PAST_FORM = re.compile(r"\w+(?:ade|ode|de|te|tt|at|it|dde|ed)$")
PAST_VERBS = frozenset(
    """slog tog holl drog sa blev var hade gick kom skot hogg skar svalde valdtog forgrep
    dog lat stal hot knuffade sparkade""".split()
)


PAST_AUXILIARIES = frozenset(["blev", "var", "hade", "was", "were", "had", "got"])
# Words that end like a verb in the past tense but are not one.
NOT_PAST = frozenset(
    """inte mitt ditt sitt natt snabt hemskt mycket latt ratt fort kort inget""".split()
)


@dataclass(frozen=True)
class Cue:
    kind: Kind
    rule: str
    answer: Answer
    words: str  # the words that matched, as the detector reads them
    who: str  # "self", "other" or "unknown": who the words say is in danger
    set_aside: str | None = None  # why the context rules it out; None: it stands
    broad: bool = False  # raises the alarm only with the classifier's support

    @property
    def stands(self) -> bool:
        return self.set_aside is None


# ---------------------------------------------------------------- the lists


@dataclass(frozen=True)
class CueRule:
    kind: Kind
    id: str
    answer: Answer
    phrases: Phrases
    with_: tuple[Phrases, ...]  # each must have a match somewhere in the message
    unless: Phrases
    stands_in_questions: bool  # "hur många tabletter för att inte vakna" is no fact question
    broad: bool  # its words have everyday and story senses too: needs the classifier
    family_precise: bool  # but not when a family member does it ("pappa slår henne")


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _groups(value: list | None) -> list[list[str]]:
    """`with:` is one list of phrases, or a list of such lists that must all match."""
    if not value:
        return []
    return value if isinstance(value[0], list) else [value]


@cache
def _cue_rules() -> tuple[tuple[CueRule, ...], TypoCorrector]:
    data = _load(CUES_FILE)
    lists = data.get("lists", {})
    rules, words, stems, listed = [], set(), set(), set()
    for kind in Kind:
        default = Answer.SUICIDE if kind is Kind.SUICIDE_SELFHARM else Answer.ACUTE
        for entry in data.get(kind.value, []):
            rules.append(
                CueRule(
                    kind=kind,
                    id=entry["id"],
                    answer=Answer(entry.get("answer", default.value)),
                    phrases=Phrases(entry["phrases"], lists),
                    with_=tuple(Phrases(group, lists) for group in _groups(entry.get("with"))),
                    unless=Phrases(entry.get("unless", []), lists),
                    stands_in_questions=entry.get("questions") == "stand",
                    broad=entry.get("broad") in (True, "unless family"),
                    family_precise=entry.get("broad") == "unless family",
                )
            )
            more_words, more_stems, more_listed = vocabulary(entry["phrases"], lists)
            words |= more_words
            stems |= more_stems
            listed |= more_listed
    # Words people write in everyday chat (the NLU examples) are no typing slips:
    # "skriver" is not a slip of "skriker".
    everyday = {word for example in load_nlu_examples() for word in tokenize(example.text).words}
    return tuple(rules), TypoCorrector(words, stems, listed | everyday)


class Context:
    """safety/danger_context.yml: phrase lists by their path ("negation.words")."""

    def __init__(self, data: dict) -> None:
        self._data = data
        self._lists = data.get("lists", {})
        self._phrases: dict[str, Phrases] = {}

    def _value(self, path: str):
        value = self._data
        for key in path.split("."):
            value = value[key]
        return value

    def phrases(self, path: str) -> Phrases:
        if path not in self._phrases:
            value = [f"<{path[6:]}>"] if path.startswith("lists.") else self._value(path)
            self._phrases[path] = Phrases(value, self._lists)
        return self._phrases[path]

    def number(self, path: str) -> int:
        return int(self._value(path))

    @cache  # noqa: B019 (one Context for the life of the process)
    def words(self, path: str) -> frozenset[str]:
        return frozenset(words_of(self._value(path), self._lists))


@cache
def _context() -> Context:
    return Context(_load(CONTEXT_FILE))


# ---------------------------------------------------------------- reading a message


@dataclass(frozen=True)
class _Span:
    start: int
    end: int

    def holds(self, match: Match) -> bool:
        return self.start <= match.start and match.end <= self.end


def _span_around(tokens: Tokens, match: Match, ends: frozenset[str] | None, words=()) -> _Span:
    """The sentence (ends: . ! ? and line breaks), or the clause (ends=None: any clause
    mark, and also the conjunctions in `words`) around a match."""

    def is_end(token: str) -> bool:
        if token in words:
            return True
        return is_boundary(token) and (ends is None or token[0] in ends)

    start = match.start
    while start > 0 and not is_end(tokens.words[start - 1]):
        start -= 1
    end = match.end
    while end < len(tokens.words) and not is_end(tokens.words[end]):
        end += 1
    return _Span(start, end)


class _Reader:
    """One message, read once: its tokens, and the context phrases found in it."""

    def __init__(self, text: str, corrections: TypoCorrector) -> None:
        self.tokens = tokenize(text, corrections)
        self.words = self.tokens.words
        self.context = _context()
        self._found: dict[str, list[Match]] = {}

    def found(self, path: str) -> list[Match]:
        """Every match of a context list in the message (found once per message)."""
        if path not in self._found:
            self._found[path] = self.context.phrases(path).find(self.tokens)
        return self._found[path]

    def in_span(self, path: str, span: _Span) -> Match | None:
        return next((m for m in self.found(path) if span.holds(m)), None)

    def sentence(self, match: Match) -> _Span:
        return _span_around(self.tokens, match, SENTENCE_ENDS)

    def clause(self, match: Match) -> _Span:
        return _span_around(self.tokens, match, None, self.context.words("clause_words"))

    def who(self, match: Match) -> str:
        words = set(match.words.split())
        if words & SELF_WORDS:
            return "self"
        if self.context.phrases("lists.close_people").first(tokenize(match.words)):
            return "other"
        return "unknown"

    def has_undenied(self, phrases: Phrases) -> bool:
        """Whether the message holds one of the phrases, not denied ("inte rädd")."""
        return any(not self.denied(m) for m in phrases.find(self.tokens))

    # Each check returns why the cue is set aside, or None.

    def unless(self, rule: CueRule, match: Match) -> str | None:
        if not rule.unless:
            return None
        sentence = self.sentence(match)
        found = next((m for m in rule.unless.find(self.tokens) if sentence.holds(m)), None)
        return f"everyday sense: '{found.words}'" if found else None

    def denied(self, match: Match) -> str | None:
        ctx, words = self.context, self.words
        if _holds_denial(match.phrase):
            return None  # the cue holds its own denial: "vill inte leva"
        clause = _span_around(self.tokens, match, None)
        end = min(clause.end, match.end + ctx.number("negation.after"))
        transparent = self.found("negation.transparent")
        strong = ctx.words("negation.strong")
        for found in self.found("negation.words"):
            reach = ctx.number(
                "negation.before_strong" if words[found.start] in strong else "negation.before"
            )
            if not (max(clause.start, match.start - reach) <= found.start and found.end <= end):
                continue
            before = words[found.start - 1] if found.start else ""
            if before in ctx.words("negation.not_before"):
                continue  # "vet inte om han slår mig": the denial is the knowing's
            following = ctx.phrases("negation.not_after").first(
                tokenize(" ".join(words[found.end :]))
            )
            if following and following.start == 0:
                continue  # "inte slutar slå mig" denies the stopping
            between = (
                range(found.end, match.start)
                if found.start < match.start
                else range(match.end, found.start)
            )
            passes = {i for m in transparent for i in range(m.start, m.end)}
            if any(words[i] in ctx.words("negation.breaks") and i not in passes for i in between):
                continue
            return f"denied: '{found.words}'"
        return None

    def _now_in(self, span: _Span) -> bool:
        """ "nu", "idag" ... in the span, but not "nu avslutat", "nu är det över"."""
        over = self.found("past.now_over")
        return any(
            span.holds(m) and not any(o.start == m.start for o in over)
            for m in self.found("past.now")
        )

    def in_the_past(self, match: Match) -> str | None:
        clause = self.clause(match)
        if self._now_in(clause) or self.found("past.again"):
            return None
        if self.in_span("past.habitual", clause) and not self._in_past_tense(match):
            return None
        sentence = self.sentence(match)
        found = self.in_span("past.sentence", sentence)
        if found and not (self.in_span("past.to_come", clause) and not clause.holds(found)):
            return f"in the past: '{found.words}'"
        if self._in_past_tense(match):
            found = self.in_span("past.if_past_tense", sentence)
            if found:
                return f"in the past: '{found.words}'"
        over = [
            m for m in self.found("past.message") if m.end <= match.start or m.start >= match.end
        ]
        lately = self.found("past.future") or self.found("past.recent")
        if over and not _is_present(match.words) and not lately:
            return f"over: '{over[0].words}'"
        return None

    def _in_past_tense(self, match: Match) -> bool:
        """ "slog mig", or "blev jag slagen": a past form in the cue or just before it."""
        before = self.words[max(0, match.start - 2) : match.start]
        return _is_past(match.words) or bool(set(before) & PAST_AUXILIARIES)

    def general_question(self, match: Match, stands_in_questions: bool = False) -> str | None:
        sentence = self.sentence(match)
        if self._now_in(self.clause(match)) or self.found("past.again"):
            return None  # "... händer typ varje vecka": it is the writer's own life
        belief = self.in_span("question.others_belief", sentence)
        if belief:
            return f"someone else's worry: '{belief.words}'"
        topic = self.in_span("question.topics", sentence)
        if topic and self.context.phrases("question.topic_words").first(tokenize(match.words)):
            return f"a question about the topic: '{topic.words}'"
        general = self.found("question.general")
        if general and not self.found("past.recent"):
            return f"a general question: '{general[0].words}'"
        if self.in_span("lists.first_person_object", sentence):
            return None
        strong = self.in_span("question.strong_hypothetical", sentence)
        if strong:
            return f"hypothetical: '{strong.words}'"
        if (
            stands_in_questions
            or self.in_span("lists.first_person", sentence)
            or self._names_someone(sentence, but_pronouns=True)
            or self._names_someone_elsewhere(sentence)
        ):
            return None  # "hur får man ut sin flickvän? hon svarar bara ibland": she is real
        if topic and self._is_question(sentence):
            return f"a question about the topic: '{topic.words}'"
        hypothetical = self.in_span("question.hypothetical", sentence)
        if hypothetical:
            return f"hypothetical: '{hypothetical.words}'"
        if self._is_question(sentence):
            generic = self.in_span("question.words", sentence) or topic
            if generic:
                return f"a general question: '{generic.words}'"
        return None

    def _names_someone_elsewhere(self, sentence: _Span) -> bool:
        """A particular person in another sentence of the message ("... ? hon svarar")."""
        rest = [m for m in self.found("lists.close_people") if not sentence.holds(m)]
        return any(self._names_someone(_Span(m.start, m.end)) for m in rest)

    def _names_someone(self, sentence: _Span, but_pronouns: bool = False) -> bool:
        """A particular person: "hon", "pappa" - not "sin pappa" (the generic one's), and
        with `but_pronouns` not "hen" either ("är det brottsligt att gifta bort hen?")."""
        generic = self.context.words("question.generic_owners")
        pronouns = self.context.words("question.pronouns") if but_pronouns else frozenset()
        return any(
            sentence.holds(m)
            and not (m.start and self.words[m.start - 1] in generic)
            and m.words not in pronouns
            for m in self.found("lists.close_people")
        )

    def _is_question(self, sentence: _Span) -> bool:
        asks = sentence.end < len(self.words) and self.words[sentence.end].startswith("?")
        return asks or self.words[sentence.start] in self.context.words("question.starts")

    def a_story(self, match: Match) -> str | None:
        """A film, a book, the news: "i serien låser familjen in dottern", "en podd där en
        kvinna berättade ...". Not "min elev skrev i en uppsats att hon ...": the story
        must frame the cue (i/in before it, or där/om/som between) and the cue must not
        be about the writer."""
        if set(match.words.split()) & SELF_WORDS:
            return None
        frames = self.context.words("story.frames")
        sentence = self.sentence(match)
        character = self.in_span("story.characters", sentence)
        if self.in_span("story.real_people", sentence) and not character:
            return None  # "min elev skrev i en uppsats att ..." is about her
        for found in self.found("story.words"):
            if not sentence.holds(found) or found.start > match.start:
                continue
            opens = bool(set(self.words[max(0, found.start - 2) : found.start]) & frames)
            between = self.words[found.end : match.start]
            if opens or any(word in frames for word in between):
                return f"a story: '{found.words}'"
        return None

    def a_game(self, match: Match) -> str | None:
        sentence = self.sentence(match)
        breaks = self.context.words("games.breaks")
        for found in self.found("games.words"):
            if not sentence.holds(found):
                continue
            if found.start < match.start:
                lo, hi = found.end, match.start
            elif set(self.words[max(0, found.start - 2) : found.start]) & self.context.words(
                "games.in"
            ):
                lo, hi = match.end, found.start
            else:
                continue
            if not any(w in breaks for w in self.words[lo:hi]):
                return f"a game: '{found.words}'"
        return None

    def a_joke(self, match: Match) -> str | None:
        if not self.context.phrases("hyperbole.cues").first(tokenize(match.words)):
            return None
        against_writer = set(match.words.split()) & SELF_WORDS
        if against_writer and self.in_span("lists.family", self.sentence(match)):
            return None  # a family member's threat to the writer is never a joke here
        laughter = self.found("hyperbole.laughter")
        if laughter:
            return f"a joke: '{laughter[0].words}'"
        near = self.context.number("hyperbole.near")
        for found in self.found("hyperbole.words"):
            if found.start - near <= match.end and match.start - near <= found.end:
                return f"an exaggeration: '{found.words}'"
        return None

    def short_cry(self) -> Match | None:
        words = [w for w in self.words if not is_boundary(w)]
        if not words and sum(w.count("!") for w in self.words) >= 3:
            return Match(0, len(self.words), " ".join(self.words))  # "!!!!!"
        if not words or len(words) > self.context.number("short_cry.max_words"):
            return None
        if self.found("short_cry.not"):
            return None
        return next(iter(self.found("short_cry.words")), None)


@cache
def _holds_denial(phrase: str) -> bool:
    """Whether a phrase itself names a denial ("vill inte ~ leva")."""
    return bool(words_of([phrase], _all_lists()) & _context().words("negation.words"))


@cache
def _all_lists() -> dict[str, list[str]]:
    return {**_load(CONTEXT_FILE).get("lists", {}), **_load(CUES_FILE).get("lists", {})}


def _is_past(words: str) -> bool:
    return any(
        w in PAST_VERBS or (len(w) >= 5 and _PAST_FORM.match(w) and w not in NOT_PAST)
        for w in words.split()
    )


def _is_present(words: str) -> bool:
    return any(w in _context().words("past.present_verbs") for w in words.split())


GAME_KINDS = (Kind.VIOLENCE_THREAT, Kind.KEPT_INSIDE_PASSPORT, Kind.UNCLEAR_CRY)
CHECKS = ("unless", "denied", "in_the_past", "general_question", "a_story", "a_game", "a_joke")


def calm_marker(tokens: Tokens) -> Match | None:
    """Words that say a message is calm, cue or no cue ("vill själv", "returbiljett")."""
    return _context().phrases("calm_markers").first(tokens)


def read_cues(text: str) -> tuple[Tokens, tuple[Cue, ...]]:
    """The message as read, and every danger cue in it, each with why it stands or was
    set aside."""
    rules, corrections = _cue_rules()
    reader = _Reader(text, corrections)
    cues: list[Cue] = []
    seen: set[tuple[Kind, int, int]] = set()
    for rule in rules:
        matches = rule.phrases.find(reader.tokens)
        if not matches or not all(reader.has_undenied(group) for group in rule.with_):
            continue
        for match in matches:
            key = (rule.kind, match.start, match.end)
            if key in seen:
                continue
            seen.add(key)
            reason = None
            for check in CHECKS:
                if check == "unless":
                    reason = reader.unless(rule, match)
                elif check == "general_question":
                    reason = reader.general_question(match, rule.stands_in_questions)
                elif check == "a_game" and rule.kind not in GAME_KINDS:
                    reason = None  # a game has hitting, killing and locked rooms, no more
                else:
                    reason = getattr(reader, check)(match)
                if reason:
                    break
            who = reader.who(match)
            # A family member's violence or threat is never the words' everyday sense.
            family = rule.family_precise and reader.in_span("lists.family", reader.sentence(match))
            broad = rule.broad and not family
            cues.append(Cue(rule.kind, rule.id, rule.answer, match.words, who, reason, broad))
    if not any(cue.stands for cue in cues):
        cry = reader.short_cry()
        if cry:
            cues.append(Cue(Kind.UNCLEAR_CRY, "short-cry", Answer.ACUTE, cry.words, "unknown"))
    return reader.tokens, tuple(cues)
