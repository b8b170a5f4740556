"""Anonymous statistics over conversation summaries, for operators and the resource
centres' reporting.

Every count between 1 and 4 is shown as "< 5", in tables, charts and exports, so that no
one can be singled out; a share is shown only when neither its part nor the rest is such
a small group.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from resursguiden.conversation_log import AGE_BANDS, NOT_SAID, ROLE_LABELS, Summary
from resursguiden.registry import default_registry

SMALLEST_SHOWN = 5
SUPPRESSED = "< 5"


def shown(count: int) -> str:
    """The count as it may be shown: 0, "< 5" or the number."""
    return SUPPRESSED if 0 < count < SMALLEST_SHOWN else str(count)


def share(part: int, whole: int) -> str:
    """ "42 %" or "–" when the part or the rest is a group of 1–4 (or nothing to divide)."""
    if whole == 0 or 0 < part < SMALLEST_SHOWN or 0 < whole - part < SMALLEST_SHOWN:
        return "–"
    return f"{round(100 * part / whole)} %"


@dataclass(frozen=True)
class Breakdown:
    title: str
    rows: tuple[tuple[str, int], ...]  # (label, count), in the order to show


@dataclass(frozen=True)
class Statistics:
    conversations: int
    emergencies: int
    reached_contact: int
    messages: int
    fallbacks: int
    breakdowns: tuple[Breakdown, ...]  # per day, per week, county, role, age band, outcome

    @property
    def reached_share(self) -> str:
        return share(self.reached_contact, self.conversations)

    @property
    def fallback_share(self) -> str:
        return share(self.fallbacks, self.messages)

    def breakdown(self, title: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.title == title)


def compute(
    summaries: list[Summary], first: date | None = None, last: date | None = None
) -> Statistics:
    """Statistics over the conversations that started between `first` and `last` (dates in
    Stockholm time); days and weeks without conversations are listed as 0."""
    summaries = [
        s
        for s in summaries
        if (first is None or s.day >= first) and (last is None or s.day <= last)
    ]
    days = [s.day for s in summaries]
    first = first or (min(days) if days else None)
    last = last or (max(days) if days else None)
    return Statistics(
        conversations=len(summaries),
        emergencies=sum(s.escalated for s in summaries),
        reached_contact=sum(s.reached_contact for s in summaries),
        messages=sum(s.messages for s in summaries),
        fallbacks=sum(s.fallbacks for s in summaries),
        breakdowns=(
            Breakdown("Per dag", tuple(_per_day(summaries, first, last))),
            Breakdown("Per vecka", tuple(_per_week(summaries, first, last))),
            Breakdown("Län", _counted([s.county or NOT_SAID for s in summaries])),
            Breakdown("Vem som skrev", _in_order(
                [ROLE_LABELS.get(s.role or "", NOT_SAID) for s in summaries],
                [*ROLE_LABELS.values(), NOT_SAID])),
            Breakdown("Ålder", _in_order(
                [s.age_band or NOT_SAID for s in summaries], [*AGE_BANDS, NOT_SAID])),
            Breakdown("Hänvisning", _counted(
                [outcome_name(o) for s in summaries for o in s.outcomes]
                + ["Ingen hänvisning"] * sum(not s.outcomes for s in summaries))),
        ),
    )  # fmt: skip


def outcome_name(outcome: str) -> str:
    """ "centre:origo" -> "Origo"; an id the registry no longer has stays as it was."""
    kind, _, contact_id = outcome.partition(":")
    registry = default_registry()
    try:
        return (
            registry.centre(contact_id).name if kind == "centre" else registry.line(contact_id).name
        )
    except (KeyError, StopIteration):
        return outcome


def to_csv(statistics: Statistics) -> str:
    """One table: what is counted, the group, the count (suppressed as on the page)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Mått", "Grupp", "Antal"])
    writer.writerow(["Samtal", "Alla", shown(statistics.conversations)])
    writer.writerow(["Akuta lägen", "Alla", shown(statistics.emergencies)])
    writer.writerow(["Fick en kontakt", "Alla", shown(statistics.reached_contact)])
    writer.writerow(["Andel som fick en kontakt", "Alla", statistics.reached_share])
    writer.writerow(["Andel meddelanden som boten inte förstod", "Alla", statistics.fallback_share])
    for breakdown in statistics.breakdowns:
        for label, count in breakdown.rows:
            writer.writerow([breakdown.title, label, shown(count)])
    return out.getvalue()


def _per_day(summaries: list[Summary], first: date | None, last: date | None):
    counts = Counter(s.day for s in summaries)
    day = first
    while day is not None and last is not None and day <= last:
        yield day.isoformat(), counts[day]
        day += timedelta(days=1)


def _per_week(summaries: list[Summary], first: date | None, last: date | None):
    def week(day: date) -> str:
        year, number, _ = day.isocalendar()
        return f"{year}-v{number:02d}"

    counts = Counter(week(s.day) for s in summaries)
    day, seen = first, []
    while day is not None and last is not None and day <= last:
        if week(day) not in seen:
            seen.append(week(day))
        day += timedelta(days=1)
    return [(label, counts[label]) for label in seen]


def _counted(labels: list[str]) -> tuple[tuple[str, int], ...]:
    """Largest first; ties by name."""
    return tuple(sorted(Counter(labels).items(), key=lambda item: (-item[1], item[0])))


def _in_order(labels: list[str], order: list[str]) -> tuple[tuple[str, int], ...]:
    counts = Counter(labels)
    return tuple((label, counts[label]) for label in order)
