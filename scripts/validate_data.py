"""`rasa data validate --fail-on-warning`, made strict and aware of our own code.

Rasa 3.6 prints some problems (an intent or response used nowhere) as warnings without
failing, so here any warning fails. Except three kinds that say nothing wrong:
- a response or intent that no story or rule names but the code uses: a form's
  question (utter_ask_<slot>) or a name in actions/ or rasa_extensions/;
- an intent without NLU examples that our own NLU component sets (`emergency` and
  `english`, set by rasa_extensions/danger_detector.py, never by DIET);
- "duplicated intents" for a retrieval intent (faq): Rasa merges the retrieval intents
  of the NLU data into the domain, where its docs ask them to be listed too.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
UNUSED = re.compile(r"The (?:intent|utterance) '([^']+)' is not used in any story or rule\.")
NO_EXAMPLES = re.compile(
    r"The intent '([^']+)' is listed in the domain file, but is not found in the NLU"
)
DUPLICATED = re.compile(r"duplicated intents have been found across multiple domain files: (.+)$")


def names_used_by_code() -> set[str]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    used = {
        f"utter_ask_{slot}"
        for form in domain.get("forms", {}).values()
        for slot in form.get("required_slots", [])
    }
    for folder in ("actions", "rasa_extensions"):
        for path in (ROOT / folder).glob("*.py"):
            used.update(re.findall(r"[\"'](\w+)[\"']", path.read_text(encoding="utf-8")))
    return used


def retrieval_intents() -> set[str]:
    names = set()
    for path in (ROOT / "data").rglob("*.yml"):
        names.update(re.findall(r"intent: (\w+)/\w+", path.read_text(encoding="utf-8")))
    return names


def main() -> int:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    run = subprocess.run(
        [str(ROOT / ".venv/bin/rasa"), "data", "validate", "--fail-on-warning"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    output = run.stdout + run.stderr
    if run.returncode != 0:
        print(output)
        return 1
    used, retrieval = names_used_by_code(), retrieval_intents()
    problems = []
    for line in output.splitlines():
        if "UserWarning: " not in line:
            continue
        message = line.split("UserWarning: ", 1)[1].strip()
        unused = UNUSED.search(message) or NO_EXAMPLES.search(message)
        if unused and unused.group(1) in used:
            continue
        duplicated = DUPLICATED.search(message)
        if duplicated and set(duplicated.group(1).split(", ")) <= retrieval:
            continue
        problems.append(message)
    if problems:
        print("rasa data validate warned:")
        print("\n".join(f"  {problem}" for problem in problems))
        return 1
    print("rasa data validate: no warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
