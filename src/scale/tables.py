"""Every table of a relational plan written with a RangePool (the same files as in one process)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from src.engine.relational.compile import RelationalPlan
from src.engine.relational.output import table_file_name
from src.engine.writers import open_writer
from src.scale.feed import feed_writer
from src.scale.pool import RangePool
from src.scale.recipe import PlanRecipe, compile_tables


def table_recipe(plan: RelationalPlan, table: str) -> PlanRecipe:
    """A recipe that rebuilds one table's plan: the whole document, seed, anchor and rows, then the table."""
    first = next(iter(plan.tables.values()))
    pools = {name: t.plan.text_pools for name, t in plan.tables.items() if t.plan.text_pools}
    return PlanRecipe(compile_tables, (plan.doc, plan.seed, plan.anchor, first.rows, pools or None),
                      table=table, expected_schema=plan.tables[table].arrow_schema)


def write_tables_with_pool(plan: RelationalPlan, out_dir: Path, fmt: str, chunk_size: int, pool: RangePool,
                           on_rows: Callable[[int], None] | None = None,
                           formula_guard: bool = False) -> dict[str, Path]:
    """Every table to ``out_dir/<table>.<ext>`` (through ``.part``, renamed when whole), parents first."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, table in plan.tables.items():
        path = paths[name] = out_dir / table_file_name(name, fmt)
        part = path.with_name(path.name + ".part")
        with open_writer(fmt, part, table.arrow_schema, formula_guard=formula_guard) as writer:
            feed_writer(writer, fmt, table.plan, table_recipe(plan, name), table.rows, chunk_size, pool, on_rows)
        os.replace(part, path)
    return paths
