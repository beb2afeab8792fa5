"""Reference fields: their values are supplied by the parent table (src.engine.relational)."""

from __future__ import annotations

import pyarrow as pa

from src.engine.context import ChunkContext, FieldPlan


def gen_reference(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    """The parent key the table's column provider computed for these rows."""
    values = ctx.columns.get(fp.name)
    if values is None:
        raise ValueError(f"reference field {fp.name!r} has no parent table")
    return values
