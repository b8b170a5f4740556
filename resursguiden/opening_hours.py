"""Opening hours: is a centre or line open now, and when does it open next?

Times are Europe/Stockholm. "Weekdays" are Monday to Friday, and a service with
opening hours is closed on Swedish public holidays and on the eves that are days off
in practice (Midsommarafton, Julafton, Nyårsafton), unless its entry says
`holidays: open`. The holidays come from the `holidays` package (version pinned in
requirements.txt). Half days before a holiday ("från kl. 14.00") count as ordinary
days: no source says the centres close early then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

STOCKHOLM = ZoneInfo("Europe/Stockholm")
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES_SV = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
WEEKDAYS = frozenset(DAY_NAMES[:5])
EVERY_DAY = frozenset(DAY_NAMES)
# How far ahead to look for the next opening: beyond a long Christmas break.
LOOKAHEAD_DAYS = 21


@dataclass(frozen=True)
class OpeningRule:
    days: frozenset[str]  # subset of DAY_NAMES
    opens: time
    closes: time  # time(0, 0) is never used for "midnight": closes > opens always

    def describe(self) -> str:
        return f"{describe_days(self.days)} {_clock(self.opens)}–{_clock(self.closes)}"


@dataclass(frozen=True)
class OpeningHours:
    """Always open, or open by rules. None (no OpeningHours) means: not known."""

    always: bool = False
    rules: tuple[OpeningRule, ...] = ()
    open_on_holidays: bool = False

    def describe(self) -> str:
        if self.always:
            return "dygnet runt"
        return ", ".join(rule.describe() for rule in self.rules)

    def is_open(self, now: datetime) -> bool:
        local = now.astimezone(STOCKHOLM)
        return any(opens <= local < closes for opens, closes in self._periods_on(local.date()))

    def next_opening(self, now: datetime) -> datetime | None:
        """The next moment it opens after `now`, or None when always open or never."""
        if self.always:
            return None
        local = now.astimezone(STOCKHOLM)
        for offset in range(LOOKAHEAD_DAYS + 1):
            day = local.date() + timedelta(days=offset)
            for opens, _closes in self._periods_on(day):
                if opens > local:
                    return opens
        return None

    def _periods_on(self, day: date) -> list[tuple[datetime, datetime]]:
        if self.always:
            start = datetime.combine(day, time(0, 0), STOCKHOLM)
            return [(start, start + timedelta(days=1))]
        if not self.open_on_holidays and is_day_off(day):
            return []
        weekday = DAY_NAMES[day.weekday()]
        return [
            (
                datetime.combine(day, rule.opens, STOCKHOLM),
                datetime.combine(day, rule.closes, STOCKHOLM),
            )
            for rule in self.rules
            if weekday in rule.days
        ]


@cache
def _swedish_days_off(year: int) -> dict[date, str]:
    # "public" are the helgdagar; "bank" adds the eves, among them half days
    # "(från kl. 14.00)" that we treat as ordinary days (see module docstring).
    calendar = holidays.Sweden(
        years=year, include_sundays=False, language="sv", categories=("public", "bank")
    )
    return {day: name for day, name in calendar.items() if "från kl." not in name}


def is_day_off(day: date) -> bool:
    """A Swedish public holiday, or Midsommarafton, Julafton or Nyårsafton."""
    return day in _swedish_days_off(day.year)


def day_off_name(day: date) -> str | None:
    return _swedish_days_off(day.year).get(day)


def describe_days(days: frozenset[str]) -> str:
    if days == EVERY_DAY:
        return "alla dagar"
    if days == WEEKDAYS:
        return "vardagar"
    names = [DAY_NAMES_SV[i] for i, name in enumerate(DAY_NAMES) if name in days]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def describe_moment(moment: datetime, now: datetime) -> str:
    """ "i dag kl. 10.00", "i morgon kl. 08.00", "måndag 29/12 kl. 08.00"."""
    local, today = moment.astimezone(STOCKHOLM), now.astimezone(STOCKHOLM).date()
    if local.date() == today:
        day = "i dag"
    elif local.date() == today + timedelta(days=1):
        day = "i morgon"
    else:
        day = f"{DAY_NAMES_SV[local.weekday()]} {local.day}/{local.month}"
    return f"{day} kl. {local:%H.%M}"


def _clock(moment: time) -> str:
    return f"{moment:%H.%M}" if moment.minute else f"{moment:%H}"


def parse_opening_hours(value: object, open_on_holidays: bool = False) -> OpeningHours | None:
    """From the registry's YAML form (already schema-checked) to OpeningHours."""
    if value is None:
        return None
    if value == "always":
        return OpeningHours(always=True)
    rules = []
    for rule in value:  # type: ignore[union-attr]
        days = rule["days"]
        day_set = (
            {"weekdays": WEEKDAYS, "daily": EVERY_DAY}.get(days) if isinstance(days, str) else None
        )
        rules.append(
            OpeningRule(
                days=day_set if day_set is not None else frozenset(days),
                opens=time.fromisoformat(rule["from"]),
                closes=time.fromisoformat(rule["to"]),
            )
        )
    return OpeningHours(rules=tuple(rules), open_on_holidays=open_on_holidays)
