"""The whole routing table as Markdown, so a person can check it against the seed page.

    python -m resursguiden.routing_table          # print it and write docs/routing_table.md
    python -m resursguiden.routing_table --check  # exit 1 if docs/routing_table.md is stale

For every county it asks `route()` about every municipality (and every Göteborg
district) for every audience and age band, and prints one table per group of places
that get the same answers. Opening hours are left out: they change by the hour.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from resursguiden.geography import GOTEBORG_CODE, Place, load_geography
from resursguiden.opening_hours import STOCKHOLM
from resursguiden.registry import Audience, Registry, default_registry
from resursguiden.routing import RoutingResult, route

OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "routing_table.md"
# The ages at which the answers can change, and the labels the tests use too.
AGE_BANDS: tuple[tuple[str, int | None], ...] = (
    ("under 13 (12)", 12),
    ("13", 13),
    ("17", 17),
    ("18", 18),
    ("26", 26),
    ("27", 27),
    ("vuxen (40)", 40),
    ("okänd", None),
)
AUDIENCE_COLUMNS = (
    (Audience.AFFECTED, "Utsatt"),
    (Audience.CLOSE, "Närstående"),
    (Audience.PROFESSIONALS, "Yrkesverksam"),
    (Audience.CIVIL_SOCIETY, "Civilsamhälle"),
)
# A fixed moment: the table must not depend on when it is made.
FIXED_NOW = datetime(2026, 1, 7, 12, 0, tzinfo=STOCKHOLM)


def cell(result: RoutingResult) -> str:
    names = [
        c.name + (" (täckning osäker)" if c.coverage_uncertain else "") for c in result.centres
    ]
    text = " + ".join(names) if names else "–"
    if result.for_the_person_you_worry_about:
        tips = ", ".join(c.name for c in result.for_the_person_you_worry_about)
        text += f" (den utsatta kan vända sig till {tips})"
    if "district" in result.would_help:
        text += " ¹"
    if "municipality" in result.would_help:
        text += " ²"
    return text


def answers_for(place: Place, registry: Registry) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(
            cell(route(place, age, audience, FIXED_NOW, registry))
            for audience, _ in AUDIENCE_COLUMNS
        )
        for _, age in AGE_BANDS
    )


def places_in_county(county_code: str) -> list[tuple[str, Place]]:
    geography = load_geography()
    places = [("bara länet angivet", Place(county_code))]
    for municipality in sorted(geography.municipalities_in(county_code), key=lambda m: m.name):
        if municipality.code == GOTEBORG_CODE:
            places.append(("Göteborg, stadsområde okänt", Place(county_code, municipality.code)))
            places.extend(
                (f"Göteborg {district}", Place(county_code, municipality.code, district))
                for district in geography.districts
            )
        else:
            places.append((municipality.name, Place(county_code, municipality.code)))
    return places


def county_section(county_code: str, registry: Registry) -> list[str]:
    county = load_geography().county(county_code)
    groups: dict[tuple, list[str]] = {}
    for label, place in places_in_county(county_code):
        groups.setdefault(answers_for(place, registry), []).append(label)

    lines = [f"## {county.name}", ""]
    for answers, labels in groups.items():
        everywhere = len(groups) == 1
        lines.append(f"**{'Hela länet' if everywhere else ', '.join(labels)}**")
        lines.append("")
        if all(cell == "–" for row in answers for cell in row):
            lines += ["Inget regionalt resurscentrum, för någon ålder eller målgrupp.", ""]
            continue
        lines.append("| Ålder | " + " | ".join(label for _, label in AUDIENCE_COLUMNS) + " |")
        lines.append("|---" * (len(AUDIENCE_COLUMNS) + 1) + "|")
        for (band, _), row in zip(AGE_BANDS, answers, strict=True):
            lines.append(f"| {band} | " + " | ".join(row) + " |")
        lines.append("")
    return lines


def national_lines_section(registry: Registry) -> list[str]:
    somewhere = Place("01")
    lines = ["## Nationella linjer (samma i hela landet)", ""]
    lines.append("| Ålder | " + " | ".join(label for _, label in AUDIENCE_COLUMNS) + " |")
    lines.append("|---" * (len(AUDIENCE_COLUMNS) + 1) + "|")
    for band, age in AGE_BANDS:
        row = []
        for audience, _ in AUDIENCE_COLUMNS:
            result = route(somewhere, age, audience, FIXED_NOW, registry)
            row.append(", ".join(c.name for c in result.national_lines) or "–")
        lines.append(f"| {band} | " + " | ".join(row) + " |")
    return [*lines, ""]


def render(registry: Registry | None = None) -> str:
    registry = registry or default_registry()
    lines = [
        "# Routing table",
        "",
        "Made by `python -m resursguiden.routing_table` from `registry/` — do not edit by hand.",
        "Each cell lists the regional centres `route()` gives, most local first; – means none,",
        "and then the national lines and the local social services lead. The age is that of the",
        "person concerned (for professionals: the young person they ask about). Every answer",
        "also holds the national lines below and the local social services.",
        "¹ In Göteborg, telling the stadsområde adds that area's Resursteam Heder.",
        "² Telling the municipality can add a centre that covers only part of the county.",
        "",
    ]
    lines += national_lines_section(registry)
    for county_code in sorted(load_geography().counties):
        lines += county_section(county_code, registry)
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    table = render()
    if "--check" in argv:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != table:
            print(f"{OUTPUT} is out of date: run `python -m resursguiden.routing_table`")
            return 1
        return 0
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
