"""Registry health: every centre and line with the date it was last checked against its
source; those older than STALE_AFTER_DAYS need checking again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from resursguiden.registry import default_registry

STALE_AFTER_DAYS = 180


@dataclass(frozen=True)
class RegistryRow:
    kind: str  # "Resurscentrum" | "Stödlinje"
    id: str
    name: str
    verified: date
    age_days: int
    source: str

    @property
    def stale(self) -> bool:
        return self.age_days > STALE_AFTER_DAYS


def registry_health(today: date) -> list[RegistryRow]:
    registry = default_registry()

    def title(source: str) -> str:
        found = registry.sources.get(source)
        return found.title if found else source

    rows = [
        RegistryRow(
            "Resurscentrum", c.id, c.name, c.verified, (today - c.verified).days, title(c.source)
        )
        for c in registry.centres
    ] + [
        RegistryRow(
            "Stödlinje",
            line.id,
            line.name,
            line.verified,
            (today - line.verified).days,
            title(line.source),
        )
        for line in registry.lines
    ]
    # The oldest check first: that is the work to do.
    return sorted(rows, key=lambda row: (-row.age_days, row.name))
