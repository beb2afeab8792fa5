"""Column rules (domains and lengths; orderings in orderings.py) -> the schema's constraints, on the engine's grid.

A strict bound moves one grid step inward (``price > 0`` on NUMERIC(10,2) is ``min_value: 0.01``);
a range the engine would pick by itself is made explicit where the SQL type could not hold it.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from functools import lru_cache
from typing import Any

from src.engine.plan import NUMERIC_DEFAULTS
from src.engine.unique_text import WORD_KINDS
from src.importers.checks import ColumnRules
from src.importers.domains import FULL, Bound, Domain, Interval, intersect, merge
from src.importers.sqltypes import Shape
from src.schemas.fields import MAX_TEXT_LENGTH

# Field types whose generators cut or pad to min_length/max_length themselves.
LENGTH_AWARE = {"string", "sentence", "paragraph", "review", "word", "username", "account_number", "enum"}
_CODE_PATTERN_LENGTH = 9  # the engine's default code pattern, [A-Z]{3}-\d{5}
_PROBE_ROWS = 20_000


def apply_domain(field_type: str, shape: Shape, rules: ColumnRules, constraints: dict[str, Any]) -> list[str]:
    """Write the column's value domain into ``constraints``; return what could not be honoured."""
    if field_type in ("sequence", "uuid"):
        return _apply_sequence_start(field_type, shape, rules, constraints)
    if _is_full(rules.domain) and not shape.is_numeric and "enum_values" not in constraints:
        return []
    domain = rules.domain
    if shape.is_numeric and (shape.lo is not None or shape.hi is not None):
        domain = intersect(domain, [Interval(_bound(shape.lo), _bound(shape.hi))])
    domain = merge(domain)
    if shape.category == "boolean":
        return [] if _is_full(rules.domain) else ["a CHECK on a boolean is not honoured"]
    if not domain:
        return ["its CHECKs and type allow no value at all; the column's rules are left out"]
    if "enum_values" in constraints:
        kept = [v for v in constraints["enum_values"] if _contains(domain, v)]
        if not kept:
            return ["no ENUM label passes its CHECKs; the labels are kept unchanged"]
        constraints["enum_values"] = kept
        return []
    if all(p.is_point() for p in domain):
        constraints["enum_values"] = [p.lo.value for p in domain]
        return []
    if shape.category == "text":
        return _apply_text_domain(domain, constraints)
    messages = []
    if len(domain) > 1:
        widest = max(domain, key=_span)
        messages.append(f"its CHECKs allow several separate ranges; values come from {_describe(widest)} only")
        domain = [widest]
    (piece,) = domain
    if shape.is_numeric:
        _apply_numeric(field_type, shape, piece, constraints, explicit=not _is_full(rules.domain))
    elif shape.is_time:
        _apply_time(shape, piece, constraints)
    return messages


def _apply_sequence_start(field_type: str, shape: Shape, rules: ColumnRules, constraints: dict) -> list[str]:
    if _is_full(rules.domain):
        return []
    if field_type == "uuid":
        return ["a CHECK on a UUID column is not honoured"]
    piece = merge(rules.domain)
    if len(piece) == 1 and piece[0].hi is None and piece[0].lo is not None:
        start = _inward(piece[0].lo.key, 1, piece[0].lo.open, up=True)
        constraints["min_value"] = int(start)
        return []
    return ["a key column numbers its rows from 1; only a lower bound in its CHECK is honoured"]


def _apply_text_domain(domain: Domain, constraints: dict) -> list[str]:
    if len(domain) == 2 and domain[0].lo is None and domain[0].hi and domain[0].hi.key == "" and \
            domain[1].hi is None and domain[1].lo and domain[1].lo.key == "":
        constraints["min_length"] = max(1, constraints.get("min_length") or 0)
        return []
    return ["a range over text (other than a list of values) is not honoured"]


def _apply_numeric(field_type: str, shape: Shape, piece: Interval, constraints: dict, *, explicit: bool) -> None:
    grid = Decimal(1) if shape.category == "integer" else Decimal(1).scaleb(-grid_decimals(field_type, shape))
    lo = None if piece.lo is None else _inward(piece.lo.key, grid, piece.lo.open, up=True)
    hi = None if piece.hi is None else _inward(piece.hi.key, grid, piece.hi.open, up=False)
    if shape.category == "decimal":
        constraints["decimals"] = shape.decimals
    checked_lo = lo if piece.lo is not None and (shape.lo is None or lo > shape.lo) else None
    checked_hi = hi if piece.hi is not None and (shape.hi is None or hi < shape.hi) else None
    engine_lo, engine_hi = engine_range(field_type, checked_lo, checked_hi)
    if (lo is not None and engine_lo < lo) or (hi is not None and engine_hi > hi):
        checked_lo = lo if lo is not None and engine_lo < lo else checked_lo
        checked_hi = hi if hi is not None and engine_hi > hi else checked_hi
        engine_lo, engine_hi = engine_range(field_type, checked_lo, checked_hi)
        if (lo is not None and engine_lo < lo) or (hi is not None and engine_hi > hi):
            checked_lo, checked_hi = lo, hi
    if checked_lo is not None:
        constraints["min_value"] = as_number(checked_lo)
    if checked_hi is not None:
        constraints["max_value"] = as_number(checked_hi)


def engine_range(field_type: str, lo: Decimal | None, hi: Decimal | None) -> tuple[Decimal, Decimal]:
    """The range the engine generates for these bounds (it fills a missing side from its defaults)."""
    d_lo, d_hi, _ = NUMERIC_DEFAULTS.get(field_type, NUMERIC_DEFAULTS["integer"])
    d_lo, d_hi = Decimal(d_lo), Decimal(d_hi)
    if lo is None and hi is None:
        return d_lo, d_hi
    if lo is None:
        return (min(d_lo, hi) if hi > d_lo else hi - (d_hi - d_lo)), hi
    if hi is None:
        return lo, (max(d_hi, lo) if lo < d_hi else lo + (d_hi - d_lo))
    return lo, hi


def grid_decimals(field_type: str, shape: Shape) -> int:
    if shape.category == "decimal" and shape.decimals is not None:
        return shape.decimals
    return NUMERIC_DEFAULTS.get(field_type, NUMERIC_DEFAULTS["float"])[2] or 0


def _inward(value: Decimal, grid: Decimal, is_open: bool, *, up: bool) -> Decimal:
    steps = (value / grid).to_integral_value(rounding=ROUND_CEILING if up else ROUND_FLOOR)
    snapped = steps * grid
    if is_open and snapped == value:
        snapped += grid if up else -grid
    return snapped


def _apply_time(shape: Shape, piece: Interval, constraints: dict) -> None:
    for bound, key, up in ((piece.lo, "min_value", True), (piece.hi, "max_value", False)):
        if bound is None:
            continue
        constraints[key] = _time_value(shape, bound, up)


def _time_value(shape: Shape, bound: Bound, up: bool) -> str:
    if bound.value in ("now", "today"):
        if not bound.open:
            return bound.value
        if bound.value == "today" or shape.category == "date":
            return "tomorrow" if up else "yesterday"
        return "+1s" if up else "-1s"
    moment: dt.datetime = bound.key
    if shape.category == "date":
        day = moment.date()
        has_time = moment.time() != dt.time(0)
        if up and (bound.open or has_time):
            day += dt.timedelta(days=1)
        elif not up and bound.open and not has_time:
            day -= dt.timedelta(days=1)
        return day.isoformat()
    step = dt.timedelta(seconds=1)
    whole = moment.replace(microsecond=0)
    if up and (bound.open or moment.microsecond):
        whole += step
    elif not up and bound.open and not moment.microsecond:
        whole -= step
    return whole.time().isoformat() if shape.category == "time" else whole.isoformat()


def apply_length(field_type: str, shape: Shape, rules: ColumnRules, constraints: dict[str, Any]) -> list[str]:
    """VARCHAR(n) and CHECK (length(x) ...) -> min_length / max_length."""
    domain = merge(intersect(rules.length, [Interval(Bound(Decimal(0), 0), None)]))
    if shape.max_length:
        domain = intersect(domain, [Interval(None, Bound(Decimal(shape.max_length), shape.max_length))])
    if not domain:
        return ["its length rules allow no value; they are left out"]
    messages = []
    if len(domain) > 1:
        messages.append("its length CHECKs allow several ranges; the widest is used")
        domain = [max(domain, key=_span)]
    (piece,) = domain
    if piece.lo is not None:
        low = int(_inward(piece.lo.key, Decimal(1), piece.lo.open, up=True))
        if low > 0:
            constraints["min_length"] = max(low, constraints.get("min_length") or 0)
    if piece.hi is not None:
        constraints["max_length"] = min(int(_inward(piece.hi.key, Decimal(1), piece.hi.open, up=False)),
                                        MAX_TEXT_LENGTH)
    if "enum_values" in constraints:
        fits = [v for v in constraints["enum_values"] if _length_ok(v, constraints)]
        if len(fits) < len(constraints["enum_values"]):
            messages.append("values longer than the column allows are left out of its list")
            if fits:
                constraints["enum_values"] = fits
    return messages


def guard_length(field_type: str, constraints: dict[str, Any]) -> None:
    """Keep a unique typed value that is not words (email, url...) within max_length: values that do
    not fit are replaced by ones made from a length pattern, when the type's values can come near the
    limit. Words (names, cities, companies) the engine cuts at a word itself, unique or not."""
    limit = constraints.get("max_length")
    if not limit or field_type in LENGTH_AWARE or field_type in WORD_KINDS or "pattern" in constraints \
            or "enum_values" in constraints:
        return
    if field_type == "code":
        if limit < _CODE_PATTERN_LENGTH:
            constraints["pattern"] = f"[A-Z0-9]{{{limit}}}"
        return
    if not constraints.get("unique"):
        return  # the engine cuts a typed value at a word to max_length ('Amanda Massey' -> 'Amanda')
    longest = _longest_value(field_type, True)
    if longest is None or limit < 2 * longest:
        low = max(1, constraints.get("min_length") or 1)
        constraints["pattern"] = f".{{{min(low, limit)},{limit}}}"


@lru_cache(maxsize=64)
def _longest_value(field_type: str, unique: bool) -> int | None:
    """The longest value the engine makes for a text type, over a probe of rows."""
    from src.engine import compile_schema
    from src.errors import SchemaValidationError

    import pyarrow.compute as pc

    try:
        plan = compile_schema({"fields": [{"name": "probe", "type": field_type,
                                           "constraints": {"unique": unique}}]}, seed=1)
        batch = plan.generate_chunk(0, _PROBE_ROWS)
    except SchemaValidationError:
        return None
    lengths = pc.utf8_length(batch.column(0).cast("string"))
    return int(pc.max(lengths).as_py() or 0)


def _bound(value: Decimal | None) -> Bound | None:
    return None if value is None else Bound(value, as_number(value))


def as_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _is_full(domain: Domain) -> bool:
    return len(domain) == 1 and domain[0] == FULL[0]


def _contains(domain: Domain, value: Any) -> bool:
    for p in domain:
        try:
            if p.lo is not None and (value < p.lo.key or (p.lo.open and value == p.lo.key)):
                continue
            if p.hi is not None and (value > p.hi.key or (p.hi.open and value == p.hi.key)):
                continue
        except TypeError:
            continue
        return True
    return False


def _length_ok(value: Any, constraints: dict) -> bool:
    text = str(value)
    return len(text) <= constraints.get("max_length", math.inf) and len(text) >= constraints.get("min_length", 0)


def _span(piece: Interval) -> float:
    if piece.lo is None or piece.hi is None:
        return math.inf
    try:
        return float(piece.hi.key - piece.lo.key) if not isinstance(piece.hi.key, dt.datetime) else \
            (piece.hi.key - piece.lo.key).total_seconds()
    except TypeError:
        return 0.0


def _describe(piece: Interval) -> str:
    lo = "-inf" if piece.lo is None else f"{piece.lo.value}"
    hi = "inf" if piece.hi is None else f"{piece.hi.value}"
    return f"{'(' if piece.lo is None or piece.lo.open else '['}{lo}, {hi}{')' if piece.hi is None or piece.hi.open else ']'}"
