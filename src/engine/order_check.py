"""Refuse an `after`/`before` rule that some rows could not keep together with the field's own range.

`after: other` with `max_value` holds on every row only if `other` never passes that maximum (and
`before` with `min_value` likewise); otherwise a row would have to break one of the two rules. The
other field may be a column of this table or a parent's (`table.field`, read from the parent's plan).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from src.engine.context import FieldPlan
from src.errors import Problem

TIME_KINDS = {"date", "datetime", "date_of_birth"}
NUMBER_KINDS = {"integer", "age", "float", "price", "percentage", "sequence"}
# What an `after`/`before` can compare: points in time, times of day, numbers (enum values are
# kept as the user listed them and checked by the plan's own rules, so they pass here).
_ORDER_CLASSES = {**{k: "a date or datetime" for k in TIME_KINDS}, "time": "a time of day",
                  **{k: "a number" for k in NUMBER_KINDS | {"decimal", "latitude", "longitude"}}}


def find_order_kind_mismatches(fields: dict[str, FieldPlan]) -> list[Problem]:
    """One problem per `after`/`before` between fields that cannot be ordered: a string, or a date
    against a number or a time of day (the rule would otherwise be silently ignored)."""
    names = list(fields)
    problems = []
    for fp in fields.values():
        for rule in ("after", "before"):
            other_name = getattr(fp.c, rule)
            other = fields.get(other_name) if other_name else None
            if other is None or "enum" in (fp.kind, other.kind) or fp.expression is not None:
                continue
            own, theirs = _ORDER_CLASSES.get(fp.kind), _ORDER_CLASSES.get(other.kind)
            if own is None or own != theirs:
                problems.append(Problem(
                    f"fields[{names.index(fp.name)}].constraints.{rule}",
                    f"field '{fp.name}': {rule} compares dates, times of day or numbers; this field is "
                    f"{own or _a(fp.spec.type)} and '{other_name}' is {theirs or _a(other.spec.type)}"))
    return problems


def find_order_conflicts(fields: dict[str, FieldPlan], provider: Any = None) -> list[Problem]:
    """One problem per ordered field whose explicit bound some value of the other field passes."""
    names = list(fields)
    problems = []
    for fp in fields.values():
        c = fp.c
        rule, other_name = ("after", c.after) if c.after else ("before", c.before)
        if other_name is None or not fp.options.get("explicit_range") or fp.lo is None or fp.hi is None:
            continue
        other = _other_field(other_name, fields, provider)
        if other is None or not _comparable(fp, other) or not _has_firm_bounds(other):
            continue
        grid = _grid(fp)
        if rule == "after" and c.max_value is not None:
            reach = _snap_up(float(other.hi), grid)
            if reach > float(fp.hi):
                problems.append(Problem(f"fields[{names.index(fp.name)}].constraints.after",
                                        f"'{other_name}' can be as late as {_show(other, other.hi)}, past this "
                                        f"field's max_value {_show(fp, fp.hi)}: rows after it could not keep both "
                                        "rules; raise max_value or drop it"))
        elif rule == "before" and c.min_value is not None:
            reach = _snap_down(float(other.lo), grid)
            if reach < float(fp.lo):
                problems.append(Problem(f"fields[{names.index(fp.name)}].constraints.before",
                                        f"'{other_name}' can be as early as {_show(other, other.lo)}, before this "
                                        f"field's min_value {_show(fp, fp.lo)}: rows before it could not keep both "
                                        "rules; lower min_value or drop it"))
    return problems


def _a(type_name: str) -> str:
    return ("an " if type_name[0] in "aeiou" else "a ") + type_name


def _other_field(name: str, fields: dict[str, FieldPlan], provider: Any) -> FieldPlan | None:
    if name in fields:
        return fields[name]
    if provider is None or "." not in name:
        return None
    table, column = name.split(".", 1)
    try:
        plan = provider.parent_plan(table)
    except Exception:  # a table the provider cannot name: the reference checks report it
        return None
    return getattr(plan, "fields", {}).get(column)


def _comparable(fp: FieldPlan, other: FieldPlan) -> bool:
    return _ORDER_CLASSES.get(fp.kind) is not None and _ORDER_CLASSES.get(fp.kind) == _ORDER_CLASSES.get(other.kind)


def _has_firm_bounds(other: FieldPlan) -> bool:
    """The other field's values stay inside [lo, hi]: no formula, and no order rule that may push it out."""
    if other.lo is None or other.hi is None or other.expression is not None or other.c.cardinality is not None:
        return False
    return not (other.c.after or other.c.before) or bool(other.options.get("explicit_range"))


def _grid(fp: FieldPlan) -> float | None:
    if fp.kind in TIME_KINDS or fp.kind == "time":
        return float(fp.step or 1)
    if fp.kind in ("integer", "age", "sequence"):
        return 1.0
    return 10.0 ** -fp.decimals if fp.decimals is not None else None


def _snap_up(value: float, grid: float | None) -> float:
    return value if grid is None else math.ceil(value / grid - 1e-9) * grid


def _snap_down(value: float, grid: float | None) -> float:
    return value if grid is None else math.floor(value / grid + 1e-9) * grid


def _show(fp: FieldPlan, value: float) -> str:
    if fp.kind == "time":
        return (dt.datetime(1970, 1, 1) + dt.timedelta(seconds=float(value))).time().isoformat()
    if fp.kind in TIME_KINDS:
        moment = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=float(value))
        return moment.date().isoformat() if fp.kind != "datetime" else moment.isoformat(sep=" ")
    return f"{value:g}"
