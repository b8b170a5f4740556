"""The centre registry: regional resource centres, national lines and social services.

Loaded from registry/centres.yml and registry/support_lines.yml, checked against
registry/schema.yml and then against the geography. Any problem stops the load with a
RegistryError whose lines name the file, the line, the entry and the field, so an
operator who edits the YAML can find what to fix.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any

import jsonschema
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from resursguiden.geography import GOTEBORG_CODE, Geography, Place, load_geography
from resursguiden.opening_hours import OpeningHours, parse_opening_hours

REGISTRY_DIR = Path(__file__).resolve().parent.parent / "registry"
CENTRES_FILE = REGISTRY_DIR / "centres.yml"
LINES_FILE = REGISTRY_DIR / "support_lines.yml"
SCHEMA_FILE = REGISTRY_DIR / "schema.yml"


class Audience(str, Enum):
    AFFECTED = "affected"
    CLOSE = "close"
    PROFESSIONALS = "professionals"
    CIVIL_SOCIETY = "civil_society"


EVERYONE = "everyone"


class RegistryError(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("The centre registry has problems:\n" + "\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Phone:
    number: str  # as the source writes it: "026-17 84 68"
    audiences: frozenset[str]  # Audience values or "everyone"
    note: str | None = None

    @property
    def tel_uri(self) -> str:
        return "tel:" + re.sub(r"[\s-]", "", self.number)

    def is_for(self, audience: Audience) -> bool:
        return audience.value in self.audiences or EVERYONE in self.audiences


@dataclass(frozen=True)
class AgeLimits:
    minimum: int | None
    maximum: int | None
    text: str  # the source's words: "13–26 år"

    def accepts(self, age: int) -> bool:
        return (self.minimum is None or age >= self.minimum) and (
            self.maximum is None or age <= self.maximum
        )


class Coverage(Enum):
    """How well an area covers a place."""

    YES = "yes"
    UNCERTAIN = "uncertain"  # sources disagree whether the place is covered
    NEEDS_DETAIL = "needs_detail"  # the place is too coarse to say (a county, Göteborg)
    NO = "no"


# Most specific first: a district team is listed before the city's centre.
AREA_KINDS = ("districts", "municipalities", "subregion", "county")


@dataclass(frozen=True)
class Area:
    kind: str  # one of AREA_KINDS
    names: tuple[str, ...]
    municipality_codes: frozenset[str]  # every municipality the area touches
    districts: frozenset[str] = frozenset()
    county_code: str | None = None
    uncertain_codes: frozenset[str] = frozenset()
    uncertain_note: str | None = None

    @property
    def specificity(self) -> int:
        return AREA_KINDS.index(self.kind)

    def covers(self, place: Place) -> Coverage:
        if self.kind == "county":
            return Coverage.YES if place.county_code == self.county_code else Coverage.NO
        if place.municipality_code is None:
            return self._covers_county(place.county_code)
        if self.kind == "districts":
            if place.municipality_code != GOTEBORG_CODE:
                return Coverage.NO
            if place.district is None:
                return Coverage.NEEDS_DETAIL
            return Coverage.YES if place.district in self.districts else Coverage.NO
        if place.municipality_code in self.municipality_codes:
            return Coverage.YES
        if place.municipality_code in self.uncertain_codes:
            return Coverage.UNCERTAIN
        return Coverage.NO

    def _covers_county(self, county_code: str) -> Coverage:
        geography = load_geography()
        codes = self.municipality_codes | self.uncertain_codes
        touches = any(geography.municipalities[c].county_code == county_code for c in codes)
        return Coverage.NEEDS_DETAIL if touches else Coverage.NO

    def units(self) -> set[tuple[str, str | None]]:
        """(municipality, district) pairs, for finding overlaps between areas."""
        if self.kind == "districts":
            return {(GOTEBORG_CODE, district) for district in self.districts}
        return {(code, None) for code in self.municipality_codes}


@dataclass(frozen=True)
class Website:
    title: str
    site: str | None = None


@dataclass(frozen=True)
class Centre:
    id: str
    name: str
    county_code: str
    area: Area
    audiences: frozenset[Audience]
    description: str
    phones: tuple[Phone, ...]
    source: str
    verified: dt.date
    organisation: str | None = None
    ages: AgeLimits | None = None
    email: str | None = None
    website: Website | None = None
    contact_note: str | None = None
    opening_hours: OpeningHours | None = None
    information_material: tuple[str, ...] = ()
    training: tuple[str, ...] = ()


@dataclass(frozen=True)
class Line:
    id: str
    name: str
    purpose: str
    audiences: frozenset[str]
    description: str
    source: str
    verified: dt.date
    phones: tuple[Phone, ...] = ()
    short: str | None = None  # whom it is for, in a few words, for answers
    organisation: str | None = None
    ages: AgeLimits | None = None
    email: str | None = None
    opening_hours: OpeningHours | None = None
    free_and_anonymous: str | None = None
    operator_note: str | None = None

    def is_for(self, audience: Audience) -> bool:
        return audience.value in self.audiences or EVERYONE in self.audiences


@dataclass(frozen=True)
class LocalSocialService:
    municipality_code: str
    name: str
    phones: tuple[Phone, ...]
    hours_text: str
    source: str
    verified: dt.date


@dataclass(frozen=True)
class SocialServices:
    for_affected: str  # what the social services can do, said to the person affected
    for_others: str  # said to someone worried, a professional, a volunteer
    report_must: str  # professionals' duty to report harm to a child
    report_may: str  # that anyone else may report
    local: tuple[LocalSocialService, ...]

    def text_for(self, audience: Audience) -> str:
        return self.for_affected if audience is Audience.AFFECTED else self.for_others

    def reporting_for(self, audience: Audience, age: int | None) -> str | None:
        """Whether one must or may report: to anyone asking about someone who is or may be
        under 18 (an unknown age may be)."""
        if audience is Audience.AFFECTED or (age is not None and age >= 18):
            return None
        return self.report_must if audience is Audience.PROFESSIONALS else self.report_may

    def local_for(self, place: Place | None) -> LocalSocialService | None:
        if place is None or place.municipality_code is None:
            return None
        return next((s for s in self.local if s.municipality_code == place.municipality_code), None)


@dataclass(frozen=True)
class Source:
    title: str
    copy: str  # a copy of the source, kept in the repository


@dataclass(frozen=True)
class Registry:
    centres: tuple[Centre, ...]
    lines: tuple[Line, ...]
    social_services: SocialServices
    sources: dict[str, Source] = field(default_factory=dict)

    def centre(self, centre_id: str) -> Centre:
        return next(c for c in self.centres if c.id == centre_id)

    def line(self, line_id: str) -> Line:
        return next(line for line in self.lines if line.id == line_id)

    def lines_for(self, purpose: str) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.purpose == purpose)

    def all_phones(self) -> Iterator[tuple[str, Phone]]:
        """(source id, phone) for every number the product can show."""
        for centre in self.centres:
            yield from ((centre.source, phone) for phone in centre.phones)
        for line in self.lines:
            yield from ((line.source, phone) for phone in line.phones)
        for service in self.social_services.local:
            yield from ((service.source, phone) for phone in service.phones)


# ---------------------------------------------------------------- loading


class _Document:
    """A YAML file with the line of every key, for error messages."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.root = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
        except Exception as error:  # ruamel raises several types, all with a position
            raise RegistryError([f"{self._name()}: not valid YAML: {error}"]) from error
        self.data = _plain(self.root)

    def _name(self) -> str:
        try:
            return str(self.path.relative_to(REGISTRY_DIR.parent))
        except ValueError:
            return str(self.path)

    def line_of(self, path: list[Any]) -> int:
        """1-based line of the deepest key or item on the path that exists."""
        node, line = self.root, 1
        for step in path:
            if isinstance(node, CommentedMap) and step in node:
                line = node.lc.key(step)[0] + 1
            elif isinstance(node, CommentedSeq) and isinstance(step, int) and step < len(node):
                line = node.lc.item(step)[0] + 1
            else:
                break
            node = node[step]
        return line

    def problem(self, path: list[Any], message: str) -> str:
        entry = ""
        if len(path) >= 2 and isinstance(path[1], int):
            item = self.data[path[0]][path[1]]
            label = item.get("id") if isinstance(item, dict) else None
            entry = f" {path[0]}[{path[1]}]" + (f" ({label})" if label else "") + ":"
        field_path = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in path[2:])
        field_path = field_path.replace(".[", "[")
        where = f" {field_path}:" if field_path else ""
        return f"{self._name()}:{self.line_of(path)}:{entry}{where} {message}"


def _plain(node: Any) -> Any:
    """ruamel's round-trip objects to plain data; dates to ISO strings for the schema."""
    if isinstance(node, dict):
        return {str(key): _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(item) for item in node]
    if isinstance(node, (dt.date, dt.datetime)):
        return node.isoformat()[:10]
    return node


@cache
def _schema() -> dict:
    return YAML(typ="safe").load(SCHEMA_FILE.read_text(encoding="utf-8"))


def _schema_problems(document: _Document) -> list[str]:
    validator = jsonschema.Draft202012Validator(
        _schema(), format_checker=jsonschema.FormatChecker()
    )
    problems = []
    for error in sorted(validator.iter_errors(document.data), key=lambda e: list(e.path)):
        path = list(error.absolute_path)
        problems.append(document.problem(path, _explain(error)))
    return problems


def _explain(error: jsonschema.ValidationError) -> str:
    if error.validator == "required":
        return error.message.replace("is a required property", "is missing")
    if error.validator == "pattern" and "number" in error.absolute_path:
        return (
            f"{error.instance!r} is not a Swedish phone number written as on the source "
            f"page (for example 026-17 84 68, 020-25 30 00 or 114 14)"
        )
    if error.validator == "additionalProperties":
        return error.message.replace("were unexpected", "are not known fields").replace(
            "was unexpected", "is not a known field"
        )
    return error.message


class _Checker:
    """The checks a schema cannot make: names exist, ids are unique, areas do not overlap."""

    def __init__(self, document: _Document, geography: Geography):
        self.document = document
        self.geography = geography
        self.problems: list[str] = []
        self.sources = set(document.data.get("sources", {}))

    def report(self, path: list[Any], message: str) -> None:
        self.problems.append(self.document.problem(path, message))

    def county_code(self, path: list[Any], name: str) -> str | None:
        county = self.geography.county_by_name(name)
        if county is None:
            known = ", ".join(c.short_name for c in self.geography.counties.values())
            self.report(path, f"unknown county {name!r} (use one of: {known})")
            return None
        return county.code

    def municipality_codes(self, path: list[Any], names: list[str]) -> frozenset[str]:
        codes = set()
        for index, name in enumerate(names):
            municipality = self.geography.municipality_by_name(name)
            if municipality is None:
                self.report(
                    [*path, index],
                    f"unknown municipality {name!r} (use the short name in "
                    f"registry/geo/municipalities.csv, e.g. 'Malmö', 'Upplands Väsby')",
                )
            else:
                codes.add(municipality.code)
        return frozenset(codes)

    def source(self, path: list[Any], source_id: str) -> None:
        if source_id not in self.sources:
            self.report(path, f"unknown source {source_id!r} (add it under 'sources:')")

    def verified(self, path: list[Any], value: str) -> dt.date:
        day = dt.date.fromisoformat(value)
        if day > dt.date.today():
            self.report(path, f"verified date {value} is in the future")
        return day

    def unique_ids(self, key: str) -> None:
        seen: dict[str, int] = {}
        for index, item in enumerate(self.document.data.get(key, [])):
            if item["id"] in seen:
                self.report([key, index, "id"], f"id {item['id']!r} is used twice")
            seen[item["id"]] = index

    def phones(self, path: list[Any], phones: list[dict], audiences: set[str]) -> tuple[Phone, ...]:
        result = []
        for index, phone in enumerate(phones):
            digits = re.sub(r"\D", "", phone["number"])
            if phone["number"].startswith("0") and not 8 <= len(digits) <= 10:
                self.report(
                    [*path, index, "number"],
                    f"{phone['number']!r} is not a Swedish phone number: it has {len(digits)} "
                    f"digits, and a number with an area code has 8 to 10",
                )
            wrong = set(phone["for"]) - audiences - {EVERYONE}
            if wrong:
                self.report(
                    [*path, index, "for"],
                    f"the number is for {sorted(wrong)}, not among the entry's audiences",
                )
            result.append(Phone(phone["number"], frozenset(phone["for"]), phone.get("note")))
        return tuple(result)

    def ages(self, path: list[Any], ages: dict | None) -> AgeLimits | None:
        if ages is None:
            return None
        limits = AgeLimits(ages.get("min"), ages.get("max"), ages["text"])
        if None not in (limits.minimum, limits.maximum) and limits.minimum > limits.maximum:
            self.report(path, f"min age {limits.minimum} is above max age {limits.maximum}")
        return limits

    def opening_hours(
        self, path: list[Any], value: Any, open_on_holidays: bool
    ) -> OpeningHours | None:
        hours = parse_opening_hours(value, open_on_holidays)
        for index, rule in enumerate(hours.rules if hours else ()):
            if rule.closes <= rule.opens:
                self.report([*path, index], "closes before it opens")
        return hours

    def area(self, path: list[Any], covers: dict) -> Area:
        kind = next(k for k in AREA_KINDS if k in covers)
        value = covers[kind]
        uncertain_codes: frozenset[str] = frozenset()
        note = None
        for index, group in enumerate(covers.get("uncertain", [])):
            group_path = [*path, "uncertain", index]
            uncertain_codes |= self.municipality_codes(
                [*group_path, "municipalities"], group["municipalities"]
            )
            self.source([*group_path, "source"], group["source"])
            note = group["note"]
        if kind == "county":
            code = self.county_code([*path, "county"], value)
            codes = (
                frozenset(m.code for m in self.geography.municipalities_in(code))
                if code
                else frozenset()
            )
            return Area(kind, (value,), codes, county_code=code)
        if kind == "subregion":
            if value not in self.geography.subregions:
                known = ", ".join(self.geography.subregions)
                self.report(
                    [*path, "subregion"], f"unknown sub-region {value!r} (use one of: {known})"
                )
            codes = frozenset(self.geography.subregions.get(value, ()))
            return Area(kind, (value,), codes, uncertain_codes=uncertain_codes, uncertain_note=note)
        if kind == "municipalities":
            codes = self.municipality_codes([*path, "municipalities"], value)
            both = codes & uncertain_codes
            if both:
                self.report(
                    [*path, "uncertain"], "a municipality is listed as both covered and uncertain"
                )
            return Area(
                kind, tuple(value), codes, uncertain_codes=uncertain_codes, uncertain_note=note
            )
        for index, name in enumerate(value):
            if name not in self.geography.districts:
                known = ", ".join(self.geography.districts)
                self.report(
                    [*path, "districts", index],
                    f"unknown Göteborg district {name!r} (use one of: {known})",
                )
        return Area(kind, tuple(value), frozenset({GOTEBORG_CODE}), districts=frozenset(value))

    def overlaps(self, centres: list[Centre]) -> None:
        """Two areas of the same kind that share ground and audiences would make routing
        depend on file order: refuse them. Different kinds (a district team inside a city
        centre's area) are meant to overlap and are listed most specific first."""
        for (_, first), (j, second) in combinations(enumerate(centres), 2):
            if first.area.kind != second.area.kind:
                continue
            shared_ground = first.area.units() & second.area.units()
            shared_audiences = first.audiences & second.audiences
            if shared_ground and shared_audiences:
                where = ", ".join(sorted({self._unit_name(u) for u in shared_ground})[:5])
                self.report(
                    ["centres", j, "covers"],
                    f"coverage overlaps with {first.id!r} ({where}) for "
                    f"{', '.join(sorted(a.value for a in shared_audiences))}",
                )

    def _unit_name(self, unit: tuple[str, str | None]) -> str:
        name = self.geography.municipalities[unit[0]].name
        return f"{name} ({unit[1]})" if unit[1] else name


def _load_centres(document: _Document, checker: _Checker) -> list[Centre]:
    centres = []
    for index, item in enumerate(document.data["centres"]):
        path = ["centres", index]
        audiences = set(item["audiences"])
        website = item.get("website")
        centres.append(
            Centre(
                id=item["id"],
                name=item["name"],
                county_code=checker.county_code([*path, "county"], item["county"]) or "",
                area=checker.area([*path, "covers"], item["covers"]),
                audiences=frozenset(Audience(a) for a in audiences),
                description=item["description"],
                phones=checker.phones([*path, "phones"], item["phones"], audiences),
                source=item["source"],
                verified=checker.verified([*path, "verified"], item["verified"]),
                organisation=item.get("organisation"),
                ages=checker.ages([*path, "ages"], item.get("ages")),
                email=item.get("email"),
                website=Website(website["title"], website.get("site")) if website else None,
                contact_note=item.get("contact_note"),
                opening_hours=checker.opening_hours(
                    [*path, "opening_hours"], item.get("opening_hours"), False
                ),
                information_material=tuple(item.get("information_material", ())),
                training=tuple(item.get("training", ())),
            )
        )
        checker.source([*path, "source"], item["source"])
    checker.unique_ids("centres")
    checker.overlaps(centres)
    return centres


def _load_lines(document: _Document, checker: _Checker) -> tuple[list[Line], SocialServices]:
    lines = []
    for index, item in enumerate(document.data["lines"]):
        path = ["lines", index]
        audiences = set(item["audiences"])
        lines.append(
            Line(
                id=item["id"],
                name=item["name"],
                purpose=item["purpose"],
                audiences=frozenset(audiences),
                description=item["description"],
                source=item["source"],
                verified=checker.verified([*path, "verified"], item["verified"]),
                phones=checker.phones([*path, "phones"], item.get("phones", []), audiences),
                short=item.get("short"),
                organisation=item.get("organisation"),
                ages=checker.ages([*path, "ages"], item.get("ages")),
                email=item.get("email"),
                opening_hours=checker.opening_hours(
                    [*path, "opening_hours"],
                    item.get("opening_hours"),
                    item.get("holidays") == "open",
                ),
                free_and_anonymous=item.get("free_and_anonymous"),
                operator_note=item.get("operator_note"),
            )
        )
        checker.source([*path, "source"], item["source"])
    checker.unique_ids("lines")

    services = document.data["social_services"]
    local = []
    for index, item in enumerate(services["local"]):
        path = ["social_services", "local", index]
        codes = checker.municipality_codes(path, [item["municipality"]])
        checker.source([*path, "source"], item["source"])
        local.append(
            LocalSocialService(
                municipality_code=next(iter(codes), ""),
                name=item["name"],
                phones=checker.phones([*path, "phones"], item["phones"], {EVERYONE}),
                hours_text=item["hours_text"],
                source=item["source"],
                verified=checker.verified([*path, "verified"], item["verified"]),
            )
        )
    texts = [services[key] for key in ("for_affected", "for_others", "report_must", "report_may")]
    return lines, SocialServices(*texts, tuple(local))


def load_registry(centres_file: Path = CENTRES_FILE, lines_file: Path = LINES_FILE) -> Registry:
    """Reads, validates and builds the registry; raises RegistryError listing every problem."""
    geography = load_geography()
    centres_doc, lines_doc = _Document(centres_file), _Document(lines_file)
    problems = _schema_problems(centres_doc) + _schema_problems(lines_doc)
    if problems:  # the semantic checks assume the shape is right
        raise RegistryError(problems)

    centres_checker = _Checker(centres_doc, geography)
    lines_checker = _Checker(lines_doc, geography)
    centres = _load_centres(centres_doc, centres_checker)
    lines, social_services = _load_lines(lines_doc, lines_checker)
    problems = centres_checker.problems + lines_checker.problems
    if problems:
        raise RegistryError(problems)

    sources = {
        key: Source(value["title"], value["copy"])
        for document in (centres_doc, lines_doc)
        for key, value in document.data["sources"].items()
    }
    return Registry(tuple(centres), tuple(lines), social_services, sources)


@cache
def default_registry() -> Registry:
    """The product's registry, loaded once per process."""
    return load_registry()
