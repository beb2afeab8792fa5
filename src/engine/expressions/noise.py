"""Seeded noise in expressions: ``random()`` (uniform in [0, 1)), ``uniform(a, b)`` (in [a, b)) and
``normal(mu, sd)``. Row i's draw comes from the field's counter-based RowRandom (Philox keyed by seed,
field and rule, counter i // 2048), one stream per call site (its character position), so a value is a
pure function of (seed, field, row) and the same for any split into chunks; two calls in one
expression are independent."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from src.engine.expressions.nodes import Call, ExpressionError
from src.engine.expressions.types import FLOAT, NULL, TypeEnv, is_numeric, type_name

NOISE_FUNCTIONS = ("random", "uniform", "normal")
_STREAM_BASE = 1 << 20  # clear of the streams generators use for their own draws


def infer_noise(call: Call, env: TypeEnv) -> pa.DataType:
    for index, arg in enumerate(call.args):
        dtype = env.type_of(arg)
        if dtype != NULL and not is_numeric(dtype):
            raise call.fail(f"argument {index + 1} must be a number, got {type_name(dtype)}")
    return FLOAT


def _uniform(call: Call, ctx) -> np.ndarray:
    if ctx.random is None:
        raise ExpressionError(f"{call.name}() draws per row and is evaluated only while rows are made",
                              call.pos)
    return ctx.random.uniform(_STREAM_BASE + call.pos)


def _argument(call: Call, ctx, index: int) -> pa.Array:
    from src.engine.expressions.evaluate import broadcast

    return broadcast(ctx.value_of(call.args[index]), FLOAT, ctx.n_rows)


def eval_random(call: Call, ctx) -> pa.Array:
    return pa.array(_uniform(call, ctx), FLOAT)


def eval_uniform(call: Call, ctx) -> pa.Array:
    import pyarrow.compute as pc

    low, high = _argument(call, ctx, 0), _argument(call, ctx, 1)
    u = pa.array(_uniform(call, ctx), FLOAT)
    return pc.add(low, pc.multiply(pc.subtract(high, low), u))


def eval_normal(call: Call, ctx) -> pa.Array:
    import pyarrow.compute as pc

    from src.engine.distributions import normal_ppf

    mu, sd = _argument(call, ctx, 0), _argument(call, ctx, 1)
    u = np.clip(_uniform(call, ctx), 1e-12, 1 - 1e-12)
    z = pa.array(normal_ppf(u), FLOAT)
    sd = pc.if_else(pc.less(sd, 0), pa.scalar(None, FLOAT), sd)  # a negative spread has no meaning
    return pc.add(mu, pc.multiply(sd, z))


KERNELS = {"random": eval_random, "uniform": eval_uniform, "normal": eval_normal}
