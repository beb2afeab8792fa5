"""Vectorized evaluation of the typed tree over Arrow arrays with ``pyarrow.compute``.

Nulls propagate as in SQL: arithmetic and comparisons with a null give null; AND/OR use three-valued
logic; a CASE/IF condition that is null counts as false. Dividing by zero gives null; ``%`` follows
Python (the result takes the divisor's sign); integer overflow raises ExpressionError.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pyarrow as pa
import pyarrow.compute as pc

from src.engine.expressions.nodes import (Between, Binary, Call, Case, Column, ExpressionError, InList,
                                          IsNull, Literal, Node, Unary)
from src.engine.expressions.types import (BOOL, COMPARISONS, FLOAT, NULL, STR, TypeEnv, comparison_type,
                                          is_temporal, parse_temporal_literal, unify)

Value = pa.Array | pa.Scalar


class EvalContext(TypeEnv):
    def __init__(self, types: Mapping[str, pa.DataType], columns: Mapping[str, pa.Array], n_rows: int,
                 random=None):
        super().__init__(types)
        self.columns = columns
        self.n_rows = n_rows
        self.random = random  # a RowRandom of these rows: random(), uniform(), normal() (noise.py)

    def value_of(self, node: Node) -> Value:
        if self.type_of(node) == NULL:
            return pa.scalar(None)
        return _COMPUTE[type(node)](node, self)

    def operand(self, node: Node, target: pa.DataType) -> Value:
        """``node``'s value cast to ``target``; string literals become dates when compared to dates."""
        if isinstance(node, Literal) and isinstance(node.value, str) and is_temporal(target):
            return pa.scalar(parse_temporal_literal(node, target), target)
        return cast(self.value_of(node), target)


def cast(value: Value, target: pa.DataType) -> Value:
    if value.type == target:
        return value
    if isinstance(value, pa.Scalar):
        return value.cast(target)
    return pc.cast(value, target)


def broadcast(value: Value, dtype: pa.DataType, n_rows: int) -> pa.Array:
    if isinstance(value, pa.Scalar):
        if dtype == NULL:
            return pa.nulls(n_rows)
        return pa.repeat(cast(value, dtype), n_rows)
    return cast(value, dtype)


def is_zero(value: Value) -> Value:
    return pc.equal(value, pa.scalar(0, value.type))


def null_where(mask: Value, value: Value) -> Value:
    """``value`` with nulls where ``mask`` is true."""
    return pc.if_else(mask, pa.scalar(None, value.type), value)


def checked(op: Callable[..., Value], *args: Value, node: Node) -> Value:
    try:
        return op(*args)
    except pa.ArrowInvalid as exc:
        raise ExpressionError(f"{node.describe()} failed: {exc}", node.pos) from None


_ARITHMETIC = {"+": pc.add_checked, "-": pc.subtract_checked, "*": pc.multiply_checked}
_COMPARE = {"=": pc.equal, "==": pc.equal, "!=": pc.not_equal, "<>": pc.not_equal,
            "<": pc.less, "<=": pc.less_equal, ">": pc.greater, ">=": pc.greater_equal}


def _literal(node: Literal, ctx: EvalContext) -> Value:
    return pa.scalar(node.value, ctx.type_of(node))


def _column(node: Column, ctx: EvalContext) -> Value:
    return ctx.columns[node.name]


def _compare(ctx: EvalContext, op: str, left: Node, right: Node, pos: int) -> Value:
    common = comparison_type(ctx, left, right, pos)
    if common == NULL:
        return pa.scalar(None, BOOL)
    return _COMPARE[op](ctx.operand(left, common), ctx.operand(right, common))


def _binary(node: Binary, ctx: EvalContext) -> Value:
    op = node.op
    if op in ("and", "or"):
        kernel = pc.and_kleene if op == "and" else pc.or_kleene
        return kernel(ctx.operand(node.left, BOOL), ctx.operand(node.right, BOOL))
    if op == "||":
        return pc.binary_join_element_wise(
            cast(ctx.value_of(node.left), STR), cast(ctx.value_of(node.right), STR), "")
    if op in COMPARISONS:
        return _compare(ctx, op, node.left, node.right, node.pos)
    result_type = ctx.type_of(node)
    if op == "/":
        left, right = ctx.operand(node.left, FLOAT), ctx.operand(node.right, FLOAT)
        return null_where(is_zero(right), pc.divide(left, right))
    left, right = ctx.operand(node.left, result_type), ctx.operand(node.right, result_type)
    if op == "%":
        zero = is_zero(right)
        safe_right = pc.if_else(zero, pa.scalar(1, result_type), right)
        return null_where(zero, checked(pc.modulo, left, safe_right, node=node))
    return checked(_ARITHMETIC[op], left, right, node=node)


def _unary(node: Unary, ctx: EvalContext) -> Value:
    value = ctx.value_of(node.operand)
    if node.op == "not":
        return pc.invert(cast(value, BOOL))
    return checked(pc.negate_checked, value, node=node)


def _in_list(node: InList, ctx: EvalContext) -> Value:
    common = unify([comparison_type(ctx, node.operand, item, item.pos) for item in node.items])
    if common is None or common == NULL:
        return pa.scalar(None, BOOL)
    operand = ctx.operand(node.operand, common)
    literal_values = [ctx.operand(item, common) for item in node.items
                      if isinstance(item, Literal) and item.value is not None]
    if len(literal_values) == len(node.items):
        # every item is a non-null constant: one hash lookup instead of an OR chain
        value_set = pa.array([v.as_py() for v in literal_values], type=common)
        result = null_where(pc.is_null(operand), pc.is_in(operand, value_set=value_set))
    else:
        result = None
        for item in node.items:
            hit = pc.equal(operand, ctx.operand(item, common))
            result = hit if result is None else pc.or_kleene(result, hit)
    return pc.invert(result) if node.negated else result


def _between(node: Between, ctx: EvalContext) -> Value:
    result = pc.and_kleene(_compare(ctx, ">=", node.operand, node.low, node.pos),
                           _compare(ctx, "<=", node.operand, node.high, node.pos))
    return pc.invert(result) if node.negated else result


def _is_null(node: IsNull, ctx: EvalContext) -> Value:
    value = ctx.value_of(node.operand)
    return pc.is_valid(value) if node.negated else pc.is_null(value)


def _case(node: Case, ctx: EvalContext) -> Value:
    result_type = ctx.type_of(node)
    n = ctx.n_rows
    conditions = [broadcast(ctx.operand(cond, BOOL), BOOL, n) for cond, _ in node.branches]
    values = [ctx.operand(result, result_type) for result in node.results()]
    selector = pa.StructArray.from_arrays(conditions, names=[f"c{i}" for i in range(len(conditions))])
    return pc.case_when(selector, *values)


def _call(node: Call, ctx: EvalContext) -> Value:
    from src.engine.expressions.kernels import KERNELS

    return KERNELS[node.name](node, ctx)


_COMPUTE: dict[type, Callable[[Node, EvalContext], Value]] = {
    Literal: _literal, Column: _column, Binary: _binary, Unary: _unary, InList: _in_list,
    Between: _between, IsNull: _is_null, Case: _case, Call: _call,
}
