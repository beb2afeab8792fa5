"""Rows of China, Russia, Korea, Greece, Saudi Arabia, Japan and Thailand in a dataset of another
locale get their country's streets romanized (they were US streets: '8377 Cherry Drive' in Tokyo),
and the locale's own country keeps its native script."""

import re

import pytest

from tests.engine.conftest import generate

FIELDS = [{"name": "country", "type": "country_code"}, {"name": "street", "type": "street_address"},
          {"name": "address", "type": "address"}]
# Each country's romanized street form, from how its post writes addresses in Latin letters.
FORMS = {"CN": r"No\. \d+ [A-Z][\w' ]+ (Road|Street|Avenue)", "RU": r"(ul|pr|per|bul)\. [A-Z][\w ]+, \d+",
         "KR": r"\d+ [A-Z][a-z]+-(ro|daero|gil)", "GR": r"[A-Z][a-z]+( [A-Z][a-z]+)* \d+",
         "SA": r"\d+ [A-Z][\w ]+ (Road|Street)", "JP": r"\d-\d{1,2}-\d{1,2} [A-Z][A-Za-z-]+", "TH": r"\d+ [A-Z][\w -]+ Road"}
US_SUFFIXES = {"Drive", "Lane", "Court", "Way", "Boulevard", "Place", "Terrace"}


def test_streets_of_non_latin_countries_are_romanized_in_their_own_form():
    rows = generate(FIELDS, rows=20000)
    seen = {code: [] for code in FORMS}
    for code, street, address in zip(rows["country"], rows["street"], rows["address"]):
        if code in seen:
            seen[code].append((street, address))
    for code, found in seen.items():
        assert len(found) >= 5, code
        for street, address in found:
            assert street.isascii() and re.fullmatch(FORMS[code], street), (code, street)
            assert not set(street.split()) & US_SUFFIXES, (code, street)
            if code in ("CN", "JP", "KR"):  # romanized: smallest unit first, the country last
                assert address.startswith(street + ", "), (code, address)


@pytest.mark.parametrize("locale, code", [("ja_JP", "JP"), ("zh_CN", "CN"), ("ru_RU", "RU"), ("ko_KR", "KR")])
def test_the_locales_own_country_keeps_its_native_script(locale, code):
    rows = generate(FIELDS, rows=300, locale=locale)
    own = [s for c, s in zip(rows["country"], rows["street"]) if c == code]
    assert own and all(not s.isascii() for s in own)
