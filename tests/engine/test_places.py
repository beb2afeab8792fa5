"""Places and phones: a world of countries and cities, postal codes that fit the row's region,
one address per row in its country's layout, phones, currencies and IBANs of the row's country."""

import re
from collections import Counter

import pytest

from src.engine import vocab
from src.engine.data import world
from tests.engine.conftest import generate

PLACE = [{"name": n, "type": n} for n in ("street_address", "city", "state", "postal_code", "country",
                                          "country_code", "address")]

# First digits of German postal codes per Land (Deutsche Post's Leitzonen), independent of the data.
DE_ZONES = {"Berlin": "1", "Hamburg": "2", "Bremen": "2", "Schleswig-Holstein": "2", "Mecklenburg-Vorpommern": "1",
            "Brandenburg": "01", "Sachsen": "0", "Sachsen-Anhalt": "036", "Thüringen": "09", "Niedersachsen": "234",
            "Nordrhein-Westfalen": "345", "Hessen": "3456", "Rheinland-Pfalz": "56", "Saarland": "6",
            "Baden-Württemberg": "6789", "Bayern": "89"}
# Departments of each French region (INSEE), independent of the data.
FR_DEPTS = {"Île-de-France": "75 77 78 91 92 93 94 95", "Auvergne-Rhône-Alpes": "01 03 07 15 26 38 42 43 63 69 73 74",
            "Provence-Alpes-Côte d'Azur": "04 05 06 13 83 84", "Occitanie": "09 11 12 30 31 32 34 46 48 65 66 81 82",
            "Nouvelle-Aquitaine": "16 17 19 23 24 33 40 47 64 79 86 87", "Pays de la Loire": "44 49 53 72 85",
            "Bretagne": "22 29 35 56", "Normandie": "14 27 50 61 76", "Hauts-de-France": "02 59 60 62 80",
            "Grand Est": "08 10 51 52 54 55 57 67 68 88", "Bourgogne-Franche-Comté": "21 25 39 58 70 71 89 90",
            "Centre-Val de Loire": "18 28 36 37 41 45", "Corse": "20"}
CA_LETTERS = {"AB": "T", "BC": "V", "MB": "R", "NB": "E", "NL": "A", "NS": "B", "ON": "KLMNP", "PE": "C",
              "QC": "GHJ", "SK": "S", "YT": "Y", "NT": "X", "NU": "X"}
# Australia Post's state ranges, India Post's PIN zones, China Post's provincial prefixes (a few of each).
AU_FIRST = {"NSW": "2", "ACT": "2", "VIC": "3", "QLD": "4", "SA": "5", "WA": "6", "TAS": "7", "NT": "0"}
IN_ZONES = {"Delhi": "1", "Punjab": "1", "Uttar Pradesh": "2", "Gujarat": "3", "Rajasthan": "3", "Maharashtra": "4",
            "Karnataka": "5", "Telangana": "5", "Tamil Nadu": "6", "Kerala": "6", "West Bengal": "7", "Bihar": "8"}
CN_PREFIXES = {"Beijing": "10", "Shanghai": "20", "Tianjin": "30", "Chongqing": "40", "Guangdong": "51 52",
               "Zhejiang": "31 32", "Jiangsu": "21 22", "Sichuan": "61 62 63 64"}


def test_the_100_most_populous_countries_have_regions_for_their_cities():
    import json

    data = json.loads(world._DATA.read_text(encoding="utf-8"))
    top = sorted(data["countries"], key=lambda c: -c["population"])[:100]
    covered = {c["code"]: [bool(row[1]) for row in data["cities"][c["code"]]] for c in top if c["code"] in data["cities"]}
    assert len(covered) >= 99 and all(all(regions) and len(regions) >= 3 for regions in covered.values())
    us, ca = vocab.COUNTRIES[world.index_of_code("US")], vocab.COUNTRIES[world.index_of_code("CA")]
    assert {r for _, r, _, _ in ca.cities} <= set(CA_LETTERS) and len({r for _, r, _, _ in us.cities}) == 51


def test_the_world_list_covers_every_country_and_the_us_in_depth():
    assert len(vocab.COUNTRIES) >= 240
    assert {"CN", "NG", "KE", "VN", "PE", "IS"} <= {c.code for c in vocab.COUNTRIES}
    us = vocab.COUNTRIES[world.index_of_code("US")]
    assert len(us.cities) >= 300 and len({region for _, region, _, _ in us.cities}) == 51
    for c in vocab.COUNTRIES:
        assert c.calling_code and c.currency and c.cities


def test_a_sample_spans_many_countries_and_us_places():
    world_rows = generate(PLACE, rows=2000)
    assert len(set(world_rows["country"])) >= 100
    us_rows = generate(PLACE, rows=5000, locale="en_US")
    assert len(set(us_rows["city"])) >= 200
    assert len(set(us_rows["state"])) == 51  # 50 states and DC


# Faker's `states_postcode` ranges are narrower than USPS's for a few states (Dallas is 752xx, Tulsa
# 741xx, Omaha 681xx, Washington 200xx-205xx): the real spans there.
USPS_SPANS = {"TX": (75001, 79999), "OK": (73001, 74966), "NE": (68001, 69367), "DC": (20001, 20599)}


def us_ranges() -> dict:
    return {**vocab.faker_lists("providers", "address", "en_US")["states_postcode"], **USPS_SPANS}


def test_us_zip_codes_fall_in_their_states_range():
    ranges = us_ranges()
    rows = generate(PLACE, rows=3000, locale="en_US")
    fits = [ranges[s][0] <= int(z) <= ranges[s][1] for s, z in zip(rows["state"], rows["postal_code"])]
    assert sum(fits) / len(fits) >= 0.99


@pytest.mark.parametrize("locale,check", [
    ("de_DE", lambda state, code: re.fullmatch(r"\d{5}", code) and code[0] in DE_ZONES[state]),
    ("fr_FR", lambda state, code: re.fullmatch(r"\d{5}", code) and code[:2] in FR_DEPTS[state].split()),
    ("en_CA", lambda state, code: re.fullmatch(r"[A-Z]\d[A-Z] \d[A-Z]\d", code) and code[0] in CA_LETTERS[state]
     and not set(code) & set("DFIOQU")),
    ("en_GB", lambda state, code: re.fullmatch(r"[A-Z]{1,2}\d \d[A-Z]{2}", code)),
    ("ja_JP", lambda state, code: re.fullmatch(r"\d{3}-\d{4}", code)),
    ("en_AU", lambda state, code: re.fullmatch(r"\d{4}", code) and code.startswith(AU_FIRST[state])),
    ("en_IN", lambda state, code: re.fullmatch(r"[1-8]\d{5}", code) and code[0] == IN_ZONES.get(state, code[0])),
    ("zh_CN", lambda state, code: re.fullmatch(r"\d{6}", code) and code[:2] in CN_PREFIXES.get(state, code[:2])),
    ("pt_BR", lambda state, code: re.fullmatch(r"\d{5}-\d{3}", code)),
])
def test_postal_codes_fit_the_rows_region(locale, check):
    rows = generate(PLACE, rows=2000, locale=locale)
    fits = [bool(check(s, p)) for s, p in zip(rows["state"], rows["postal_code"])]
    assert sum(fits) / len(fits) >= 0.95


# First two digits of postal codes by state/prefecture (Correios' CEP ranges, Japan Post's 〒 ranges),
# independent of the data.
BR_CEP = {"SP": range(1, 20), "RJ": range(20, 29), "MG": range(30, 40), "BA": range(40, 49), "PE": range(50, 57),
          "CE": range(60, 64), "PR": range(80, 88), "RS": range(90, 100)}
JP_POSTAL = {"東京都": range(10, 21), "神奈川県": range(21, 26), "大阪府": range(53, 60), "愛知県": range(44, 50),
             "北海道": range(0, 10), "福岡県": range(80, 84), "京都府": range(60, 63), "兵庫県": range(65, 68),
             "埼玉県": range(33, 37), "千葉県": range(26, 30)}


@pytest.mark.parametrize("locale,ranges", [("pt_BR", BR_CEP), ("ja_JP", JP_POSTAL)])
def test_brazilian_and_japanese_postal_codes_fall_in_their_regions_range(locale, ranges):
    rows = generate(PLACE, rows=3000, locale=locale)
    checked = [int(code[:2]) in ranges[state] for state, code in zip(rows["state"], rows["postal_code"]) if state in ranges]
    assert len(checked) > 1000 and all(checked)


def test_known_cities_get_their_real_prefixes():
    rows = generate(PLACE, rows=4000, locale="de_DE")
    prefix = {"Berlin": "1", "München": "8", "Köln": "5", "Hamburg": "2", "Stuttgart": "7", "Dresden": "0"}
    for city, code in zip(rows["city"], rows["postal_code"]):
        if city in prefix:
            assert code.startswith(prefix[city]), (city, code)
    rows = generate(PLACE, rows=2000, locale="en_GB")
    for city, code in zip(rows["city"], rows["postal_code"]):
        if city in ("Manchester", "Birmingham", "Glasgow", "Edinburgh"):
            assert code.startswith({"Manchester": "M", "Birmingham": "B", "Glasgow": "G", "Edinburgh": "EH"}[city])


@pytest.mark.parametrize("locale", [None, "en_US", "de_DE", "fr_FR", "ja_JP", "en_GB", "pt_BR"])
def test_the_address_is_the_rows_own_place(locale):
    rows = generate(PLACE, rows=500, locale=locale)
    for street, city, postal, country, address in zip(rows["street_address"], rows["city"], rows["postal_code"],
                                                      rows["country"], rows["address"]):
        # A Japanese address at home leaves the country out: '〒030-8696 青森県青森市浅草橋8-19-17'.
        for part in (street, city, postal) + ((country,) if locale != "ja_JP" else ()):
            assert part in address
    if locale == "de_DE":  # 'Straße 12, 10115 Berlin, Deutschland'
        assert all(re.search(r", \d{5} ", a) for a in rows["address"])
        assert sum(bool(re.match(r"\D+ \d+,", s + ",")) for s in rows["street_address"]) / 500 > 0.95
    if locale == "en_US":
        assert all(re.search(r", [A-Z]{2} \d{5}, United States$", a) for a in rows["address"])


PHONES = {
    "de_DE": r"(\+49 ?(\(0\))?|\(0|0)[1-9][\d ()]{7,13}",
    "fr_FR": r"(\+33 [1-9]|0[1-9])( \d\d){4}",
    "en_GB": r"\+44 7\d{3} \d{6}|07\d{3} \d{6}|(\+44 |0|\(0)(2\d\)? \d{4} \d{4}|1\d\d\)? \d{3} \d{4}|1\d{3}\)? \d{6})",
    "ja_JP": r"0[789]0-\d{4}-\d{4}|(0\d{1,3}-|\(0\d{1,3}\) |\+81-\d{1,3}-)\d{2,4}-\d{4}",
    "en_IN": r"(\+91 )?[6-9]\d{4} \d{5}|(0|\+91 )[1-9]\d{1,3} \d{6,8}",
    "en_US": r"\(\d{3}\) \d{3}-\d{4}",
}


@pytest.mark.parametrize("locale", sorted(PHONES))
def test_phones_follow_the_rows_country_and_stay_unique(locale):
    rows = generate([{"name": "phone", "type": "phone", "constraints": {"unique": True}}], rows=3000, locale=locale)
    assert all(re.fullmatch(PHONES[locale], p) for p in rows["phone"]), rows["phone"][:5]
    assert len(set(rows["phone"])) == 3000


def test_phones_of_a_world_sample_follow_each_rows_country():
    rows = generate([{"name": "country", "type": "country_code"},
                     {"name": "phone", "type": "phone", "constraints": {"unique": True}}], rows=20000)
    assert len(set(rows["phone"])) == 20000
    calling = {c.code: c.calling_code for c in vocab.COUNTRIES}
    for code, phone in zip(rows["country"], rows["phone"]):
        if phone.startswith("+"):
            assert phone[1:].replace(" ", "").startswith(calling[code]), (code, phone)


def test_currency_and_iban_follow_the_rows_country():
    rows = generate([{"name": "country", "type": "country_code"}, {"name": "currency", "type": "currency_code"},
                     {"name": "iban", "type": "iban"}], rows=2000)
    currency = {c.code: c.currency for c in vocab.COUNTRIES}
    assert all(currency[c] == cur for c, cur in zip(rows["country"], rows["currency"]))
    german = generate([{"name": "currency", "type": "currency_code"}, {"name": "iban", "type": "iban"}],
                      rows=500, locale="de_DE")
    assert set(german["currency"]) == {"EUR"} and all(i.startswith("DE") and len(i) == 22 for i in german["iban"])
    for iban in german["iban"]:
        digits = "".join(str(int(ch, 36)) for ch in iban[4:] + iban[:4])
        assert int(digits) % 97 == 1


# Lengths of the SWIFT IBAN registry, independent of the engine's table.
IBAN_LENGTHS = {"SA": 24, "BR": 29, "RU": 33, "UA": 29, "EG": 29, "TN": 24, "MU": 30, "QA": 29, "CR": 22, "IS": 26,
                "JO": 30, "KW": 30, "PK": 24, "TR": 26, "AE": 23, "IL": 23, "NO": 15, "MT": 31, "LC": 32, "DE": 22}


def test_ibans_of_every_registry_country_follow_the_row_and_its_length():
    rows = generate([{"name": "country", "type": "country_code"}, {"name": "iban", "type": "iban"}], rows=20000)
    checked = 0
    for code, iban in zip(rows["country"], rows["iban"]):
        if code in IBAN_LENGTHS:
            checked += 1
            assert iban.startswith(code) and len(iban) == IBAN_LENGTHS[code], (code, iban)
            assert int("".join(str(int(ch, 36)) for ch in iban[4:] + iban[:4])) % 97 == 1
    assert checked > 500


def test_a_currency_and_an_iban_without_a_place_field_agree_on_the_country():
    from src.engine.generators.codes import _IBAN_FORMATS

    rows = generate([{"name": "currency", "type": "currency_code"}, {"name": "iban", "type": "iban"}], rows=3000)
    currency = {c.code: c.currency for c in vocab.COUNTRIES}
    registry = {code for code, _, _ in _IBAN_FORMATS}
    ibans = [(cur, iban) for cur, iban in zip(rows["currency"], rows["iban"]) if iban[:2] in registry]
    assert len(ibans) > 100 and all(currency[iban[:2]] == cur for cur, iban in ibans)
    # the other rows are national accounts of countries without IBANs (USD, JPY, CNY ...), never an IBAN
    others = {cur for cur, iban in zip(rows["currency"], rows["iban"]) if iban[:2] not in registry}
    assert {"USD", "JPY", "CNY"} <= others and not others & {"EUR", "GBP", "CHF", "SEK"}


def test_coordinates_without_a_place_are_on_land_by_an_independent_land_mask():
    """global-land-mask (1 km grid) as the judge: Faker's latitude()/longitude() land about a third."""
    from global_land_mask import globe
    import numpy as np

    rows = generate([{"name": "lat", "type": "latitude"}, {"name": "lon", "type": "longitude"}], rows=3000)
    assert globe.is_land(np.array(rows["lat"]), np.array(rows["lon"])).mean() >= 0.97


def test_coordinates_without_a_place_lie_on_land():
    rows = generate([{"name": "lat", "type": "latitude"}, {"name": "lon", "type": "longitude"}], rows=3000)
    lats, lons = world.land_points()
    land = set(zip(lats.round(0), lons.round(0)))
    near = sum((round(a), round(o)) in land or any((round(a) + d, round(o) + e) in land for d in (-1, 0, 1)
                                                 for e in (-1, 0, 1)) for a, o in zip(rows["lat"], rows["lon"]))
    assert near / 3000 >= 0.99
    assert sum(abs(a) > 66.5 for a in rows["lat"]) / 3000 < 0.02  # not 27% polar as a uniform globe gives


# Leading digits of landlines by region (Anatel's DDD by state, ARCEP's zones, ACMA's areas), written
# out here independently of src/engine/data/dialing.py.
DIALS = {"pt_BR": ("55", "", {"SP": "1", "RJ": "2", "MG": "3", "PR": "4", "RS": "5", "BA": "7", "PE": "8", "PA": "9"}),
         "fr_FR": ("33", "67", {"Île-de-France": "1", "Bretagne": "2", "Grand Est": "3", "Nouvelle-Aquitaine": "5",
                                "Provence-Alpes-Côte d'Azur": "4"}),
         "en_AU": ("61", "4", {"NSW": "2", "VIC": "3", "QLD": "7", "WA": "8"})}


@pytest.mark.parametrize("locale", list(DIALS))
def test_landlines_dial_the_rows_region_outside_the_nanp_too(locale):
    calling, mobile, first = DIALS[locale]
    rows = generate([{"name": "state", "type": "state"}, {"name": "phone", "type": "phone", "constraints": {"unique": True}}],
                    rows=3000, locale=locale)
    assert len(set(rows["phone"])) == 3000
    checked = landlines = 0
    for region, phone in zip(rows["state"], rows["phone"]):
        digits = re.sub(r"\D", "", phone)
        number = digits[len(calling):] if phone.startswith("+") else digits.removeprefix("0")
        if mobile and number[0] in mobile:
            continue
        landlines += 1
        if region in first:
            checked += 1
            assert number.startswith(first[region]), (region, phone)
    assert checked > 200 and landlines > 600


def test_compared_with_faker_the_us_postal_prefix_fits_far_more_often():
    """Faker's `postcode()` ignores the row's state; ours fits its state on (nearly) every row."""
    from faker import Faker

    fake = Faker("en_US")
    Faker.seed(3)
    faker_fit = 0
    ranges = us_ranges()
    for _ in range(2000):
        state = fake.state_abbr(include_territories=False)
        faker_fit += ranges[state][0] <= int(fake.postcode()) <= ranges[state][1]
    rows = generate(PLACE, rows=2000, locale="en_US")
    ours = sum(ranges[s][0] <= int(z) <= ranges[s][1] for s, z in zip(rows["state"], rows["postal_code"]))
    assert ours / 2000 >= 0.99 > 0.2 > faker_fit / 2000
    counts = Counter(rows["state"])
    assert counts.most_common(1)[0][0] in ("CA", "TX", "NY", "FL")


# A few provinces' area codes as the CRTC lists them, independent of the data module.
CA_AREA_SPOT = {"ON": {416, 647, 437, 905, 289, 365, 519, 226, 548, 613, 343, 705, 249, 807},
                "QC": {514, 438, 450, 579, 418, 581, 367, 819, 873}, "BC": {604, 778, 236, 672, 250},
                "AB": {403, 587, 780, 825}}


@pytest.mark.parametrize("locale", ["en_US", "en_CA", None])
def test_nanp_phones_take_an_area_code_of_the_rows_state_or_province(locale):
    from src.engine.data import nanp

    rows = generate([{"name": "country", "type": "country_code"}, {"name": "state", "type": "state"},
                     {"name": "phone", "type": "phone"}], rows=4000, locale=locale)
    us_codes = {c for codes in nanp.AREA_CODES["US"].values() for c in codes}
    checked = Counter()
    for country, state, phone in zip(rows["country"], rows["state"], rows["phone"]):
        if country not in ("US", "CA"):
            continue
        area = int(re.fullmatch(r"\((\d{3})\) [2-9]\d{2}-\d{4}", phone).group(1))
        assert area in nanp.area_codes(country, state), (country, state, phone)
        if country == "CA":
            assert area not in us_codes, (state, phone)
            assert state not in CA_AREA_SPOT or area in CA_AREA_SPOT[state], (state, phone)
        checked[country] += 1
    assert sum(checked.values()) >= (3900 if locale else 300)


def test_compared_with_faker_canadian_area_codes_fit_the_province():
    """Faker's en_CA numbers draw any area code; ours come from the row's province."""
    from faker import Faker

    fake = Faker("en_CA")
    Faker.seed(5)
    ontario = CA_AREA_SPOT["ON"]
    faker_fit = sum(int(re.sub(r"\D", "", fake.phone_number()).removeprefix("1")[:3]) in ontario
                    for _ in range(1000)) / 1000
    rows = generate([{"name": "state", "type": "state"}, {"name": "phone", "type": "phone"}], rows=3000,
                    locale="en_CA")
    ours = [int(p[1:4]) in ontario for s, p in zip(rows["state"], rows["phone"]) if s == "ON"]
    assert len(ours) > 500 and sum(ours) / len(ours) == 1.0 > 0.5 > faker_fit


def test_postal_codes_follow_the_rows_city_not_only_its_region():
    """Delhi's PINs open with 110 (it had Delhi 115121: the region's range), Mumbai's 400, Chicago's
    ZIPs 606, Houston's 770 (the first digits of the city's own codes, India Post and USPS)."""
    cities = {"en_IN": {"Delhi": "110", "Mumbai": "400", "Bengaluru": "560", "Chennai": "600", "Kolkata": "700",
                        "Hyderabad": "500", "Pune": "411", "Lucknow": "226"},
              "en_US": {"Chicago": "606", "Houston": "770", "Los Angeles": "900", "Phoenix": "850",
                        "Philadelphia": "191", "Seattle": "981", "Denver": "802", "Miami": "331"}}
    for locale, prefixes in cities.items():
        rows = generate(PLACE, rows=4000, locale=locale)
        pairs = [(c, z) for c, z in zip(rows["city"], rows["postal_code"]) if c in prefixes]
        assert len(pairs) > 200 and all(z.startswith(prefixes[c]) for c, z in pairs), \
            [(c, z) for c, z in pairs if not z.startswith(prefixes[c])][:5]
