"""Answers to "Vem skriver du som?"."""

import pytest

from resursguiden.registry import Audience
from resursguiden.roles import detect_role


@pytest.mark.parametrize(
    "answer, audience",
    [
        ("jag är lärare", Audience.PROFESSIONALS),
        ("kurator på en skola", Audience.PROFESSIONALS),
        ("jobbar som socialsekreterare", Audience.PROFESSIONALS),
        ("polis", Audience.PROFESSIONALS),
        ("det gäller min elev", Audience.PROFESSIONALS),
        ("i mitt jobb", Audience.PROFESSIONALS),
        ("jag är volontär", Audience.CIVIL_SOCIETY),
        ("ideell ledare i en förening", Audience.CIVIL_SOCIETY),
        ("för min kompis", Audience.CLOSE),
        ("min syster", Audience.CLOSE),
        ("jag är orolig för någon annan", Audience.CLOSE),
        ("mig själv", Audience.AFFECTED),
        ("det gäller mig", Audience.AFFECTED),
        ("för mig", Audience.AFFECTED),
        ("MIG", Audience.AFFECTED),
    ],
)
def test_answers_name_an_audience(answer, audience):
    assert detect_role(answer) is audience


@pytest.mark.parametrize(
    "answer",
    ["vet inte", "hej", "15", "Malmö", "det är jobbigt"],  # "jobbigt" is not "jobb"
)
def test_answers_without_a_role_give_none(answer):
    assert detect_role(answer) is None


def test_a_pupil_is_not_taken_for_a_teacher():
    assert detect_role("jag är elev") is None
