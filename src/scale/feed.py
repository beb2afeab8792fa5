"""Feed a writer from a RangePool: row ranges made in workers, appended in order by one writer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from src.scale.pool import RangePool
from src.scale.recipe import PlanRecipe
from src.scale.trace import mark
from src.scale.direct import file_target, write_range
from src.scale.tasks import ARROW, RangeTask, make_range, read_arrow, run_file_task, split_ranges, split_tapered

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
    if output != ARROW and feed_file(writer, fmt, plan, recipe, rows, batch_size, pool, on_rows):
        return
    ranges = (split_ranges(rows, task_rows_for(batch_size)) if output == ARROW  # whole chunks: the row groups
              else split_tapered(rows, task_rows_for(batch_size), pool.workers))
    tasks = (RangeTask(start, n, batch_size, output, guard) for start, n in ranges)
    for task, data in pool.map(recipe, tasks, local=lambda task: make_range(plan, task)):
        if output == ARROW:
            for batch in read_arrow(data):
                writer.write(batch if metadata is None else batch.replace_schema_metadata(metadata))
        else:
            writer.write_encoded(data, task.rows)
        if on_rows is not None:
            on_rows(task.rows)


def feed_file(writer, fmt: str, plan, recipe: PlanRecipe, rows: int, batch_size: int, pool: RangePool,
              on_rows: Callable[[int], object] | None = None) -> bool:
    """Rows [0, rows) written into the text writer's file by the workers themselves, each task at its
    offset (src/scale/direct.py); False (nothing done) when the writer's sink is not such a file."""
    target = file_target(writer.sink, fmt)
    if target is None:
        return False
    writer.sink.flush()
    stream = pool.begin_stream(writer.sink.tell())
    if stream is None:
        return False
    target = replace(target, stream=stream)
    guard = bool(writer.formula_guard)
    lead = writer.rows_written > 0
    tasks = (RangeTask(start, n, batch_size, fmt, guard, seq, lead, target)
             for seq, (start, n) in enumerate(split_tapered(rows, task_rows_for(batch_size), pool.workers)))
    results = pool.map(recipe, tasks, local=lambda task: write_range(plan, task, pool.chain), function=run_file_task)
    written = 0
    mark("stream begins")
    try:
        for task, size in results:
            written += size
            if on_rows is not None:
                on_rows(task.rows)
    finally:
        results.close()
        pool.end_stream()
        mark("stream ends")
    writer.skip_written(written, rows)
    return True
