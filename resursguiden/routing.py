"""Routing: who should this person contact, and why?

`route(place, age, audience, now)` reads only the registry. It returns the regional
centres that accept the person (most local first), the phone numbers meant for them,
whether each is open now, the national lines that fit, the local social services, and
the reasons in plain Swedish, so that the assistant and the operators can explain the
choice. It never returns a centre whose source says it is not for this person.

`age` is the age of the person concerned: the person who writes when they are affected
or worried about someone, the young person a professional asks about otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from resursguiden.geography import Geography, Place, load_geography
from resursguiden.opening_hours import OpeningHours, describe_moment
from resursguiden.registry import (
    Audience,
    Centre,
    Coverage,
    Line,
    LocalSocialService,
    Phone,
    Registry,
    default_registry,
)

# "X tar emot ..." — whom a centre is for, in words any reader understands.
AUDIENCE_WORDS = {
    Audience.AFFECTED: "personer som är utsatta eller riskerar att bli det",
    Audience.CLOSE: "närstående",
    Audience.PROFESSIONALS: "personal som möter de här frågorna i sitt jobb",
    Audience.CIVIL_SOCIETY: "personer som är aktiva i föreningar",
}


@dataclass(frozen=True)
class Contact:
    """A centre or a line as shown to this person: the numbers meant for them and hours."""

    name: str
    id: str
    phones: tuple[Phone, ...]
    opening_hours: OpeningHours | None
    open_now: bool | None  # None: the source gives no hours
    next_opening: datetime | None
    reasons: tuple[str, ...]
    coverage_uncertain: bool = False
    centre: Centre | None = None
    line: Line | None = None

    @property
    def email(self) -> str | None:
        return (self.centre or self.line).email  # type: ignore[union-attr]


@dataclass(frozen=True)
class Exclusion:
    """A centre in the person's area that does not fit them, and why."""

    centre: Centre
    reason: str


@dataclass(frozen=True)
class RoutingResult:
    place: Place | None
    age: int | None
    audience: Audience
    now: datetime
    centres: tuple[Contact, ...]  # regional centres that accept this person
    national_lines: tuple[Contact, ...]
    social_services: str  # what the social services and socialjour do, for this audience
    local_social_service: LocalSocialService | None
    # The duty (professionals) or the right (anyone else) to report harm to a child, when
    # the person asked about is or may be under 18.
    reporting: str | None
    # For someone worried about another person: the centres that person can contact.
    for_the_person_you_worry_about: tuple[Contact, ...] = ()
    excluded: tuple[Exclusion, ...] = ()
    # What else the person could tell to get a more precise answer: "place", "municipality",
    # "district" (Göteborg), "age".
    would_help: tuple[str, ...] = ()
    no_centre_reason: str | None = None  # set exactly when `centres` is empty
    reasons: tuple[str, ...] = ()

    @property
    def leads_with(self) -> str:
        """ "centre" when a regional centre fits; otherwise the national lines lead."""
        return "centre" if self.centres else "national"


def route(
    place: Place | None,
    age: int | None,
    audience: Audience,
    now: datetime,
    registry: Registry | None = None,
) -> RoutingResult:
    registry = registry or default_registry()
    geography = load_geography()
    centres, excluded, for_other, would_help = [], [], [], set()

    for centre in _by_specificity(registry.centres):
        coverage = centre.area.covers(place) if place else Coverage.NO
        if coverage is Coverage.NO:
            continue
        fits = audience in centre.audiences
        if coverage is Coverage.NEEDS_DETAIL:
            if fits or (audience is Audience.CLOSE and Audience.AFFECTED in centre.audiences):
                would_help.add("municipality" if place.municipality_code is None else "district")  # type: ignore[union-attr]
            continue
        if audience is Audience.CLOSE and Audience.AFFECTED in centre.audiences:
            for_other.append(_centre_contact(centre, Audience.AFFECTED, None, coverage, now))
        if not fits:
            excluded.append(Exclusion(centre, _not_for_audience(centre)))
            continue
        if centre.ages and age is not None and not centre.ages.accepts(age):
            excluded.append(Exclusion(centre, f"{centre.name} gäller {centre.ages.text}."))
            continue
        if centre.ages and age is None:
            would_help.add("age")
        centres.append(_centre_contact(centre, audience, age, coverage, now))

    if place is None:
        would_help.add("place")
    lines = tuple(_national_lines(registry, audience, age, now))
    no_centre = None if centres else _no_centre_reason(place, excluded, would_help, geography)
    return RoutingResult(
        place=place,
        age=age,
        audience=audience,
        now=now,
        centres=tuple(centres),
        national_lines=lines,
        social_services=registry.social_services.text_for(audience),
        local_social_service=registry.social_services.local_for(place),
        reporting=registry.social_services.reporting_for(audience, age),
        for_the_person_you_worry_about=tuple(for_other),
        excluded=tuple(excluded),
        would_help=tuple(sorted(would_help)),
        no_centre_reason=no_centre,
        reasons=tuple(_summary(place, audience, centres, no_centre, geography)),
    )


def _by_specificity(centres: tuple[Centre, ...]) -> list[Centre]:
    # Stable sort: within one kind of area the registry's order stands.
    return sorted(centres, key=lambda centre: centre.area.specificity)


def _centre_contact(
    centre: Centre, audience: Audience, age: int | None, coverage: Coverage, now: datetime
) -> Contact:
    reasons = [f"{centre.name} tar emot {_audience_list(centre.audiences)} i {_area_text(centre)}."]
    if centre.ages:
        reasons.append(f"{centre.name} gäller {centre.ages.text}.")
    uncertain = coverage is Coverage.UNCERTAIN
    if uncertain and centre.area.uncertain_note:
        reasons.append(centre.area.uncertain_note)
    phones = tuple(phone for phone in centre.phones if phone.is_for(audience))
    return _contact(
        centre.name, centre.id, phones, centre.opening_hours, now, reasons, uncertain, centre=centre
    )


def _contact(
    name: str,
    contact_id: str,
    phones: tuple[Phone, ...],
    hours: OpeningHours | None,
    now: datetime,
    reasons: list[str],
    coverage_uncertain: bool = False,
    centre: Centre | None = None,
    line: Line | None = None,
) -> Contact:
    open_now = hours.is_open(now) if hours else None
    next_opening = hours.next_opening(now) if hours and not open_now else None
    if hours is None:
        reasons.append(f"{name} anger inga öppettider.")
    elif open_now:
        reasons.append(f"{name} har öppet nu ({hours.describe()}).")
    elif next_opening:
        reasons.append(f"{name} har stängt nu och öppnar {describe_moment(next_opening, now)}.")
    return Contact(
        name, contact_id, phones, hours, open_now, next_opening, tuple(reasons),
        coverage_uncertain, centre, line,
    )  # fmt: skip


def _national_lines(registry: Registry, audience: Audience, age: int | None, now: datetime):
    for line in registry.lines_for("routing"):
        if not line.is_for(audience):
            continue
        if line.ages and age is not None and not line.ages.accepts(age):
            continue
        reasons = [f"{line.name}: {line.description}"]
        if line.ages and age is None:
            reasons.append(f"{line.name} är för {line.ages.text}.")
        phones = tuple(phone for phone in line.phones if phone.is_for(audience))
        yield _contact(line.name, line.id, phones, line.opening_hours, now, reasons, line=line)


def _audience_list(audiences: frozenset[Audience]) -> str:
    words = [AUDIENCE_WORDS[a] for a in Audience if a in audiences]
    # "samt": the audience words hold "eller" and "och" themselves.
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " samt " + words[-1]


def _area_text(centre: Centre) -> str:
    area = centre.area
    if area.kind == "county":
        return load_geography().county(area.county_code).name  # type: ignore[arg-type]
    if area.kind == "subregion":
        return area.names[0]
    if area.kind == "districts":
        return "Göteborg, stadsområde " + " och ".join(area.names)
    names = list(area.names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def _not_for_audience(centre: Centre) -> str:
    return f"{centre.name} tar bara emot {_audience_list(centre.audiences)}."


def _no_centre_reason(
    place: Place | None, excluded: list[Exclusion], would_help: set[str], geography: Geography
) -> str:
    if place is None:
        return "Du behöver inte säga var du bor. Här är stöd som finns i hela Sverige."
    where = place.describe(geography)
    parts = [exclusion.reason for exclusion in excluded]
    if "district" in would_help:
        parts.append(f"I {where} beror det på vilket stadsområde du bor i.")
    elif "municipality" in would_help:
        parts.append(f"I {where} finns stöd i vissa kommuner, så det beror på vilken kommun.")
    if parts:
        return " ".join(parts)
    if place.municipality_code:
        return f"Det finns inget resurscentrum mot hedersrelaterat våld för {where}."
    return f"I {where} finns inget resurscentrum mot hedersrelaterat våld."


def _summary(
    place: Place | None,
    audience: Audience,
    centres: list[Contact],
    no_centre: str | None,
    geography: Geography,
) -> list[str]:
    if centres:
        where = place.describe(geography) if place else ""
        return [
            f"För {AUDIENCE_WORDS[audience]} i {where} finns: {', '.join(c.name for c in centres)}."
        ]
    return [
        no_centre or "",
        "Ring 112 om det är akut. Kommunens socialtjänst kan hjälpa till, "
        "och de nationella stödlinjerna finns för dig.",
    ]


def needs_age(
    place: Place | None, audience: Audience, now: datetime, registry: Registry | None = None
) -> bool:
    """Whether the answer for this place and audience depends on the person's age."""
    registry = registry or default_registry()

    def answer(age: int) -> tuple:
        result = route(place, age, audience, now, registry)
        return tuple(c.id for c in result.centres), tuple(c.id for c in result.national_lines)

    return len({answer(age) for age in _ages_either_side_of_every_limit(registry)}) > 1


def _ages_either_side_of_every_limit(registry: Registry) -> set[int]:
    """Origo 13–26 gives 12, 13, 26 and 27: if every one gets the same answer, no age can
    change it."""
    ages = {30}
    for limits in [c.ages for c in registry.centres] + [line.ages for line in registry.lines]:
        if limits is not None:
            if limits.minimum is not None:
                ages |= {limits.minimum - 1, limits.minimum}
            if limits.maximum is not None:
                ages |= {limits.maximum, limits.maximum + 1}
    return ages
