"""CHECK constraints -> per-column rules: value domains, length domains, orderings, conditions.

A CHECK is split at its top-level ANDs. A part over one column becomes that column's domain (a union
of intervals: comparisons with constants, IN, BETWEEN, OR, NOT) and whether NULL passes; a comparison
between two columns becomes an ordering (``after``/``before``); ``P OR x IS NULL`` with P free of x
becomes ``x``'s ``when``; ``P OR x IS NOT NULL`` forbids random nulls on x. Anything else is
reported back as a warning by the caller, never dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
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


@dataclass
class ColumnRules:
    """What the CHECKs say about one column."""

    domain: Domain = field(default_factory=lambda: list(FULL))
    length: Domain = field(default_factory=lambda: list(FULL))
    not_null: bool = False
    orderings: list[tuple[str, str, bool, str]] = field(default_factory=list)  # (op, other, strict, text)
    when: list[str] = field(default_factory=list)
    when_nodes: list[exp.Expression] = field(default_factory=list)
    no_random_nulls: bool = False
    required_unless: list[exp.Expression] = field(default_factory=list)  # P in 'P OR x IS NOT NULL'


_FLIP = {exp.GT: exp.LT, exp.GTE: exp.LTE, exp.LT: exp.GT, exp.LTE: exp.GTE, exp.EQ: exp.EQ, exp.NEQ: exp.NEQ}
_NEGATE = {exp.GT: exp.LTE, exp.GTE: exp.LT, exp.LT: exp.GTE, exp.LTE: exp.GT, exp.EQ: exp.NEQ, exp.NEQ: exp.EQ}
_COMPARISONS = tuple(_FLIP)


def normalize_check(node: exp.Expression) -> exp.Expression:
    """The CHECK as a person writes it: PostgreSQL stores ``(kind)::text = ANY (ARRAY['a'::text])`` and
    ``price > (0)::numeric``; casts on columns and constants go, ``= ANY (ARRAY[...])`` becomes IN."""
    def simplify(n: exp.Expression) -> exp.Expression:
        if isinstance(n, exp.Cast) and isinstance(_unparen(n.this), (exp.Literal, exp.Column, exp.Array, exp.Neg)):
            return _unparen(n.this)
        if isinstance(n, (exp.EQ, exp.NEQ)) and isinstance(n.expression, (exp.Any, exp.All)):
            items = _unparen(n.expression.this)
            while isinstance(items, exp.Cast):
                items = _unparen(items.this)
            if isinstance(items, exp.Array):
                values = [_uncast(v) for v in items.expressions]
                if isinstance(n, exp.EQ) and isinstance(n.expression, exp.Any):
                    return exp.In(this=_uncast(n.this), expressions=values)
                if isinstance(n, exp.NEQ) and isinstance(n.expression, exp.All):
                    return exp.Not(this=exp.In(this=_uncast(n.this), expressions=values))
        return n

    # A replaced node's children are not visited again in the same pass.
    return node.copy().transform(simplify).transform(simplify)


def _uncast(node: exp.Expression) -> exp.Expression:
    node = _unparen(node)
    while isinstance(node, exp.Cast):
        node = _unparen(node.this)
    return node


def split_conjuncts(node: exp.Expression) -> list[exp.Expression]:
    node = _unparen(node)
    if isinstance(node, exp.And):
        return split_conjuncts(node.this) + split_conjuncts(node.expression)
    return [node]


def split_disjuncts(node: exp.Expression) -> list[exp.Expression]:
    node = _unparen(node)
    if isinstance(node, exp.Or):
        return split_disjuncts(node.this) + split_disjuncts(node.expression)
    return [node]


def column_names(node: exp.Expression) -> set[str]:
    return {c.name for c in node.find_all(exp.Column)}


def _unparen(node: exp.Expression) -> exp.Expression:
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
    node = _unparen(node)
    if isinstance(node, exp.Not):
        return domain_of(node.this, target, shape, not negated)
    if isinstance(node, (exp.And, exp.Or)):
        left = domain_of(node.this, target, shape, negated)
        right = domain_of(node.expression, target, shape, negated)
        return intersect(left, right) if isinstance(node, exp.And) != negated else union(left, right)
    if isinstance(node, exp.Is):
        if not isinstance(_unparen(node.expression), exp.Null):
            raise Unsupported(f"'{node.sql()}' is not IS [NOT] NULL")
        negated = negated != bool(node.args.get("negate"))
        return list(FULL) if negated else []  # IS NULL holds for no value; NOT (IS NULL) for all
    if isinstance(node, _COMPARISONS):
        op, left, right = type(node), node.this, node.expression
        if _target_of(right) == target:
            op, left, right = _FLIP[op], right, left
        if _target_of(left) != target:
            raise Unsupported(f"'{node.sql()}' compares more than a column with a constant")
        op = _NEGATE[op] if negated else op
        return _domain_for(op, constant(right, shape, target[1]))
    if isinstance(node, exp.In):
        if _target_of(node.this) != target or node.args.get("query") is not None:
            raise Unsupported(f"'{node.sql()}' is not a column IN a list of constants")
        points = [constant(v, shape, target[1]) for v in node.expressions]
        return _complement_points(points) if negated else merge([Interval(p, p) for p in points])
    if isinstance(node, exp.Between):
        if _target_of(node.this) != target:
            raise Unsupported(f"'{node.sql()}' is not a column BETWEEN two constants")
        low, high = constant(node.args["low"], shape, target[1]), constant(node.args["high"], shape, target[1])
        if negated:
            return union(_domain_for(exp.LT, low), _domain_for(exp.GT, high))
        return intersect(_domain_for(exp.GTE, low), _domain_for(exp.LTE, high))
    raise Unsupported(f"'{node.sql()}' is not a comparison, IN, BETWEEN or IS NULL")


def null_verdict(node: exp.Expression, column: str) -> bool | None:
    """What ``node`` gives when ``column`` is NULL (three-valued): True, False or None (unknown)."""
    node = _unparen(node)
    if isinstance(node, exp.Not):
        inner = null_verdict(node.this, column)
        return None if inner is None else not inner
    if isinstance(node, (exp.And, exp.Or)):
        a, b = null_verdict(node.this, column), null_verdict(node.expression, column)
        if isinstance(node, exp.And):
            return False if False in (a, b) else (True if a is True and b is True else None)
        return True if True in (a, b) else (False if a is False and b is False else None)
    if isinstance(node, exp.Is) and _target_of(node.this) == (column, "value"):
        return not node.args.get("negate")
    return None


def _target_of(node: exp.Expression) -> tuple[str, str] | None:
    node = _unparen(node)
    if isinstance(node, exp.Column):
        return (node.name, "value")
    if isinstance(node, exp.Length) and isinstance(_unparen(node.this), exp.Column):
        return (_unparen(node.this).name, "length")
    return None


def constant(node: exp.Expression, shape: Shape, part: str = "value") -> Bound:
    """A constant operand as a Bound in the column's terms (number, text or moment)."""
    node = _unparen(node)
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
        node = _unparen(node.this)
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


# ---------------------------------------------------------------------------------------------
# Whole CHECKs


def read_check(node: exp.Expression, shapes: dict[str, Shape], rules: dict[str, ColumnRules],
               render) -> list[str]:
    """Fold one CHECK into ``rules``; return a reason for each part it cannot express.

    ``render(expr)`` gives an expression's text in the engine's syntax (for ``when``), or raises
    Unsupported.
    """
    problems = []
    node = normalize_check(node)
    parts = split_conjuncts(node)
    for part in parts:
        try:
            _read_part(part, shapes, rules, render)
        except Unsupported as err:
            problems.append(str(err) if len(parts) == 1 else f"'{part.sql()}': {err}")
    return problems


def _read_part(part: exp.Expression, shapes: dict[str, Shape], rules: dict[str, ColumnRules], render) -> None:
    names = column_names(part)
    unknown = names - set(shapes)
    if unknown:
        raise Unsupported(f"unknown column {', '.join(sorted(unknown))}")
    if not names:
        raise Unsupported("it names no column")
    if len(names) == 1:
        (name,) = names
        _read_single(part, name, shapes[name], rules[name])
        return
    terms = split_disjuncts(part)
    null_terms = {_null_test(t)[0] for t in terms if _is_null_test(t, negated=False)}
    others = [t for t in terms if not _is_null_test(t, negated=False)]
    if len(others) == 1 and isinstance(_unparen(others[0]), _COMPARISONS) and null_terms <= names:
        if _read_ordering(_unparen(others[0]), shapes, rules):
            return
    for name in sorted(names):
        rest = [t for t in terms if not _is_null_test(t, negated=False, column=name)]
        if len(rest) < len(terms) and rest and name not in column_names(_or(rest)):
            rules[name].when.append(render(_or(rest)))
            rules[name].when_nodes.append(_or(rest))
            return
        rest = [t for t in terms if not _is_null_test(t, negated=True, column=name)]
        if len(rest) < len(terms) and rest and name not in column_names(_or(rest)):
            rules[name].no_random_nulls = True
            rules[name].required_unless.append(_or(rest))
            return
    raise Unsupported("it ties several columns together in a way the schema cannot express")


def _read_single(part: exp.Expression, name: str, shape: Shape, rules: ColumnRules) -> None:
    targets = {_target_of(n) for n in part.walk() if _target_of(n) is not None}
    targets = {t for t in targets if t[1] == "length"} or {(name, "value")}
    if len(targets) > 1:
        raise Unsupported("it mixes a column's value and its length")
    (target,) = targets
    if null_verdict(part, name) is False:
        rules.not_null = True
    domain = domain_of(part, target, shape)
    if target[1] == "length":
        rules.length = intersect(rules.length, domain)
    else:
        rules.domain = intersect(rules.domain, domain)


def _read_ordering(node: exp.Expression, shapes: dict[str, Shape], rules: dict[str, ColumnRules]) -> bool:
    left, right = _target_of(node.this), _target_of(node.expression)
    if not left or not right or left[1] != "value" or right[1] != "value" or left[0] == right[0]:
        return False
    a, b = shapes[left[0]], shapes[right[0]]
    if not ((a.is_numeric and b.is_numeric) or (a.is_time and b.is_time)):
        raise Unsupported(f"columns {left[0]} and {right[0]} are not both numbers or both times")
    op = type(node)
    if op in (exp.EQ, exp.NEQ):
        raise Unsupported("equality between columns is not an ordering")
    strict = op in (exp.GT, exp.LT)
    direction = ">=" if op in (exp.GT, exp.GTE) else "<="
    rules[left[0]].orderings.append((direction, right[0], strict, node.sql()))
    return True


def _null_test(node: exp.Expression) -> tuple[str, bool] | None:
    """(column, negated) for ``col IS NULL`` / ``col IS NOT NULL`` / ``NOT (col IS NULL)``."""
    node = _unparen(node)
    flipped = isinstance(node, exp.Not)
    if flipped:
        node = _unparen(node.this)
    if not (isinstance(node, exp.Is) and isinstance(_unparen(node.expression), exp.Null)):
        return None
    target = _target_of(node.this)
    if target is None or target[1] != "value":
        return None
    return target[0], flipped != bool(node.args.get("negate"))


def _is_null_test(node: exp.Expression, *, negated: bool, column: str | None = None) -> bool:
    test = _null_test(node)
    return test is not None and test[1] == negated and (column is None or test[0] == column)


def _or(terms: list[exp.Expression]) -> exp.Expression:
    out = terms[0]
    for term in terms[1:]:
        out = exp.Or(this=out, expression=term)
    return out


def nulls_agree(rules: ColumnRules) -> bool:
    """With a ``when`` W the column is null exactly where W fails; each 'P OR x IS NOT NULL' then
    needs P wherever W fails: P is always true, or P is NOT W."""
    from sqlglot.optimizer.simplify import simplify

    if not rules.when_nodes:
        return True
    condition = rules.when_nodes[0]
    for node in rules.when_nodes[1:]:
        condition = exp.And(this=condition, expression=node)
    negated = simplify(exp.Not(this=exp.Paren(this=condition.copy())))
    for need in rules.required_unless:
        plain = simplify(need.copy())
        if not (isinstance(plain, exp.Boolean) and plain.this) and plain != negated:
            return False
    return True
