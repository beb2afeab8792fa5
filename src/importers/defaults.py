"""What a column's meaning and DEFAULT say about how its values spread, beyond its bounds.

A CHECK is a bound, not a distribution: ``total_amount >= 0`` keeps the lognormal spread of an amount
(cut at 0), ``quantity > 0`` the small, skewed counts of a quantity. A constant DEFAULT is what most
rows hold when the application does not set the column: it becomes the most frequent value.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlglot import exp

from src.importers.model import Column
from src.importers.sqltypes import Shape

DEFAULT_SHARE = 0.6  # rows that keep a column's DEFAULT
_OTHER_VALUES = 24  # values the other rows take, spread like the column's meaning
_NUMERIC_TYPES = ("integer", "decimal", "float", "price", "percentage")


@lru_cache(maxsize=256)
def meaning_spread(name: str, field_type: str) -> tuple[float, float, dict[str, Any]] | None:
    """(low, high, distribution) the engine gives a column of this name without bounds, if it has a
    distribution for it (amount, price, quantity, rating...)."""
    from src.engine import compile_schema

    plan = compile_schema({"fields": [{"name": name, "type": field_type}]}, seed=1)
    fp = plan.fields[name]
    dist = fp.options.get("distribution")
    if dist is None or fp.lo is None or fp.hi is None:
        return None
    return float(fp.lo), float(fp.hi), dist.model_dump(exclude_none=True)


def apply_meaning_spread(name: str, field_type: str, shape: Shape, constraints: dict[str, Any]) -> None:
    """Bounds from a CHECK keep the meaning's distribution; a missing side comes from the meaning."""
    if field_type not in _NUMERIC_TYPES or "enum_values" in constraints or "distribution" in constraints:
        return
    low, high = constraints.get("min_value"), constraints.get("max_value")
    if low is None and high is None:
        return  # no bound at all: the engine applies the meaning by itself
    spread = meaning_spread(name, field_type)
    if spread is None:
        return
    m_lo, m_hi, dist = spread
    if high is None:
        high = min(m_hi, float(shape.hi)) if shape.hi is not None else m_hi
    if low is None:
        low = max(m_lo, float(shape.lo)) if shape.lo is not None else m_lo
    centre = dist.get("median", dist.get("mean", low))
    if not low <= centre <= high or low >= high:
        return  # the CHECK moved the range away from the meaning's: its spread does not apply
    constraints["min_value"], constraints["max_value"] = _number(low), _number(high)
    constraints["distribution"] = dist


def constant_default(column: Column) -> Any:
    """The DEFAULT as a Python value when it is a constant (number, text, boolean), else None."""
    node = column.default
    while isinstance(node, (exp.Paren, exp.Cast)):
        node = node.this
    if isinstance(node, exp.Boolean):
        return bool(node.this)
    negative = isinstance(node, exp.Neg)
    if negative:
        node = node.this
    if isinstance(node, exp.Literal):
        if node.is_string:
            return None if negative else node.this
        number = Decimal(node.this)
        number = -number if negative else number
        return int(number) if number == number.to_integral_value() else float(number)
    return None


def apply_default_share(field: dict[str, Any], column: Column, decimals: int | None) -> str | None:
    """Make a constant DEFAULT the most frequent value; returns a warning when it cannot be."""
    value = constant_default(column)
    c = field.setdefault("constraints", {})
    if value is None or c.get("unique") or field["type"] in ("sequence", "uuid", "reference") or c.get("expression"):
        return None
    where = f"DEFAULT {column.default.sql()}"
    if field["type"] == "boolean":
        if isinstance(value, (bool, int)) and value in (0, 1):
            share = DEFAULT_SHARE if value else 1 - DEFAULT_SHARE
            c["enum_values"], c["weights"] = [True, False], [share, round(1 - share, 6)]
        return None
    values = c.get("enum_values")
    if values is not None:
        if value not in values:
            return f"{where} is not among the values its CHECK allows; it is not made frequent"
        others = [v for v in values if v != value]
        c["enum_values"] = [value, *others]
        c["weights"] = _weights(len(others))
        return None
    if field["type"] not in _NUMERIC_TYPES or isinstance(value, str):
        return None
    low, high = c.get("min_value"), c.get("max_value")
    if (low is not None and value < low) or (high is not None and value > high):
        return f"{where} lies outside the range its CHECK allows; it is not made frequent"
    others = [v for v in _spread_values(field, decimals) if v != value]
    if not others:
        return None
    c["enum_values"] = [value, *others]
    c["weights"] = _weights(len(others))
    for key in ("distribution", "step"):
        c.pop(key, None)
    return None


def _spread_values(field: dict[str, Any], decimals: int | None) -> list[int | float]:
    """A few values the column takes besides its default: quantiles of its own generated spread."""
    import numpy as np

    from src.engine import compile_schema

    plan = compile_schema({"fields": [{"name": field["name"], "type": field["type"],
                                       "constraints": {k: v for k, v in field.get("constraints", {}).items()
                                                       if k in ("min_value", "max_value", "decimals",
                                                                "distribution", "step")}}]}, seed=1)
    drawn = plan.generate_chunk(0, 4000).column(0).to_numpy(zero_copy_only=False).astype(float)
    quantiles = np.quantile(drawn, np.linspace(0.04, 0.96, _OTHER_VALUES))
    places = 0 if field["type"] == "integer" else (decimals if decimals is not None else 2)
    return sorted({_number(round(float(q), places)) for q in quantiles})


def _weights(others: int) -> list[float]:
    """The default's weight and 1 for each other value: the default holds DEFAULT_SHARE of rows."""
    return [round(DEFAULT_SHARE / (1 - DEFAULT_SHARE) * others, 3) if others else 1.0, *([1.0] * others)]


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)
