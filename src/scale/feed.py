"""Feed a writer from a RangePool: row ranges made in workers, appended in order by one writer."""

from __future__ import annotations

from collections.abc import Callable

from src.scale.pool import RangePool
from src.scale.recipe import PlanRecipe
from src.scale.tasks import ARROW, RangeTask, make_range, read_arrow, split_ranges

# Rows per task: large enough that handing a result over costs little next to making it, small
# enough that the tasks in flight (two per worker) stay far below 1 GB.
TASK_ROWS = 131_072


def task_rows_for(batch_size: int) -> int:
    """A whole number of the caller's chunks, about TASK_ROWS rows."""
    return batch_size * max(1, TASK_ROWS // batch_size)


def feed_writer(writer, fmt: str, plan, recipe: PlanRecipe, rows: int, batch_size: int, pool: RangePool,
                on_rows: Callable[[int], object] | None = None, metadata: dict | None = None) -> None:
    """Rows [0, rows) of ``plan`` into an open ``writer`` (from ``open_writer(fmt, ...)``).

    Text formats arrive encoded (the writer only appends bytes); Parquet arrives as Arrow batches of
    ``batch_size`` rows, written one row group each as in one process. ``metadata`` replaces each
    batch's schema metadata (the seed and anchor a Parquet file keeps).
    """
    output = ARROW if fmt in ("parquet", "sql") else fmt  # SQL is rendered by the one writer
    guard = bool(getattr(writer, "formula_guard", False))
    tasks = (RangeTask(start, n, batch_size, output, guard) for start, n in split_ranges(rows, task_rows_for(batch_size)))
    for task, data in pool.map(recipe, tasks, local=lambda task: make_range(plan, task)):
        if output == ARROW:
            for batch in read_arrow(data):
                writer.write(batch if metadata is None else batch.replace_schema_metadata(metadata))
        else:
            writer.write_encoded(data, task.rows)
        if on_rows is not None:
            on_rows(task.rows)
