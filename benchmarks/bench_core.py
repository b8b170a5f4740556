"""Prints how long the core's hot calls take: route(), resolve_place() and parse_age().

    make benchmark        (or .venv/bin/python benchmarks/bench_core.py)

Each runs once per chat message, so all should stay far below a millisecond. Figures
are printed, not asserted: timing depends on the machine and on what else runs there.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from resursguiden.ages import parse_age  # noqa: E402
from resursguiden.geography import Place, load_geography, place_of_municipality  # noqa: E402
from resursguiden.opening_hours import STOCKHOLM  # noqa: E402
from resursguiden.places import resolve_place  # noqa: E402
from resursguiden.registry import Audience, default_registry  # noqa: E402
from resursguiden.routing import route  # noqa: E402

NOW = datetime(2026, 11, 26, 20, 0, tzinfo=STOCKHOLM)
MESSAGES = [
    "Malmö",
    "jag bor i stokholm",
    "jag är 15 och bor i Malmö",
    "hej jag bor i angered och mina föräldrar bestämmer allt",
    "mina föräldrar säger att de ska gifta bort mig i sommar och jag vet inte vad jag ska göra",
    "jag har en elev som är orolig för att bli bortgift, vart vänder jag mig för konsultation?",
]


def measure(name: str, calls: list[Callable[[], object]], repeat: int = 5) -> None:
    per_call = []
    for _ in range(repeat):
        started = time.perf_counter()
        for call in calls:
            call()
        per_call.append((time.perf_counter() - started) / len(calls))
    best, median = min(per_call), statistics.median(per_call)
    figures = f"best {best * 1e6:7.1f} µs   median {median * 1e6:7.1f} µs"
    print(f"{name:<34} {len(calls):>6} calls   {figures}")


def main() -> None:
    started = time.perf_counter()
    default_registry()
    resolve_place("warm up")
    print(
        f"loading registry and place indexes once: {(time.perf_counter() - started) * 1000:.0f} ms"
    )

    geography = load_geography()
    places = [Place(m.county_code, m.code) for m in geography.municipalities.values()]
    places += [place_of_municipality("Göteborg", d) for d in geography.districts]
    routes = [
        (lambda p=p, a=a, u=u: route(p, a, u, NOW))
        for p in places
        for u in Audience
        for a in (12, 16, 30, None)
    ]
    measure("route()", routes)
    measure("resolve_place(), chat messages", [lambda m=m: resolve_place(m) for m in MESSAGES * 50])
    names = [m.name for m in geography.municipalities.values()]
    measure(
        "resolve_place(), whole answers",
        [lambda n=n: resolve_place(n, whole_answer=True) for n in names],
    )
    measure("parse_age(), chat messages", [lambda m=m: parse_age(m) for m in MESSAGES * 50])


if __name__ == "__main__":
    main()
