"""`unique` on a pool-valued field (department, country, city, category): the pool's own values in a
keyed permutation first, so the first rows read 'Germany', not 'Germany #1'; only rows past the
pool's size get their row's ' #<row>' tail, and the job says so in its warnings."""

from __future__ import annotations

from typing import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from src.engine.context import ChunkContext, FieldPlan
from src.engine.natural_pools import natural_pool
from src.engine.rng import permute_index


def unique_pool(fp: FieldPlan, locale: str | None) -> pa.Array | None:
    """The distinct values a unique ``fp`` takes before tails (within its length rules), or None."""
    if not fp.unique or fp.pattern is not None or fp.expression is not None or fp.c.cardinality is not None:
        return None
    pool = natural_pool(fp.kind, locale)
    if pool is None and "thing" in fp.options:
        from src.engine.generators.things import thing_pool

        pool = thing_pool(fp)
    if pool is None:
        return None
    lengths = pc.utf8_length(pool)
    keep = pc.and_(pc.greater_equal(lengths, fp.c.min_length or 0),
                   pc.less_equal(lengths, fp.c.max_length or 2**31))
    pool = pc.filter(pool, keep)
    return pool if len(pool) else None


def take_unique_from_pool(fp: FieldPlan, ctx: ChunkContext, pool: pa.Array,
                          tailed: Callable[[], pa.Array]) -> pa.Array:
    """Row r < len(pool) gets pool[permutation(r)]; later rows get ``tailed()``'s value (the type's
    own value with that row's ' #<row>' tail), so no value repeats: no pool value ends in a tail."""
    size = len(pool)
    picked = pool.take(pa.array(permute_index(ctx.rows, size, fp.key).astype(np.int64)))
    in_pool = ctx.rows < size
    if in_pool.all():
        return picked
    return pc.if_else(pa.array(in_pool), picked, pc.cast(tailed(), pa.string()))


def list_pool_warnings(plan, total_rows: int) -> list[str]:
    """Unique pool-valued fields that run out of natural values before ``total_rows``."""
    out = []
    for name, fp in plan.fields.items():
        pool = unique_pool(fp, plan.schema.locale)
        if pool is not None and len(pool) < total_rows:
            out.append(f"field '{name}' is unique, but there are only {len(pool)} distinct {fp.options.get('thing', fp.kind)} values: "
                       f"rows after the first {len(pool)} end in ' #<row>' (e.g. '{pool[0].as_py()} "
                       f"#{len(pool) + 1}'); lower the row count or drop unique to keep natural values")
    return out


def list_job_warnings(plan, total_rows: int) -> list[str]:
    """list_pool_warnings for a one-table plan of ``total_rows`` rows or every generated table of a
    relational plan (its own row counts), each named by its table."""
    tables = getattr(plan, "tables", None)
    if tables is None:
        return list_pool_warnings(plan, total_rows)
    return [f"table '{name}': {message}" for name, table in tables.items() if not table.given
            for message in list_pool_warnings(table.plan, table.rows)]
