"""A sample of a few rows says little about ranges: widen what it gave by the column's meaning.

With fewer than ``TINY_ROWS`` values a column's observed range is its values themselves; copied as
bounds, every generated row would repeat them. Numbers with a meaning (amount, quantity, rating)
take the engine's default for that meaning, others a range around the values; ids become sequences;
dates span a year; text keeps its kind but not the sample's exact lengths; codes keep their shape.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from src.engine.numeric_meanings import numeric_default
from src.engine.semantics import tokenize
from src.importers.shapes import round_outward

TINY_ROWS = 20
_ID_NAME = re.compile(r"(^|_)(id|no|num|number)$", re.IGNORECASE)


def widen_tiny(spec: dict[str, Any], values: list[Any], warnings: list[str]) -> dict[str, Any]:
    """``spec`` made from ``values`` (fewer than TINY_ROWS), widened; what changed is a warning."""
    c = spec.setdefault("constraints", {})
    kind, name = spec["type"], spec["name"]
    said = None
    if kind in ("integer", "decimal", "float", "sequence") and "enum_values" not in c:
        said = _widen_number(spec, c, values)
    elif kind in ("date", "datetime", "date_of_birth") and isinstance(c.get("min_value"), str):
        said = _widen_dates(c)
    elif kind == "boolean":
        c["weights"] = [0.5, 0.5]
        said = "true and false equally often"
    elif kind in ("string", "sentence", "paragraph") and "min_length" in c:
        pattern = _tiny_code_pattern([str(v) for v in values])
        low, high = c.pop("min_length"), c.pop("max_length", None)
        if pattern:
            spec["type"], c["pattern"] = "code", pattern
            said = "values of the same shape (letters and digits drawn anew)"
        else:
            c["min_length"], c["max_length"] = 1, max(2 * (high or low), 10)
            said = f"text of 1-{c['max_length']} characters"
    if said:
        warnings.append(f"column {name}: the sample has only {len(values)} value(s), so its range is "
                        f"widened: {said}")
    if not c:
        spec.pop("constraints")
    return spec


def _widen_number(spec: dict, c: dict, values: list[Any]) -> str | None:
    name = spec["name"]
    if spec["type"] in ("integer", "sequence") and _ID_NAME.search(name):
        spec["type"] = "sequence"
        c.pop("min_value", None)
        c.pop("max_value", None)
        return "numbered 1, 2, 3, ... like a key"
    meaning = numeric_default(name)
    if meaning is not None:
        c.pop("min_value", None)
        c.pop("max_value", None)
        return f"the usual range for a column named {' '.join(tokenize(name))!r}"
    numbers = [float(v) for v in values]
    lo, hi = min(numbers), max(numbers)
    span = max(hi - lo, abs(hi) or 1.0)
    low, high = lo - span, hi + span
    if lo >= 0:
        low = max(0.0, low)
    low, high = round_outward(low, high, integer=spec["type"] != "decimal" and spec["type"] != "float")
    c["min_value"], c["max_value"] = low, high
    spec["type"] = "integer" if spec["type"] == "sequence" else spec["type"]
    return f"{low} to {high} around the sample's values"


def _widen_dates(c: dict) -> str | None:
    lo, hi = c["min_value"], c["max_value"]
    try:
        start, end = dt.date.fromisoformat(lo[:10]), dt.date.fromisoformat(hi[:10])
    except ValueError:
        return None
    if (end - start).days >= 365:
        return None
    start = end - dt.timedelta(days=365)
    c["min_value"] = start.isoformat() + lo[10:]
    return f"the year up to {end.isoformat()}"


def _tiny_code_pattern(values: list[str]) -> str | None:
    """'ORD-004217' -> 'ORD-\\d{6}': digit runs drawn anew, letters and punctuation kept, when every
    value has the same shape and holds digits (an id, not a word)."""
    shapes = {_shape(v) for v in values}
    if len(shapes) != 1 or not any(ch.isdigit() for ch in values[0]) or not 2 <= len(values[0]) <= 64:
        return None
    return shapes.pop()


@lru_cache(maxsize=256)
def _shape(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_\-/.#]+", value):
        return "?"  # spaces or other text: not a code
    out = re.sub(r"\d+", lambda m: rf"\d{{{len(m.group())}}}" if len(m.group()) > 1 else r"\d",
                 re.sub(r"([.\-/#])", r"\\\1", value))
    return out
