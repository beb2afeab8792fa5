"""Arrow kernels of each allowed function (see ``functions.py``).

``round(x, d)`` rounds half away from zero and gives the double nearest the decimal value; ``sqrt``,
``ln``, ``exp``, ``pow`` give null where the result is not a finite number; ``concat()`` skips nulls;
``substr`` is 1-based (a negative start counts from the end); ``date_add(d, n)`` adds n days.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from src.engine.expressions.evaluate import EvalContext, Value, broadcast, cast, checked, null_where
from src.engine.expressions.nodes import Call
from src.engine.expressions.noise import KERNELS as NOISE_KERNELS
from src.engine.expressions.types import DATE, FLOAT, INT, NULL, STR, unify_temporal

Kernel = Callable[[Call, EvalContext], Value]


def _constant(call: Call, index: int, default: int | None = None) -> int | None:
    return call.args[index].value if index < len(call.args) else default


def round_half_away(values: np.ndarray, digits: int) -> np.ndarray:
    """Round to ``digits`` decimals, half away from zero; the result is the double nearest k / 10**d."""
    if digits > 22:
        return values.copy()
    with np.errstate(invalid="ignore", over="ignore"):
        if digits >= 0:
            scale = 10.0 ** digits
            scaled = np.abs(values * scale)
            whole = np.floor(scaled)
            whole += (scaled - whole) >= 0.5
            result = np.copysign(whole, values) / scale
            # beyond 2**52 the scaled value is already whole: keep it exactly as it was
            keep = ~(scaled < 2.0 ** 52)
        else:
            scale = 10.0 ** -digits
            scaled = np.abs(values / scale)
            whole = np.floor(scaled)
            whole += (scaled - whole) >= 0.5
            result = np.copysign(whole * scale, values)
            keep = ~np.isfinite(values)
    return np.where(keep, values, result)


def _round(call: Call, ctx: EvalContext) -> Value:
    digits = _constant(call, 1, 0)
    value = broadcast(ctx.value_of(call.args[0]), ctx.type_of(call), ctx.n_rows)
    if value.type == INT:
        if digits >= 0:
            return value
        return checked(lambda v: pc.round(v, digits, round_mode="half_towards_infinity"), value, node=call)
    values = round_half_away(value.to_numpy(zero_copy_only=False), digits)  # nulls read as NaN
    if value.null_count:
        return pa.array(values, mask=pc.is_null(value).to_numpy(zero_copy_only=False))
    return pa.array(values)


def _same_type(kernel: Callable[[Value], Value]) -> Kernel:
    def compute(call: Call, ctx: EvalContext) -> Value:
        return checked(kernel, ctx.operand(call.args[0], ctx.type_of(call)), node=call)
    return compute


def _finite_float(kernel: Callable[..., Value]) -> Kernel:
    def compute(call: Call, ctx: EvalContext) -> Value:
        args = [ctx.operand(arg, FLOAT) for arg in call.args]
        with np.errstate(all="ignore"):
            value = kernel(*args)
        return null_where(pc.invert(pc.is_finite(value)), value)
    return compute


def _sqrt(value: Value) -> Value:
    return pc.sqrt(null_where(pc.less(value, 0.0), value))


def _ln(value: Value) -> Value:
    return pc.ln(null_where(pc.less_equal(value, 0.0), value))


def _element_wise(kernel: Callable[..., Value]) -> Kernel:
    def compute(call: Call, ctx: EvalContext) -> Value:
        result_type = ctx.type_of(call)
        args = [broadcast(ctx.operand(arg, result_type), result_type, ctx.n_rows) for arg in call.args]
        return kernel(*args, skip_nulls=False)
    return compute


def _coalesce(call: Call, ctx: EvalContext) -> Value:
    result_type = ctx.type_of(call)
    return pc.coalesce(*[ctx.operand(arg, result_type) for arg in call.args])


def _concat(call: Call, ctx: EvalContext) -> Value:
    parts = [cast(ctx.value_of(arg), STR) for arg in call.args]
    if len(parts) == 1:
        return pc.coalesce(parts[0], pa.scalar(""))
    return pc.binary_join_element_wise(*parts, "", null_handling="skip")


def _string(kernel: Callable[[Value], Value]) -> Kernel:
    def compute(call: Call, ctx: EvalContext) -> Value:
        return kernel(ctx.operand(call.args[0], STR))
    return compute


def _length(call: Call, ctx: EvalContext) -> Value:
    return pc.cast(pc.utf8_length(ctx.operand(call.args[0], STR)), INT)


def _substr(call: Call, ctx: EvalContext) -> Value:
    start = _constant(call, 1)
    length = _constant(call, 2)
    begin = start - 1 if start > 0 else (start if start < 0 else 0)
    if length is None:
        stop = None
    else:
        stop = begin + max(length, 0)
        if begin < 0 <= stop:
            stop = None
    value = broadcast(ctx.operand(call.args[0], STR), STR, ctx.n_rows)
    return pc.utf8_slice_codeunits(value, start=begin, stop=stop)


_TICKS_PER_DAY = {"s": 86_400, "ms": 86_400_000, "us": 86_400_000_000, "ns": 86_400_000_000_000}


def _date_add(call: Call, ctx: EvalContext) -> Value:
    result_type = ctx.type_of(call)
    base = broadcast(ctx.value_of(call.args[0]), result_type, ctx.n_rows)
    days = ctx.operand(call.args[1], INT)
    if result_type == DATE:
        storage, step = pc.cast(base.view(pa.int32()), INT), days
    else:
        storage = base.view(INT)
        step = checked(pc.multiply_checked, days, pa.scalar(_TICKS_PER_DAY[result_type.unit]), node=call)
    moved = checked(pc.add_checked, storage, step, node=call)
    if result_type == DATE:
        return checked(lambda v: pc.cast(v, pa.int32()), moved, node=call).view(DATE)
    return moved.view(result_type)


def _days_between(call: Call, ctx: EvalContext) -> Value:
    types = [t for t in (ctx.type_of(arg) for arg in call.args) if t != NULL]
    if len(types) < 2:
        return pa.scalar(None, INT)
    common = unify_temporal(*types)
    return pc.days_between(ctx.operand(call.args[0], common), ctx.operand(call.args[1], common))


def _date_part(kernel: Callable[[Value], Value]) -> Kernel:
    def compute(call: Call, ctx: EvalContext) -> Value:
        return pc.cast(kernel(ctx.value_of(call.args[0])), INT)
    return compute


KERNELS: dict[str, Kernel] = {
    "round": _round,
    "abs": _same_type(pc.abs_checked),
    "floor": _same_type(lambda v: v if v.type == INT else pc.floor(v)),
    "ceil": _same_type(lambda v: v if v.type == INT else pc.ceil(v)),
    "sqrt": _finite_float(_sqrt), "exp": _finite_float(pc.exp), "ln": _finite_float(_ln),
    "pow": _finite_float(pc.power),
    "least": _element_wise(pc.min_element_wise), "greatest": _element_wise(pc.max_element_wise),
    "coalesce": _coalesce, "concat": _concat,
    "upper": _string(pc.utf8_upper), "lower": _string(pc.utf8_lower), "length": _length, "substr": _substr,
    "date_add": _date_add, "days_between": _days_between,
    "year": _date_part(pc.year), "month": _date_part(pc.month), "day": _date_part(pc.day),
    **NOISE_KERNELS,
}
