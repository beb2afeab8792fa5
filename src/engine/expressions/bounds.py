"""Interval bounds of numeric expressions, to refuse at compile time what would overflow on some row.

Integer ``+ - *``, unary minus and ``abs`` are checked on every row (``evaluate.checked``), so an
expression whose inputs can reach 64-bit overflow fails only on the rows that reach it: a job would be
accepted and fail later. ``find_overflow`` walks the tree with each input's [low, high] (Python
numbers, so the bounds themselves never overflow) and names the first integer node whose interval
leaves int64. Unknown inputs (no bounds, strings, unbounded functions) make their subtree unknown:
nothing is refused on a guess.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from src.engine.expressions.nodes import Binary, Call, Case, Column, Literal, Node, Unary
from src.engine.expressions.types import INT, TypeEnv

INT64_MIN, INT64_MAX = -2**63, 2**63 - 1
Bounds = tuple[float, float] | None

_DATE_PARTS = {"year": (1, 9999), "month": (1, 12), "day": (1, 31)}
_DAYS_SPAN = 3_652_059  # 0001-01-01 .. 9999-12-31: days_between of any two dates stays inside it


class OverflowFound(Exception):
    """An integer node whose interval leaves int64; ``node`` is where the error points."""

    def __init__(self, node: Node, low: float, high: float):
        self.node, self.low, self.high = node, low, high
        super().__init__(f"{node.describe()} can reach {_show(low if -low > high else high)}, past 64-bit "
                         f"integers, for the ranges of its fields")


def _show(value: float) -> str:
    return f"{value:.3g}" if abs(value) >= 1e6 else str(value)


class BoundsEnv:
    """Each node's interval, given the fields' intervals and the expression's types."""

    def __init__(self, types: TypeEnv, fields: Mapping[str, Bounds]):
        self.types = types
        self.fields = fields

    def bounds(self, node: Node) -> Bounds:
        found = _RULES.get(type(node), _unknown)(node, self)
        if found is not None and self.types.type_of(node) == INT:
            low, high = found
            if low < INT64_MIN or high > INT64_MAX:
                raise OverflowFound(node, low, high)
        return found


def _unknown(node: Node, env: BoundsEnv) -> Bounds:
    for child in node.children():
        env.bounds(child)  # still check inside: 'concat(a * a * ...)' overflows as well
    return None


def _literal(node: Literal, env: BoundsEnv) -> Bounds:
    value = node.value
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return (value, value)


def _column(node: Column, env: BoundsEnv) -> Bounds:
    return env.fields.get(node.name)


def _binary(node: Binary, env: BoundsEnv) -> Bounds:
    left, right = env.bounds(node.left), env.bounds(node.right)
    if left is None or right is None or node.op not in ("+", "-", "*", "%"):
        return None
    (a, b), (c, d) = left, right
    if node.op == "+":
        return (a + c, b + d)
    if node.op == "-":
        return (a - d, b - c)
    if node.op == "*":
        products = [a * c, a * d, b * c, b * d]
        if any(math.isnan(p) for p in products):
            return None  # 0 * inf: a float side without a finite bound
        return (min(products), max(products))
    reach = max(abs(c), abs(d))  # x % y lies strictly between -|y| and |y|
    return (-reach, reach)


def _unary(node: Unary, env: BoundsEnv) -> Bounds:
    inner = env.bounds(node.operand)
    if node.op != "-" or inner is None:
        return None
    return (-inner[1], -inner[0])


def _case(node: Case, env: BoundsEnv) -> Bounds:
    results = []
    for condition, result in node.branches:
        env.bounds(condition)
        results.append(env.bounds(result))
    if node.default is not None:
        results.append(env.bounds(node.default))
    return _union(results) if node.default is not None else None  # no ELSE: null, bounds still hold


def _union(parts: list[Bounds]) -> Bounds:
    if not parts or any(part is None for part in parts):
        return None
    return (min(p[0] for p in parts), max(p[1] for p in parts))


def _call(node: Call, env: BoundsEnv) -> Bounds:
    args = [env.bounds(arg) for arg in node.args]
    name = node.name
    if name in _DATE_PARTS:
        return _DATE_PARTS[name]
    if name == "days_between":
        return (-_DAYS_SPAN, _DAYS_SPAN)
    if not args or args[0] is None:
        return None
    low, high = args[0]
    if name == "abs":
        return (0 if low <= 0 <= high else min(abs(low), abs(high)), max(abs(low), abs(high)))
    if name in ("round", "floor", "ceil"):
        return (math.floor(low), math.ceil(high))
    if name in ("least", "greatest", "coalesce"):
        if any(arg is None for arg in args):
            return None
        lows, highs = [a[0] for a in args], [a[1] for a in args]
        if name == "least":
            return (min(lows), min(highs))
        if name == "greatest":
            return (max(lows), max(highs))
        return (min(lows), max(highs))
    return None


_RULES = {Literal: _literal, Column: _column, Binary: _binary, Unary: _unary, Case: _case, Call: _call}


def find_overflow(root: Node, types: TypeEnv, fields: Mapping[str, Bounds]) -> tuple[OverflowFound | None, Bounds]:
    """(the first integer node that can leave int64 or None, the root's interval or None)."""
    try:
        return None, BoundsEnv(types, fields).bounds(root)
    except OverflowFound as found:
        return found, None
