"""Value domains of one column: unions of intervals over numbers, text or moments.

``domain_of(expr, target, shape)`` gives the non-null values for which a one-column condition holds
(comparisons with constants, IN, BETWEEN, AND/OR/NOT); ``null_verdict`` what it gives on NULL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlglot import exp

from src.importers.sqltypes import Shape

class Unsupported(ValueError):
    """A CHECK (part) that the schema cannot express; the message says why."""


@dataclass(frozen=True)
class Bound:
    key: Any  # comparable: Decimal, str or datetime
    value: Any  # as written in the document: number, text, ISO date or 'now'
    open: bool = False


@dataclass(frozen=True)
class Interval:
    lo: Bound | None = None
    hi: Bound | None = None

    def is_point(self) -> bool:
        return self.lo is not None and self.hi is not None and self.lo.key == self.hi.key

    def is_empty(self) -> bool:
        if self.lo is None or self.hi is None:
            return False
        return self.lo.key > self.hi.key or (self.lo.key == self.hi.key and (self.lo.open or self.hi.open))


Domain = list[Interval]
FULL: Domain = [Interval()]


_FLIP = {exp.GT: exp.LT, exp.GTE: exp.LTE, exp.LT: exp.GT, exp.LTE: exp.GTE, exp.EQ: exp.EQ, exp.NEQ: exp.NEQ}
_NEGATE = {exp.GT: exp.LTE, exp.GTE: exp.LT, exp.LT: exp.GTE, exp.LTE: exp.GT, exp.EQ: exp.NEQ, exp.NEQ: exp.EQ}
COMPARISONS = tuple(_FLIP)

def unparen(node: exp.Expression) -> exp.Expression:
    while isinstance(node, exp.Paren):
        node = node.this
    return node


# ---------------------------------------------------------------------------------------------
# Domains of one column


def intersect(a: Domain, b: Domain) -> Domain:
    out = []
    for x in a:
        for y in b:
            piece = Interval(_tighter(x.lo, y.lo, lower=True), _tighter(x.hi, y.hi, lower=False))
            if not piece.is_empty():
                out.append(piece)
    return out


def union(a: Domain, b: Domain) -> Domain:
    return merge(a + b)


def merge(domain: Domain) -> Domain:
    """Sorted, with overlapping or touching intervals joined."""
    def start(i: Interval):
        return (0,) if i.lo is None else (1, i.lo.key, i.lo.open)

    out: Domain = []
    for piece in sorted((p for p in domain if not p.is_empty()), key=start):
        if out and _touches(out[-1], piece):
            last = out[-1]
            out[-1] = Interval(last.lo, _tighter(last.hi, piece.hi, lower=False, widest=True))
        else:
            out.append(piece)
    return out


def _touches(a: Interval, b: Interval) -> bool:
    if a.hi is None or b.lo is None:
        return True
    return a.hi.key > b.lo.key or (a.hi.key == b.lo.key and not (a.hi.open and b.lo.open))


def _tighter(x: Bound | None, y: Bound | None, *, lower: bool, widest: bool = False) -> Bound | None:
    if x is None or y is None:
        return None if widest else (x or y)
    if x.key == y.key:
        return x if (x.open != widest) else y
    pick_x = (x.key > y.key) == lower
    return (y if pick_x else x) if widest else (x if pick_x else y)


def _complement_points(points: list[Bound]) -> Domain:
    points = sorted(points, key=lambda b: b.key)
    out, lo = [], None
    for p in points:
        out.append(Interval(lo, Bound(p.key, p.value, True)))
        lo = Bound(p.key, p.value, True)
    out.append(Interval(lo, None))
    return merge(out)


def _domain_for(op: type, bound: Bound) -> Domain:
    if op is exp.EQ:
        return [Interval(bound, bound)]
    if op is exp.NEQ:
        return _complement_points([bound])
    if op in (exp.GT, exp.GTE):
        return [Interval(Bound(bound.key, bound.value, op is exp.GT), None)]
    return [Interval(None, Bound(bound.key, bound.value, op is exp.LT))]


def domain_of(node: exp.Expression, target: tuple[str, str], shape: Shape, negated: bool = False) -> Domain:
    """The non-null values of ``target`` ((column, 'value' | 'length')) for which ``node`` holds."""
    node = unparen(node)
    if isinstance(node, exp.Not):
        return domain_of(node.this, target, shape, not negated)
    if isinstance(node, (exp.And, exp.Or)):
        left = domain_of(node.this, target, shape, negated)
        right = domain_of(node.expression, target, shape, negated)
        return intersect(left, right) if isinstance(node, exp.And) != negated else union(left, right)
    if isinstance(node, exp.Is):
        if not isinstance(unparen(node.expression), exp.Null):
            raise Unsupported(f"'{node.sql()}' is not IS [NOT] NULL")
        negated = negated != bool(node.args.get("negate"))
        return list(FULL) if negated else []  # IS NULL holds for no value; NOT (IS NULL) for all
    if isinstance(node, COMPARISONS):
        op, left, right = type(node), node.this, node.expression
        if target_of(right) == target:
            op, left, right = _FLIP[op], right, left
        if target_of(left) != target:
            raise Unsupported(f"'{node.sql()}' compares more than a column with a constant")
        op = _NEGATE[op] if negated else op
        return _domain_for(op, constant(right, shape, target[1]))
    if isinstance(node, exp.In):
        if target_of(node.this) != target or node.args.get("query") is not None:
            raise Unsupported(f"'{node.sql()}' is not a column IN a list of constants")
        points = [constant(v, shape, target[1]) for v in node.expressions]
        return _complement_points(points) if negated else merge([Interval(p, p) for p in points])
    if isinstance(node, exp.Between):
        if target_of(node.this) != target:
            raise Unsupported(f"'{node.sql()}' is not a column BETWEEN two constants")
        low, high = constant(node.args["low"], shape, target[1]), constant(node.args["high"], shape, target[1])
        if negated:
            return union(_domain_for(exp.LT, low), _domain_for(exp.GT, high))
        return intersect(_domain_for(exp.GTE, low), _domain_for(exp.LTE, high))
    raise Unsupported(f"'{node.sql()}' is not a comparison, IN, BETWEEN or IS NULL")


def null_verdict(node: exp.Expression, column: str) -> bool | None:
    """What ``node`` gives when ``column`` is NULL (three-valued): True, False or None (unknown)."""
    node = unparen(node)
    if isinstance(node, exp.Not):
        inner = null_verdict(node.this, column)
        return None if inner is None else not inner
    if isinstance(node, (exp.And, exp.Or)):
        a, b = null_verdict(node.this, column), null_verdict(node.expression, column)
        if isinstance(node, exp.And):
            return False if False in (a, b) else (True if a is True and b is True else None)
        return True if True in (a, b) else (False if a is False and b is False else None)
    if isinstance(node, exp.Is) and target_of(node.this) == (column, "value"):
        return not node.args.get("negate")
    return None


def target_of(node: exp.Expression) -> tuple[str, str] | None:
    node = unparen(node)
    if isinstance(node, exp.Column):
        return (node.name, "value")
    if isinstance(node, exp.Length) and isinstance(unparen(node.this), exp.Column):
        return (unparen(node.this).name, "length")
    return None


def constant(node: exp.Expression, shape: Shape, part: str = "value") -> Bound:
    """A constant operand as a Bound in the column's terms (number, text or moment)."""
    node = unparen(node)
    if part == "length" or shape.is_numeric:
        number = _number(node)
        value: Any = int(number) if number == number.to_integral_value() else float(number)
        return Bound(number, value)
    if shape.is_time:
        return _moment(node, shape)
    if isinstance(node, exp.Literal) and node.is_string:
        return Bound(node.this, node.this)
    if isinstance(node, exp.Boolean):
        return Bound(node.this, node.this)
    if isinstance(node, exp.Literal) and shape.category == "text":
        return Bound(node.this, node.this)
    raise Unsupported(f"'{node.sql()}' is not a constant of the column's type")


def _number(node: exp.Expression) -> Decimal:
    if isinstance(node, exp.Neg):
        return -_number(node.this)
    if isinstance(node, exp.Literal):
        try:
            return Decimal(node.this)
        except InvalidOperation:
            pass
    raise Unsupported(f"'{node.sql()}' is not a number")


def _moment(node: exp.Expression, shape: Shape) -> Bound:
    if isinstance(node, (exp.CurrentDate, exp.CurrentTimestamp)) or (
            isinstance(node, exp.Anonymous) and node.name.lower() in ("now", "current_timestamp")):
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
        if isinstance(node, exp.CurrentDate):
            return Bound(now.replace(hour=0, minute=0, second=0), "today")
        return Bound(now, "now")
    if isinstance(node, exp.Cast):
        node = unparen(node.this)
    if isinstance(node, exp.Literal) and node.is_string:
        text = node.this.strip()
        try:
            moment = dt.datetime.fromisoformat(text.replace(" ", "T", 1) if len(text) > 10 else text)
        except ValueError:
            if shape.category == "time":
                try:
                    moment = dt.datetime.combine(dt.date(2000, 1, 1), dt.time.fromisoformat(text))
                    return Bound(moment, text)
                except ValueError:
                    pass
            raise Unsupported(f"'{text}' is not an ISO date or time") from None
        if moment.tzinfo is not None:
            moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return Bound(moment, text)
    raise Unsupported(f"'{node.sql()}' is not a date/time constant")
