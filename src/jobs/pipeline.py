"""The writer side of a job's run: stores segments, reports progress, streams rows into the output."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from src.engine import DatasetPlan
from src.databases.jobs import sql_writer_options
from src.engine.writers import FILE_EXTENSIONS, open_writer
from src.errors import StorageError
from src.jobs.models import JobRecord
from src.storage import SegmentRef, StorageHandler


def get_file_extension(output_format: str) -> str:
    """The output file's extension without its dot."""
    return FILE_EXTENSIONS[output_format].lstrip(".")


@dataclass
class Download:
    """A finished output, ready to stream."""

    filename: str
    media_type: str
    size: int | None  # None: streamed without a known length (a multi-table zip)
    path: Path | None
    blocks: Callable[[], Iterator[bytes]]


@dataclass
class OutputPart:
    """One output of a job over its chunk range: the whole job, or one table of a multi-table job."""

    plan: DatasetPlan
    suffix: str
    first_chunk: int
    end_chunk: int
    rows: int
    recipe: tuple[str, bytes] | None = None  # rebuilds the plan in a worker process (JOB_WORKERS)


@dataclass
class SegmentPart:
    """One engine call's rows of segment ``(first_chunk, n_chunks)``; ``last`` closes the segment."""

    first_chunk: int
    n_chunks: int
    batch: pa.RecordBatch | None  # None: a worker wrote the rows into the output itself (in_place.py)
    seconds: float
    last: bool
    rows: int = 0  # with batch None: the rows and bytes the worker wrote
    written: int = 0


class OutputAborted(Exception):
    """The run stopped before the output was complete; its partial file is discarded."""


class WriterStopped(Exception):
    """The writer thread ended (with an error) while generation still had segments for it."""


_END = object()


class OutputPipeline:
    """``run`` (on a writer thread) first writes the segments already stored, then takes each
    SegmentPart handed to ``put``: its rows are streamed into the segment file and the output; when
    a segment's last part is in, the segment becomes visible atomically and ``on_stored(chunks
    stored, total generation seconds)`` is called, until ``finish``.
    The queue is short, so generation waits for a slow writer; parts are sized in bytes by the job
    manager, so memory stays bounded whatever the row width. ``abort`` drops whatever is still
    queued and discards the partial output and segment.
    """

    def __init__(self, storage: StorageHandler, job: JobRecord, part: OutputPart, generation_seconds: float,
                 on_stored: Callable[[int, float], object]):
        self.storage = storage
        self.job = job
        self.part = part
        self.plan = part.plan
        self.on_stored = on_stored
        self.items: queue.Queue = queue.Queue(maxsize=2)
        self.aborted = threading.Event()
        self.stopped = threading.Event()
        self.rows_written = 0
        self.generation_seconds = generation_seconds

    def run(self, stored: list[SegmentRef]) -> int:
        try:
            with self.storage.output_writer(self.job.id, self.part.suffix) as sink, \
                    open_writer(self.job.output_format, sink, self.plan.arrow_schema,
                                formula_guard=self.job.csv_formula_guard,
                                **sql_writer_options(self.job, self.plan)) as writer:
                for segment in stored:
                    self._check_aborted()
                    self._write(writer, self.storage.read_segment(self.job.id, segment))
                self._write_new_segments(writer)
                self._check_aborted()
                if self.rows_written != self.part.rows:
                    raise StorageError(f"wrote {self.rows_written} rows, expected {self.part.rows}")
            return self.rows_written
        finally:
            self.stopped.set()

    def _write_new_segments(self, writer) -> None:
        with ExitStack() as open_segment:
            write_part = None
            while (part := self.items.get()) is not _END:
                self._check_aborted()
                if write_part is None:
                    write_part = open_segment.enter_context(self.storage.segment_writer(
                        self.job.id, part.first_chunk, part.n_chunks, self.plan.arrow_schema))
                write_part(part.batch)
                self.generation_seconds += part.seconds
                self._write(writer, part.batch)
                if part.last:
                    open_segment.close()  # the segment file appears, whole, before it is counted
                    write_part = None
                    self.on_stored(part.first_chunk + part.n_chunks, self.generation_seconds)

    def _check_aborted(self) -> None:
        if self.aborted.is_set():
            raise OutputAborted

    def _write(self, writer, data: pa.Table | pa.RecordBatch) -> None:
        for batch in (data.to_batches() if isinstance(data, pa.Table) else [data]):
            writer.write(batch)
        self.rows_written += data.num_rows

    def put(self, item: object) -> None:
        """Hand the writer the next part; waits while it is behind; no-op once it has stopped."""
        while not self.stopped.is_set():
            try:
                self.items.put(item, timeout=0.1)
                return
            except queue.Full:
                continue
        if not self.aborted.is_set():
            raise WriterStopped

    def finish(self) -> None:
        self.put(_END)

    def abort(self) -> None:
        """Stop the writer at its next step (never blocks)."""
        self.aborted.set()
        try:
            self.items.put_nowait(_END)  # wakes a writer waiting on an empty queue
        except queue.Full:
            pass
