"""Every country and its main cities (world.json, built by tools/build_world.py from GeoNames,
CC BY 4.0), with the rules that make a place coherent: region, postal code from the region,
currency, calling code and phone formats (Faker's per-locale formats, read without importing it).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from src.engine.data.districts import is_district
from src.engine.data.more_cities import merged_rows

_DATA = Path(__file__).with_name("world.json")

# Relative share of rows per country when no locale fixes one (online population, roughly);
# countries not listed get a share from their population.
COUNTRY_WEIGHTS = {
    "US": 30.0, "CN": 10.0, "IN": 14.0, "GB": 8.0, "DE": 7.0, "BR": 7.0, "CA": 5.0, "FR": 5.0, "JP": 5.0,
    "MX": 4.0, "AU": 3.0, "ES": 3.0, "IT": 3.0, "ID": 3.0, "RU": 3.0, "NG": 2.5, "KR": 2.0, "TR": 2.0,
    "NL": 1.5, "PL": 1.5, "PH": 1.5, "VN": 1.5, "SE": 1.0, "ZA": 1.0, "AR": 1.0, "IE": 0.5, "SG": 0.5,
    "NZ": 0.5, "CH": 0.5,
}
# Currencies without a minor unit in practice (ISO 4217 gives HUF and ISK 2 digits, nobody writes
# them), with roughly how many units make a US dollar: a default money range is scaled by it.
ZERO_DECIMAL_CURRENCIES = {"JPY": 150.0, "KRW": 1400.0, "VND": 25000.0, "CLP": 950.0, "ISK": 140.0,
                           "HUF": 360.0, "PYG": 7500.0, "UGX": 3700.0, "IDR": 16000.0}
# Postal code after the city's prefix where it is not the country's format less the prefix's length:
# '#' a digit, '@' a letter valid in both UK and Canadian codes.
POSTAL_REST = {"US": "", "GB": "# #@@", "CA": "#@ #@#"}
CA_FIRST_LETTERS = {"AB": "T", "BC": "V", "MB": "R", "NB": "E", "NL": "A", "NS": "B", "ON": "K|L|M|N|P",
                    "PE": "C", "QC": "G|H|J", "SK": "S", "YT": "Y", "NT": "X", "NU": "X"}
# Address layouts by country: 'us' street, city, region postal; 'gb' street, city, postal;
# 'eu' street, postal city; 'jp' postal region city street; 'br' street, city - region, postal.
# JP, KR and CN rows outside their own locale have romanized streets, written smallest unit first as their
# posts romanize them ('7-11-10 Kanda, Wakayama, Wakayama 640-7492, Japan'); at home: address_layouts.py.
ADDRESS_LAYOUT = {"US": "us", "CA": "us", "AU": "us", "IN": "us", "PH": "us", "MY": "us", "NG": "us",
                  "GB": "gb", "IE": "gb", "NZ": "gb", "ZA": "gb", "SG": "gb", "JP": "us", "KR": "us", "CN": "us",
                  "TW": "jp", "BR": "br"}
# Street layouts by country: 'number_first' 12 Oak Street, 'name_first' Lindenstraße 12,
# 'prefix_first' Calle Mayor, 12 / 12 rue Dupont (fr), 'jp' chome-ban-go.
STREET_LAYOUT = {"DE": "name_first", "AT": "name_first", "CH": "name_first", "NL": "name_first",
                 "BE": "name_first", "SE": "name_first", "NO": "name_first", "DK": "name_first",
                 "FI": "name_first", "PL": "prefix_first", "CZ": "name_first", "FR": "fr", "LU": "fr",
                 "ES": "prefix_first", "MX": "prefix_first", "AR": "prefix_first", "CO": "prefix_first",
                 "CL": "prefix_first", "PE": "prefix_first", "IT": "prefix_first", "PT": "prefix_first",
                 "BR": "prefix_first", "JP": "jp"}
# A country's own locale where Faker has one that differs from language_COUNTRY order.
COUNTRY_LOCALES = {"US": "en_US", "GB": "en_GB", "IN": "en_IN", "CA": "en_CA", "AU": "en_AU", "NZ": "en_NZ",
                   "PH": "en_PH", "CH": "de_CH", "BE": "nl_BE", "IE": "en_IE", "ZA": "en_ZA", "NG": "en_NG"}

@dataclass(frozen=True)
class Country:
    """A country with its main cities, each (city, region, latitude, longitude)."""

    name: str
    code: str
    weight: float
    calling_code: str
    currency: str
    postal: str  # GeoNames regex of its postal codes ('' if none)
    cities: tuple[tuple[str, str, float, float], ...]
    continent: str = ""
    currency_name: str = ""
    capital: str = ""
    languages: str = ""
    postal_prefixes: tuple[str, ...] = ()  # per city: '|'-separated real prefixes ('' = none)
    city_weights: tuple[float, ...] = ()
    native_names: tuple[str, ...] = ()  # per city: its name in the country's own script ('' = none)


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    return _load()[0]


@lru_cache(maxsize=1)
def _load() -> tuple[tuple[Country, ...], dict[str, list[str]]]:
    """(countries, phone formats by country code): world.json is parsed once for both."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    out = []
    for c in data["countries"]:
        rows = [r for r in merged_rows(c["code"], data["cities"].get(c["code"], [])) if not is_district(c["code"], r[0])]
        if not rows or not c["calling_code"]:  # uninhabited territories
            continue
        weight = COUNTRY_WEIGHTS.get(c["code"], 0.015 * (max(c["population"], 1) / 1e6) ** 0.75)
        prefixes = tuple(_prefix_options(c["code"], r) for r in rows)
        out.append(Country(
            c["name"], c["code"], weight, c["calling_code"] or "", c["currency"] or "USD", c["postal_regex"],
            tuple((r[0], r[1] or c["name"], r[2], r[3]) for r in rows), c["continent"], c["currency_name"],
            c["capital"], c["languages"], prefixes, tuple(max(r[5], 1) ** 0.6 for r in rows),
            tuple(r[6] if len(r) > 6 else "" for r in rows)))
    return tuple(out), data.get("phone_formats", {})


def _prefix_options(code: str, row: list) -> str:
    from src.engine.data.city_postal import CITY_POSTAL

    if code == "CA":  # the city's forward sortation areas, else its province's first letters
        return CITY_POSTAL["CA"].get(row[0]) or CA_FIRST_LETTERS.get(row[1], "K")
    from src.engine.data.postal_prefixes import prefixes_of

    return CITY_POSTAL.get(code, {}).get(row[0]) or row[4] or prefixes_of(code, row[0], row[1])


def index_of_code(code: str) -> int | None:
    return _code_index().get(code.upper())


@lru_cache(maxsize=1)
def _code_index() -> dict[str, int]:
    return {c.code: i for i, c in enumerate(countries())}


def country_of_locale(locale: str | None) -> int | None:
    """Index of a locale's country (de_DE -> Germany), or None."""
    if not locale or "_" not in locale:
        return None
    return index_of_code(locale.rsplit("_", 1)[1])


def locale_of_country(code: str) -> str | None:
    """The Faker locale whose data describes a country ('DE' -> 'de_DE'), if Faker has one."""
    from src.engine.vocab import faker_locales

    if code in COUNTRY_LOCALES and COUNTRY_LOCALES[code] in faker_locales():
        return COUNTRY_LOCALES[code]
    matches = sorted(loc for loc in faker_locales() if loc.endswith("_" + code))
    return matches[0] if matches else None


def postal_template(country: Country, prefix: str = "") -> str:
    """The part of a postal code after its region prefix (e.g. '75' of a French code), as '#' digit /
    '@' letter / literal."""
    if country.code == "US" and prefix:  # a city's ZIP3
        return "#" * (5 - len(prefix))
    if country.code == "CA" and len(prefix) == 3:  # a city's forward sortation area
        return " #@#"
    if country.code in POSTAL_REST:
        return POSTAL_REST[country.code]
    from src.engine.data.postal_prefixes import FORMATS

    return FORMATS.get(country.code, regex_template(country.postal))[len(prefix):]


def regex_template(regex: str) -> str:
    """A GeoNames postal regex as a template: '\\d{5}' -> '#####', '[A-Z]{2}\\d{4}' -> '@@####'.
    Optional parts are dropped and the first alternative is kept; '' when no code is used."""
    text = re.sub(r"\(\?:[^()]*\)[*?]", "", regex).split("|")[0]
    text = re.sub(r"\((?:[^()]|\([^()]*\))*\)\?", "", text)
    text = re.sub(r"\[[^\]]*\]\?|\\.\?|.\?", "", text)
    text = text.replace("(", "").replace(")", "").replace("^", "").replace("$", "")
    out = []
    for token, count in re.findall(r"(\\d|\[[^\]]*\]|\\s|\\.|.)(?:\{(\d+)(?:,\d+)?\})?", text):
        char = "#" if token == r"\d" else "@" if token.startswith("[") and "A" in token else \
            "#" if token.startswith("[") else " " if token == r"\s" else token.lstrip("\\")
        out.append(char * int(count or 1))
    template = "".join(out).strip()
    return template if re.fullmatch(r"[#@A-Z0-9 \-]{0,12}", template) else "#####"


# Formats where Faker's for the locale are templates of other providers or fictional ranges.
CURATED_PHONES = {
    "FR": ("+33 # ## ## ## ##", "0# ## ## ## ##"), "GB": ("+44 7### ######", "07### ######", "020 #### ####"),
    "IT": ("+39 3## ### ####", "3## ### ####", "06 #### ####"), "CN": ("+86 1## #### ####", "1## #### ####"),
    "ES": ("+34 6## ## ## ##", "6## ## ## ##", "9## ## ## ##"), "MX": ("+52 ## #### ####", "## #### ####"),
    "IN": ("+91 ##### #####", "0#### ######", "##### #####"), "AU": ("+61 4## ### ###", "04## ### ###"),
}
PHONE_CHARS = re.compile(r"^[#0-9 +()\-.]+$")


@lru_cache(maxsize=512)
def phone_formats(code: str) -> tuple[str, ...]:
    """National and international phone formats of a country ('#' = digit), as tools/build_world.py
    stored them from Faker's locale data (read at build time: parsing Faker's sources costs start-up)."""
    stored = _phone_table().get(code)
    return tuple(stored) if stored else faker_phone_formats(code)


def _phone_table() -> dict[str, list[str]]:
    return _load()[1]


def faker_phone_formats(code: str) -> tuple[str, ...]:
    """Faker's formats for the country's locale where they are plain digit templates (curated where
    Faker's are templates of other providers), else '+<calling code> ### ### ####'."""
    from src.engine.vocab import faker_lists

    country = countries()[_code_index()[code]]
    locale = locale_of_country(code)
    formats = list(CURATED_PHONES.get(code, ()))
    if locale and not formats:
        raw = faker_lists("providers", "phone_number", locale).get("formats") or ()
        for f in raw if isinstance(raw, (tuple, list)) else ():
            f = f.replace("%", "#")
            if PHONE_CHARS.match(f) and f.count("#") >= 6 and (not f.startswith("+") or
                                                                  f.startswith("+" + country.calling_code)):
                formats.append(f)
    if not formats:
        cc = country.calling_code or "0"
        formats = [f"+{cc} ### ### ####", f"+{cc} ## ### ####"]
    return tuple(dict.fromkeys(formats))


@lru_cache(maxsize=1)
def land_points() -> tuple[np.ndarray, np.ndarray]:
    """(latitudes, longitudes) of Faker's on-land places (`land_coords`)."""
    from src.engine.vocab import faker_lists

    coords = faker_lists("providers", "geo").get("land_coords") or ((40.71, -74.01, "", "", ""),)
    return (np.array([float(c[0]) for c in coords]), np.array([float(c[1]) for c in coords]))
