"""CHECK constraints -> per-column rules: value domains, length domains, orderings, conditions.

A CHECK is split at its top-level ANDs. A part over one column becomes that column's domain (a union
of intervals: comparisons with constants, IN, BETWEEN, OR, NOT) and whether NULL passes; a comparison
between two columns becomes an ordering (``after``/``before``); ``P OR x IS NULL`` with P free of x
becomes ``x``'s ``when``; ``P OR x IS NOT NULL`` forbids random nulls on x. Anything else is
reported back as a warning by the caller, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp

from src.importers.domains import (COMPARISONS, FULL, Domain, Unsupported, domain_of, intersect, null_verdict,
                                   target_of, unparen)
from src.importers.sqltypes import Shape


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


def normalize_check(node: exp.Expression) -> exp.Expression:
    """The CHECK as a person writes it: PostgreSQL stores ``(kind)::text = ANY (ARRAY['a'::text])`` and
    ``price > (0)::numeric``; casts on columns and constants go, ``= ANY (ARRAY[...])`` becomes IN."""
    def simplify(n: exp.Expression) -> exp.Expression:
        if isinstance(n, exp.Cast) and isinstance(unparen(n.this), (exp.Literal, exp.Column, exp.Array, exp.Neg)):
            return unparen(n.this)
        if isinstance(n, (exp.EQ, exp.NEQ)) and isinstance(n.expression, (exp.Any, exp.All)):
            items = unparen(n.expression.this)
            while isinstance(items, exp.Cast):
                items = unparen(items.this)
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
    node = unparen(node)
    while isinstance(node, exp.Cast):
        node = unparen(node.this)
    return node


def split_conjuncts(node: exp.Expression) -> list[exp.Expression]:
    node = unparen(node)
    if isinstance(node, exp.And):
        return split_conjuncts(node.this) + split_conjuncts(node.expression)
    return [node]


def split_disjuncts(node: exp.Expression) -> list[exp.Expression]:
    node = unparen(node)
    if isinstance(node, exp.Or):
        return split_disjuncts(node.this) + split_disjuncts(node.expression)
    return [node]


def column_names(node: exp.Expression) -> set[str]:
    return {c.name for c in node.find_all(exp.Column)}


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
    if len(others) == 1 and isinstance(unparen(others[0]), COMPARISONS) and null_terms <= names:
        if _read_ordering(unparen(others[0]), shapes, rules):
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
    targets = {target_of(n) for n in part.walk() if target_of(n) is not None}
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
    left, right = target_of(node.this), target_of(node.expression)
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
    node = unparen(node)
    flipped = isinstance(node, exp.Not)
    if flipped:
        node = unparen(node.this)
    if not (isinstance(node, exp.Is) and isinstance(unparen(node.expression), exp.Null)):
        return None
    target = target_of(node.this)
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
