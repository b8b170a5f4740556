"""Recall of the person-name finder on hand-labelled chat messages.

    make evaluate-names      (part of `make evaluate`, so of `make test`)

tests/data/names_labelled.yml marks every name in [brackets]; it was written separately
from resursguiden/names.py. A name counts as found when every character of it lies in
a span the finder returned (it would be removed entirely). Also printed: the words
removed that were not names, the price of the finder's caution.
Exits 1 when recall falls below the target.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resursguiden.names import find_names  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "names_labelled.yml"
RECALL_TARGET = 0.9


def read_labelled(message: str) -> tuple[str, list[tuple[int, int]]]:
    """ "Min pappa [Ahmed] hotade mig" → the plain text and the names' character spans."""
    text, spans, position = "", [], 0
    for match in re.finditer(r"\[([^\]]+)\]", message):
        text += message[position : match.start()]
        spans.append((len(text), len(text) + len(match.group(1))))
        text += match.group(1)
        position = match.end()
    return text + message[position:], spans


def main() -> int:
    messages = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))["messages"]
    names = found = 0
    missed, wrongly_removed = [], []
    for message in messages:
        text, gold = read_labelled(message)
        removed = set()
        for span in find_names(text):
            removed.update(range(span.start, span.end))
        for start, end in gold:
            names += 1
            if set(range(start, end)) <= removed:
                found += 1
            else:
                missed.append(f"{text[start:end]!r} in {text!r}")
        in_names = {i for start, end in gold for i in range(start, end)}
        for word in re.finditer(r"\w+", text):
            if set(range(word.start(), word.end())) <= removed - in_names:
                wrongly_removed.append(f"{word.group()!r} in {text!r}")

    recall = found / names
    print(f"person names: {found} of {names} found, recall {recall:.3f} (target ≥ {RECALL_TARGET})")
    print(f"words removed that are not names: {len(wrongly_removed)} in {len(messages)} messages")
    for line in missed:
        print(f"  missed: {line}")
    for line in wrongly_removed:
        print(f"  not a name: {line}")
    return 0 if recall >= RECALL_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
