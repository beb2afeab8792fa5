"""A job run's engine calls written straight into its output file by a RangePool's workers.

The run knows every call it will make (src/jobs/in_place.py ``list_calls``), so the stream keeps the
next ones in flight as direct-write tasks (src/scale/direct.py): each worker makes its call's rows,
encodes them and writes them at the offset the pool's chain gives (call k starts where call k-1
ends); ``write`` answers each call's byte count, in order. ``close`` drops the calls not started,
ends the chain's stream (calls waiting for their offset give up) and waits for the running ones, so
no write of a stopped run lands after the next run has cut the file back.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, wait
from concurrent.futures.process import BrokenProcessPool

from src.engine.writers import JSON_SEPARATOR
from src.scale.direct import FileTarget
from src.scale.pool import RangePool, WorkerCrashedError
from src.scale.tasks import RangeTask, run_file_task


class JobStream:
    """Calls of one run (``calls``: (first row, rows) in order) written from ``offset`` of the open
    file ``fd`` at ``path``; ``lead``: rows are already there (a JSON array's separator goes first)."""

    def __init__(self, pool: RangePool, recipe: tuple[str, bytes], calls: Iterable[tuple[int, int]],
                 path: str, fd: int, offset: int, lead: bool, fmt: str, formula_guard: bool, ahead: int):
        self._pool = pool
        self._key, self._blob = recipe
        self._calls = iter(calls)
        self._flight: deque[tuple[tuple[int, int], Future]] = deque()
        self._ahead = ahead
        self._fmt, self._guard, self._lead = fmt, formula_guard, lead
        self._seq = 0
        self._stream = pool.begin_stream(offset)
        info = os.fstat(fd)
        self._target = None if self._stream is None else FileTarget(
            os.path.abspath(path), info.st_dev, info.st_ino, self._stream,
            JSON_SEPARATOR if fmt == "json" else b"")

    @property
    def open(self) -> bool:
        """False when another output held the pool's chain (the caller then makes its rows itself)."""
        return self._target is not None

    def write(self, start: int, rows: int) -> int:
        """The bytes call (start, rows) wrote, once written; the calls after it are kept in flight."""
        self._top_up()
        if not self._flight or self._flight[0][0] != (start, rows):
            raise RuntimeError(f"call ({start}, {rows}) is not the run's next call")
        _, future = self._flight.popleft()
        try:
            written = future.result()
        except BrokenProcessPool as err:
            raise WorkerCrashedError("a worker process ended unexpectedly (killed, or out of memory)") from err
        if rows and not written:
            raise RuntimeError(f"call ({start}, {rows}) was abandoned before it was written")
        self._top_up()
        return written

    def _top_up(self) -> None:
        while len(self._flight) < self._ahead and (call := next(self._calls, None)) is not None:
            start, rows = call
            task = RangeTask(start, rows, rows, self._fmt, self._guard, self._seq, self._lead, self._target)
            self._seq += 1
            self._flight.append((call, self._pool.submit(self._key, self._blob, task, run_file_task)))

    def close(self) -> None:
        """Drop the calls not started, stop the waiting ones, wait for those writing."""
        if self._target is None:
            return
        running = [future for _, future in self._flight if not future.cancel()]
        self._flight.clear()
        self._pool.end_stream()
        self._target = None
        wait(running)
