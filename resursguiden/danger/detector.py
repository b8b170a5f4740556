"""Does a message say that someone is in danger now or soon? And why do we think so?

Two readers decide together:
- the phrase lists, read in context (resursguiden.danger.rules), find danger cues and
  set aside those the message denies, puts in the past, asks about in general, tells as a
  story, a game or a joke;
- a text classifier trained on the development set (resursguiden.danger.training) gives
  the probability that the message is acute.

What the lists found sets the bar the classifier's probability must reach:
- a precise cue stands ("vill ta livet av mig", "inlåst", "slår mig"): no bar, the
  alarm is raised whatever the classifier says, so that the reviewed lists stay a
  safety net no statistics can undo;
- only broad cues stand ("slår", "döda", a country and "rädd"), whose words also have
  everyday senses: WITH_BROAD_CUE, a low bar;
- cues were found but the context set them all aside, or the message says it is calm
  ("vill själv", "returbiljett"): OVER_CONTEXT, a high bar, for the lists have read the
  message and found it calm;
- no cue at all: THRESHOLD, for what the lists do not know.

Genuinely ambiguous messages fall on the alarm's side: a false alarm costs less than a
missed emergency, and the answer lets someone who is not in danger carry on.
`python -m resursguiden.danger "text"` prints what decided and why.
"""

from __future__ import annotations

from dataclasses import dataclass

from resursguiden.danger.rules import Answer, Cue, Kind, calm_marker, read_cues
from resursguiden.danger.text import tokenize
from resursguiden.danger.training import ACUTE, Models, default_models

# Chosen on the development set with each author's messages scored by classifiers trained
# without them (scripts/evaluate_danger.py dev --cross-validate). THRESHOLD was 0.4 until
# the everyday messages (ea, eb, ec) showed how often 0.4 cried wolf in ordinary chat.
WITH_PRECISE_CUE = 0.0
WITH_BROAD_CUE = 0.3
THRESHOLD = 0.5
OVER_CONTEXT = 0.7


@dataclass(frozen=True, eq=False)
class Assessment:
    read_as: str  # the message as the phrase lists read it (typing slips corrected)
    cues: tuple[Cue, ...]
    calm_marker: str | None  # words that say the message is calm
    words: tuple[str, ...]  # the message as the classifier reads it
    probability: float  # the classifier's: how likely the message is acute
    models: Models

    @property
    def standing(self) -> tuple[Cue, ...]:
        return tuple(cue for cue in self.cues if cue.stands)

    @property
    def bar(self) -> float:
        """The probability the classifier must reach for the alarm."""
        if any(not cue.broad for cue in self.standing):
            return WITH_PRECISE_CUE
        if self.standing:
            return WITH_BROAD_CUE
        return OVER_CONTEXT if self.cues or self.calm_marker else THRESHOLD

    @property
    def decided_by(self) -> str | None:
        """ "phrase list", "phrase list and classifier", "classifier", or None (calm)."""
        if self.probability < self.bar:
            return None
        if self.bar == WITH_PRECISE_CUE:
            return "phrase list"
        return "phrase list and classifier" if self.standing else "classifier"

    @property
    def acute(self) -> bool:
        return self.decided_by is not None

    @property
    def decisive(self) -> Cue | None:
        """The cue whose kind comes first: standing ones, else those set aside."""
        order = list(Kind)
        cues = sorted(self.standing or self.cues, key=lambda cue: order.index(cue.kind))
        return cues[0] if cues else None

    @property
    def kind(self) -> Kind | None:
        if not self.acute:
            return None
        cue = self.decisive
        return cue.kind if cue else Kind(self.models.kind.best(self.words)[0])

    @property
    def answer(self) -> Answer | None:
        if not self.acute:
            return None
        answers = {cue.answer for cue in self.standing}
        if Answer.SUICIDE in answers or (not answers and self.kind is Kind.SUICIDE_SELFHARM):
            return Answer.SUICIDE
        return Answer.ABROAD if Answer.ABROAD in answers else Answer.ACUTE

    @property
    def who(self) -> str | None:
        if not self.acute:
            return None
        found = {cue.who for cue in self.standing or self.cues}
        return next((w for w in ("self", "other") if w in found), "unknown")

    def explain(self) -> str:
        lines = [f"read as: {self.read_as}"]
        if not self.cues:
            lines.append("no danger cue")
        if self.calm_marker:
            lines.append(f"calm words: '{self.calm_marker}'")
        for cue in self.cues:
            verdict = (
                ("STANDS" + (" (broad)" if cue.broad else ""))
                if cue.stands
                else (f"set aside: {cue.set_aside}")
            )
            lines.append(f"cue {cue.kind.value}/{cue.rule} '{cue.words}' ({cue.who}): {verdict}")
        contributions = self.models.danger.contributions(self.words, ACUTE)
        pushes = ", ".join(f"'{feature}' {weight:+.2f}" for feature, weight in contributions)
        lines.append(f"classifier: {self.probability:.2f} acute (bar {self.bar}); {pushes}")
        if self.acute:
            lines.append(
                f"=> ACUTE by {self.decided_by}: {self.kind.value}, "  # type: ignore[union-attr]
                f"answer {self.answer.value}, who {self.who}"  # type: ignore[union-attr]
            )
        else:
            lines.append("=> calm")
        return "\n".join(lines)


def assess(text: str, models: Models | None = None) -> Assessment:
    """Whether `text` says someone is in danger now or soon, with every reason. `models`:
    classifiers other than those trained on the whole development set (for measuring)."""
    tokens, cues = read_cues(text)
    marker = calm_marker(tokens)
    models = models or default_models()
    words = tokenize(text).words  # as the classifier was trained: no corrections
    probability = models.danger.probabilities(words)[ACUTE]
    return Assessment(
        " ".join(tokens.words), cues, marker.words if marker else None, words, probability, models
    )
