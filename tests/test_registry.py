"""The centre registry: what it holds, that every number traces to its source, and
that a broken file is refused with a message pointing at the line."""

import re
from pathlib import Path

import pytest

from resursguiden.geography import load_geography
from resursguiden.registry import (
    CENTRES_FILE,
    LINES_FILE,
    REGISTRY_DIR,
    Audience,
    RegistryError,
    load_registry,
)

ROOT = REGISTRY_DIR.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def registry():
    return load_registry()


# The 16 regional contacts on the seed page, in its order, with their audiences as the
# seed states them (written from the seed page, not from the registry).
BOTH = {"affected", "professionals"}
SEED_CONTACTS = [
    ("Barnahus Gävleborg", {"professionals"}),
    ("Resurscentrum mot hedersrelaterat våld och förtryck hos Centrum mot våld", BOTH),
    ("Hedersteamet Kronoberg", {"professionals"}),
    ("UNA-Norrbotten, kompetensteam mot våld", {"professionals", "civil_society"}),
    ("Resurscentrum Heder Skåne", {"professionals"}),
    ("Resursteam Heder", BOTH),
    ("Origo", BOTH),
    ("Centrum mot hedersrelaterat våld", BOTH),
    ("Resurscentrum Heder Fyrbodal", BOTH),
    ("Regionalt Stödcentrum Heder", BOTH),
    ("Resursteam Heder Centrum", BOTH),
    ("Resursteam Heder Hisingen", BOTH),
    ("Resursteam Heder Nordost", BOTH),
    ("Resursteam Heder Sydväst", BOTH),
    ("Resurscentrum Heder Skaraborg", BOTH),
    ("Resurscentrum mot hedersrelaterat våld och förtryck", BOTH),
]  # fmt: skip


def test_registry_holds_every_regional_contact_on_the_seed_page(registry):
    assert [(c.name, {a.value for a in c.audiences}) for c in registry.centres] == SEED_CONTACTS


def test_centres_not_for_affected_people_say_so(registry):
    not_for_affected = {c.id for c in registry.centres if Audience.AFFECTED not in c.audiences}
    assert not_for_affected == {
        "barnahus-gavleborg",
        "hedersteamet-kronoberg",
        "resurscentrum-heder-skane",
        "una-norrbotten",
    }


def test_numbers_for_professionals_and_for_people_who_need_help_are_kept_apart(registry):
    origo, skaraborg = registry.centre("origo"), registry.centre("resurscentrum-heder-skaraborg")
    assert [(p.number, sorted(p.audiences)) for p in origo.phones] == [
        ("08-508 251 20", ["professionals"]),
        ("020-25 30 00", ["affected"]),
    ]
    assert [(p.number, sorted(p.audiences)) for p in skaraborg.phones] == [
        ("0500-49 80 00", ["professionals"]),
        ("020-70 07 07", ["affected"]),
    ]


def test_age_limits_are_those_the_seed_gives(registry):
    ages = {c.id: (c.ages.minimum, c.ages.maximum) for c in registry.centres if c.ages}
    assert ages == {"origo": (13, 26), "barnahus-gavleborg": (None, 21)}


def test_the_national_lines_the_product_uses_are_there(registry):
    numbers = {line.id: [p.number for p in line.phones] for line in registry.lines}
    assert numbers == {
        "ratt-att-valja": ["020-57 70 70"],
        "nationella-stodtelefonen": ["010-223 57 60"],
        "bris": ["116 111"],
        "kvinnofridslinjen": ["020-50 50 50"],
        "stodlinjen-for-man": ["020-80 80 80"],
        "112": ["112"],
        "sjalvmordslinjen": ["90101"],
        "ud-telefonjour": ["08-405 50 05", "+46 8 405 50 05"],
        "polisen": ["114 14"],
        "1177": ["1177"],
        "nch-nationell-kontakt": [],
    }


def test_kungsbacka_in_halland_is_covered_by_the_goteborg_centre_and_some_are_uncertain(registry):
    area = registry.centre("regionalt-stodcentrum-heder").area
    names = {code: load_geography().municipalities[code].name for code in area.uncertain_codes}
    kungsbacka = load_geography().municipality_by_name("Kungsbacka")
    lilla_edet = load_geography().municipality_by_name("Lilla Edet")

    assert kungsbacka.county_code == "13" and kungsbacka.code in area.municipality_codes
    assert sorted(names.values()) == ["Ale", "Alingsås", "Tjörn"]
    assert lilla_edet.code not in area.municipality_codes | area.uncertain_codes  # in no list


def test_every_phone_number_appears_in_the_source_the_entry_cites(registry):
    for source_id, phone in registry.all_phones():
        source_text = (ROOT / registry.sources[source_id].copy).read_text(encoding="utf-8")
        assert phone.number in source_text, f"{phone.number} not found in {source_id}"


def test_every_tel_link_is_only_digits(registry):
    for _source, phone in registry.all_phones():
        assert re.fullmatch(r"tel:\+?\d{3,12}", phone.tel_uri), phone.tel_uri


@pytest.mark.skipif(
    not SHARED.exists(), reason="the shared reference folder is not beside the repo"
)
def test_source_copies_match_the_shared_reference_data():
    pairs = [
        ("registry/sources/nch_regionala_resurscentra.txt", "seeds/000_631bd9967a4a9b53.txt"),
        ("registry/sources/support_lines.md", "data/support_lines.md"),
        ("registry/sources/coverage_facts.md", "data/README.md"),
        ("registry/geo/municipalities.csv", "data/municipalities.csv"),
        ("registry/geo/counties.csv", "data/counties.csv"),
        ("registry/geo/vg_subregions.csv", "data/vg_subregions.csv"),
        ("registry/geo/goteborg_stadsomraden.json", "data/goteborg_stadsomraden.json"),
    ]
    for ours, theirs in pairs:
        assert (ROOT / ours).read_bytes() == (SHARED / theirs).read_bytes(), ours


# ---------------------------------------------------------------- broken files


def broken_copy(tmp_path: Path, source: Path, old: str, new: str, count: int = 1) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {source.name}"
    path = tmp_path / source.name
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def line_of(path: Path, text: str, after: str | None = None) -> int:
    """The first line holding `text` (after the line holding `after`, if given)."""
    lines = path.read_text().splitlines()
    start = line_of(path, after) if after else 0
    return next(i for i, line in enumerate(lines[start:], start + 1) if text in line)


def problems_loading(centres: Path = CENTRES_FILE, lines: Path = LINES_FILE) -> list[str]:
    with pytest.raises(RegistryError) as caught:
        load_registry(centres, lines)
    return caught.value.problems


def test_a_missing_field_names_the_entry_and_the_field(tmp_path):
    # Tried: Origo without its description.
    path = broken_copy(
        tmp_path,
        CENTRES_FILE,
        "      Hit kan du som är 13-26 år vända dig både om du är utsatt eller riskerar att\n"
        "      utsättas för hedersrelaterat våld och förtryck. Även yrkesverksamma som möter\n"
        "      målgruppen och behöver stöd i sitt arbete kan vända sig till Origo.\n",
        "",
    )
    path.write_text(path.read_text().replace("    description: >-\n    phones:", "    phones:"))

    [problem] = problems_loading(centres=path)
    assert f"centres.yml:{line_of(path, '- id: origo')}:" in problem
    assert "centres[6] (origo):" in problem
    assert "'description' is missing" in problem


def test_a_bad_phone_number_points_at_its_line(tmp_path):
    # Tried: a number cut short, as a slip of the keyboard would leave it.
    path = broken_copy(tmp_path, CENTRES_FILE, "number: 020-25 30 00", "number: 020-25 30")

    [problem] = problems_loading(centres=path)
    assert f"centres.yml:{line_of(path, '020-25 30')}:" in problem
    assert "(origo): phones[1].number:" in problem
    assert "'020-25 30' is not a Swedish phone number: it has 7 digits" in problem


@pytest.mark.parametrize("number", ["0262-17 84 68 99 88", "+46 26 17", "112 112", "tel 026178468"])
def test_other_malformed_numbers_are_refused(tmp_path, number):
    path = broken_copy(tmp_path, CENTRES_FILE, "number: 026-17 84 68", f"number: {number}")

    [problem] = problems_loading(centres=path)
    assert "is not a Swedish phone number" in problem


def test_an_unknown_county_names_the_known_ones(tmp_path):
    # Tried: a county that does not exist ("Jämtlands" misspelt as "Jämtlnd").
    path = broken_copy(tmp_path, CENTRES_FILE, "      county: Jämtland", "      county: Jämtlnd")

    [problem] = problems_loading(centres=path)
    assert f"centres.yml:{line_of(path, 'county: Jämtlnd')}:" in problem
    assert "(centrum-mot-vald-jamtland): covers.county: unknown county 'Jämtlnd'" in problem
    assert "Jämtland" in problem  # the list of known counties


def test_an_unknown_municipality_is_refused(tmp_path):
    path = broken_copy(
        tmp_path, CENTRES_FILE, "municipalities: [Malmö]", "municipalities: [Malmoe]"
    )

    [problem] = problems_loading(centres=path)
    assert (
        "(resursteam-heder-malmo): covers.municipalities[0]: unknown municipality 'Malmoe'"
        in problem
    )


def test_an_unknown_district_is_refused(tmp_path):
    path = broken_copy(tmp_path, CENTRES_FILE, "districts: [Hisingen]", "districts: [Hissingen]")

    [problem] = problems_loading(centres=path)
    assert "unknown Göteborg district 'Hissingen'" in problem


def test_overlapping_coverage_is_refused(tmp_path):
    # Tried: Fyrbodal's centre also claiming Skaraborg, for the same audiences.
    path = broken_copy(tmp_path, CENTRES_FILE, "subregion: Fyrbodal", "subregion: Skaraborg")

    [problem] = problems_loading(centres=path)
    covers_line = line_of(path, "covers:", after="- id: resurscentrum-heder-skaraborg")
    assert f"centres.yml:{covers_line}:" in problem
    assert "(resurscentrum-heder-skaraborg): covers: coverage overlaps with" in problem
    assert "'resurscentrum-heder-fyrbodal'" in problem


def test_two_entries_with_the_same_id_are_refused(tmp_path):
    path = broken_copy(
        tmp_path, CENTRES_FILE, "id: resursteam-heder-sydvast", "id: resursteam-heder-nordost"
    )

    problems = problems_loading(centres=path)
    assert any("id 'resursteam-heder-nordost' is used twice" in p for p in problems)


def test_an_unknown_field_is_refused(tmp_path):
    path = broken_copy(
        tmp_path, CENTRES_FILE, "    email: cmhv@vasteras.se", "    e-mail: cmhv@vasteras.se"
    )

    [problem] = problems_loading(centres=path)
    assert "'e-mail' is not a known field" in problem


def test_a_number_for_an_audience_the_centre_does_not_serve_is_refused(tmp_path):
    path = broken_copy(
        tmp_path, CENTRES_FILE, "- number: 0470-430 40\n        for: [professionals]",
        "- number: 0470-430 40\n        for: [affected]",
    )  # fmt: skip

    [problem] = problems_loading(centres=path)
    assert "(hedersteamet-kronoberg): phones[0].for:" in problem


def test_hours_that_close_before_they_open_are_refused(tmp_path):
    path = broken_copy(tmp_path, CENTRES_FILE, 'to: "15:00"', 'to: "09:00"')

    [problem] = problems_loading(centres=path)
    assert "opening_hours[0]: closes before it opens" in problem


def test_an_unknown_source_is_refused(tmp_path):
    path = broken_copy(tmp_path, LINES_FILE, "source: support-lines", "source: somewhere")

    [problem] = problems_loading(lines=path)
    assert "support_lines.yml:" in problem and "unknown source 'somewhere'" in problem


def test_a_verified_date_in_the_future_is_refused(tmp_path):
    path = broken_copy(tmp_path, CENTRES_FILE, "verified: 2026-11-26", "verified: 2999-01-01")

    [problem] = problems_loading(centres=path)
    assert "(barnahus-gavleborg): verified: verified date 2999-01-01 is in the future" in problem


def test_yaml_that_does_not_parse_is_refused_with_its_position(tmp_path):
    path = broken_copy(
        tmp_path, CENTRES_FILE, "  - id: origo\n    name: Origo", "  - id: origo\n   name: [Origo"
    )

    [problem] = problems_loading(centres=path)
    assert "centres.yml: not valid YAML" in problem
    assert "line" in problem


def test_every_problem_is_reported_at_once(tmp_path):
    path = broken_copy(
        tmp_path, CENTRES_FILE, "municipalities: [Malmö]", "municipalities: [Malmoe]"
    )
    path.write_text(path.read_text().replace("districts: [Hisingen]", "districts: [Hissingen]"))

    assert len(problems_loading(centres=path)) == 2
