"""Numbers, booleans, enums and time values."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from src.engine.context import ChunkContext, FieldPlan
from src.engine.money_currency import round_to_row_currency
from src.engine.distributions import truncated_exponential, truncated_lognormal, truncated_normal
from src.engine.rng import RowRandom, permute_index

def distribution_of(fp: FieldPlan):
    """The field's distribution: its own, else the default its meaning gave (see semantics)."""
    return fp.c.distribution or fp.options.get("distribution")


def sample_in_range(fp: FieldPlan, rng: RowRandom, lo: float, hi: float) -> np.ndarray:
    """Floats in [lo, hi] following the field's distribution (uniform by default).

    Parameters are absolute values (mean 100 means values centre on 100); draws come from the
    distribution restricted to [lo, hi] by inverse CDF, never clipped onto the bounds.
    """
    dist = distribution_of(fp)
    kind = dist.kind if dist else "uniform"
    u = rng.uniform(0)
    if hi <= lo:
        return np.full(u.shape, float(lo))
    if kind == "normal":
        mean = dist.mean if dist.mean is not None else (lo + hi) / 2
        std = dist.std if dist.std is not None else (hi - lo) / 6
        return truncated_normal(u, mean, std, lo, hi)
    if kind == "lognormal" and hi > 0:
        median = dist.median if dist.median is not None else max(lo + (hi - lo) / 5, hi * 1e-6)
        sigma = dist.sigma if dist.sigma is not None else 0.8
        return truncated_lognormal(u, median, sigma, lo, hi)
    if kind == "exponential":
        scale = dist.scale if dist.scale is not None else (hi - lo) / 5
        return truncated_exponential(u, scale, lo, hi)
    return lo + u * (hi - lo)


def round_inside(values: np.ndarray, decimals: int, lo: float, hi: float) -> np.ndarray:
    """Round to ``decimals`` without leaving [lo, hi]."""
    scale = 10.0 ** decimals
    lo_r = np.ceil(lo * scale - 1e-9) / scale
    hi_r = np.floor(hi * scale + 1e-9) / scale
    return np.clip(np.round(values, decimals), lo_r, hi_r)


def integer_capacity(fp: FieldPlan) -> int:
    step = int(fp.step or 1)
    return (int(fp.hi) - int(fp.lo)) // step + 1


def gen_integer(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    lo, hi = int(fp.lo), int(fp.hi)
    step = int(fp.step or 1)
    k = pick_slots(fp, ctx, (hi - lo) // step + 1)
    return pa.array(lo + k * step, pa.int64())


def pick_slots(fp: FieldPlan, ctx: ChunkContext, count: int, first: float | None = None,
               step: float | None = None) -> np.ndarray:
    """One of ``count`` grid slots (value = first + slot * step) per row: distinct when unique, else
    by the field's distribution, whose parameters are values, not slot numbers."""
    if fp.unique:
        return permute_index(ctx.rows, count, fp.key).astype(np.int64)
    dist = distribution_of(fp)
    if dist and dist.kind != "uniform":
        first = float(fp.lo) if first is None else first
        step = float(fp.step or 1) if step is None else step
        # Each slot owns the values within half a step of it, so the end slots are not undercounted.
        raw = sample_in_range(fp, ctx.rng(fp), first - step / 2, first + (count - 1) * step + step / 2)
        return np.clip(np.floor((raw - first) / step + 0.5), 0, count - 1).astype(np.int64)
    return ctx.rng(fp).integers(0, count - 1)


def float_capacity(fp: FieldPlan) -> int | None:
    if fp.decimals is None:
        return None
    scale = 10 ** fp.decimals
    return int(np.floor(fp.hi * scale + 1e-9) - np.ceil(fp.lo * scale - 1e-9)) + 1


def gen_float(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    lo, hi = float(fp.lo), float(fp.hi)
    if fp.step:
        slots = int(np.floor((hi - lo) / fp.step + 1e-9)) + 1
        k = pick_slots(fp, ctx, slots, lo, float(fp.step)).astype(np.float64)
        values = lo + k * fp.step
        return pa.array(np.round(values, fp.decimals if fp.decimals is not None else 10), pa.float64())
    if fp.unique and fp.decimals is not None:
        scale = 10 ** fp.decimals
        base = np.ceil(lo * scale - 1e-9)
        k = permute_index(ctx.rows, float_capacity(fp), fp.key).astype(np.float64)
        return pa.array(np.round((base + k) / scale, fp.decimals), pa.float64())
    values = sample_in_range(fp, ctx.rng(fp), lo, hi)
    if fp.decimals is not None:
        values = round_inside(values, fp.decimals, lo, hi)
        if fp.options.get("currency_from"):
            values = round_to_row_currency(values, ctx.columns[fp.options["currency_from"]], fp.decimals, lo, hi)
    return pa.array(values, pa.float64())


def gen_boolean(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    p_true = fp.options.get("p_true", 0.5)
    return pa.array(ctx.rng(fp).bernoulli(p_true), pa.bool_())


def enum_arrow_type(values: list) -> pa.DataType:
    if all(isinstance(v, bool) for v in values):
        return pa.bool_()
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return pa.int64()
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return pa.float64()
    return pa.string()


def enum_pool(values: list) -> pa.Array:
    arrow_type = enum_arrow_type(values)
    if arrow_type == pa.string():
        values = [str(v) for v in values]
    return pa.array(values, arrow_type)


def gen_enum(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    pool = enum_pool(fp.enum_values)
    if fp.unique:
        idx = permute_index(ctx.rows, len(pool), fp.key).astype(np.int64)
    else:
        idx = ctx.rng(fp).choice(len(pool), fp.weights)
    return pool.take(pa.array(idx))


def gen_sequence(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    start = int(fp.lo) if fp.lo is not None else 1
    step = int(fp.step or 1)
    return pa.array(start + ctx.rows.astype(np.int64) * step, pa.int64())


def time_slots(fp: FieldPlan) -> tuple[int, int, int]:
    """(first grid point, step, number of slots) for a date/datetime/time field, in seconds."""
    step = int(fp.step or 1)
    first = -(-int(fp.lo) // step) * step  # grid aligned to the clock, not to the range start
    count = (int(fp.hi) - first) // step + 1
    return first, step, max(count, 0)


def gen_datetime(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    first, step, count = time_slots(fp)
    seconds = first + pick_slots(fp, ctx, count, first, step) * step
    if fp.kind in ("date", "date_of_birth"):
        return pa.array((seconds // 86400).astype(np.int32), pa.date32())
    if fp.kind == "time":
        return pa.array(seconds.astype(np.int32), pa.time32("s"))
    return pa.array(seconds, pa.timestamp("s"))


def gen_age(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    if fp.derived_from:
        days = ctx.columns[fp.derived_from].cast(pa.int32()).to_numpy(zero_copy_only=False)
        return pa.array(ages_on(days.astype("datetime64[D]"), ctx.anchor), pa.int64())
    return gen_integer(fp, ctx)



def ages_on(birth: np.ndarray, anchor) -> np.ndarray:
    """Whole years between each birth date and the anchor day."""
    year = birth.astype("datetime64[Y]")
    month = (birth.astype("datetime64[M]") - birth.astype("datetime64[Y]").astype("datetime64[M]")).astype(np.int64) + 1
    day = (birth - birth.astype("datetime64[M]").astype("datetime64[D]")).astype(np.int64) + 1
    years = anchor.year - (year.astype(np.int64) + 1970)
    not_yet = (month > anchor.month) | ((month == anchor.month) & (day > anchor.day))
    return years - not_yet.astype(np.int64)
