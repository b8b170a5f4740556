"""What the routing conversation still needs to know, and how new facts join the old.

The routing form (actions/routing_form.py) is glue around these decisions:
- `needed(known, now)`: which facts the answer still depends on, in the order they are
  asked: who it is about, where, which part of the place (a county's municipality,
  Göteborg's district) when only a part has a centre for this person, and how old when
  the answer depends on the age;
- `more_precise(new, old)`: "jag bor i Göteborg" after "Hisingen" keeps Hisingen;
- `refines(found, known)`: whether a place answers "which part?";
- `assume_self(...)`: after one message that did not say who it is about, the writer is
  taken to ask for themselves (and is told so), rather than asked "Vem gäller det?".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from resursguiden.geography import Place
from resursguiden.registry import Audience
from resursguiden.routing import needs_age, route

FACTS = ("role", "place", "place_detail", "age")


@dataclass(frozen=True)
class Known:
    """What the conversation knows. None: not yet said; `declined`: said "vill inte"."""

    audience: Audience | None = None
    place: Place | None = None
    place_said: bool = False  # a place or "vill inte säga" was given
    detail_said: bool = False
    age_said: bool = False


def needed(known: Known, now: datetime) -> list[str]:
    """The facts the routing answer depends on, in the order they are asked."""
    audience = known.audience or Audience.AFFECTED
    facts = ["role", "place"]
    if known.place is not None and detail_matters(known.place, audience, now):
        facts.append("place_detail")
    if known.place_said and needs_age(known.place, audience, now):
        facts.append("age")
    return facts


def next_question(known: Known, now: datetime) -> str | None:
    said = {
        "role": known.audience is not None,
        "place": known.place_said,
        "place_detail": known.detail_said,
        "age": known.age_said,
    }
    return next((fact for fact in needed(known, now) if not said[fact]), None)


def detail_matters(place: Place, audience: Audience, now: datetime) -> bool:
    """A county alone, or Göteborg without its district, when a centre for only part of
    it would take this person."""
    wanted = route(place, None, audience, now).would_help
    return "municipality" in wanted or "district" in wanted


def more_precise(new: Place, old: Place | None) -> Place:
    """ "jag bor i Göteborg" after "Hisingen" keeps Hisingen."""
    same_city = old is not None and old.municipality_code == new.municipality_code
    return old if same_city and new.district is None and old.district else new


def refines(found: Place, known: Place | None) -> bool:
    """A municipality in the county given, or a district of Göteborg."""
    if known is None:
        return found.municipality_code is not None
    if known.municipality_code is None:
        return found.county_code == known.county_code and found.municipality_code is not None
    return found.municipality_code == known.municipality_code and found.district is not None


def assume_self(role_asked: bool, gave_other_facts: bool, first_message: bool) -> bool:
    """Whether to take the writer to ask for themselves: the message did not say who it is
    about, and it is the conversation's first, or it answered "Vem gäller det?" with a
    place or an age instead. Someone who wants to start over for someone else is asked."""
    return first_message or (role_asked and gave_other_facts)
