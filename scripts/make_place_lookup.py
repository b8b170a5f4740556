"""Writes data/lookups/places.yml, the `place` lookup table, from the registry's geography.

    .venv/bin/python scripts/make_place_lookup.py           # write it
    .venv/bin/python scripts/make_place_lookup.py --check   # exit 1 if it is stale

The names come from registry/geo (municipalities, counties, Göteborg's districts and
the short forms in place_names.yml), so they are never copied by hand. RegexFeaturizer
turns the table into features that help DIET find `place` entities.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resursguiden.places import place_names  # noqa: E402

OUTPUT = ROOT / "data" / "lookups" / "places.yml"


def render() -> str:
    lines = [
        "# Made by scripts/make_place_lookup.py from registry/geo: do not edit by hand.",
        'version: "3.1"',
        "nlu:",
        "  - lookup: place",
        "    examples: |",
        *(f"      - {name}" for name in place_names()),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} is stale: run scripts/make_place_lookup.py")
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({text.count(chr(10)) - 5} names)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
