"""Where a job's engine calls are made: in the job's own thread, or ahead of time in worker processes.

The runner asks ``batch(job_id, part, start, rows)`` for each engine call in order. The pooled source
answers from a RangePool and keeps the next calls of the same output in flight, so the workers stay
busy while the writer thread stores and writes; a run that stops calls ``release`` and whatever was
made ahead is dropped (the rows are a pure function of the range, so nothing is lost or doubled).
"""

from __future__ import annotations

import logging
import pickle
import threading
from concurrent.futures import Future
from typing import Any

from src.scale.pool import RangePool
from src.scale.recipe import PlanRecipe
from concurrent.futures.process import BrokenProcessPool

from src.scale.pool import WorkerCrashedError
from src.scale.tasks import ARROW, RangeTask, read_arrow

logger = logging.getLogger("synthgen.jobs")


class InProcessSource:
    """Engine calls in the calling thread (JOB_WORKERS=1)."""

    needs_recipe = False

    def batch(self, job_id: str, part, start: int, rows: int):
        return part.plan.generate_chunk(start, rows)

    def release(self, job_id: str) -> None:
        pass

    def open_stream(self, job_id: str, part, opened, calls, fmt: str, formula_guard: bool):
        """None: the run encodes its rows itself (see PooledSource.open_stream)."""
        return None

    def close(self) -> None:
        pass


class PooledSource:
    """Engine calls in ``workers`` processes (started on first use), ``ahead`` calls in flight per output."""

    needs_recipe = True  # parts carry job_recipe(...) so a worker can rebuild their plan
    writes_files = True  # workers can write into the API's output file (not a cluster's)

    def __init__(self, workers: int, ahead: int | None = None):
        self.workers = workers
        self.ahead = ahead or 2 * workers
        self._pool: RangePool | None = None
        self._lock = threading.Lock()
        self._flight: dict[str, dict[tuple, Future]] = {}  # job id -> {(suffix, start, rows): future}
        self._closed = False

    def batch(self, job_id: str, part, start: int, rows: int):
        recipe = getattr(part, "recipe", None)
        if recipe is None:
            return part.plan.generate_chunk(start, rows)
        key, blob = recipe
        with self._lock:
            flight = self._flight.setdefault(job_id, {})
            future = flight.pop((part.suffix, start, rows), None)
            for k in range(0 if future is None else 1, self.ahead):
                begin = start + k * rows
                size = min(rows, part.rows - begin)
                if size <= 0:
                    break
                if (part.suffix, begin, size) not in flight:
                    submitted = self._submit(key, blob, RangeTask(begin, size, size, ARROW))
                    if k == 0:
                        future = submitted
                    else:
                        flight[(part.suffix, begin, size)] = submitted
            for stale in [k for k in flight if k[0] == part.suffix and k[1] < start]:
                flight.pop(stale).cancel()  # a guess that did not match the run's calls
        try:
            return read_arrow(future.result())[0]
        except BrokenProcessPool as err:
            with self._lock:
                self._pool = None  # the next call starts a fresh pool
            raise WorkerCrashedError("a worker process ended unexpectedly (killed, or out of memory)") from err

    def open_stream(self, job_id: str, part, opened, calls, fmt: str, formula_guard: bool):
        """A JobStream: the run's ``calls`` made and written into ``opened`` (src/jobs/in_place.py's
        InPlaceFile) by the workers; None when they cannot (no recipe, or another job's output holds
        the pool's offset chain: its rows then come back as batches)."""
        recipe = getattr(part, "recipe", None)
        if recipe is None or not self.writes_files:
            return None
        from src.scale.job_stream import JobStream

        with self._lock:
            pool = self._start()
        stream = JobStream(pool, recipe, calls, str(opened.path), opened.fd, opened.offset, opened.has_rows,
                           fmt, formula_guard, self.ahead)
        return stream if stream.open else None

    def release(self, job_id: str) -> None:
        """Drop whatever was made ahead for the job (its run ended)."""
        with self._lock:
            for future in self._flight.pop(job_id, {}).values():
                future.cancel()

    def warm(self) -> None:
        """Start the workers now, on a thread of their own, so the first job finds them ready."""
        def start() -> None:
            with self._lock:
                if not self._closed:
                    self._start()

        threading.Thread(target=start, name="synthgen-pool-start", daemon=True).start()

    def _submit(self, key: str, blob: bytes, task: RangeTask):
        return self._start().submit(key, blob, task)

    def _start(self) -> RangePool:
        if self._pool is not None and getattr(self._pool._executor, "_broken", False):
            self._pool = None  # a worker died: a fresh pool (the broken one has shut itself down)
        if self._pool is None:
            self._pool = RangePool(self.workers)
            logger.info("job rows are made in %d worker processes (%s)", self.workers, self._pool.start_method)
        return self._pool

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for flight in self._flight.values():
                for future in flight.values():
                    future.cancel()
            self._flight.clear()
            self._close_executor()

    def _close_executor(self) -> None:
        if self._pool is not None:
            self._pool.close()


def create_segment_source(workers: int, dask_address: str | None = None):
    """The source for JOB_WORKERS (1 in-process; 0 one process per usable core), or the Dask
    cluster at DASK_SCHEDULER_ADDRESS when one is set."""
    from src.scale.cores import usable_cores

    if dask_address:
        from src.scale.dask_source import DaskSource

        return DaskSource(dask_address)
    count = usable_cores() if workers == 0 else workers
    if count <= 1:
        return InProcessSource()
    source = PooledSource(count)
    source.warm()
    return source


def job_recipe(factory, job, pools: dict | None, top_plan: Any, part) -> tuple[str, bytes] | None:
    """(key, pickled recipe) that rebuilds ``part.plan`` in a worker, or None (the factory cannot be
    sent to another process, e.g. a test's lambda: that job's calls stay in-process)."""
    table = None
    if hasattr(top_plan, "tables"):
        table = next(name for name, t in top_plan.tables.items() if t.plan is part.plan)
    recipe = PlanRecipe(factory, (job.schema, job.seed, part.plan.anchor, pools or None), table=table,
                        expected_schema=part.plan.arrow_schema)
    try:
        return recipe.dump()
    except (pickle.PicklingError, AttributeError, TypeError):
        logger.info("job %s: its plan cannot be rebuilt in a worker process; generating in-process", job.id)
        return None
