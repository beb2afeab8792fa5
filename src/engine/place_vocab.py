"""Places for vectorized takes: every country of data/world.py and its cities flattened into one
table (`place_tables`), and the city, country and region names as a locale writes them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pyarrow as pa

from src.engine.data.world import countries, country_of_locale

# Countries and cities live in src/engine/data/world.py (every country, GeoNames cities).
COUNTRIES = countries()


@dataclass(frozen=True, eq=False)
class PlaceTables:
    """COUNTRIES flattened for vectorized takes: cities country by country."""

    country_weights: np.ndarray
    city_offsets: np.ndarray  # city_offsets[c]..city_offsets[c+1] are country c's cities
    city_slots: np.ndarray  # (countries, 4096): flat city indices, each city's share of slots by weight
    country: pa.Array
    code: pa.Array
    currency: pa.Array
    city: pa.Array
    region: pa.Array
    lat: np.ndarray
    lon: np.ndarray


CITY_SLOTS = 4096


@lru_cache(maxsize=1)
def place_tables() -> PlaceTables:
    offsets = np.cumsum([0] + [len(c.cities) for c in COUNTRIES])
    slots = np.empty((len(COUNTRIES), CITY_SLOTS), dtype=np.int32)
    for i, c in enumerate(COUNTRIES):
        w = np.asarray(c.city_weights or [1.0] * len(c.cities), dtype=np.float64)
        edges = np.cumsum(w) / w.sum()
        slots[i] = offsets[i] + np.minimum(np.searchsorted(edges, (np.arange(CITY_SLOTS) + 0.5) / CITY_SLOTS),
                                           len(w) - 1)
    flat = [city for c in COUNTRIES for city in c.cities]
    return PlaceTables(
        np.array([c.weight for c in COUNTRIES]), offsets, slots,
        pa.array([c.name for c in COUNTRIES]), pa.array([c.code for c in COUNTRIES]),
        pa.array([c.currency for c in COUNTRIES]), pa.array([c[0] for c in flat]),
        pa.array([c[1] for c in flat]), np.array([c[2] for c in flat]), np.array([c[3] for c in flat]))


@lru_cache(maxsize=64)
def city_names(locale: str | None) -> pa.Array:
    """The flat city table's names as the locale writes them: its own country's cities in its script
    (東京, Москва, Αθήνα, القاهرة, मुंबई) where GeoNames or data/native_places.py has the name; every
    other city as in English."""
    tables = place_tables()
    home = _own_language_home(locale)
    if home is None:
        return tables.city
    from src.engine.data.native_places import CITIES  # curated lists: loaded by a locale that needs them
    curated = CITIES.get(locale, {})
    first = int(tables.city_offsets[home])
    english = tables.city.to_pylist()
    natives = [curated.get(english[first + k]) or native
               for k, native in enumerate(COUNTRIES[home].native_names or [""] * len(COUNTRIES[home].cities))]
    # Only where (nearly) every city has its native name: a column mixing scripts reads worse than English.
    if sum(map(bool, natives)) < 0.9 * max(len(natives), 1):
        from src.engine.data.native_places_more import EXONYMS

        own = EXONYMS.get(locale)
        if not own:
            return tables.city
        last = int(tables.city_offsets[home + 1])
        english[first:last] = [own.get(name, name) for name in english[first:last]]
        return pa.array(english)
    for k, native in enumerate(natives):
        english[first + k] = native or english[first + k]
    return pa.array(english)


@lru_cache(maxsize=64)
def country_names(locale: str | None) -> pa.Array:
    """Country names as the locale's language writes them (Deutschland, Allemagne, ドイツ, Германия),
    from CLDR through Babel; English (GeoNames) for English locales and where CLDR has no name."""
    tables = place_tables()
    if not locale or locale.split("_")[0] == "en":
        return tables.country
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(locale).territories
    except (UnknownLocaleError, ValueError):
        try:
            names = Locale.parse(locale.split("_")[0]).territories
        except (UnknownLocaleError, ValueError):
            return tables.country
    return pa.array([names.get(c.code) or c.name for c in COUNTRIES])


@lru_cache(maxsize=64)
def region_names(locale: str | None) -> pa.Array:
    """The flat city table's regions as the locale writes them: its own country's in its script where
    data/regions.py or data/native_places.py has them (東京都, Московская область, محافظة), every other
    as in English."""
    from src.engine.data.native_places import CITY_REGIONS, REGIONS
    from src.engine.data.regions import NATIVE_REGIONS
    from src.engine.data.regions_latin import LATIN_REGIONS

    tables = place_tables()
    home = _own_language_home(locale)
    code = COUNTRIES[home].code if home is not None else None
    native = (REGIONS.get(locale) or NATIVE_REGIONS.get(code) or LATIN_REGIONS.get(code)) if code else None
    by_city = CITY_REGIONS.get(locale, {}) if home is not None else {}
    if not native and not by_city:
        return tables.region
    regions = tables.region.to_pylist()
    first, last = int(tables.city_offsets[home]), int(tables.city_offsets[home + 1])
    cities = tables.city.to_pylist()[first:last]
    regions[first:last] = [by_city.get(city) or (native or {}).get(r, r) for city, r in zip(cities, regions[first:last])]
    return pa.array(regions)


def _own_language_home(locale: str | None) -> int | None:
    """The locale's country when the locale is in that country's first language (ar_DZ, not fr_DZ)."""
    home = country_of_locale(locale)
    if home is None:
        return None
    from src.engine.data.native_places import CITIES
    if locale in CITIES:  # curated for a language other than the country's first (hi_IN, ta_IN)
        return home
    language = COUNTRIES[home].languages.split(",")[0].split("-")[0]
    return home if locale.split("_")[0] == language else None
