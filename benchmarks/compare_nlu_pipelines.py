"""The NLU pipeline with and without spaCy, on the held-out NLU set.

    make compare-nlu      (about 10 minutes on 2 cores)

Trains two NLU models from the same data and config.yml, differing only in the
tokenizer: SpacyNLP + SpacyTokenizer (lemmas feed the word CountVectorsFeaturizer), or
WhitespaceTokenizer (words as typed). Prints intent macro-F1, emergency recall (safety
net included) and training time for each; the figures go into docs/spacy_model.md.
"""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resursguiden.names import spacy_model_name  # noqa: E402

RASA = ROOT / ".venv" / "bin" / "rasa"
HELDOUT = ROOT / "tests" / "data" / "nlu_heldout.yml"
OUT = ROOT / "results" / "compare_nlu"
SPACY_PARTS = ("SpacyNLP", "SpacyTokenizer")


def variants(config: dict) -> dict[str, dict]:
    pipeline = config["pipeline"]
    names = [c["name"] for c in pipeline]
    if "SpacyNLP" in names:
        spacy_model = next(c for c in pipeline if c["name"] == "SpacyNLP")["model"]
        without = [c for c in pipeline if c["name"] not in SPACY_PARTS]
        with_spacy = pipeline
    else:
        spacy_model = spacy_model_name()
        without = pipeline
        rest = [c for c in pipeline if c["name"] != "WhitespaceTokenizer"]
        with_spacy = [{"name": "SpacyNLP", "model": spacy_model}, {"name": "SpacyTokenizer"}, *rest]
    if "WhitespaceTokenizer" not in [c["name"] for c in without]:
        without = [{"name": "WhitespaceTokenizer"}, *without]
    return {
        f"spaCy ({spacy_model})": {**copy.deepcopy(config), "pipeline": with_spacy},
        "whitespace": {**copy.deepcopy(config), "pipeline": without},
    }


def run(name: str, config: dict, work: Path) -> dict:
    slug = re.sub(r"\W+", "_", name).strip("_")
    config_file = work / f"{slug}.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    started = time.monotonic()
    subprocess.run(
        [
            RASA,
            "train",
            "nlu",
            "--config",
            config_file,
            "--out",
            work,
            "--fixed-model-name",
            slug,
            "--nlu",
            ROOT / "data",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    minutes = (time.monotonic() - started) / 60
    report_dir = OUT / slug
    subprocess.run(
        [
            RASA,
            "test",
            "nlu",
            "--model",
            work / f"{slug}.tar.gz",
            "--nlu",
            HELDOUT,
            "--out",
            report_dir,
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    summary = subprocess.run(
        [sys.executable, ROOT / "scripts" / "evaluate_nlu.py", report_dir],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    macro = re.search(r"intent macro-F1: ([\d.]+)", summary).group(1)
    emergency = re.search(r"emergency recall: ([\d.]+ \(\d+/\d+)", summary).group(1) + ")"
    return {"macro-F1": macro, "emergency recall": emergency, "training": f"{minutes:.1f} min"}


def main() -> None:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    OUT.mkdir(parents=True, exist_ok=True)
    results = {}
    with tempfile.TemporaryDirectory() as work:
        for name, variant in variants(config).items():
            print(f"training and testing: {name} …", flush=True)
            results[name] = run(name, variant, Path(work))
    print("\n| pipeline | intent macro-F1 | emergency recall | NLU training |")
    print("|---|---|---|---|")
    for name, figures in results.items():
        print(
            f"| {name} | {figures['macro-F1']} | {figures['emergency recall']} "
            f"| {figures['training']} |"
        )


if __name__ == "__main__":
    main()
