"""RangePool: worker processes that make row ranges; results come back in order to one consumer.

Started before the caller's own heavy imports (this module imports only the standard library), the
forkserver imports the engine once while the caller does the same, so workers are ready by the time
there are rows to make. Until a worker is ready, ``map`` makes tasks in the calling process, so a
run never waits for start-up.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

_PRELOAD = ["src.scale.tasks"]


class WorkerCrashedError(RuntimeError):
    """A worker process ended in the middle of a task (killed, or out of memory)."""


def _report_ready() -> int:
    return os.getpid()


def _start_method() -> str:
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


class RangePool:
    """``workers`` processes (forkserver, else spawn); at most ``window`` tasks in flight per worker."""

    def __init__(self, workers: int, window: int = 2):
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.window = window
        context = multiprocessing.get_context(_start_method())
        if context.get_start_method() == "forkserver":
            context.set_forkserver_preload(_PRELOAD)
        self._executor = ProcessPoolExecutor(workers, mp_context=context)
        self.tasks_sent = 0  # tasks handed to workers (the rest were made in this process)
        # Submitting starts the processes now; each answers once it can take work.
        self._ready = [self._executor.submit(_report_ready) for _ in range(workers)]

    def wait_ready(self, timeout: float | None = None) -> None:
        """Block until every worker has started (tests, benchmarks)."""
        for future in self._ready:
            future.result(timeout)

    def ready(self) -> bool:
        """True once some worker has started (its first answer came back)."""
        return any(f.done() and f.exception() is None for f in self._ready)

    def map(self, recipe, tasks: Iterable, local: Callable[[object], bytes] | None = None) -> Iterator[tuple[object, bytes]]:
        """(task, result bytes) for each task, in order. ``local(task)``, when given, makes tasks in
        this process while no worker is ready yet."""
        from src.scale.tasks import run_task

        key, blob = recipe.dump()
        pending: deque[tuple[object, Future]] = deque()
        limit = self.workers * self.window
        try:
            for task in tasks:
                if local is not None and not pending and not self.ready():
                    yield task, local(task)
                    continue
                pending.append((task, self._executor.submit(run_task, key, blob, task)))
                self.tasks_sent += 1
                if len(pending) >= limit:
                    yield self._take(pending)
            while pending:
                yield self._take(pending)
        finally:
            for _, future in pending:
                future.cancel()

    @staticmethod
    def _take(pending: deque) -> tuple[object, bytes]:
        task, future = pending.popleft()
        try:
            return task, future.result()
        except BrokenProcessPool as err:
            raise WorkerCrashedError("a worker process ended unexpectedly (killed, or out of memory)") from err

    def close(self) -> None:
        """Stop the workers (tasks not started are dropped)."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> RangePool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def start_pool(workers: int) -> RangePool | None:
    """A RangePool of ``workers`` processes, or None for 1 (rows are made in this process)."""
    return RangePool(workers) if workers > 1 else None
