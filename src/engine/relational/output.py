"""Write every table of a relational plan to one file per table, streaming in chunks."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from src.engine.relational.compile import RelationalPlan, TablePlan
from src.engine.writers import FILE_EXTENSIONS, open_writer


def table_file_name(table: str, fmt: str) -> str:
    return f"{table}{FILE_EXTENSIONS[fmt]}"


def write_table(table: TablePlan, path: Path, fmt: str, chunk_size: int,
                on_rows: Callable[[int], None] | None = None, formula_guard: bool = False) -> None:
    """One table to ``path`` (through ``path.part``, renamed when complete)."""
    part = path.with_name(path.name + ".part")
    with open_writer(fmt, part, table.arrow_schema, formula_guard=formula_guard) as writer, ThreadPoolExecutor(1) as pool:
        # Write chunk k on a second thread while chunk k+1 is generated (Arrow releases the GIL).
        pending = None
        for start in range(0, table.rows, chunk_size):
            batch = table.generate_chunk(start, min(chunk_size, table.rows - start))
            if pending is not None:
                pending.result()
            pending = pool.submit(writer.write, batch)
            if on_rows:
                on_rows(batch.num_rows)
        if pending is not None:
            pending.result()
    os.replace(part, path)


def write_tables(plan: RelationalPlan, out_dir: Path, fmt: str, chunk_size: int = 100_000,
                 on_rows: Callable[[int], None] | None = None, formula_guard: bool = False) -> dict[str, Path]:
    """Every table to ``out_dir/<table>.<ext>``, parents first; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, table in plan.tables.items():
        paths[name] = out_dir / table_file_name(name, fmt)
        write_table(table, paths[name], fmt, chunk_size, on_rows, formula_guard)
    return paths
