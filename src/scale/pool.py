"""RangePool: worker processes that make row ranges; results come back in order to one consumer.

Started before the caller's own heavy imports (this module imports only the standard library), the
forkserver imports the engine once while the caller does the same, so workers are ready by the time
there are rows to make. Until a worker is ready, ``map`` makes tasks in the calling process, so a
run never waits for start-up.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from src.scale.trace import mark

_PRELOAD = ["src.scale.worker_boot"]


class WorkerCrashedError(RuntimeError):
    """A worker process ended in the middle of a task (killed, or out of memory)."""


def _report_ready() -> int:
    return os.getpid()


def _start_method(plans: list | None) -> str:
    """fork when this process is single-threaded and hands its compiled plans over (no import, no
    compile in the workers: the CLI); else forkserver (a server with threads), else spawn.
    SYNTHGEN_WORKER_START overrides it (benchmarks)."""
    methods = multiprocessing.get_all_start_methods()
    chosen = os.environ.get("SYNTHGEN_WORKER_START")
    if chosen in methods:
        return chosen
    if plans and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


class RangePool:
    """``workers`` processes; at most ``window`` tasks in flight per worker. ``plans`` ([(recipe,
    compiled plan)]) are handed to forked workers as they are; other workers build them from the recipe."""

    def __init__(self, workers: int, window: int = 2, plans: list | None = None):
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.window = window
        from src.scale.heap import keep_arrow_memory

        keep_arrow_memory()  # forkserver and spawned workers start with it (src/scale/heap.py)
        context = multiprocessing.get_context(_start_method(plans))
        self.start_method = context.get_start_method()
        if self.start_method == "fork":
            from src.scale.tasks import remember_plan

            for recipe, plan in plans or []:
                remember_plan(recipe.dump()[0], plan)
        if context.get_start_method() == "forkserver":
            context.set_forkserver_preload(_PRELOAD)
        from src.scale.direct import OffsetChain
        from src.scale.lifeline import identify
        from src.scale.tasks import install_chain

        self.chain = OffsetChain(context)  # offsets of workers' direct writes (src/scale/direct.py)
        self._streams = 0
        self._stream_lock = threading.Lock()  # one direct-write output at a time
        self._executor = ProcessPoolExecutor(workers, mp_context=context, initializer=install_chain,
                                             initargs=(self.chain, identify(os.getpid())))
        self.tasks_sent = 0  # tasks handed to workers (the rest were made in this process)
        # Submitting starts the processes now; each answers once it can take work.
        self._ready = [self._executor.submit(_report_ready) for _ in range(workers)]
        mark("pool started")

    def wait_ready(self, timeout: float | None = None) -> None:
        """Block until every worker has started (tests, benchmarks)."""
        for future in self._ready:
            future.result(timeout)

    def ready(self) -> bool:
        """True once some worker has started (its first answer came back)."""
        return any(f.done() and f.exception() is None for f in self._ready)

    def begin_stream(self, offset: int) -> int | None:
        """A new output whose tasks write from ``offset`` on: its stream number (the chain's), or
        None while another thread's output holds the chain (that caller then takes the pipe)."""
        if not self._stream_lock.acquire(blocking=False):
            return None
        self._streams += 1
        self.chain.begin(self._streams, offset)
        return self._streams

    def end_stream(self) -> None:
        """The output of ``begin_stream`` is finished or abandoned: tasks still waiting give up."""
        self.chain.end()
        self._stream_lock.release()

    def map(self, recipe, tasks: Iterable, local: Callable[[object], object] | None = None,
            function: Callable | None = None) -> Iterator[tuple[object, object]]:
        """(task, result) for each task, in order: ``function(key, blob, task)`` in a worker (default
        ``run_task``: the rows as bytes). ``local(task)``, when given, makes tasks in this process
        while no worker is ready yet."""
        key, blob = recipe.dump()
        pending: deque[tuple[object, Future]] = deque()
        limit = self.workers * self.window
        try:
            for task in tasks:
                if local is not None and not pending and not self.ready():
                    yield task, local(task)
                    continue
                pending.append((task, self.submit(key, blob, task, function)))
                if len(pending) >= limit:
                    yield self._take(pending)
            while pending:
                yield self._take(pending)
        finally:
            for _, future in pending:
                future.cancel()

    def submit(self, key: str, blob: bytes, task, function: Callable | None = None) -> Future:
        """One task of a dumped recipe (``recipe.dump()``); its future's result is the bytes (or
        what ``function`` answers)."""
        from src.scale.tasks import run_task

        self.tasks_sent += 1
        return self._executor.submit(function or run_task, key, blob, task)

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


def start_pool(workers: int, plans: list | None = None) -> RangePool | None:
    """A RangePool of ``workers`` processes, or None for 1 (rows are made in this process)."""
    return RangePool(workers, plans=plans) if workers > 1 else None


@contextmanager
def start_pool_for(requested: int | None, rows: int, plans: list):
    """A RangePool for a run of ``rows`` rows (``requested`` workers, else by cores and size; None
    for one process), closed on exit; ``plans``: [(recipe, compiled plan)] the workers will make."""
    from src.scale.cores import choose_workers
    from src.scale.heap import keep_heap

    workers = choose_workers(requested, rows)
    if workers > 1:
        keep_heap()  # this process makes the first tasks too, and forked workers start from its heap
    pool = start_pool(workers, plans)
    try:
        yield pool
    finally:
        if pool is not None:
            pool.close()
