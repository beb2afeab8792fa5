"""Regions in the locale's own language (Lombardia, mazowieckie, Zuid-Holland), and a `city` that is
a city, never one of its districts (Wandsbek, Mokotów, Södermalm, 江東区)."""

import pytest

from src.engine import vocab
from tests.engine.conftest import generate

# Regions as their countries write them, and the English forms that must not appear.
NATIVE = {"es_ES": ({"Comunidad de Madrid", "Cataluña", "Andalucía"}, {"Catalonia", "Andalusia", "Basque Country"}),
          "es_MX": ({"Ciudad de México", "Jalisco"}, {"Mexico City"}),
          "it_IT": ({"Lombardia", "Lazio", "Campania"}, {"Lombardy", "Tuscany", "Sicily", "Piedmont", "Apulia"}),
          "pl_PL": ({"mazowieckie", "małopolskie", "śląskie"}, {"Mazovia", "Lesser Poland", "Silesia", "Pomerania"}),
          "nl_NL": ({"Zuid-Holland", "Noord-Holland"}, {"South Holland", "North Holland", "North Brabant"}),
          "id_ID": ({"Jawa Barat", "Jawa Timur", "DKI Jakarta"}, {"West Java", "East Java", "North Sumatra"}),
          "tr_TR": ({"İstanbul", "Ankara"}, {"Istanbul"}),
          "vi_VN": ({"Hà Nội", "Thành phố Hồ Chí Minh"}, {"Hanoi", "Ho Chi Minh City", "Da Nang"})}
# Districts, boroughs and neighbourhoods GeoNames lists as cities (English and local spellings).
DISTRICTS = {"Wandsbek", "Eimsbüttel", "Altona", "Hamburg-Nord", "Mokotów", "Praga Południe", "Södermalm", "Kotō",
             "江東区", "世田谷区", "Setagaya", "Iztapalapa", "Coyoacán", "Esenyurt", "Üsküdar", "Çankaya", "Neihu",
             "內湖區", "Bang Khae", "Chatuchak", "Eixample", "Carabanchel", "Quarto Oggiaro", "Circoiscrizione II",
             "Đống Đa", "Cầu Giấy", "Pudong", "Brent", "Islington", "Harlem", "Upper West Side", "Kalininskiy"}


@pytest.mark.parametrize("locale", sorted(NATIVE))
def test_regions_are_in_the_locales_language(locale):
    native, english = NATIVE[locale]
    rows = generate([{"name": "state", "type": "state"}, {"name": "address", "type": "address"}], rows=1500,
                    locale=locale)
    states = set(rows["state"])
    assert native <= states, native - states
    assert not states & english, states & english


@pytest.mark.parametrize("locale", [None, "de_DE", "pl_PL", "sv_SE", "ja_JP", "es_MX", "tr_TR", "zh_TW", "th_TH",
                                    "vi_VN", "es_ES", "it_IT", "en_GB", "en_US"])
def test_a_city_is_never_a_district(locale):
    extra = {"locale": locale} if locale else {}
    rows = generate([{"name": "city", "type": "city"}, {"name": "address", "type": "address"}], rows=4000, **extra)
    assert not set(rows["city"]) & DISTRICTS
    assert not any(d in a.split(", ") for a in rows["address"] for d in ("Wandsbek", "Mokotów", "Södermalm"))


def test_every_country_keeps_its_cities():
    by_code = {c.code: c for c in vocab.COUNTRIES}
    assert len(by_code["US"].cities) >= 300
    for code in ("DE", "JP", "TR", "TH", "VN", "MX", "PL", "SE", "TW"):
        names = {name for name, _, _, _ in by_code[code].cities}
        assert len(names) >= 10 and not names & DISTRICTS


def test_british_rows_name_the_county_not_the_nation():
    """en_GB 'state' was England / Scotland / Wales / Northern Ireland for every row."""
    rows = generate([{"name": "city", "type": "city"}, {"name": "state", "type": "state"}], rows=3000, locale="en_GB")
    pairs = set(zip(rows["city"], rows["state"]))
    assert not {"England", "Scotland", "Wales", "Northern Ireland"} & set(rows["state"])
    assert len(set(rows["state"])) >= 20
    for city, county in (("London", "Greater London"), ("Manchester", "Greater Manchester"), ("Leeds", "West Yorkshire"),
                         ("Reading", "Berkshire"), ("Belfast", "County Antrim"), ("Cardiff", "South Glamorgan")):
        assert (city, county) in pairs, city
