"""What a worker process runs: one row range of a plan, returned as encoded bytes or Arrow IPC.

Imported by the forkserver before it forks workers (src/scale/worker_boot.py: the engine is imported
once, not per worker), and by Dask workers (src/scale/parts.py).
"""

from __future__ import annotations

import os
import pickle
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from src.engine.writers import JSON_SEPARATOR, encode_rows

ARROW = "arrow"  # a task's output as an Arrow IPC stream (Parquet, job segments)
_CACHED_PLANS = 4
_plans: OrderedDict[str, object] = OrderedDict()


@dataclass(frozen=True)
class RangeTask:
    """Rows [start, start + rows) made in engine calls of ``call_rows`` (the caller's chunk size, so
    Parquet row groups come out as in one process), returned as ``output``: ARROW or a text format."""

    start: int
    rows: int
    call_rows: int
    output: str
    formula_guard: bool = False
    seq: int = 0  # the task's number within its output (direct writes claim offsets in this order)
    lead: bool = False  # the output already has rows: a direct write starts with the separator
    target: Any = None  # src.scale.direct.FileTarget: the worker writes the rows there itself


def split_ranges(rows: int, task_rows: int, first: int = 0) -> Iterator[tuple[int, int]]:
    """(start, count) of consecutive tasks covering rows [first, first + rows)."""
    for start in range(first, first + rows, task_rows):
        yield start, min(task_rows, first + rows - start)


TAPER_UNIT = 8_192  # the smallest tail task: four 2,048-row random-number blocks, ~15 ms of one worker


def split_tapered(rows: int, task_rows: int, workers: int, unit: int | None = None) -> Iterator[tuple[int, int]]:
    """Like ``split_ranges`` from row 0, but the last tasks shrink, in rounds of ``workers`` tasks of
    one size, each round about half the rows left (whole ``unit``s, never under ``unit``): the
    workers finish within a small task of each other instead of one making a whole last task alone.
    A round's tasks are equal because offsets are claimed in task order: a smaller task right after a
    larger one would only wait for it. Only for text tasks: their bytes do not depend on where a
    task starts or ends."""
    unit = unit or TAPER_UNIT
    workers = max(1, workers)
    start = 0
    while start < rows:
        left = rows - start
        count = min(task_rows, max(unit, -(-left // (2 * workers) // unit) * unit))
        for _ in range(workers if count < task_rows else 1):
            count = min(count, rows - start)
            if count <= 0:
                break
            yield start, count
            start += count


def remember_plan(key: str, plan) -> None:
    """Keep a plan compiled in this process (forked workers inherit it)."""
    _plans[key] = plan


def plan_for(key: str, blob: bytes):
    """The plan of a pickled recipe, built once per worker process (a few recipes are kept)."""
    plan = _plans.get(key)
    if plan is None:
        plan = pickle.loads(blob).build()
        _plans[key] = plan
        while len(_plans) > _CACHED_PLANS:
            _plans.popitem(last=False)
    _plans.move_to_end(key)
    return plan


def iter_calls(plan, task: RangeTask) -> Iterator[pa.RecordBatch]:
    """The task's rows, one engine call of at most ``call_rows`` at a time."""
    end = task.start + task.rows
    for start in range(task.start, end, task.call_rows):
        yield plan.generate_chunk(start, min(task.call_rows, end - start))


def make_range(plan, task: RangeTask) -> bytes:
    """The task's rows as bytes: text encoded as a writer would append it, or an Arrow IPC stream."""
    if task.output == ARROW:
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, plan.arrow_schema) as writer:
            for batch in iter_calls(plan, task):
                writer.write_batch(batch)
        return sink.getvalue().to_pybytes()
    parts = [encode_rows(task.output, batch, plan.arrow_schema, task.formula_guard)
             for batch in iter_calls(plan, task)]
    return (JSON_SEPARATOR if task.output == "json" else b"").join(parts)


def run_task(key: str, blob: bytes, task: RangeTask) -> bytes:
    """Entry point of a pool task."""
    return make_range(plan_for(key, blob), task)


_chain = None  # this worker's src.scale.direct.OffsetChain (set when the pool starts it)


def install_chain(chain, owner: tuple | None = None) -> None:
    """Pool initializer: the offset chain this worker's direct writes claim from (and its heap kept
    between tasks, src/scale/heap.py); the worker ends
    when ``owner`` (the pool's process, src/scale/lifeline.py) does; with
    SYNTHGEN_PROFILE_WORKERS=<folder>, the worker's CPU profile goes to <folder>/worker-<pid>.prof."""
    global _chain
    _chain = chain
    from src.scale.heap import keep_heap

    keep_heap()
    if owner is not None:
        from src.scale.lifeline import watch_owner

        watch_owner(owner)
    folder = os.environ.get("SYNTHGEN_PROFILE_WORKERS")
    if folder:
        import cProfile
        import time
        from multiprocessing.util import Finalize

        profile = cProfile.Profile(time.process_time)
        profile.enable()
        Finalize(None, lambda: profile.dump_stats(os.path.join(folder, f"worker-{os.getpid()}.prof")),
                 exitpriority=10)


def run_file_task(key: str, blob: bytes, task: RangeTask) -> int:
    """Entry point of a pool task that writes its rows into the output itself: the bytes written."""
    from src.scale.direct import write_range

    return write_range(plan_for(key, blob), task, _chain)


def read_arrow(data: bytes) -> list[pa.RecordBatch]:
    """The batches of an ARROW task's result (zero-copy views of ``data``)."""
    return list(pa.ipc.open_stream(pa.py_buffer(data)))
