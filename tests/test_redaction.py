"""Personal data out of a message before it is stored (resursguiden/redaction.py).

Written with the redaction, as its development examples; the blind held-out set is
tests/data/redaction/ (scripts/evaluate_redaction.py)."""

import pytest

from resursguiden.redaction import redact


@pytest.mark.parametrize(
    "text, expected",
    [
        # personnummer and samordningsnummer, in the shapes people type
        ("mitt personnummer är 19850312-1234", "mitt personnummer är [personnummer]"),
        ("850312-1234", "[personnummer]"),
        ("hon e född 0503121234", "hon e född [personnummer]"),
        ("pnr 850312 1234 tack", "pnr [personnummer] tack"),
        ("farfar 420101+1234", "farfar [personnummer]"),
        ("samordningsnummer 850372-1234", "samordningsnummer [personnummer]"),
        # phone numbers
        ("ring mej på 070-123 45 67", "ring mej på [telefonnummer]"),
        ("0701234567", "[telefonnummer]"),
        ("+46 70 123 45 67 eller 0046701234567", "[telefonnummer] eller [telefonnummer]"),
        ("hemtelefon 08-123 456 78", "hemtelefon [telefonnummer]"),
        ("+46 (0)8 123 456 78", "[telefonnummer]"),
        ("031-12 34 56.", "[telefonnummer]."),
        # e-mail, links, handles
        ("mejla amina.k@gmail.com", "mejla [e-post]"),
        ("kolla https://instagram.com/amina.k.", "kolla [länk]."),
        ("www.facebook.com/sara.ali", "[länk]"),
        ("tiktok.com/@amina", "[länk]"),
        ("min snap är @amina_k", "min snap är [användarnamn]"),
        # street addresses and postcodes
        ("jag bor på Storgatan 12B lgh 1102", "jag bor på [adress]"),
        ("vi bor på Karl Johans väg 3 tr 2 i Göteborg", "vi bor på [adress] i Göteborg"),
        ("hon bor på lindvägen 3b 2 tr", "hon bor på [adress]"),
        ("Östra Hamngatan 5 B, 411 10 Göteborg", "[adress], [postnummer] Göteborg"),
        ("postnummer 41319", "postnummer [postnummer]"),
        ("bor på Drottninggatan 63 11121", "bor på [adress] [postnummer]"),
        ("i Tumba, 14731.", "i Tumba, [postnummer]."),
        ("jag bor typ på Rinkebysvingen 20, hon", "jag bor typ på [adress], hon"),
        ("ja bor på Husbyringen 12 lgh 1104 164 31 Kista", "ja bor på [adress] [postnummer] Kista"),
        ("till Solvändan 14, 261 61 Landskrona", "till [adress], [postnummer] Landskrona"),
        ("lägger in linktr.ee/zaynabxo så", "lägger in [länk] så"),
        ("ring 070.318.22.61", "ring [telefonnummer]"),
        # names, with the finder in resursguiden/names.py
        ("jag heter Sara och är 15", "jag heter [namn] och är 15"),
        ("min pappa Ahmed slog mig", "min pappa [namn] slog mig"),
    ],
)
def test_personal_data_gets_its_placeholder(text, expected):
    assert redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "jag bor i Uppsala och är 15",
        "ring 112 eller 1177, eller bris på 116 111",
        "origo har nummer 020-25 30 00",  # a registry number: public, given out by the bot
        "det kostar 12500 kr och vi åker den 12 juli 2025",
        "jag har varit ledsen i 3 dagar",
        "min pappa slog mig igår i Malmö",
        "socialtjänsten i Göteborg ringde hem",
        "jag går i årskurs 9 på Rinkebyskolan",
        "Kvinnofridslinjen 020-50 50 50 svarar dygnet runt",
        "jag bor på ett HVB-hem i Härnösand",
        "ring polisen på 114 14",
        "Fifa 23 och Windows 11",
    ],
)
def test_what_says_no_one_is_kept(text):
    assert redact(text).text == text


def test_a_redacted_text_stays_as_it_is():
    once = redact("jag heter Sara, ring 070-123 45 67 eller mejla s@x.se").text
    assert redact(once).text == once


def test_findings_point_into_the_original_text():
    text = "ring Sara på 070-123 45 67"
    found = {text[f.start : f.end]: f.kind for f in redact(text).findings}
    assert found == {"Sara": "namn", "070-123 45 67": "telefon"}
