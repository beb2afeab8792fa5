"""Addresses written as a country's own language writes them at home, for rows of the locale's
country: Japan, China and Taiwan run from the largest unit down with no spaces ('〒100-8966
東京都千代田…', '福建省厦门市褚路143号 354578', '70891 臺南市自立路143號'), Korea from 시/도 down
with spaces after the bracketed postal code, Thailand as Faker's th_TH ('143 ถนน… ศรีราชา ชลบุรี 20286'), Arabic with the Arabic
comma. The parts (street, city, region, postal code) are the row's own columns, so they agree.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from src.engine import strings, vocab

# Locale -> layout name; only for the locale's own country (other rows keep their country's layout).
HOME_LAYOUTS = {"ja_JP": "ja", "zh_CN": "zh_CN", "zh_TW": "zh_TW", "ko_KR": "ko", "th_TH": "th",
                **{f"ar_{code}": "ar" for code in ("SA", "AE", "EG", "JO", "BH", "PS", "DZ")}}
# added unless the name ends in one (杭州 and 广州 are cities: only an autonomous 自治州 ends in 州)
_CITY_SUFFIX = {"zh_CN": ("市", "(市|区|县|盟|自治州)$"), "ko": ("시", "[시군구도]$")}


@lru_cache(maxsize=16)
def repeated_city(locale: str) -> np.ndarray:
    """Per flat city: whether its region already names it (東京都 / 東京, 北京市 / 北京, 臺南市 / 臺南市),
    so an address does not say it twice."""
    cities, regions = vocab.city_names(locale).to_pylist(), vocab.region_names(locale).to_pylist()
    return np.array([bool(c) and r.startswith(c) for c, r in zip(cities, regions)])


def _suffixed(city: pa.Array, layout: str) -> pa.Array:
    suffix, ends = _CITY_SUFFIX[layout]
    has = pc.match_substring_regex(city, ends)
    return pc.if_else(pc.or_(has, pc.equal(city, "")), city, strings.join(city, suffix))


@lru_cache(maxsize=4)
def _district_table(locale: str) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """(district names + a last '', first index and count per flat city) of zh_districts.py."""
    from src.engine.data.zh_districts import DISTRICTS

    names, first, count = [], [], []
    for city in vocab.city_names(locale).to_pylist():
        own = DISTRICTS.get(city, ())
        first.append(len(names))
        count.append(len(own))
        names.extend(own)
    empty = len(names)
    first = [f if c else empty for f, c in zip(first, count)]
    return pa.array(names + [""]), np.array(first, dtype=np.int64), np.array(count, dtype=np.int64)


def districts(locale: str, flat_city: np.ndarray, pick: np.ndarray) -> pa.Array:
    """One district of each row's city ('' where none is listed), chosen by ``pick`` (random bits)."""
    names, first, count = _district_table(locale)
    k = count[flat_city]
    offset = (pick % np.maximum(k, 1).astype(np.uint64)).astype(np.int64)
    return strings.take(names, first[flat_city] + np.where(k > 0, offset, 0))


def home_address(layout: str, street: pa.Array, postal: pa.Array, city: pa.Array, region: pa.Array,
                 country: pa.Array, repeated: np.ndarray, district: pa.Array | None = None) -> pa.Array:
    """One address per row in the home layout `layout` (a value of HOME_LAYOUTS); `repeated`: per
    row, whether the region already names the city (repeated_city); `district`: zh_CN's 区."""
    if layout in ("ja", "zh_CN", "zh_TW", "ko", "th"):
        city = pc.if_else(pa.array(repeated), "", city)
        if layout in _CITY_SUFFIX:
            city = _suffixed(city, layout)
        if district is not None:
            city = strings.join(city, district)
    if layout == "ja":
        return strings.join(strings.join("〒", postal), strings.join(region, city, street), sep=" ")
    if layout == "zh_CN":
        return strings.join(strings.join(region, city, street), postal, sep=" ")
    if layout == "zh_TW":
        return strings.join(postal, strings.join(region, city, street), sep=" ")
    if layout == "ko":  # '(06236) 서울특별시 강남구 테헤란로 152', the postal code bracketed first
        text = pc.replace_substring(strings.join(region, city, street, sep=" "), "  ", " ")
        return strings.join(strings.join("(", postal, ")"), text, sep=" ")
    if layout == "th":
        return pc.replace_substring(strings.join(street, city, region, postal, sep=" "), "  ", " ")
    # Arabic: street، postal city، country
    return strings.join(street, pc.utf8_trim_whitespace(strings.join(postal, city, sep=" ")), country, sep="، ")
