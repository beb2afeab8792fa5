"""Orderings between columns read from CHECKs (``a >= b``) -> ``after``/``before`` without cycles,
each partner kept inside the ordered field's range (the ordering stage of the column rules)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from src.engine.timeutil import parse_time_bound
from src.importers.checks import ColumnRules
from src.importers.rules import as_number, engine_range, grid_decimals
from src.importers.sqltypes import Shape


def assign_orderings(fields: dict[str, dict], rules: dict[str, ColumnRules], shapes: dict[str, Shape]) -> list[str]:
    """Comparisons between columns -> ``after``/``before`` (one per field), without cycles."""
    messages = []
    edges: list[tuple[str, str, str, bool, str]] = []
    deps: dict[str, set[str]] = {name: set() for name in fields}
    for name, spec in fields.items():
        deps[name] |= _condition_columns(spec)
    for name, rule in rules.items():
        for op, other, strict, text in rule.orderings:
            if other not in fields or fields[name]["type"] == "reference" or fields[other]["type"] == "reference":
                messages.append(f"CHECK ({text}) not honoured: it compares a key or an omitted column")
                continue
            # name op other: (field, rule, partner) options that express it
            options = [(name, "after" if op == ">=" else "before", other),
                       (other, "before" if op == ">=" else "after", name)]
            for target, rule_name, partner in options:
                c = fields[target].setdefault("constraints", {})
                # The engine orders numbers and times; an enum of dates is text to it.
                if "after" in c or "before" in c or _reaches(deps, partner, target) or \
                        fields[target]["type"] in ("enum", "boolean") or \
                        (shapes[target].is_time and fields[partner]["type"] == "enum"):
                    continue
                c[rule_name] = partner
                deps[target].add(partner)
                edges.append((target, rule_name, partner, strict, text))
                break
            else:
                messages.append(f"CHECK ({text}) not honoured: a field takes one ordering (after/before) "
                                "and these are taken")
    # Bounds flow along chains (a >= b >= c): repeat until nothing tightens; each pass only narrows.
    for _ in range(len(edges) + 1):
        before = repr([f.get("constraints") for f in fields.values()])
        for target, rule_name, partner, strict, text in edges:
            problem = _propagate(fields[target], fields[partner], rule_name, strict, shapes[target], shapes[partner])
            if problem and f"CHECK ({text})" not in " ".join(messages):
                messages.append(f"CHECK ({text}) not honoured: {problem}")
        if repr([f.get("constraints") for f in fields.values()]) == before:
            break
    for spec in fields.values():
        if not spec.get("constraints", True):
            spec.pop("constraints")
    return messages


def _condition_columns(spec: dict) -> set[str]:
    import re

    when = spec.get("constraints", {}).get("when")
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", when)) if when else set()


def _reaches(deps: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(deps.get(node, ()))
    return False


def _propagate(target: dict, partner: dict, rule_name: str, strict: bool, t_shape: Shape,
               p_shape: Shape) -> str | None:
    """The partner is made first; keep it inside the room the ordered field has: target >= partner
    needs partner <= target's max (one grid step less when strict), and the mirror for before.
    Returns a problem when no room is left."""
    tc, pc_ = target["constraints"], partner.setdefault("constraints", {})
    if t_shape.is_numeric and "enum_values" in pc_:
        key = "max_value" if rule_name == "after" else "min_value"
        if key not in tc:
            return None
        step = (Decimal(1) if t_shape.category == "integer" else Decimal(1).scaleb(-grid_decimals(target["type"], t_shape))) \
            if strict else Decimal(0)
        limit = Decimal(str(tc[key])) + (-step if rule_name == "after" else step)
        kept = [v for v in pc_["enum_values"] if (Decimal(str(v)) <= limit) == (rule_name == "after")
                or Decimal(str(v)) == limit]
        if not kept:
            return "no listed value leaves room for the ordered column"
        pc_["enum_values"] = kept
        pc_.pop("weights", None)
        return None
    if t_shape.is_numeric:
        if "min_value" not in tc and "max_value" not in tc:
            lo, hi = engine_range(target["type"], None, None)
            lo = max(lo, t_shape.lo) if t_shape.lo is not None else lo
            hi = min(hi, t_shape.hi) if t_shape.hi is not None else hi
            tc["min_value"], tc["max_value"] = as_number(lo), as_number(hi)
        grid = Decimal(1) if t_shape.category == "integer" else Decimal(1).scaleb(-grid_decimals(target["type"], t_shape))
        step = grid if strict else Decimal(0)
        if rule_name == "after" and "max_value" in tc:
            limit = Decimal(str(tc["max_value"])) - step
            current = pc_.get("max_value")
            pc_["max_value"] = as_number(limit if current is None else min(limit, Decimal(str(current))))
            if "min_value" not in pc_:
                p_lo = engine_range(partner["type"], None, limit)[0]
                pc_["min_value"] = as_number(max(p_lo, p_shape.lo) if p_shape.lo is not None else p_lo)
        if rule_name == "before" and "min_value" in tc:
            limit = Decimal(str(tc["min_value"])) + step
            current = pc_.get("min_value")
            pc_["min_value"] = as_number(limit if current is None else max(limit, Decimal(str(current))))
            if "max_value" not in pc_:
                p_hi = engine_range(partner["type"], limit, None)[1]
                pc_["max_value"] = as_number(min(p_hi, p_shape.hi) if p_shape.hi is not None else p_hi)
    elif t_shape.is_time and t_shape.category != "time":
        key = "max_value" if rule_name == "after" else "min_value"
        mine = tc.get(key)
        if mine is None and strict:  # both would reach the engine's default bound: 'now' or a year ago
            mine = "now" if key == "max_value" else "-1y"
        if mine is not None:
            if strict:  # one step of the column's grid inside, so the two never meet
                mine = _shift(mine, t_shape.category, up=key == "min_value")
            theirs = pc_.get(key)
            if theirs is None or _later(theirs, mine) == (key == "max_value"):
                pc_[key] = mine
    lo, hi = pc_.get("min_value"), pc_.get("max_value")
    if isinstance(lo, (int, float)) and isinstance(hi, (int, float)) and lo > hi:
        return "the columns' ranges leave no room for the ordering"
    return None


def _shift(value: str, category: str, *, up: bool) -> str:
    """A time bound one day (dates) or one second later (up) or earlier."""
    step = dt.timedelta(days=1) if category == "date" else dt.timedelta(seconds=1)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        words = {"today": "now", "yesterday": "now -1d", "tomorrow": "now +1d"}
        unit = "1d" if category == "date" else "1s"
        return f"{words.get(value, value)} {'+' if up else '-'}{unit}"
    moment = moment + step if up else moment - step
    return moment.date().isoformat() if category == "date" else moment.isoformat()


def _later(a: str, b: str) -> bool:
    anchor = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    try:
        return parse_time_bound(a, anchor) > parse_time_bound(b, anchor)
    except ValueError:
        return False
