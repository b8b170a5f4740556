"""The routing answer in words: what comes first, and what each person is told."""

from datetime import datetime

from resursguiden.answer_text import routing_replies
from resursguiden.geography import place_of_municipality
from resursguiden.opening_hours import STOCKHOLM
from resursguiden.registry import Audience
from resursguiden.routing import route

NOW = datetime(2026, 11, 26, 11, 0, tzinfo=STOCKHOLM)  # a Thursday morning


def replies(place: str, age: int | None, audience: Audience) -> list[str]:
    result = route(place_of_municipality(place), age, audience, NOW)
    return [reply.text for reply in routing_replies(result)]


def test_a_young_person_where_only_professionals_may_call_hears_first_what_they_can_do():
    first, second, *_ = replies("Växjö", 15, Audience.AFFECTED)

    assert first.startswith("Du kan ringa själv, redan nu:") and "BRIS" in first
    assert second.startswith("En vuxen du litar på, till exempel skolkuratorn, kan ringa")
    assert "[0470-430 40](tel:047043040)" in second  # for the adult to call
    assert second.endswith(
        "Hedersteamet Kronoberg tar bara emot personal som möter de här frågorna i sitt jobb."
    )  # noqa: E501


def test_professionals_are_told_they_must_report_when_the_young_person_may_be_under_18():
    for age in (15, None):
        text = " ".join(replies("Växjö", age, Audience.PROFESSIONALS))
        assert "måste du göra en orosanmälan" in text and "(anmälningsplikt)" in text
        assert "det får alla göra" not in text
    assert "orosanmälan" not in " ".join(replies("Växjö", 30, Audience.PROFESSIONALS))


def test_friends_and_relatives_are_told_they_may_report():
    text = " ".join(replies("Malmö", 16, Audience.CLOSE))
    assert "får du göra en orosanmälan" in text and "måste" not in text


def test_the_person_affected_is_not_told_about_reporting():
    assert "orosanmälan" not in " ".join(replies("Malmö", 16, Audience.AFFECTED))


def test_men_and_boys_get_a_line_that_serves_them_too():
    text = " ".join(replies("Karlstad", 30, Audience.AFFECTED))
    assert "Stödlinjen för män" in text and "[020-80 80 80](tel:020808080)" in text
    assert "Kvinnofridslinjen" in text
