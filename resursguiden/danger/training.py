"""The development set, and the classifiers trained on it.

safety/danger_dev/ holds messages written for the detector by separate authors (their
brief: tests/data/danger/BRIEF.md), each labelled acute or calm and with its kind. The
phrase lists were tuned on it and the classifiers are trained on it, together with the
assistant's NLU training data (data/nlu/) as calm: greetings, ages, places and questions
are what most messages are, and the development set has none of them. Trained when
first needed (a few seconds; deterministic, so every process gets the same models).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from resursguiden.danger.classifier import Classifier
from resursguiden.danger.text import tokenize

ROOT = Path(__file__).resolve().parent.parent.parent
DEV_SET = ROOT / "safety" / "danger_dev"
NLU_DATA = ROOT / "data" / "nlu"
_ENTITY = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # "[Malmö](place)" -> "Malmö"
ACUTE, CALM = "acute", "calm"
# The kinds of the everyday sets (tests/data/danger/EVERYDAY_BRIEF.md): calm messages
# without frightening words, to count how often the detector cries wolf in ordinary chat.
EVERYDAY_KINDS = frozenset(
    {"chat", "answer", "about_chat", "support", "situation", "worried", "professional", "other"}
)
# A missed emergency costs more than a false alarm: acute messages count double.
LABEL_WEIGHTS = {ACUTE: 2.0, CALM: 1.0}
# Everyday chat is most of what the assistant reads, and the development set has none:
# the NLU examples count three times, so that "hej" or "jag är 16" never look acute.
NLU_REPEATS = 3


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # acute | calm
    kind: str  # the author's kind: violence_threat ... or negated, past_over ...
    author: str


def load_examples(folder: Path = DEV_SET, authors: set[str] | None = None) -> list[Example]:
    """Every message of a danger set folder (one YAML file per author)."""
    examples = []
    for path in sorted(folder.glob("*.yml")):
        if authors is not None and path.stem not in authors:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for label in (ACUTE, CALM):
            examples += [
                Example(item["text"], label, item["kind"], path.stem) for item in data[label]
            ]
    return examples


def load_nlu_examples(folder: Path = NLU_DATA) -> list[Example]:
    """The NLU training data's messages, as calm examples of everyday chat."""
    examples = []
    for path in sorted(folder.glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" not in block or block["intent"] == "emergency":
                continue
            for line in block["examples"].splitlines():
                text = _ENTITY.sub(r"\1", line.strip().removeprefix("- "))
                if text:
                    examples.append(Example(text, CALM, f"nlu:{block['intent']}", "nlu"))
    return examples


@dataclass(frozen=True)
class Models:
    danger: Classifier  # calm | acute
    kind: Classifier  # which kind of danger, for acute messages

    def to_dict(self) -> dict:
        return {"danger": self.danger.to_dict(), "kind": self.kind.to_dict()}

    @classmethod
    def from_dict(cls, data: dict) -> Models:
        return cls(Classifier.from_dict(data["danger"]), Classifier.from_dict(data["kind"]))


def inputs_digest() -> str:
    """A digest of everything the models are trained from (the sets and the code that
    reads them): the same digest, the same models."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    paths = [*sorted(DEV_SET.glob("*.yml")), *sorted(NLU_DATA.glob("*.yml"))]
    paths += [package / name for name in ("classifier.py", "text.py", "training.py")]
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def train(examples: list[Example]) -> Models:
    words = [tokenize(example.text).words for example in examples]
    danger = Classifier.train(words, [e.label for e in examples], LABEL_WEIGHTS)
    acute = [(w, e.kind) for w, e in zip(words, examples, strict=True) if e.label == ACUTE]
    kind = Classifier.train([w for w, _ in acute], [k for _, k in acute])
    return Models(danger, kind)


@cache
def default_models() -> Models:
    """The models trained on the whole development set and the NLU training data."""
    return train(training_examples())


def training_examples(without_author: str | None = None) -> list[Example]:
    """The development set (but one author's messages, for cross-validation) and the
    NLU examples."""
    dev = [e for e in load_examples() if e.author != without_author]
    return dev + load_nlu_examples() * NLU_REPEATS
