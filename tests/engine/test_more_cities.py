"""Every region of a sampled country appears with its own main cities, whose postal codes open with
the region's prefix; Canadian postal codes open with their city's forward sortation area."""

from collections import Counter

import pytest

from tests.engine.conftest import generate
from tests.engine.test_places import CA_LETTERS, DE_ZONES, FR_DEPTS

PLACE = [{"name": n, "type": n} for n in ("city", "state", "postal_code", "country_code", "phone")]
# Regions a user expects in a sample of the country (Länder, French metropolitan regions, Spanish
# autonomous communities less Ceuta/Melilla, Italian regions, Japanese prefectures).
REGION_COUNTS = {"de_DE": 16, "fr_FR": 13, "es_ES": 17, "it_IT": 20, "ja_JP": 47}


@pytest.mark.parametrize("locale,count", sorted(REGION_COUNTS.items()))
def test_a_sample_of_2000_rows_shows_every_region(locale, count):
    rows = generate(PLACE, rows=2000, locale=locale)
    own = [(c, s) for c, s, k in zip(rows["city"], rows["state"], rows["country_code"]) if k == locale[-2:]]
    assert len({s for _, s in own}) >= count
    assert len({c for c, _ in own}) >= (60 if locale == "ja_JP" else count + 15)


@pytest.mark.parametrize("locale,fits", [
    ("de_DE", lambda state, code: code[0] in DE_ZONES[state]),
    ("fr_FR", lambda state, code: code[:2] in FR_DEPTS[state].split()),
])
def test_postal_codes_fit_the_region_in_95_percent_of_rows(locale, fits):
    rows = generate(PLACE, rows=2000, locale=locale)
    pairs = [(s, p) for s, p, k in zip(rows["state"], rows["postal_code"], rows["country_code"]) if k == locale[-2:]]
    assert sum(fits(s, p) for s, p in pairs) / len(pairs) >= 0.95


# Forward sortation areas by city, from Canada Post's maps (independent of the data).
CA_CITY_FSA = {"Toronto": ("M4", "M5", "M6"), "Montréal": ("H1", "H2", "H3", "H4"), "Vancouver": ("V5", "V6"),
               "Calgary": ("T2", "T3"), "Edmonton": ("T5", "T6"), "Ottawa": ("K1", "K2"), "Winnipeg": ("R2", "R3"),
               "Halifax": ("B3",), "Québec": ("G1", "G2"), "Mississauga": ("L4", "L5")}


def test_canadian_postal_codes_open_with_their_citys_area():
    rows = generate(PLACE, rows=3000, locale="en_CA")
    pairs = [(c, p) for c, p in zip(rows["city"], rows["postal_code"]) if c in CA_CITY_FSA]
    assert len(pairs) > 1000
    assert sum(p.startswith(CA_CITY_FSA[c]) for c, p in pairs) / len(pairs) >= 0.99
    assert all(p[0] in CA_LETTERS[s] for s, p in zip(rows["state"], rows["postal_code"]))
    by_city = Counter(p[:3] for c, p in pairs if c == "Toronto")
    assert len(by_city) >= 10  # many areas of the city, not one


def test_the_added_cities_dial_their_own_area_codes():
    rows = generate(PLACE, rows=3000, locale="de_DE")
    codes = {"Mainz": "6131", "Saarbrücken": "681", "Erfurt": "361", "Rostock": "381", "Potsdam": "331"}
    seen = [(c, p) for c, p in zip(rows["city"], rows["phone"]) if c in codes]
    assert len({c for c, _ in seen}) == len(codes)
    landlines = [(c, p) for c, p in seen if not p.replace("+49 ", "0").startswith(("015", "016", "017"))]
    assert landlines and all(codes[c] in p for c, p in landlines)
