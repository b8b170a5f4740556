"""Held-out NLU evaluation: per-intent precision, recall and F1, and the confusions.

    make evaluate      (runs `rasa test nlu` on tests/data/nlu_heldout.yml, then this)

The held-out set was written separately from the training data and is never trained
on. The whole NLU pipeline runs, the safety net included. Targets: intent macro-F1 of
at least 0.93, and recall 1.0 for the emergency intent: every held-out emergency
message must be answered by the emergency path.
Exits 1 when a target is missed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT_DIR = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "results" / "nlu"
EMERGENCY_INTENTS = ("emergency",)
MACRO_F1_TARGET = 0.93
EMERGENCY_RECALL_TARGET = 1.0


def load_report() -> tuple[dict, list[dict]]:
    report = json.loads((REPORT_DIR / "intent_report.json").read_text(encoding="utf-8"))
    errors_file = REPORT_DIR / "intent_errors.json"
    errors = json.loads(errors_file.read_text(encoding="utf-8")) if errors_file.exists() else []
    return report, errors


def emergency_recall(report: dict, errors: list[dict]) -> tuple[int, int]:
    """(caught, total): held-out emergencies that got any emergency intent."""
    total = sum(report[name]["support"] for name in EMERGENCY_INTENTS if name in report)
    missed = sum(
        1
        for error in errors
        if error["intent"] in EMERGENCY_INTENTS
        and error["intent_prediction"]["name"] not in EMERGENCY_INTENTS
    )
    return total - missed, total


def table(report: dict) -> str:
    intents = sorted(
        k for k, v in report.items() if isinstance(v, dict) and "support" in v and "avg" not in k
    )
    lines = [
        "| intent | precision | recall | F1 | support | confused with |",
        "|---|---|---|---|---|---|",
    ]
    for name in intents:
        row = report[name]
        confused = ", ".join(f"{other} ({n})" for other, n in row.get("confused_with", {}).items())
        lines.append(
            f"| {name} | {row['precision']:.2f} | {row['recall']:.2f} | {row['f1-score']:.2f} "
            f"| {row['support']} | {confused} |"
        )
    return "\n".join(lines)


def main() -> int:
    report, errors = load_report()
    macro_f1 = report["macro avg"]["f1-score"]
    caught, total = emergency_recall(report, errors)
    recall = caught / total if total else 0.0

    print(table(report))
    print()
    print(f"intent macro-F1: {macro_f1:.3f} (target ≥ {MACRO_F1_TARGET})")
    print(f"emergency recall: {recall:.3f} ({caught}/{total}, target {EMERGENCY_RECALL_TARGET})")
    missed = [
        e
        for e in errors
        if e["intent"] in EMERGENCY_INTENTS
        and e["intent_prediction"]["name"] not in EMERGENCY_INTENTS
    ]
    for error in missed:
        print(f"  missed emergency: {error['text']!r} -> {error['intent_prediction']['name']}")

    ok = macro_f1 >= MACRO_F1_TARGET and recall >= EMERGENCY_RECALL_TARGET
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
