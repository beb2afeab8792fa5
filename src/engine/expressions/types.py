"""Type inference over the typed tree: which Arrow type each node gives for columns of given types.

Results are int64, float64, string, bool, date32, a timestamp type, or null (always null).
int op int stays int64 for ``+ - * %``; any float promotes to float64; ``/`` always gives float64.
A string literal compared with a date/timestamp is read as an ISO date.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime

import pyarrow as pa

from src.engine.expressions.nodes import (Between, Binary, Call, Case, Column, ExpressionError, InList,
                                          IsNull, Literal, Node, Unary)

INT = pa.int64()
FLOAT = pa.float64()
STR = pa.string()
BOOL = pa.bool_()
DATE = pa.date32()
NULL = pa.null()

COMPARISONS = frozenset({"=", "==", "!=", "<>", "<", "<=", ">", ">="})


def type_name(dtype: pa.DataType) -> str:
    names = {INT: "integer", FLOAT: "float", STR: "string", BOOL: "boolean", DATE: "date", NULL: "null"}
    for known, name in names.items():
        if dtype == known:
            return name
    if pa.types.is_timestamp(dtype):
        return "timestamp"
    return str(dtype)


def normalize_type(dtype: pa.DataType) -> pa.DataType | None:
    """The type a column of ``dtype`` is computed in, or None when expressions cannot use it."""
    if pa.types.is_dictionary(dtype):
        dtype = dtype.value_type
    if pa.types.is_integer(dtype):
        return INT
    if pa.types.is_floating(dtype) or pa.types.is_decimal(dtype):
        return FLOAT
    if pa.types.is_string(dtype) or pa.types.is_large_string(dtype) or dtype == pa.string_view():
        return STR
    if pa.types.is_boolean(dtype):
        return BOOL
    if pa.types.is_date(dtype):
        return DATE
    if pa.types.is_timestamp(dtype) or pa.types.is_time(dtype) or pa.types.is_duration(dtype):
        return dtype
    if pa.types.is_null(dtype):
        return NULL
    return None


def is_numeric(dtype: pa.DataType) -> bool:
    return dtype == INT or dtype == FLOAT


def is_temporal(dtype: pa.DataType) -> bool:
    return dtype == DATE or pa.types.is_timestamp(dtype)


def unify_temporal(a: pa.DataType, b: pa.DataType) -> pa.DataType | None:
    if a == b:
        return a
    if a == DATE:
        return b
    if b == DATE:
        return a
    if a.tz != b.tz:
        return None
    finer = ("s", "ms", "us", "ns")
    return a if finer.index(a.unit) >= finer.index(b.unit) else b


def unify(types: list[pa.DataType]) -> pa.DataType | None:
    """The one type several values can share (CASE branches, coalesce, least), or None."""
    result = NULL
    for dtype in types:
        if dtype == NULL or dtype == result:
            continue
        if result == NULL:
            result = dtype
        elif is_numeric(result) and is_numeric(dtype):
            result = FLOAT
        elif is_temporal(result) and is_temporal(dtype):
            unified = unify_temporal(result, dtype)
            if unified is None:
                return None
            result = unified
        else:
            return None
    return result


def parse_temporal_literal(node: Literal, target: pa.DataType) -> date | datetime:
    try:
        if target == DATE:
            return date.fromisoformat(node.value)
        return datetime.fromisoformat(node.value)
    except ValueError:
        raise ExpressionError(f"{node.value!r} is not a valid {type_name(target)}", node.pos) from None


class TypeEnv:
    """Field types plus a memo of each node's inferred type (nodes are shared, never mutated)."""

    def __init__(self, types: Mapping[str, pa.DataType]):
        self.types = types
        self._memo: dict[int, pa.DataType] = {}

    def type_of(self, node: Node) -> pa.DataType:
        key = id(node)
        if key not in self._memo:
            self._memo[key] = _INFER[type(node)](node, self)
        return self._memo[key]


def comparison_type(env: TypeEnv, left: Node, right: Node, pos: int) -> pa.DataType:
    """The type both sides of a comparison are cast to; raises when they cannot be compared."""
    lt, rt = env.type_of(left), env.type_of(right)
    if lt == NULL or rt == NULL:
        return rt if lt == NULL else lt
    if is_numeric(lt) and is_numeric(rt):
        return FLOAT if FLOAT in (lt, rt) else INT
    if is_temporal(lt) and is_temporal(rt):
        unified = unify_temporal(lt, rt)
        if unified is not None:
            return unified
    for side, dtype, other in ((left, lt, rt), (right, rt, lt)):
        if is_temporal(other) and dtype == STR and isinstance(side, Literal):
            parse_temporal_literal(side, other)
            return other
    if lt == rt:
        return lt
    raise ExpressionError(f"cannot compare {type_name(lt)} with {type_name(rt)}", pos)


def _infer_literal(node: Literal, env: TypeEnv) -> pa.DataType:
    value = node.value
    if value is None:
        return NULL
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, int):
        return INT
    return FLOAT if isinstance(value, float) else STR


def _infer_column(node: Column, env: TypeEnv) -> pa.DataType:
    if node.name not in env.types:
        raise ExpressionError(f"unknown field {node.name!r}", node.pos)
    dtype = normalize_type(env.types[node.name])
    if dtype is None:
        raise ExpressionError(
            f"field {node.name!r} has type {env.types[node.name]}, which expressions cannot use", node.pos)
    return dtype


def _arithmetic_hint(op: str, dtype: pa.DataType) -> str:
    if dtype == STR and op == "+":
        return " (join strings with || or concat())"
    if is_temporal(dtype):
        return " (use date_add() or days_between() for dates)"
    return ""


def _infer_binary(node: Binary, env: TypeEnv) -> pa.DataType:
    left, right = env.type_of(node.left), env.type_of(node.right)
    if node.op in ("and", "or"):
        for dtype in (left, right):
            if dtype not in (BOOL, NULL):
                raise ExpressionError(
                    f"{node.op.upper()} needs true/false conditions, got {type_name(dtype)}", node.pos)
        return BOOL
    if node.op == "||":
        return STR
    if node.op in COMPARISONS:
        comparison_type(env, node.left, node.right, node.pos)
        return BOOL
    for dtype in (left, right):
        if dtype != NULL and not is_numeric(dtype):
            raise ExpressionError(
                f"{node.op!r} needs numbers, got {type_name(left)} and {type_name(right)}"
                + _arithmetic_hint(node.op, dtype), node.pos)
    if node.op == "/":
        return FLOAT
    if left == NULL and right == NULL:
        return NULL
    return FLOAT if FLOAT in (left, right) else INT


def _infer_unary(node: Unary, env: TypeEnv) -> pa.DataType:
    dtype = env.type_of(node.operand)
    if node.op == "not":
        if dtype not in (BOOL, NULL):
            raise ExpressionError(f"NOT needs a true/false condition, got {type_name(dtype)}", node.pos)
        return BOOL
    if dtype != NULL and not is_numeric(dtype):
        raise ExpressionError(f"unary {node.op!r} needs a number, got {type_name(dtype)}", node.pos)
    return dtype


def _infer_in(node: InList, env: TypeEnv) -> pa.DataType:
    for item in node.items:
        comparison_type(env, node.operand, item, item.pos)
    return BOOL


def _infer_between(node: Between, env: TypeEnv) -> pa.DataType:
    comparison_type(env, node.operand, node.low, node.pos)
    comparison_type(env, node.operand, node.high, node.pos)
    return BOOL


def _infer_is_null(node: IsNull, env: TypeEnv) -> pa.DataType:
    env.type_of(node.operand)
    return BOOL


def _infer_case(node: Case, env: TypeEnv) -> pa.DataType:
    for condition, _ in node.branches:
        dtype = env.type_of(condition)
        if dtype not in (BOOL, NULL):
            raise ExpressionError(f"condition must be true/false, got {type_name(dtype)}", condition.pos)
    result_types = [env.type_of(result) for result in node.results()]
    unified = unify(result_types)
    if unified is None:
        names = sorted({type_name(t) for t in result_types if t != NULL})
        raise ExpressionError(f"results mix {' and '.join(names)} (all must share one type)", node.pos)
    return unified


def _infer_call(node: Call, env: TypeEnv) -> pa.DataType:
    from src.engine.expressions.function_types import FUNCTION_TYPES

    return FUNCTION_TYPES[node.name](node, env)


_INFER: dict[type, Callable[[Node, TypeEnv], pa.DataType]] = {
    Literal: _infer_literal, Column: _infer_column, Binary: _infer_binary, Unary: _infer_unary,
    InList: _infer_in, Between: _infer_between, IsNull: _infer_is_null, Case: _infer_case, Call: _infer_call,
}
