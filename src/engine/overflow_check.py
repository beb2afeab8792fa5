"""Refuse an expression that some rows would push past 64-bit integers, before any row is made.

The probe rows at compile time rarely reach a field's extremes (`a * a * ... * a` with `a` in
[-5, 5] overflows only where |a| = 5), so without this check a job is accepted and fails later. Each
field's interval comes from its resolved range (or, for a derived field, from its own expression in
dependency order); fields whose values may leave their range (sequences, unbounded `after`/`before`,
parent columns) are unknown, and an expression reading an unknown field is never refused on a guess.
"""

from __future__ import annotations

import math
from typing import Any

import pyarrow as pa

from src.engine.context import FieldPlan
from src.errors import Problem

_INTEGER_KINDS = {"integer", "age"}
_RANGED_KINDS = _INTEGER_KINDS | {"float", "decimal", "price", "percentage", "latitude", "longitude"}


def find_overflow_problems(fields: dict[str, FieldPlan], order: list[str], names: list[str],
                           types: dict[str, pa.DataType]) -> list[Problem]:
    """One problem per `expression`/`when` that can overflow on some row of the fields' ranges."""
    if all(fp.expression is None and fp.when is None for fp in fields.values()):
        return []  # nothing to check: a plain schema never loads the expression package
    from src.engine.expressions.bounds import INT64_MAX, INT64_MIN, find_overflow
    from src.engine.expressions.nodes import ExpressionError
    from src.engine.expressions.types import TypeEnv

    bounds: dict[str, tuple[float, float] | None] = {}
    problems = []
    for name in order:
        fp = fields[name]
        bounds[name] = None if fp.expression is not None else _range_of(fp)
        for rule, expression in (("when", fp.when), ("expression", fp.expression)):
            if expression is None:
                continue
            try:
                found, reach = find_overflow(expression.root, TypeEnv(types), bounds)
            except ExpressionError:
                continue  # types are checked (and reported) elsewhere
            index = names.index(name)
            if found is not None:
                problems.append(Problem(f"fields[{index}].constraints.{rule}",
                                        f"field '{name}': {expression.text!r}: {found} (position "
                                        f"{found.node.pos}); narrow those ranges or compute in float "
                                        "(e.g. multiply by 1.0)"))
            elif rule == "expression" and fp.kind in _INTEGER_KINDS and reach is not None and \
                    (reach[0] < INT64_MIN or reach[1] > INT64_MAX):
                problems.append(Problem(f"fields[{index}].constraints.expression",
                                        f"field '{name}': {expression.text!r} can reach "
                                        f"{max(abs(reach[0]), abs(reach[1])):.3g}, past 64-bit integers, "
                                        "for the ranges of its fields: narrow them or make the field a float"))
            elif rule == "expression":
                bounds[name] = reach
    return problems


def _range_of(fp: FieldPlan) -> tuple[float, float] | None:
    if fp.kind not in _RANGED_KINDS or not _is_number(fp.lo) or not _is_number(fp.hi):
        return None
    if (fp.c.after or fp.c.before) and not fp.options.get("explicit_range"):
        return None  # an ordered field without its own range follows the other field past it
    from src.engine.expressions.bounds import INT64_MAX, INT64_MIN

    if fp.kind in _INTEGER_KINDS:  # its values are int64 already: a float bound like 2.0**63 must not refuse
        return (max(INT64_MIN, math.floor(fp.lo)), min(INT64_MAX, math.ceil(fp.hi)))
    return (fp.lo, fp.hi)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
