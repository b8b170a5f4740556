"""What the routing conversation still needs (resursguiden/conversation.py)."""

from datetime import datetime

from resursguiden.conversation import (
    Known,
    assume_self,
    more_precise,
    needed,
    next_question,
    refines,
)
from resursguiden.geography import place_of_county, place_of_municipality
from resursguiden.opening_hours import STOCKHOLM
from resursguiden.registry import Audience

NOW = datetime(2026, 11, 26, 11, 0, tzinfo=STOCKHOLM)


def test_who_and_where_come_first():
    assert next_question(Known(), NOW) == "role"
    assert next_question(Known(audience=Audience.AFFECTED), NOW) == "place"


def test_the_age_is_asked_only_where_the_answer_depends_on_it():
    stockholm = place_of_municipality("Stockholm")
    kronoberg = place_of_municipality("Växjö")
    assert "age" in needed(Known(Audience.AFFECTED, stockholm, place_said=True), NOW)  # Origo 13–26
    assert "age" not in needed(Known(Audience.PROFESSIONALS, kronoberg, place_said=True), NOW)


def test_a_county_asks_which_municipality_only_when_a_part_has_a_centre():
    assert "place_detail" in needed(
        Known(Audience.AFFECTED, place_of_county("Västra Götalands län"), place_said=True), NOW
    )
    assert "place_detail" not in needed(
        Known(Audience.AFFECTED, place_of_county("Stockholms län"), place_said=True), NOW
    )


def test_a_district_is_kept_when_the_city_is_said_again():
    hisingen = place_of_municipality("Göteborg", "Hisingen")
    assert more_precise(place_of_municipality("Göteborg"), hisingen) == hisingen
    assert refines(hisingen, place_of_municipality("Göteborg"))
    assert not refines(place_of_municipality("Malmö"), place_of_municipality("Göteborg"))


def test_the_writer_is_assumed_after_one_message_that_did_not_say():
    assert assume_self(role_asked=False, gave_other_facts=False, first_message=True)
    assert assume_self(role_asked=True, gave_other_facts=True, first_message=False)
    assert not assume_self(role_asked=True, gave_other_facts=False, first_message=False)
