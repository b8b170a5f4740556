"""Sweden's counties and municipalities, Västra Götaland's sub-regions and Göteborg's
city districts, read from the files in registry/geo/ (see its README for sources).

Everything else in the core package names places through these objects, so a
municipality is always known by its code and its county, never by a loose string.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

GEO_DIR = Path(__file__).resolve().parent.parent / "registry" / "geo"

# The three cities that call themselves "stad" and the one region that is a municipality.
CITY_NAMES = {"Stockholm": "Stockholms stad", "Göteborg": "Göteborgs stad", "Malmö": "Malmö stad"}
GOTLAND_NAME = "Region Gotland"


@dataclass(frozen=True)
class County:
    code: str  # "01"
    name: str  # "Stockholms län"
    short_name: str  # "Stockholm"


@dataclass(frozen=True)
class Municipality:
    code: str  # "0180"
    name: str  # "Stockholm" (the short name, the key everywhere)
    county_code: str
    official_name: str  # "Stockholms stad", "Upplands Väsby kommun", "Region Gotland"
    # The machine-made long name in municipalities.csv, sometimes wrong ("Faluns kommun");
    # kept because people may type it too.
    csv_long_name: str
    subregion: str | None = None  # Västra Götaland sub-region, including Kungsbacka's GR


@dataclass(frozen=True)
class District:
    """One of Göteborg's four stadsområden (since 2021) and the names people still use."""

    name: str  # "Hisingen"
    old_names: tuple[str, ...]  # former stadsdelsnämnder, their parts, and primary areas


@dataclass(frozen=True)
class Geography:
    counties: dict[str, County]  # by code
    municipalities: dict[str, Municipality]  # by code
    districts: dict[str, District]  # Göteborg's, by name
    subregions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name -> codes

    def county(self, code: str) -> County:
        return self.counties[code]

    def county_by_name(self, name: str) -> County | None:
        """By short name ("Skåne") or full name ("Skåne län")."""
        for county in self.counties.values():
            if name in (county.short_name, county.name):
                return county
        return None

    def municipality_by_name(self, name: str) -> Municipality | None:
        for municipality in self.municipalities.values():
            if municipality.name == name:
                return municipality
        return None

    def municipalities_in(self, county_code: str) -> list[Municipality]:
        return [m for m in self.municipalities.values() if m.county_code == county_code]


GOTEBORG_CODE = "1480"
SUBREGION_NAMES = {
    "Göteborgsregionen (GR)": "Göteborgsregionen",
    "Fyrbodal": "Fyrbodal",
    "Skaraborg": "Skaraborg",
    "Sjuhärad (Boråsregionen)": "Sjuhärad",
}


def _read_csv(name: str) -> list[dict[str, str]]:
    with open(GEO_DIR / name, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _official_name(short_name: str) -> str:
    if short_name in CITY_NAMES:
        return CITY_NAMES[short_name]
    if short_name == "Gotland":
        return GOTLAND_NAME
    return f"{short_name} kommun"


def _names_in(text: str) -> list[str]:
    """ "Södra Skärgården (Styrsö)" -> both names; "609 Linnarhult" -> "Linnarhult";
    "(203 Bagaregården - cut off in excerpt)" -> "Bagaregården"."""
    text = text.strip("()").split(" - ")[0]
    main, _, extra = text.partition(" (")
    names = [main] + ([extra.rstrip(")")] if extra else [])
    return [n.split(" ", 1)[1] if n.split(" ", 1)[0].isdigit() else n for n in names]


def _districts() -> dict[str, District]:
    data = json.loads((GEO_DIR / "goteborg_stadsomraden.json").read_text(encoding="utf-8"))
    districts = {}
    for label, content in data["stadsomraden"].items():
        name = _names_in(label)[0]  # "4 Hisingen" -> "Hisingen"
        old: list[str] = []
        for group in content.values():  # former SDN -> parts; mellanområde -> primary areas
            for group_name, parts in group.items():
                old.extend(_names_in(group_name))
                for part in parts:
                    old.extend(_names_in(part))
        unique = tuple(dict.fromkeys(n for n in old if n != name))
        districts[name] = District(name=name, old_names=unique)
    return districts


@cache
def load_geography() -> Geography:
    counties = {
        row["county_code"]: County(row["county_code"], row["county_name"], row["county_name_short"])
        for row in _read_csv("counties.csv")
    }
    subregion_of = {
        row["municipality_code"]: SUBREGION_NAMES[row["subregion_kommunalforbund"]]
        for row in _read_csv("vg_subregions.csv")
    }
    municipalities = {
        row["municipality_code"]: Municipality(
            code=row["municipality_code"],
            name=row["municipality_name_short"],
            county_code=row["county_code"],
            official_name=_official_name(row["municipality_name_short"]),
            csv_long_name=row["municipality_name"],
            subregion=subregion_of.get(row["municipality_code"]),
        )
        for row in _read_csv("municipalities.csv")
    }
    subregions: dict[str, list[str]] = {}
    for code, subregion in subregion_of.items():
        subregions.setdefault(subregion, []).append(code)
    return Geography(
        counties=counties,
        municipalities=municipalities,
        districts=_districts(),
        subregions={name: tuple(codes) for name, codes in subregions.items()},
    )


@dataclass(frozen=True)
class Place:
    """Where a person is, as precisely as they said it.

    A county alone is a place; so is a municipality (its county follows) and, in
    Göteborg, a city district.
    """

    county_code: str
    municipality_code: str | None = None
    district: str | None = None  # Göteborg stadsområde, only with municipality 1480

    @property
    def key(self) -> str:
        """A short string for a Rasa slot: "12", "12:1280", "14:1480:Hisingen"."""
        return ":".join(
            part for part in (self.county_code, self.municipality_code, self.district) if part
        )

    @classmethod
    def from_key(cls, key: str) -> Place:
        county, municipality, district = ([*key.split(":"), None, None])[:3]
        geography = load_geography()
        if (
            county not in geography.counties
            or (municipality is not None and municipality not in geography.municipalities)
            or (district is not None and district not in geography.districts)
        ):
            raise ValueError(f"not a place key: {key!r}")
        return cls(county, municipality, district)

    def describe(self, geography: Geography | None = None) -> str:
        geography = geography or load_geography()
        if self.municipality_code:
            municipality = geography.municipalities[self.municipality_code]
            if self.district:
                return f"{municipality.name} ({self.district})"
            return municipality.name
        return geography.counties[self.county_code].name


def place_of_municipality(name: str, district: str | None = None) -> Place:
    """A Place from a municipality's short name: for tests, tables and the registry."""
    municipality = load_geography().municipality_by_name(name)
    if municipality is None:
        raise KeyError(f"no municipality called {name!r}")
    return Place(municipality.county_code, municipality.code, district)


def place_of_county(name: str) -> Place:
    county = load_geography().county_by_name(name)
    if county is None:
        raise KeyError(f"no county called {name!r}")
    return Place(county.code)
