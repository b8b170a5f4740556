"""route(): every county, audience and age band gets the answer the seed page gives.

The expected answers below were written by hand from the seed page
(registry/sources/nch_regionala_resurscentra.txt) and the coverage facts
(registry/sources/coverage_facts.md), not produced by the code under test.
"""

from datetime import datetime

import pytest

from resursguiden.geography import Place, load_geography, place_of_county, place_of_municipality
from resursguiden.opening_hours import STOCKHOLM
from resursguiden.registry import Audience, default_registry
from resursguiden.routing import needs_age, route

NOW = datetime(2026, 11, 26, 11, 0, tzinfo=STOCKHOLM)  # a Thursday morning

CENTRES = {
    "BG": "barnahus-gavleborg",
    "JA": "centrum-mot-vald-jamtland",
    "KR": "hedersteamet-kronoberg",
    "UN": "una-norrbotten",
    "SK": "resurscentrum-heder-skane",
    "MA": "resursteam-heder-malmo",
    "OR": "origo",
    "VM": "centrum-mot-hedersrelaterat-vald-vastmanland",
    "FY": "resurscentrum-heder-fyrbodal",
    "RS": "regionalt-stodcentrum-heder",
    "TC": "resursteam-heder-centrum",
    "TH": "resursteam-heder-hisingen",
    "TN": "resursteam-heder-nordost",
    "TS": "resursteam-heder-sydvast",
    "SB": "resurscentrum-heder-skaraborg",
    "AL": "resurscentrum-alvsborg",
}
AUDIENCES = {
    "aff": Audience.AFFECTED,
    "close": Audience.CLOSE,
    "prof": Audience.PROFESSIONALS,
    "civil": Audience.CIVIL_SOCIETY,
}
# Age bands: under 13, 13, 17, 18, 26, 27, an adult, not said.
BANDS = (
    ("u13", 12),
    ("13", 13),
    ("17", 17),
    ("18", 18),
    ("26", 26),
    ("27", 27),
    ("adult", 40),
    ("unknown", None),
)

# place | audience | u13 13 17 18 26 27 adult unknown
# ("-" = no regional centre; A+B = both centres, in this order)
EXPECTED = """
Södertälje      aff    -  OR OR OR OR -  -  OR
Södertälje      close  -  -  -  -  -  -  -  -
Södertälje      prof   -  OR OR OR OR -  -  OR
Södertälje      civil  -  -  -  -  -  -  -  -
Uppsala         aff    -  -  -  -  -  -  -  -
Uppsala         close  -  -  -  -  -  -  -  -
Uppsala         prof   -  -  -  -  -  -  -  -
Uppsala         civil  -  -  -  -  -  -  -  -
Eskilstuna      aff    -  -  -  -  -  -  -  -
Eskilstuna      close  -  -  -  -  -  -  -  -
Eskilstuna      prof   -  -  -  -  -  -  -  -
Eskilstuna      civil  -  -  -  -  -  -  -  -
Norrköping      aff    -  -  -  -  -  -  -  -
Norrköping      close  -  -  -  -  -  -  -  -
Norrköping      prof   -  -  -  -  -  -  -  -
Norrköping      civil  -  -  -  -  -  -  -  -
Jönköping       aff    -  -  -  -  -  -  -  -
Jönköping       close  -  -  -  -  -  -  -  -
Jönköping       prof   -  -  -  -  -  -  -  -
Jönköping       civil  -  -  -  -  -  -  -  -
Växjö           aff    -  -  -  -  -  -  -  -
Växjö           close  -  -  -  -  -  -  -  -
Växjö           prof   KR KR KR KR KR KR KR KR
Växjö           civil  -  -  -  -  -  -  -  -
Kalmar          aff    -  -  -  -  -  -  -  -
Kalmar          close  -  -  -  -  -  -  -  -
Kalmar          prof   -  -  -  -  -  -  -  -
Kalmar          civil  -  -  -  -  -  -  -  -
Gotland         aff    -  -  -  -  -  -  -  -
Gotland         close  -  -  -  -  -  -  -  -
Gotland         prof   -  -  -  -  -  -  -  -
Gotland         civil  -  -  -  -  -  -  -  -
Karlskrona      aff    -  -  -  -  -  -  -  -
Karlskrona      close  -  -  -  -  -  -  -  -
Karlskrona      prof   -  -  -  -  -  -  -  -
Karlskrona      civil  -  -  -  -  -  -  -  -
Helsingborg     aff    -  -  -  -  -  -  -  -
Helsingborg     close  -  -  -  -  -  -  -  -
Helsingborg     prof   SK SK SK SK SK SK SK SK
Helsingborg     civil  -  -  -  -  -  -  -  -
Malmö           aff    MA MA MA MA MA MA MA MA
Malmö           close  -  -  -  -  -  -  -  -
Malmö           prof   MA+SK MA+SK MA+SK MA+SK MA+SK MA+SK MA+SK MA+SK
Malmö           civil  -  -  -  -  -  -  -  -
Halmstad        aff    -  -  -  -  -  -  -  -
Halmstad        close  -  -  -  -  -  -  -  -
Halmstad        prof   -  -  -  -  -  -  -  -
Halmstad        civil  -  -  -  -  -  -  -  -
Kungsbacka      aff    RS RS RS RS RS RS RS RS
Kungsbacka      close  -  -  -  -  -  -  -  -
Kungsbacka      prof   RS RS RS RS RS RS RS RS
Kungsbacka      civil  -  -  -  -  -  -  -  -
Göteborg        aff    RS RS RS RS RS RS RS RS
Göteborg        close  -  -  -  -  -  -  -  -
Göteborg        prof   RS RS RS RS RS RS RS RS
Göteborg        civil  -  -  -  -  -  -  -  -
Göteborg/Centrum  aff    TC+RS TC+RS TC+RS TC+RS TC+RS TC+RS TC+RS TC+RS
Göteborg/Centrum  prof   TC+RS TC+RS TC+RS TC+RS TC+RS TC+RS TC+RS TC+RS
Göteborg/Centrum  close  -  -  -  -  -  -  -  -
Göteborg/Centrum  civil  -  -  -  -  -  -  -  -
Göteborg/Hisingen aff    TH+RS TH+RS TH+RS TH+RS TH+RS TH+RS TH+RS TH+RS
Göteborg/Hisingen prof   TH+RS TH+RS TH+RS TH+RS TH+RS TH+RS TH+RS TH+RS
Göteborg/Hisingen close  -  -  -  -  -  -  -  -
Göteborg/Hisingen civil  -  -  -  -  -  -  -  -
Göteborg/Nordost  aff    TN+RS TN+RS TN+RS TN+RS TN+RS TN+RS TN+RS TN+RS
Göteborg/Nordost  prof   TN+RS TN+RS TN+RS TN+RS TN+RS TN+RS TN+RS TN+RS
Göteborg/Nordost  close  -  -  -  -  -  -  -  -
Göteborg/Nordost  civil  -  -  -  -  -  -  -  -
Göteborg/Sydväst  aff    TS+RS TS+RS TS+RS TS+RS TS+RS TS+RS TS+RS TS+RS
Göteborg/Sydväst  prof   TS+RS TS+RS TS+RS TS+RS TS+RS TS+RS TS+RS TS+RS
Göteborg/Sydväst  close  -  -  -  -  -  -  -  -
Göteborg/Sydväst  civil  -  -  -  -  -  -  -  -
Mölndal         aff    RS RS RS RS RS RS RS RS
Mölndal         prof   RS RS RS RS RS RS RS RS
Mölndal         close  -  -  -  -  -  -  -  -
Mölndal         civil  -  -  -  -  -  -  -  -
Ale             aff    RS RS RS RS RS RS RS RS
Ale             prof   RS RS RS RS RS RS RS RS
Ale             close  -  -  -  -  -  -  -  -
Ale             civil  -  -  -  -  -  -  -  -
Lilla_Edet      aff    -  -  -  -  -  -  -  -
Lilla_Edet      prof   -  -  -  -  -  -  -  -
Lilla_Edet      close  -  -  -  -  -  -  -  -
Lilla_Edet      civil  -  -  -  -  -  -  -  -
Uddevalla       aff    FY FY FY FY FY FY FY FY
Uddevalla       prof   FY FY FY FY FY FY FY FY
Uddevalla       close  -  -  -  -  -  -  -  -
Uddevalla       civil  -  -  -  -  -  -  -  -
Skövde          aff    SB SB SB SB SB SB SB SB
Skövde          prof   SB SB SB SB SB SB SB SB
Skövde          close  -  -  -  -  -  -  -  -
Skövde          civil  -  -  -  -  -  -  -  -
Borås           aff    AL AL AL AL AL AL AL AL
Borås           prof   AL AL AL AL AL AL AL AL
Borås           close  -  -  -  -  -  -  -  -
Borås           civil  -  -  -  -  -  -  -  -
Karlstad        aff    -  -  -  -  -  -  -  -
Karlstad        close  -  -  -  -  -  -  -  -
Karlstad        prof   -  -  -  -  -  -  -  -
Karlstad        civil  -  -  -  -  -  -  -  -
Örebro          aff    -  -  -  -  -  -  -  -
Örebro          close  -  -  -  -  -  -  -  -
Örebro          prof   -  -  -  -  -  -  -  -
Örebro          civil  -  -  -  -  -  -  -  -
Västerås        aff    VM VM VM VM VM VM VM VM
Västerås        close  -  -  -  -  -  -  -  -
Västerås        prof   VM VM VM VM VM VM VM VM
Västerås        civil  -  -  -  -  -  -  -  -
Falun           aff    -  -  -  -  -  -  -  -
Falun           close  -  -  -  -  -  -  -  -
Falun           prof   -  -  -  -  -  -  -  -
Falun           civil  -  -  -  -  -  -  -  -
Gävle           aff    -  -  -  -  -  -  -  -
Gävle           close  -  -  -  -  -  -  -  -
Gävle           prof   BG BG BG BG -  -  -  BG
Gävle           civil  -  -  -  -  -  -  -  -
Sundsvall       aff    -  -  -  -  -  -  -  -
Sundsvall       close  -  -  -  -  -  -  -  -
Sundsvall       prof   -  -  -  -  -  -  -  -
Sundsvall       civil  -  -  -  -  -  -  -  -
Östersund       aff    JA JA JA JA JA JA JA JA
Östersund       close  -  -  -  -  -  -  -  -
Östersund       prof   JA JA JA JA JA JA JA JA
Östersund       civil  -  -  -  -  -  -  -  -
Umeå            aff    -  -  -  -  -  -  -  -
Umeå            close  -  -  -  -  -  -  -  -
Umeå            prof   -  -  -  -  -  -  -  -
Umeå            civil  -  -  -  -  -  -  -  -
Luleå           aff    -  -  -  -  -  -  -  -
Luleå           close  -  -  -  -  -  -  -  -
Luleå           prof   UN UN UN UN UN UN UN UN
Luleå           civil  UN UN UN UN UN UN UN UN
"""


def place_named(label: str) -> Place:
    name, _, district = label.replace("_", " ").partition("/")
    return place_of_municipality(name, district or None)


def expected_cases():
    for row in EXPECTED.strip().splitlines():
        label, audience, *cells = row.split()
        assert len(cells) == len(BANDS), row
        for (band, age), cell in zip(BANDS, cells, strict=True):
            ids = [] if cell == "-" else [CENTRES[code] for code in cell.split("+")]
            yield pytest.param(
                label, AUDIENCES[audience], age, ids, id=f"{label}-{audience}-{band}"
            )


@pytest.mark.parametrize("label, audience, age, expected_ids", expected_cases())
def test_route_gives_the_centres_the_seed_gives(label, audience, age, expected_ids):
    result = route(place_named(label), age, audience, NOW)

    assert [contact.id for contact in result.centres] == expected_ids
    assert (result.no_centre_reason is None) == bool(expected_ids)


def test_the_table_covers_every_county():
    counties = {place_named(row.split()[0]).county_code for row in EXPECTED.strip().splitlines()}
    assert counties == set(load_geography().counties)


def test_the_table_covers_every_goteborg_district_and_vg_subregion():
    geography = load_geography()
    places = [place_named(row.split()[0]) for row in EXPECTED.strip().splitlines()]
    districts = {place.district for place in places if place.district}
    subregions = {geography.municipalities[p.municipality_code].subregion for p in places}
    assert districts == set(geography.districts)
    assert subregions - {None} == set(geography.subregions)


# ---------------------------------------------------------------- a county given alone


@pytest.mark.parametrize(
    "county, audience, expected_ids, would_help",
    [
        ("Stockholm", Audience.AFFECTED, ["origo"], ()),
        ("Skåne", Audience.AFFECTED, [], ("municipality",)),  # only Malmö has a team for them
        ("Skåne", Audience.PROFESSIONALS, ["resurscentrum-heder-skane"], ("municipality",)),
        ("Halland", Audience.AFFECTED, [], ("municipality",)),  # Kungsbacka is covered
        ("Västra Götaland", Audience.AFFECTED, [], ("municipality",)),
        ("Uppsala", Audience.AFFECTED, [], ()),
        ("Norrbotten", Audience.CIVIL_SOCIETY, ["una-norrbotten"], ()),
    ],
)
def test_a_county_alone_routes_what_covers_the_whole_county_and_asks_for_more(
    county, audience, expected_ids, would_help
):
    result = route(place_of_county(county), 16, audience, NOW)

    assert [c.id for c in result.centres] == expected_ids
    assert result.would_help == would_help


# ---------------------------------------------------------------- what an answer holds


def test_people_who_need_help_get_the_number_meant_for_them():
    stockholm = place_of_municipality("Stockholm")
    affected = route(stockholm, 15, Audience.AFFECTED, NOW).centres[0]
    professional = route(stockholm, 15, Audience.PROFESSIONALS, NOW).centres[0]

    assert [p.number for p in affected.phones] == ["020-25 30 00"]
    assert [p.number for p in professional.phones] == ["08-508 251 20"]
    assert affected.phones[0].tel_uri == "tel:020253000"


def test_skaraborg_gives_each_audience_its_own_number():
    skovde = place_of_municipality("Skövde")
    assert [p.number for p in route(skovde, 30, Audience.AFFECTED, NOW).centres[0].phones] == [
        "020-70 07 07"
    ]
    assert [p.number for p in route(skovde, 30, Audience.PROFESSIONALS, NOW).centres[0].phones] == [
        "0500-49 80 00"
    ]


def test_opening_hours_say_open_now_or_when_next():
    vasteras = place_of_municipality("Västerås")
    morning = route(vasteras, 20, Audience.AFFECTED, NOW).centres[0]  # Thursday 11:00
    evening = route(vasteras, 20, Audience.AFFECTED, NOW.replace(hour=19)).centres[0]

    assert morning.open_now is True
    assert evening.open_now is False
    assert evening.next_opening == datetime(2026, 11, 27, 10, 0, tzinfo=STOCKHOLM)
    assert "öppnar i morgon kl. 10.00" in " ".join(evening.reasons)


def test_a_centre_without_hours_in_the_source_is_not_said_to_be_open_or_closed():
    result = route(place_of_municipality("Malmö"), 20, Audience.AFFECTED, NOW)

    assert result.centres[0].open_now is None
    assert "anger inga öppettider" in " ".join(result.centres[0].reasons)


def test_when_no_centre_fits_the_answer_says_why_and_leads_with_national_lines():
    result = route(place_of_municipality("Helsingborg"), 16, Audience.AFFECTED, NOW)

    assert result.centres == ()
    assert result.leads_with == "national"
    assert result.no_centre_reason == (
        "Resurscentrum Heder Skåne tar bara emot personal som möter de här frågorna i sitt jobb."
    )
    # A line for men as well as for women (issue 10); Rätt att välja last until an
    # operator has checked that the pilot still runs.
    assert [line.id for line in result.national_lines] == [
        "bris",
        "kvinnofridslinjen",
        "stodlinjen-for-man",
        "ratt-att-valja",
    ]
    assert "socialjouren" in result.social_services and "112" in result.social_services


def test_a_county_without_a_centre_says_so():
    result = route(place_of_municipality("Karlstad"), 30, Audience.AFFECTED, NOW)

    assert result.no_centre_reason == (
        "Det finns inget resurscentrum mot hedersrelaterat våld för Karlstad."
    )


def test_outside_the_age_range_the_answer_says_so():
    too_old = route(place_of_municipality("Solna"), 27, Audience.AFFECTED, NOW)
    too_young = route(place_of_municipality("Solna"), 12, Audience.AFFECTED, NOW)

    assert too_old.no_centre_reason == "Origo gäller 13–26 år."
    assert too_young.no_centre_reason == "Origo gäller 13–26 år."


def test_a_professional_outside_the_age_range_hears_about_the_young_person():
    result = route(place_of_municipality("Gävle"), 30, Audience.PROFESSIONALS, NOW)

    assert result.no_centre_reason == (
        "Barnahus Gävleborg gäller barn och ungdomar upp till avslutade gymnasiestudier."
    )
    assert [line.id for line in result.national_lines] == [
        "nationella-stodtelefonen",
        "kvinnofridslinjen",
    ]


def test_an_unknown_age_is_still_routed_with_the_limits_explained():
    result = route(place_of_municipality("Nacka"), None, Audience.AFFECTED, NOW)

    assert [c.id for c in result.centres] == ["origo"]
    assert "Origo gäller 13–26 år." in result.centres[0].reasons
    assert result.would_help == ("age",)
    assert "bris" in [line.id for line in result.national_lines]  # may be under 18


def test_bris_is_offered_under_18_only():
    def line_ids(age):
        return [line.id for line in route(None, age, Audience.AFFECTED, NOW).national_lines]

    assert "bris" in line_ids(17)
    assert "bris" not in line_ids(18)


def test_no_place_routes_to_national_lines_and_asks_where():
    result = route(None, 15, Audience.AFFECTED, NOW)

    assert result.centres == ()
    assert result.would_help == ("place",)
    assert result.no_centre_reason.startswith("Du behöver inte säga var du bor.")


def test_uncertain_coverage_gives_the_centre_and_says_to_check():
    result = route(place_of_municipality("Tjörn"), 16, Audience.AFFECTED, NOW)

    [centre] = result.centres
    assert centre.id == "regionalt-stodcentrum-heder"
    assert centre.coverage_uncertain
    assert any("Fråga när du ringer." in reason for reason in centre.reasons)


def test_goteborg_without_a_district_asks_for_it():
    result = route(place_of_municipality("Göteborg"), 16, Audience.AFFECTED, NOW)

    assert result.would_help == ("district",)
    assert result.local_social_service.name == "Socialjouren Göteborg"


def test_someone_worried_hears_where_the_person_they_worry_about_can_turn():
    result = route(place_of_municipality("Göteborg", "Hisingen"), 16, Audience.CLOSE, NOW)

    assert result.centres == ()
    assert [c.id for c in result.for_the_person_you_worry_about] == [
        "resursteam-heder-hisingen",
        "regionalt-stodcentrum-heder",
    ]
    # Rätt att välja last until an operator has checked that the pilot still runs.
    assert [line.id for line in result.national_lines] == [
        "bris",
        "kvinnofridslinjen",
        "ratt-att-valja",
    ]


def test_every_centre_and_line_comes_with_reasons_in_swedish():
    result = route(place_of_municipality("Malmö"), 16, Audience.PROFESSIONALS, NOW)

    for contact in result.centres + result.national_lines:
        assert contact.reasons and all(reason.endswith(".") for reason in contact.reasons)
    assert result.centres[1].reasons[0] == (
        "Resurscentrum Heder Skåne tar emot personal som möter de här frågorna i sitt jobb "
        "i Skåne län."
    )


def test_route_never_returns_a_centre_that_is_not_for_the_person():
    # Tried: every municipality and district, every audience, every age band.
    geography = load_geography()
    places = [Place(m.county_code, m.code) for m in geography.municipalities.values()]
    places += [place_of_municipality("Göteborg", d) for d in geography.districts]
    for place in places:
        for audience in Audience:
            for _, age in BANDS:
                for contact in route(place, age, audience, NOW).centres:
                    centre = contact.centre
                    assert audience in centre.audiences, (place, audience, centre.id)
                    assert age is None or centre.ages is None or centre.ages.accepts(age)
                    assert contact.phones and all(p.is_for(audience) for p in contact.phones)


def test_routing_reads_the_registry_it_is_given():
    registry = default_registry()
    assert route(place_of_municipality("Malmö"), 16, Audience.AFFECTED, NOW, registry).centres


def test_the_committed_routing_table_is_up_to_date():
    # Tried: the Markdown table in docs/ against one made now from the registry.
    from resursguiden.routing_table import OUTPUT, render

    assert OUTPUT.read_text(encoding="utf-8") == render(), (
        "docs/routing_table.md is stale: run `make routing-table` and commit it"
    )


@pytest.mark.parametrize(
    "place, audience, expected",
    [
        (place_of_county("Kronoberg"), Audience.PROFESSIONALS, False),  # no age limit anywhere
        (place_of_municipality("Malmö"), Audience.PROFESSIONALS, False),
        (place_of_municipality("Solna"), Audience.PROFESSIONALS, True),  # Origo: 13–26
        (place_of_municipality("Gävle"), Audience.PROFESSIONALS, True),  # Barnahus: to 21
        (place_of_municipality("Malmö"), Audience.AFFECTED, True),  # BRIS: under 18
        (place_of_county("Norrbotten"), Audience.CIVIL_SOCIETY, False),
        (None, Audience.CLOSE, True),
    ],
)
def test_the_age_is_asked_only_when_the_answer_depends_on_it(place, audience, expected):
    assert needs_age(place, audience, NOW) is expected
