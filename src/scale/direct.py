"""Text rows written by the workers themselves, straight into the output file at their offsets.

The rows of a CSV, JSON Lines or JSON file never pass through the parent of a RangePool: a task
encodes its range into a buffer its worker keeps (warm memory: on a VM, touching fresh pages is what
made the piped path cost a third more CPU per row than one process), takes its offset from a chain
shared by the pool's processes (task k starts where task k-1 ends; tasks claim in order, each as soon
as its own bytes are ready) and writes there with ``os.pwrite``; only its size comes back. The parent
writes the header before and the footer after. Outputs that cannot take writes at an offset (stdout,
gzip, a caller's stream) take the piped path (feed.py).
"""

from __future__ import annotations

import io
import os
import stat
from dataclasses import dataclass

import pyarrow as pa

from src.engine.writers import FIRST_CSV_BUFFER, JSON_SEPARATOR, encode_csv_into, encode_rows, pwrite_all
from src.scale.trace import mark

_CLAIM_POLL_SECONDS = 1.0  # a waiting task rechecks whether its output was abandoned this often
_FIRST_BUFFER = FIRST_CSV_BUFFER
_buffer: pa.Buffer | None = None  # this process's CSV buffer, reused by every task


@dataclass(frozen=True)
class FileTarget:
    """The output file a task writes into: its absolute path and identity (checked on open), the
    pool's stream number of this output, and the separator between tasks (',\\n' in a JSON array)."""

    path: str
    device: int
    inode: int
    stream: int
    separator: bytes = b""


class OffsetChain:
    """Hands out file offsets to the tasks of one output, in task order, across processes."""

    def __init__(self, context):
        self._turn = context.Condition()
        self._state = context.RawArray("q", 3)  # stream, next task's number, next task's offset

    def begin(self, stream: int, offset: int) -> None:
        """Tasks 0, 1, ... of ``stream`` write from ``offset`` on."""
        with self._turn:
            self._state[:] = [stream, 0, offset]
            self._turn.notify_all()

    def end(self) -> None:
        """The output is finished or abandoned: tasks still waiting give up."""
        with self._turn:
            self._state[0] = -1
            self._turn.notify_all()

    def claim(self, stream: int, seq: int, size: int) -> int | None:
        """The offset of task ``seq`` of ``stream`` (``size`` bytes), once task ``seq - 1`` has
        claimed its own; None when the output was ended first."""
        with self._turn:
            while True:
                current, turn, offset = self._state[:]
                if current != stream or turn > seq:
                    return None
                if turn == seq:
                    self._state[1:] = [seq + 1, offset + size]
                    self._turn.notify_all()
                    return offset
                self._turn.wait(_CLAIM_POLL_SECONDS)


def file_target(sink, fmt: str) -> FileTarget | None:
    """Where workers can write ``sink``'s rows themselves (stream 0: the caller numbers it): a
    regular file opened by name for writing (not appending); None for anything else."""
    name = getattr(sink, "name", None)
    if not isinstance(name, str) or isinstance(sink, pa.NativeFile) or "a" in getattr(sink, "mode", "a"):
        return None
    try:
        info = os.fstat(sink.fileno())
        path = os.path.abspath(name)
        same = os.stat(path)
    except (AttributeError, OSError, io.UnsupportedOperation):
        return None
    if not stat.S_ISREG(info.st_mode) or (same.st_dev, same.st_ino) != (info.st_dev, info.st_ino):
        return None
    return FileTarget(path, info.st_dev, info.st_ino, 0, JSON_SEPARATOR if fmt == "json" else b"")


def write_range(plan, task, chain: OffsetChain) -> int:
    """Make the task's rows, encode them, write them at the task's offset: the bytes written (0 when
    the output was abandoned meanwhile)."""
    from src.scale.tasks import iter_calls

    mark(f"begin {task.seq}")
    target = task.target
    lead = target.separator if task.seq or task.lead else b""
    if task.output == "csv":
        parts = [_encode_csv(plan, task)]
    else:
        parts = [encode_rows(task.output, batch, plan.arrow_schema, task.formula_guard)
                 for batch in iter_calls(plan, task)]
    views = [lead] if lead else []
    for index, part in enumerate(parts):
        views.extend([target.separator, part] if index else [part])
    size = sum(len(view) for view in views)
    mark(f"encoded {task.seq}")
    offset = chain.claim(target.stream, task.seq, size)
    mark(f"claimed {task.seq}")
    if offset is None:
        return 0
    fd = os.open(target.path, os.O_WRONLY)
    try:
        info = os.fstat(fd)
        if (info.st_dev, info.st_ino) != (target.device, target.inode):
            raise RuntimeError(f"{target.path} is no longer the file being written")
        for view in views:
            offset = pwrite_all(fd, view, offset)
    finally:
        os.close(fd)
    mark(f"written {task.seq}")
    return size


def _encode_csv(plan, task) -> memoryview:
    """The task's CSV rows in this process's buffer (grown when a task does not fit)."""
    from src.scale.tasks import iter_calls

    global _buffer
    _buffer, view = encode_csv_into(_buffer, lambda: iter_calls(plan, task), plan.arrow_schema, task.formula_guard,
                                   _FIRST_BUFFER)
    return view
