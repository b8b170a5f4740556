"""The intents an operator may give a proposed NLU example: the domain's own, with the
knowledge answers as faq/<topic>, without those only the danger detector sets."""

from __future__ import annotations

from functools import cache

import yaml

from console.database import ROOT

SET_BY_THE_DETECTOR = {"emergency", "english"}


@cache
def intents() -> list[str]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    names = [i if isinstance(i, str) else next(iter(i)) for i in domain.get("intents", [])]
    faq = sorted(
        r.split("/", 1)[1] for r in domain.get("responses", {}) if r.startswith("utter_faq/")
    )
    plain = [name for name in names if name not in SET_BY_THE_DETECTOR and name != "faq"]
    return plain + [f"faq/{topic}" for topic in faq]


def to_yaml(examples: list) -> str:
    """Rasa's NLU training-data format, one block per intent, for developers to review."""
    lines = [
        "# Proposed by operators from flagged messages in the console (redacted text).",
        "# Review each one before moving it into data/nlu/: never train on this file as it is.",
        'version: "3.1"',
        "nlu:",
    ]
    by_intent: dict[str, list[str]] = {}
    for example in examples:
        by_intent.setdefault(example.intent, [])
        if example.text not in by_intent[example.intent]:
            by_intent[example.intent].append(example.text)
    for intent, texts in by_intent.items():
        lines.append(f"- intent: {intent}")
        lines.append("  examples: |")
        lines.extend(f"    - {text}" for text in texts)
    return "\n".join(lines) + "\n"
