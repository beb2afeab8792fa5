"""Type rules of each allowed function (see ``functions.py`` for names and argument counts)."""

from __future__ import annotations

from collections.abc import Callable

import pyarrow as pa

from src.engine.expressions.nodes import Call
from src.engine.expressions.noise import infer_noise
from src.engine.expressions.types import (FLOAT, INT, NULL, STR, TypeEnv, is_numeric, is_temporal, type_name,
                                          unify, unify_temporal)


def _require_numeric(call: Call, env: TypeEnv, index: int = 0) -> pa.DataType:
    dtype = env.type_of(call.args[index])
    if dtype != NULL and not is_numeric(dtype):
        raise call.fail(f"needs a number, got {type_name(dtype)}")
    return dtype


def _require_type(call: Call, env: TypeEnv, index: int, accepted: Callable[[pa.DataType], bool],
                  what: str) -> pa.DataType:
    dtype = env.type_of(call.args[index])
    if dtype != NULL and not accepted(dtype):
        raise call.fail(f"argument {index + 1} must be {what}, got {type_name(dtype)}")
    return dtype


def _same_numeric(call: Call, env: TypeEnv) -> pa.DataType:
    if len(call.args) > 1:
        _require_numeric(call, env, 1)
    return _require_numeric(call, env)


def _float(call: Call, env: TypeEnv) -> pa.DataType:
    for index in range(len(call.args)):
        _require_numeric(call, env, index)
    return FLOAT


def infer_unified(call: Call, env: TypeEnv) -> pa.DataType:
    types = [env.type_of(arg) for arg in call.args]
    unified = unify(types)
    if unified is None:
        names = sorted({type_name(t) for t in types if t != NULL})
        raise call.fail(f"arguments mix {' and '.join(names)} (all must share one type)")
    return unified


def _ordered(call: Call, env: TypeEnv) -> pa.DataType:
    unified = infer_unified(call, env)
    if unified not in (NULL, STR) and not is_numeric(unified) and not is_temporal(unified):
        raise call.fail(f"cannot order {type_name(unified)} values")
    return unified


def _any_to_string(call: Call, env: TypeEnv) -> pa.DataType:
    for arg in call.args:
        env.type_of(arg)
    return STR


def _string_function(result: pa.DataType) -> Callable[[Call, TypeEnv], pa.DataType]:
    def infer(call: Call, env: TypeEnv) -> pa.DataType:
        _require_type(call, env, 0, lambda t: t == STR, "a string")
        return result
    return infer


def _date_add(call: Call, env: TypeEnv) -> pa.DataType:
    dtype = _require_type(call, env, 0, is_temporal, "a date or timestamp")
    _require_type(call, env, 1, lambda t: t == INT, "a whole number of days")
    return dtype


def _days_between(call: Call, env: TypeEnv) -> pa.DataType:
    first = _require_type(call, env, 0, is_temporal, "a date or timestamp")
    second = _require_type(call, env, 1, is_temporal, "a date or timestamp")
    if first != NULL and second != NULL and unify_temporal(first, second) is None:
        raise call.fail("cannot mix timestamps with and without a time zone")
    return INT


def _date_part(call: Call, env: TypeEnv) -> pa.DataType:
    _require_type(call, env, 0, is_temporal, "a date or timestamp")
    return INT


FUNCTION_TYPES: dict[str, Callable[[Call, TypeEnv], pa.DataType]] = {
    "round": _same_numeric, "abs": _same_numeric, "floor": _same_numeric, "ceil": _same_numeric,
    "sqrt": _float, "exp": _float, "ln": _float, "pow": _float,
    "least": _ordered, "greatest": _ordered, "coalesce": infer_unified, "concat": _any_to_string,
    "upper": _string_function(STR), "lower": _string_function(STR), "length": _string_function(INT),
    "substr": _string_function(STR), "date_add": _date_add, "days_between": _days_between,
    "year": _date_part, "month": _date_part, "day": _date_part,
    "random": infer_noise, "uniform": infer_noise, "normal": infer_noise,
}
