"""Anonymous statistics over conversation summaries, for operators and the resource
centres' reporting.

Every count between 1 and 4 is shown as "< 5", in tables, charts and exports, so that no
one can be singled out. Totals are shown too, so a lone hidden count could be worked out
by subtraction: wherever that is possible another count is hidden with it ("dold", the
smallest one), as official statistics do; a share is shown only when neither its part nor
the rest is a small group. Periods are whole months (console), so that the difference of
two periods is itself a period with the same protection.
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
HIDDEN = "dold"  # a count of 5 or more hidden so that a "< 5" cannot be worked out


def shown(count: int) -> str:
    """The count as it may be shown: 0, "< 5" or the number."""
    return SUPPRESSED if 0 < count < SMALLEST_SHOWN else str(count)


def share(part: int, whole: int) -> str:
    """ "42 %" or "–" when the part or the rest is a group of 1–4 (or nothing to divide)."""
    if whole == 0 or 0 < part < SMALLEST_SHOWN or 0 < whole - part < SMALLEST_SHOWN:
        return "–"
    return f"{round(100 * part / whole)} %"


def is_small(count: int) -> bool:
    return 0 < count < SMALLEST_SHOWN


def part_of_total(part: int, total: int) -> str:
    """A count shown beside its total: hidden when the rest is a small group too."""
    if is_small(part):
        return SUPPRESSED
    return HIDDEN if is_small(total - part) else str(part)


@dataclass(frozen=True)
class Cell:
    label: str
    count: int  # never shown as it is: `text` is
    text: str  # the number, "0", "< 5" or "dold"

    @property
    def hidden(self) -> bool:
        return self.text in (SUPPRESSED, HIDDEN)


@dataclass(frozen=True)
class Breakdown:
    title: str
    rows: tuple[tuple[str, int], ...]  # (label, count), in the order to show
    cells: tuple[Cell, ...] = ()  # the same, as they may be shown


@dataclass(frozen=True)
class Statistics:
    conversations: int
    emergencies: int
    reached_contact: int
    messages: int
    fallbacks: int
    breakdowns: tuple[Breakdown, ...]  # per day, per week, county, role, age band, outcome

    @property
    def conversations_text(self) -> str:
        return shown(self.conversations)

    @property
    def emergencies_text(self) -> str:
        return part_of_total(self.emergencies, self.conversations)

    @property
    def reached_text(self) -> str:
        return part_of_total(self.reached_contact, self.conversations)

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
    per_day = tuple(_per_day(summaries, first, last))
    per_week = tuple(_per_week(summaries, first, last))
    week_cells = _protected(per_week, [list(range(len(per_week)))])
    return Statistics(
        conversations=len(summaries),
        emergencies=sum(s.escalated for s in summaries),
        reached_contact=sum(s.reached_contact for s in summaries),
        messages=sum(s.messages for s in summaries),
        fallbacks=sum(s.fallbacks for s in summaries),
        breakdowns=(
            Breakdown("Per dag", per_day, _days_protected(per_day, week_cells)),
            Breakdown("Per vecka", per_week, week_cells),
            _breakdown("Län", _counted([s.county or NOT_SAID for s in summaries])),
            _breakdown("Vem som skrev", _in_order(
                [ROLE_LABELS.get(s.role or "", NOT_SAID) for s in summaries],
                [*ROLE_LABELS.values(), NOT_SAID])),
            _breakdown("Ålder", _in_order(
                [s.age_band or NOT_SAID for s in summaries], [*AGE_BANDS, NOT_SAID])),
            _breakdown("Hänvisning", _counted(
                [outcome_name(o) for s in summaries for o in s.outcomes]
                + ["Ingen hänvisning"] * sum(not s.outcomes for s in summaries))),
        ),
    )  # fmt: skip


def _breakdown(title: str, rows: tuple[tuple[str, int], ...]) -> Breakdown:
    """Groups that add up to the total shown above them."""
    return Breakdown(title, rows, _protected(rows, [list(range(len(rows)))]))


def _protected(
    rows: tuple[tuple[str, int], ...], groups: list[list[int]], hidden: set[int] | None = None
) -> tuple[Cell, ...]:
    """Cells with the small counts hidden, and, in every group whose total can be known,
    never exactly one hidden: then the smallest other count is hidden too."""
    hidden = {i for i, (_, count) in enumerate(rows) if is_small(count)} | (hidden or set())
    changed = True
    while changed:
        changed = False
        for group in groups:
            if len([i for i in group if i in hidden]) == 1:
                others = [i for i in group if i not in hidden and rows[i][1] > 0]
                if others:
                    hidden.add(min(others, key=lambda i: rows[i][1]))
                    changed = True
    return tuple(
        Cell(label, count, SUPPRESSED if is_small(count) else HIDDEN if i in hidden else str(count))
        for i, (label, count) in enumerate(rows)
    )


def _days_protected(days: tuple[tuple[str, int], ...], weeks: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """Days add up to the period and to their week: a week shown must not give away a
    hidden day, and a hidden week must not be given away by its days."""
    week_of = [_week(date.fromisoformat(label)) for label, _ in days]
    groups = [list(range(len(days)))]
    hidden: set[int] = set()
    for week in weeks:
        members = [i for i, w in enumerate(week_of) if w == week.label]
        if not week.hidden:
            groups.append(members)
        elif not any(is_small(days[i][1]) for i in members):
            nonzero = [i for i in members if days[i][1] > 0]
            if nonzero:  # a week of 5 or more hidden: hide its smallest day too
                hidden.add(min(nonzero, key=lambda i: days[i][1]))
    return _protected(days, groups, hidden)


def months(first: str, last: str, today: date, most: int = 12) -> tuple[date, date]:
    """The period from the first day of month `first` to the last day of month `last`
    ("YYYY-MM"); this month when they are missing or wrong, `most` months at most."""

    def month(text: str) -> date | None:
        year, _, number = text.partition("-")
        if not (len(year) == 4 and year.isascii() and year.isdigit()):
            return None
        if not (number.isascii() and number.isdigit() and 1 <= int(number) <= 12):
            return None
        return date(int(year), int(number), 1) if 2000 <= int(year) <= 2100 else None

    this_month = today.replace(day=1)
    end = month(last) or this_month
    start = month(first) or end
    if start > end or (end.year - start.year) * 12 + end.month - start.month >= most:
        start = end
    following = date(end.year + end.month // 12, end.month % 12 + 1, 1)
    return start, following - timedelta(days=1)


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
    writer.writerow(["Samtal", "Alla", statistics.conversations_text])
    writer.writerow(["Akuta lägen", "Alla", statistics.emergencies_text])
    writer.writerow(["Fick en kontakt", "Alla", statistics.reached_text])
    writer.writerow(["Andel som fick en kontakt", "Alla", statistics.reached_share])
    writer.writerow(["Andel meddelanden som boten inte förstod", "Alla", statistics.fallback_share])
    for breakdown in statistics.breakdowns:
        for cell in breakdown.cells:
            writer.writerow([breakdown.title, cell.label, cell.text])
    return out.getvalue()


def _per_day(summaries: list[Summary], first: date | None, last: date | None):
    counts = Counter(s.day for s in summaries)
    day = first
    while day is not None and last is not None and day <= last:
        yield day.isoformat(), counts[day]
        day += timedelta(days=1)


def _week(day: date) -> str:
    year, number, _ = day.isocalendar()
    return f"{year}-v{number:02d}"


def _per_week(summaries: list[Summary], first: date | None, last: date | None):
    counts = Counter(_week(s.day) for s in summaries)
    day, seen = first, []
    while day is not None and last is not None and day <= last:
        if _week(day) not in seen:
            seen.append(_week(day))
        day += timedelta(days=1)
    return [(label, counts[label]) for label in seen]


def _counted(labels: list[str]) -> tuple[tuple[str, int], ...]:
    """Largest first; ties by name."""
    return tuple(sorted(Counter(labels).items(), key=lambda item: (-item[1], item[0])))


def _in_order(labels: list[str], order: list[str]) -> tuple[tuple[str, int], ...]:
    counts = Counter(labels)
    return tuple((label, counts[label]) for label in order)
