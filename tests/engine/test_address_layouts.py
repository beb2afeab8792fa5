"""Addresses of a locale's own country written as at home (largest unit first in East Asia, the
bracketed Korean postal code, Thai and Arabic order), with the row's own street, city, region and
postal code; Greek streets in the genitive; Indian streets on rows of India without a locale."""

import re

import pytest

from tests.engine.conftest import generate

PLACE = [{"name": n, "type": n} for n in ("street_address", "city", "state", "postal_code", "country_code", "address")]
US_SUFFIXES = ("Street", "Avenue", "Drive", "Court", "Boulevard", "Parkway", "Terrace", "Circle", "Trail")


def _own_rows(locale, rows=800):
    data = generate(PLACE, rows=rows, locale=locale)
    keep = [i for i, c in enumerate(data["country_code"]) if c == locale[-2:]]
    assert len(keep) > 0.9 * rows
    return [{k: v[i] for k, v in data.items()} for i in keep]


def _in_order(address, *parts):
    """Each part occurs in the address after the one before it."""
    at = 0
    for part in parts:
        found = address.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


@pytest.mark.parametrize("locale", ["ja_JP", "zh_CN", "zh_TW", "ko_KR"])
def test_east_asian_addresses_run_from_the_region_down_to_the_street(locale):
    for row in _own_rows(locale):
        address, city = row["address"], row["city"]
        # the city is named by itself or by its region (東京都 holds 東京; 臺北市 is its own region)
        assert city in address
        assert _in_order(address, row["state"], row["street_address"]), row
        assert address.index(city) < address.index(row["street_address"]), row
        assert row["postal_code"] in address and not address.endswith(("日本", "中国", "대한민국", "台灣"))


def test_each_layout_puts_the_postal_code_where_its_country_does():
    for row in _own_rows("ja_JP"):
        assert row["address"].startswith(f"〒{row['postal_code']} {row['state']}")
    for row in _own_rows("zh_CN"):
        assert row["address"].startswith(row["state"]) and row["address"].endswith(" " + row["postal_code"])
    for row in _own_rows("ko_KR"):
        assert row["address"].startswith(f"({row['postal_code']}) {row['state']} ")
    for row in _own_rows("th_TH"):
        assert row["address"].startswith(row["street_address"] + " ") and row["address"].endswith(" " + row["postal_code"])
        assert row["state"] in row["address"]


def test_a_city_is_not_written_twice_when_its_region_names_it():
    for row in _own_rows("ja_JP", 2000):
        if row["state"] == "東京都" and row["city"] == "東京":
            assert "東京都東京" not in row["address"]
    seoul = [r for r in _own_rows("ko_KR", 2000) if r["city"] == r["state"] == "서울특별시"]
    assert seoul and all(r["address"].count("서울특별시") == 1 for r in seoul)


@pytest.mark.parametrize("locale", ["ar_SA", "ar_EG", "ar_AE"])
def test_arabic_addresses_use_the_arabic_comma_and_the_rows_own_place(locale):
    for row in _own_rows(locale, 400):
        address = row["address"]
        assert "," not in address and address.count("،") == 2
        assert _in_order(address, row["street_address"], row["postal_code"], row["city"])


def test_greek_streets_are_named_in_the_genitive():
    streets = [r["street_address"] for r in _own_rows("el_GR")]
    names = [re.sub(r" \d+$", "", s).split(" ")[-1] for s in streets]
    genitive = sum(n.endswith(("ου", "ας", "ης", "ών", "ων", "ους", "ού", "άς", "ής", "εως", "ως")) for n in names)
    assert genitive / len(names) >= 0.8, names[:10]


def test_rows_of_india_get_indian_streets_without_a_locale():
    rows = generate(PLACE, rows=3000)
    streets = [s for s, c in zip(rows["street_address"], rows["country_code"]) if c == "IN"]
    assert len(streets) > 100
    assert all(re.fullmatch(r"\d+, [A-Z][\w'’ -]+ (Road|Nagar|Street|Marg|Path|Ganj|Colony)", s) for s in streets), streets[:5]
    others = [s for s, c in zip(rows["street_address"], rows["country_code"]) if c == "US"]
    assert sum(s.endswith(US_SUFFIXES) for s in others) > 0.5 * len(others)


def test_chinese_addresses_name_a_district_of_the_city_between_city_and_street():
    """'辽宁省沈阳市和平区云街47号': the 区 (街道/镇 in cities without districts) sits after 市; a city
    named with 州 (杭州, 广州) is still written 杭州市."""
    by_city, rows, named = {}, _own_rows("zh_CN", 2000), 0
    for row in rows:
        before_street = row["address"][:row["address"].index(row["street_address"])]
        found = re.search(r"市([^市省]+?(区|街道|镇))$", before_street)
        named += bool(found)
        if found:  # a small town of GeoNames' list (浦阳) may have none
            by_city.setdefault(row["city"], set()).add(found.group(1))
        if row["city"] in ("杭州", "广州", "苏州", "福州", "郑州"):
            assert row["city"] + "市" in row["address"], row
    assert {"朝阳区", "海淀区"} & by_city["北京"] and {"浦东新区", "黄浦区", "徐汇区"} & by_city["上海"]
    assert all(len(d) >= 2 for c, d in by_city.items() if c in ("北京", "上海", "广州", "深圳"))
    assert sum(map(len, by_city.values())) > 60 and named >= 0.95 * len(rows)
