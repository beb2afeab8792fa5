"""Phones of countries whose numbering plan goes by city (DE, GB, JP, IN): a landline dials the area
code of the row's own city; mobiles are national; unique phones stay unique."""

import re

import pytest

from tests.engine.conftest import generate

# Area codes of the largest cities (Bundesnetzagentur, Ofcom, MIC, DoT), written out here
# independently of src/engine/data/area_codes.py, keyed by the city as the locale writes it.
AREAS = {
    "de_DE": {"Berlin": "30", "Hamburg": "40", "München": "89", "Köln": "221", "Frankfurt am Main": "69",
              "Stuttgart": "711", "Düsseldorf": "211", "Leipzig": "341", "Dresden": "351", "Bremen": "421"},
    "en_GB": {"London": "20", "Birmingham": "121", "Glasgow": "141", "Manchester": "161", "Leeds": "113",
              "Edinburgh": "131", "Liverpool": "151", "Bristol": "117", "Cardiff": "29", "Belfast": "28"},
    "ja_JP": {"東京": "3", "大阪市": "6", "横浜市": "45", "名古屋市": "52", "札幌市": "11", "福岡市": "92",
              "神戸市": "78", "京都市": "75", "広島市": "82", "仙台市": "22"},
    "en_IN": {"Mumbai": "22", "Delhi": "11", "Bengaluru": "80", "Hyderabad": "40", "Chennai": "44",
              "Kolkata": "33", "Pune": "20", "Ahmedabad": "79", "Jaipur": "141", "Lucknow": "522"},
}
CALLING = {"de_DE": "49", "en_GB": "44", "ja_JP": "81", "en_IN": "91"}
# National number lengths of landlines (Germany's vary: 10 or 11 digits).
LENGTHS = {"de_DE": (10, 11), "en_GB": (10,), "ja_JP": (9,), "en_IN": (10,)}


def _landline(locale: str, phone: str) -> str | None:
    """The national number of a landline (digits after the trunk 0 or country code), None for a mobile."""
    digits = re.sub(r"\D", "", phone)
    if phone.startswith("+"):
        number, first_group = digits[len(CALLING[locale]):], (re.split(r"[ -]", phone) + [""])[1]
        number = number[1:] if "(0)" in phone else number  # +49 (0)30 ...
    else:
        number, first_group = digits.removeprefix("0"), re.split(r"[ -]", phone.lstrip("("))[0]
    if locale == "de_DE" and number.startswith("1") or locale == "en_GB" and number.startswith("7"):
        return None
    if locale == "ja_JP" and number[:2] in ("70", "80", "90") and len(number) == 10:
        return None
    if locale == "en_IN" and len(first_group) == 5 and not phone.startswith("0"):  # 98765 43210
        return None
    return number


@pytest.mark.parametrize("unique", [True, False])
@pytest.mark.parametrize("locale", sorted(AREAS))
def test_landlines_dial_the_area_code_of_the_rows_city(locale, unique):
    rows = generate([{"name": "city", "type": "city"},
                     {"name": "phone", "type": "phone", "constraints": {"unique": unique}}], rows=3000, locale=locale)
    if unique:
        assert len(set(rows["phone"])) == 3000
    checked = landlines = mobiles = 0
    for city, phone in zip(rows["city"], rows["phone"]):
        number = _landline(locale, phone)
        if number is None:
            mobiles += 1
            continue
        landlines += 1
        assert len(number) in LENGTHS[locale], (city, phone)
        if city in AREAS[locale]:
            checked += 1
            assert number.startswith(AREAS[locale][city]), (city, phone)
    assert checked > 300 and landlines > 600 and mobiles > 300, (checked, landlines, mobiles)


def test_a_city_whose_subscriber_numbers_are_short_gets_mobiles_when_unique():
    """Bradford (01274 + 6 digits) has no room for a unique phone's 7-digit serial: its unique phones
    are national mobiles, its plain ones landlines too."""
    fields = lambda unique: [{"name": "city", "type": "city"},
                             {"name": "phone", "type": "phone", "constraints": {"unique": unique}}]
    for unique in (True, False):
        rows = generate(fields(unique), rows=20000, locale="en_GB")
        bradford = [p for c, p in zip(rows["city"], rows["phone"]) if c == "Bradford"]
        assert len(bradford) > 30
        landlines = [p for p in bradford if _landline("en_GB", p) is not None]
        assert all(_landline("en_GB", p).startswith("1274") for p in landlines)
        assert bool(landlines) is not unique, bradford[:5]


def test_compared_with_faker_the_area_code_follows_the_city():
    """Faker's de_DE/en_GB phones never look at the row's city (it has none to look at): its landlines
    fit a city's area code about as often as chance; ours always do."""
    from faker import Faker

    for locale in ("de_DE", "en_GB"):
        fake = Faker(locale)
        Faker.seed(3)
        cities = list(AREAS[locale])
        theirs = [(cities[k % len(cities)], fake.phone_number()) for k in range(2000)]
        fits = [(_landline(locale, p) or "").startswith(AREAS[locale][c]) for c, p in theirs if _landline(locale, p)]
        assert sum(fits) / len(fits) < 0.3, (locale, sum(fits) / len(fits))
