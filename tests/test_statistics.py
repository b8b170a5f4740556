"""Conversation summaries, transcripts and the anonymous statistics (the core part of the
operator console), from event dictionaries as the tracker store keeps them."""

from datetime import date, datetime

from console.charts import bar_chart
from console.filters import page_of
from resursguiden.conversation_log import summarize, transcript
from resursguiden.opening_hours import STOCKHOLM
from resursguiden.statistics import Cell, compute, months, shown, to_csv

MONDAY_NOON = datetime(2026, 11, 23, 12, 0, tzinfo=STOCKHOLM).timestamp()


def user(text, intent="inform", confidence=0.95, at=MONDAY_NOON):
    return {
        "event": "user", "timestamp": at, "text": text,
        "parse_data": {"intent": {"name": intent, "confidence": confidence}},
    }  # fmt: skip


def slot(name, value, at=MONDAY_NOON):
    return {"event": "slot", "timestamp": at, "name": name, "value": value}


def action(name, policy="policy_1_RulePolicy", at=MONDAY_NOON):
    return {"event": "action", "timestamp": at, "name": name, "policy": policy}


def bot(text, at=MONDAY_NOON):
    return {"event": "bot", "timestamp": at, "text": text, "data": {}}


def numbered(events):
    return list(enumerate(events, start=1))


def routed(county_place="03:0380", age=16, role="affected", outcome="centre:origo", at=MONDAY_NOON):
    return numbered(
        [
            user("jag bor i Uppsala och är 16", at=at),
            slot("role", role, at=at),
            slot("place", county_place, at=at),
            slot("age", age, at=at),
            action("action_give_route", at=at),
            bot("Det här kan hjälpa dig", at=at),
            slot("outcome", outcome, at=at),
        ]
    )


def test_a_summary_reads_what_the_conversation_recorded_not_the_bots_words():
    summary = summarize("a" * 32, routed())
    assert summary.county == "Uppsala län"
    assert summary.role == "affected"
    assert summary.age_band == "13–17"
    assert summary.outcomes == ("centre:origo",)
    assert summary.messages == 1
    assert not summary.escalated and summary.fallbacks == 0
    assert summary.day == date(2026, 11, 23)


def test_unknown_answers_are_not_said_and_an_emergency_or_fallback_is_counted():
    events = numbered(
        [
            user("vill inte säga"),
            slot("place", "unknown"),
            slot("age", "unknown"),
            user("asdf", intent="nlu_fallback", confidence=0.2),
            action("utter_default"),
            user("han slår mig", intent="emergency"),
            action("utter_emergency", policy="policy_4_EmergencyPolicy"),
            slot("escalated", True),
        ]
    )
    summary = summarize("b" * 32, events)
    assert summary.county is None and summary.age_band is None and summary.role is None
    assert summary.escalated and summary.fallbacks == 1 and not summary.reached_contact


def test_the_transcript_marks_fallbacks_low_confidence_and_the_emergency_path():
    entries = transcript(
        numbered(
            [
                user("hmm", intent="nlu_fallback", confidence=0.3),
                action("utter_default"),
                action("action_listen"),
                user("kanske", intent="affirm", confidence=0.5),
                action("action_listen"),
                user("han hotar mig med kniv", intent="emergency", confidence=1.0),
                action("utter_emergency", policy="policy_4_EmergencyPolicy"),
                bot("Ring 112 nu."),
            ]
        )
    )
    users = [e for e in entries if e.kind == "user"]
    assert [u.fallback for u in users] == [True, False, False]
    assert [u.low_confidence for u in users] == [True, True, False]
    assert users[2].emergency
    assert [e.text for e in entries if e.kind == "bot" and e.emergency] == ["Ring 112 nu."]
    assert all(e.text != "action_listen" for e in entries)


def cell_texts(breakdown) -> dict[str, str]:
    return {cell.label: cell.text for cell in breakdown.cells}


def test_counts_of_one_to_four_are_suppressed_everywhere():
    assert [shown(n) for n in (0, 1, 4, 5, 12)] == ["0", "< 5", "< 5", "5", "12"]
    summaries = [summarize(f"{i:032x}", routed()) for i in range(6)]
    summaries += [summarize("c" * 32, routed("17:1780", 30, "professionals", "line:bris"))]
    stats = compute(summaries, date(2026, 11, 23), date(2026, 11, 24))

    assert stats.conversations == 7
    assert stats.breakdown("Län").rows == (("Uppsala län", 6), ("Värmlands län", 1))
    # 7 in all and 1 hidden: Uppsala's 6 would give Värmland away, so it is hidden too.
    assert cell_texts(stats.breakdown("Län")) == {"Uppsala län": "dold", "Värmlands län": "< 5"}
    assert dict(stats.breakdown("Per dag").rows) == {"2026-11-23": 7, "2026-11-24": 0}
    exported = to_csv(stats)
    assert "Län,Uppsala län,dold\n" in exported
    assert "Län,Värmlands län,< 5\n" in exported
    assert "Vem som skrev,Yrkesverksam,< 5\n" in exported
    assert "Samtal,Alla,7\n" in exported
    assert not any(line.endswith(",6") for line in exported.splitlines())

    chart = str(bar_chart("Län", stats.breakdown("Län").cells))
    assert ">&lt; 5</text>" in chart and ">dold</text>" in chart
    assert chart.count('class="bar suppressed"') == 2 and ">6<" not in chart


def test_with_two_small_groups_the_large_ones_are_shown():
    summaries = [summarize(f"{i:032x}", routed()) for i in range(6)]
    summaries += [summarize("c" * 32, routed("17:1780", 30, "professionals", "line:bris"))]
    summaries += [summarize("e" * 32, routed("07:0780", 30, "professionals", "line:bris"))]
    texts = cell_texts(compute(summaries).breakdown("Län"))
    assert texts == {"Uppsala län": "6", "Värmlands län": "< 5", "Kronobergs län": "< 5"}


def test_a_week_shown_never_gives_a_hidden_day_away_nor_days_a_hidden_week():
    monday = MONDAY_NOON
    day = 86_400
    summaries = [summarize(f"{i:032x}", routed(at=monday)) for i in range(6)]  # Monday: 6
    summaries += [summarize(f"{i:032x}a", routed(at=monday + day)) for i in range(2)]  # Tue: 2
    stats = compute(summaries, date(2026, 11, 23), date(2026, 11, 29))
    days = cell_texts(stats.breakdown("Per dag"))
    assert days["2026-11-24"] == "< 5" and days["2026-11-23"] == "dold"
    assert cell_texts(stats.breakdown("Per vecka")) == {"2026-v48": "8"}

    # A week of 1–4 beside a week of 9: the large week is hidden, and so is its day.
    later = [summarize(f"{i:032x}b", routed(at=monday + 7 * day)) for i in range(9)]
    stats = compute(summaries[6:] + later, date(2026, 11, 23), date(2026, 12, 6))
    assert cell_texts(stats.breakdown("Per vecka")) == {"2026-v48": "< 5", "2026-v49": "dold"}
    assert cell_texts(stats.breakdown("Per dag"))["2026-11-30"] == "dold"


def test_a_period_is_whole_months_and_bad_months_give_this_month():
    today = date(2026, 11, 30)
    assert months("2026-09", "2026-10", today) == (date(2026, 9, 1), date(2026, 10, 31))
    assert months("", "", today) == (date(2026, 11, 1), date(2026, 11, 30))
    assert months("2026-12", "2026-12", today) == (date(2026, 12, 1), date(2026, 12, 31))
    for bad in ("0001-01", "9999-12", "2026-13", "2026-²", "x", "2026-11-05", "'; --"):
        assert months(bad, bad, today) == (date(2026, 11, 1), date(2026, 11, 30)), bad
    assert months("2026-11", "2026-01", today)[0] == date(2026, 1, 1)  # reversed: one month
    assert months("2020-01", "2026-11", today)[0] == date(2026, 11, 1)  # over 12 months


def test_a_share_is_hidden_when_the_part_or_the_rest_is_a_small_group():
    summaries = [summarize(f"{i:032x}", routed()) for i in range(8)]
    summaries.append(summarize("d" * 32, numbered([user("hej", at=MONDAY_NOON)])))
    stats = compute(summaries)
    assert stats.reached_contact == 8
    assert stats.reached_share == "–"  # 1 did not reach a contact: that one is hidden
    assert "Andel som fick en kontakt,Alla,–" in to_csv(stats)


def test_labels_in_charts_are_escaped():
    chart = str(bar_chart("<b>Län</b>", [Cell("<script>x</script>", 7, "7")]))
    assert "<script>" not in chart and "&lt;script&gt;" in chart


def test_the_list_pages_by_25_and_a_page_out_of_range_shows_the_last():
    rows = list(range(60))
    assert page_of(rows, 1) == (1, 3, list(range(25)))
    assert page_of(rows, 3) == (3, 3, list(range(50, 60)))
    assert page_of(rows, 99)[0] == 3 and page_of(rows, 0)[0] == 1
    assert page_of([], 1) == (1, 1, [])
