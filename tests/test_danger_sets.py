"""The danger sets: what the detector is measured on is sound, and kept apart.

The held-out sets (tests/data/danger/heldout, and the everyday messages in
tests/data/danger/everyday) are never tuned on; the development set (safety/danger_dev)
is. A message in both would make the held-out figures a lie.
"""

import re
from pathlib import Path

import pytest
import yaml

from resursguiden.danger.training import (
    DEV_SET,
    EVERYDAY_KINDS,
    load_examples,
    load_nlu_examples,
)

HELD_OUT = Path(__file__).parent / "data" / "danger" / "heldout"
EVERYDAY = HELD_OUT.parent / "everyday"
EVERYDAY_DEV_AUTHORS = {"ea", "eb", "ec"}  # written to EVERYDAY_BRIEF.md
ACUTE_KINDS = {
    "violence_threat", "suicide_selfharm", "taken_abroad", "kept_inside_passport",
    "sexual_violence", "unclear_cry",
}  # fmt: skip
CALM_KINDS = {
    "negated", "past_over", "fact_question", "hypothetical", "fiction_media_school",
    "travel", "games_sport", "hyperbole_joke", "professional_general", "other_sense",
    "serious_not_acute",
}  # fmt: skip


def same(text: str) -> str:
    """Compared after case, spacing and punctuation."""
    return " ".join(re.findall(r"\w+", text.lower()))


@pytest.mark.parametrize(
    "folder", [DEV_SET, HELD_OUT, EVERYDAY], ids=["dev", "heldout", "everyday"]
)
def test_every_file_has_the_briefs_shape_and_kinds(folder):
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["author"] and set(data) >= {"acute", "calm"}, path
        for item in data["acute"]:
            assert item["kind"] in ACUTE_KINDS and item["text"].strip(), (path, item)
        for item in data["calm"]:
            everyday = folder == EVERYDAY or path.stem in EVERYDAY_DEV_AUTHORS
            kinds = EVERYDAY_KINDS if everyday else CALM_KINDS
            assert item["kind"] in kinds and item["text"].strip(), (path, item)


def test_the_held_out_set_has_at_least_300_of_each_and_every_kind():
    examples = load_examples(HELD_OUT)
    acute = [e for e in examples if e.label == "acute"]
    calm = [e for e in examples if e.label == "calm"]
    assert len(acute) >= 300 and len(calm) >= 300
    assert {e.kind for e in acute} == ACUTE_KINDS and {e.kind for e in calm} == CALM_KINDS


def test_the_development_set_has_at_least_300_of_each():
    examples = load_examples(DEV_SET)
    assert sum(e.label == "acute" for e in examples) >= 300
    assert sum(e.label == "calm" for e in examples) >= 300


def test_the_everyday_held_out_set_has_at_least_300_of_every_kind():
    examples = load_examples(EVERYDAY)
    assert len(examples) >= 300 and {e.kind for e in examples} == EVERYDAY_KINDS


def test_no_message_is_in_both_sets():
    """Nor is an everyday held-out message among the NLU examples the classifier learns."""
    dev = {same(e.text) for e in load_examples(DEV_SET)}
    nlu = {same(e.text) for e in load_nlu_examples()}
    both = [e.text for e in load_examples(HELD_OUT) if same(e.text) in dev]
    both += [e.text for e in load_examples(EVERYDAY) if same(e.text) in dev | nlu]
    assert not both


def test_the_readme_names_every_author():
    readme = (HELD_OUT.parent / "README.md").read_text(encoding="utf-8")
    for path in [*DEV_SET.glob("*.yml"), *HELD_OUT.glob("*.yml"), *EVERYDAY.glob("*.yml")]:
        assert f"`{path.stem}`" in readme, path
