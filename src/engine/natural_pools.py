"""The distinct values of pool-valued types (departments, countries, cities, categories, colours):
what a `unique` field of such a type uses before any ' #<n>' tail, and what a unique_together set
combines."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from src.engine import vocab


def _job_titles(locale: str | None) -> pa.Array:
    from src.engine.generators.company import job_titles

    return job_titles(locale)


def _colors(locale: str | None) -> pa.Array:
    from src.engine.generators.codes import _color_pool

    return _color_pool()[0]


_POOLS = {
    "department": lambda locale: pa.array(list(vocab.DEPARTMENTS)),
    "product_category": lambda locale: pa.array(list(vocab.PRODUCT_CATEGORIES)),
    "currency_code": lambda locale: pa.array(list(vocab.CURRENCY_CODES)),
    "country": vocab.country_names,
    "city": vocab.city_names,
    "state": vocab.region_names,
    "job_title": _job_titles,
    "color": _colors,
}
POOL_KINDS = frozenset(_POOLS)


def natural_pool(kind: str, locale: str | None) -> pa.Array | None:
    """The distinct non-empty values a field of ``kind`` draws from, in the pool's order (None: the
    type composes its values, e.g. names or product names, and has no such pool)."""
    make = _POOLS.get(kind)
    if make is None:
        return None
    values = pc.unique(pc.cast(make(locale), pa.string()))
    return pc.filter(values, pc.fill_null(pc.greater(pc.utf8_length(values), 0), False))
