"""Amounts in their row's currency: a money field beside one currency column carries that currency's
minor units (ISO 4217), so a JPY row's price is whole yen and a KWD row's may have fils.

The rule: a table with exactly one currency column (a `currency_code` field, or an enum named like a
currency whose values are all three-letter codes) makes every money amount of the row (a `price`, or a
float/decimal named as money: total, balance, unit_price) an amount in that currency, unless the amount
names a currency of its own (`amount_usd`), is unique, lies on a `step` grid or is an expression.
`decimals` stays what the column writes (the scale of a DECIMAL(p, 2) column: '1500.00'); the value is
rounded to min(decimals, the currency's minor units) inside min..max, so a JPY row reads '1500.00'.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from src.engine.context import FieldPlan
from src.engine.data.currency_rates import MINOR_UNITS
from src.engine.numeric_meanings import is_money
from src.engine.semantics import tokenize

_AMOUNT_KINDS = ("price", "float", "decimal")


def link_amounts_to_currency(fields: dict[str, FieldPlan]) -> None:
    """Give each money field of a table with one currency column ``options['currency_from']``."""
    currencies = [fp for fp in fields.values() if _is_currency_column(fp)]
    if len(currencies) != 1:
        return
    source = currencies[0].name
    for fp in fields.values():
        if fp.kind not in _AMOUNT_KINDS or fp.expression is not None or fp.unique or fp.step:
            continue
        if fp.kind != "price" and not is_money(fp.name):
            continue
        if {t.upper() for t in tokenize(fp.name)} & _currency_codes():
            continue  # 'amount_usd': in its own currency whatever the row's is
        fp.options["currency_from"] = source


def round_to_row_currency(values: np.ndarray, currency: pa.Array, decimals: int, lo: float,
                          hi: float) -> np.ndarray:
    """Rows whose currency has fewer minor units than ``decimals`` rounded to them, inside [lo, hi]
    (a range holding no such value leaves those rows as they were)."""
    currency = currency.combine_chunks() if isinstance(currency, pa.ChunkedArray) else currency
    units = np.full(len(currency), 2, dtype=np.int64)  # ISO 4217's usual two, null rows included
    for digits in sorted(set(MINOR_UNITS.values())):
        codes = pa.array([c for c, u in MINOR_UNITS.items() if u == digits])
        units[pc.fill_null(pc.is_in(currency, value_set=codes), False).to_numpy(zero_copy_only=False)] = digits
    for digits in np.unique(units[units < decimals]):
        scale = 10.0 ** digits
        lo_r, hi_r = np.ceil(lo * scale - 1e-9) / scale, np.floor(hi * scale + 1e-9) / scale
        if lo_r <= hi_r:
            mask = units == digits
            values = values.copy() if not values.flags.writeable else values
            values[mask] = np.clip(np.round(values[mask], digits), lo_r, hi_r)
    return values


def _is_currency_column(fp: FieldPlan) -> bool:
    if fp.kind == "currency_code":
        return fp.expression is None
    return fp.kind == "enum" and "currency" in tokenize(fp.name) and bool(fp.enum_values) and all(
        isinstance(v, str) and len(v) == 3 and v.isalpha() and v.isupper() for v in fp.enum_values)


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    """Every country's currency, less the codes that are English words a name may hold ('total_all')."""
    from src.engine.data.world import countries

    codes = frozenset(c.currency for c in countries() if c.currency) | frozenset(MINOR_UNITS)
    return codes - {"ALL", "TOP", "CUP", "MOP", "TRY", "BAM", "MAD", "PEN", "GEL", "WST", "LAK"}
