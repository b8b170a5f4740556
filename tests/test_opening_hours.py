"""Open now, and when next: weekdays, Swedish holidays and eves, summer time."""

from datetime import datetime, timezone

import pytest

from resursguiden.opening_hours import (
    STOCKHOLM,
    describe_moment,
    is_day_off,
    parse_opening_hours,
)
from resursguiden.registry import load_registry

WEEKDAYS_8_TO_17 = parse_opening_hours([{"days": "weekdays", "from": "08:00", "to": "17:00"}])
DAILY_7_TO_21 = parse_opening_hours(
    [{"days": "daily", "from": "07:00", "to": "21:00"}], open_on_holidays=True
)
MON_WED_FRI_9_TO_12 = parse_opening_hours(
    [{"days": ["mon", "wed", "fri"], "from": "09:00", "to": "12:00"}]
)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=STOCKHOLM)


@pytest.mark.parametrize(
    "moment, expected",
    [
        ("2026-11-26 07:59", False),  # Thursday, before opening
        ("2026-11-26 08:00", True),  # opens on the minute
        ("2026-11-26 16:59", True),
        ("2026-11-26 17:00", False),  # closes on the minute
        ("2026-11-28 12:00", False),  # Saturday
        ("2026-11-29 12:00", False),  # Sunday
        ("2026-06-19 12:00", False),  # Midsommarafton, a Friday
        ("2026-12-24 12:00", False),  # Julafton
        ("2026-12-31 12:00", False),  # Nyårsafton
        ("2026-01-06 12:00", False),  # Trettondedag jul, a Tuesday
        ("2026-04-03 12:00", False),  # Långfredagen
        ("2026-05-14 12:00", False),  # Kristi himmelsfärdsdag
        ("2026-06-18 12:00", True),  # day before Midsommarafton: a half day, counted as open
        ("2026-05-15 12:00", True),  # klämdag: an ordinary working day
    ],
)
def test_weekday_hours_follow_swedish_holidays_and_eves(moment, expected):
    assert WEEKDAYS_8_TO_17.is_open(at(moment)) is expected


def test_a_line_open_every_day_stays_open_on_holidays():
    assert DAILY_7_TO_21.is_open(at("2026-12-24 20:00"))
    assert not DAILY_7_TO_21.is_open(at("2026-12-24 21:30"))


def test_next_opening_skips_the_weekend():
    friday_evening = at("2026-11-27 18:00")
    assert WEEKDAYS_8_TO_17.next_opening(friday_evening) == at("2026-11-30 08:00")


def test_next_opening_skips_christmas():
    # 23 Dec 2026 is a Wednesday; 24-26 Dec, then the weekend; Monday 28 Dec opens.
    assert WEEKDAYS_8_TO_17.next_opening(at("2026-12-23 17:30")) == at("2026-12-28 08:00")


def test_next_opening_later_the_same_day():
    assert MON_WED_FRI_9_TO_12.next_opening(at("2026-11-27 08:15")) == at("2026-11-27 09:00")


def test_next_opening_for_a_line_open_three_days_a_week():
    # Friday after closing -> Monday; Monday after closing -> Wednesday.
    assert MON_WED_FRI_9_TO_12.next_opening(at("2026-11-27 12:00")) == at("2026-11-30 09:00")
    assert MON_WED_FRI_9_TO_12.next_opening(at("2026-11-30 13:00")) == at("2026-12-02 09:00")


def test_times_are_stockholm_time_whatever_zone_now_is_given_in():
    # 07:30 UTC in November is 08:30 in Stockholm (CET, UTC+1); in June 09:30 (CEST).
    assert WEEKDAYS_8_TO_17.is_open(datetime(2026, 11, 26, 7, 30, tzinfo=timezone.utc))
    assert not WEEKDAYS_8_TO_17.is_open(datetime(2026, 11, 26, 6, 30, tzinfo=timezone.utc))
    assert WEEKDAYS_8_TO_17.is_open(datetime(2026, 6, 10, 6, 30, tzinfo=timezone.utc))


def test_next_opening_across_the_switch_to_summer_time():
    # Summer time starts Sunday 29 March 2026; Monday opens at 08:00 local (06:00 UTC).
    opening = WEEKDAYS_8_TO_17.next_opening(at("2026-03-27 18:00"))
    assert opening == at("2026-03-30 08:00")
    assert opening.astimezone(timezone.utc).hour == 6


def test_always_open_has_no_next_opening():
    always = parse_opening_hours("always")
    assert always.is_open(at("2026-12-24 03:00"))
    assert always.next_opening(at("2026-12-24 03:00")) is None


def test_hours_are_described_in_swedish():
    assert WEEKDAYS_8_TO_17.describe() == "vardagar 08–17"
    assert MON_WED_FRI_9_TO_12.describe() == "måndag, onsdag och fredag 09–12"
    assert DAILY_7_TO_21.describe() == "alla dagar 07–21"
    assert parse_opening_hours("always").describe() == "dygnet runt"


def test_moments_are_described_relative_to_now():
    now = at("2026-11-26 20:00")
    assert describe_moment(at("2026-11-27 08:00"), now) == "i morgon kl. 08.00"
    assert describe_moment(at("2026-11-26 21:00"), now) == "i dag kl. 21.00"
    assert describe_moment(at("2026-11-30 10:00"), now) == "måndag 30/11 kl. 10.00"


def test_holiday_calendar_covers_coming_years():
    assert is_day_off(datetime(2030, 12, 24).date())
    assert is_day_off(datetime(2030, 6, 21).date())  # Midsommarafton 2030
    assert not is_day_off(datetime(2030, 6, 20).date())


def test_registry_hours_are_those_the_sources_give():
    registry = load_registry()
    hours = {c.id: c.opening_hours.describe() for c in registry.centres if c.opening_hours}
    assert hours == {
        "barnahus-gavleborg": "vardagar 08–17",
        "centrum-mot-hedersrelaterat-vald-vastmanland": "vardagar 10–15",
    }
    assert registry.line("nationella-stodtelefonen").opening_hours.describe() == (
        "måndag, onsdag och fredag 09–12"
    )
    assert registry.line("ratt-att-valja").opening_hours.is_open(at("2026-12-24 10:00"))
