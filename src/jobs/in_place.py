"""A job's text output written in place: rows go straight into ``OUTPUT_PATH/<id>.<ext>.part``.

CSV, JSON and JSON Lines jobs on disk storage keep no Arrow segments: a committed segment is the
byte range of the file before ``output_bytes``, stored with ``chunks_completed`` in one update. A
run opens the file, cuts it back to the committed bytes (whatever a stopped or killed run wrote past
them is dropped), and appends from there: encoded by its writer thread, or (JOB_WORKERS > 1) by the
worker processes, each call's rows encoded and written at their offset as the CLI's workers do
(src/scale/direct.py), while the writer thread only counts bytes and commits. Each write reaches the
page cache before its segment is committed, so a ``kill -9`` of the server loses nothing committed;
rows are pure in their range, so the rows written again after a restart are the same bytes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from src.engine.writers import JSON_SEPARATOR, encode_csv_into, encode_footer, encode_header, encode_rows, pwrite_all
from src.errors import StorageError
from src.jobs.models import JobRecord
from src.jobs.pipeline import _END, OutputPart, OutputPipeline, get_file_extension
from src.storage import StorageHandler

logger = logging.getLogger("synthgen.jobs")

IN_PLACE_FORMATS = ("csv", "json", "jsonl")


def writes_in_place(storage: StorageHandler, job: JobRecord) -> bool:
    """True when the job's one output file is written in place (else through segments): a text
    format on a handler with local files, and not a job whose progress an older version recorded
    in segments (committed chunks without committed bytes)."""
    return (job.output_format in IN_PLACE_FORMATS and job.tables is None and job.parts_dir is None
            and storage.partial_output_path(job.id, get_file_extension(job.output_format)) is not None
            and not (job.chunks_completed > 0 and job.output_bytes is None))


def recover_in_place(storage: StorageHandler, job: JobRecord) -> int:
    """The chunk a new run continues from: the committed count when the file still holds its
    committed bytes (or the finished output is there), else 0 (the file is written again)."""
    if job.chunks_completed == 0 or job.output_bytes is None:
        return 0
    suffix = get_file_extension(job.output_format)
    if job.chunks_completed >= job.total_chunks and storage.output_size(job.id, suffix) is not None:
        return job.chunks_completed
    path = storage.partial_output_path(job.id, suffix)
    size = path.stat().st_size if path.is_file() else -1
    if size >= job.output_bytes:
        return job.chunks_completed
    logger.warning("job %s: its output holds %d of the %d bytes committed; writing it again from row 0",
                   job.id, max(size, 0), job.output_bytes)
    return 0


@dataclass
class InPlaceFile:
    """The open output of one run: where it is, the offset the run appends at, and whether rows
    are already there (a JSON array then puts its separator first)."""

    path: Path
    fd: int
    offset: int
    has_rows: bool

    def write(self, data: bytes | memoryview) -> None:
        """Append ``data`` at the offset (positioned writes, unbuffered: nothing waits in this process)."""
        self.offset = pwrite_all(self.fd, data, self.offset)

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def open_in_place(storage: StorageHandler, job: JobRecord, part: OutputPart, done: int) -> InPlaceFile:
    """Open the job's file for a run starting at chunk ``done``: a new file with its header, or the
    file cut back to its committed bytes."""
    path = storage.partial_output_path(job.id, part.suffix)
    fresh = done <= part.first_chunk or job.output_bytes is None
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | (os.O_TRUNC if fresh else 0), 0o644)
    except OSError as exc:
        raise StorageError(f"opening the output of job {job.id} failed: {exc}") from exc
    if fresh:
        opened = InPlaceFile(path, fd, 0, False)
        opened.write(encode_header(job.output_format, part.plan.arrow_schema))
    else:
        os.ftruncate(fd, job.output_bytes)
        opened = InPlaceFile(path, fd, job.output_bytes, True)
    return opened


def list_calls(part: OutputPart, chunk_size: int, done: int, per_segment: int,
               rows_per_call: int) -> Iterator[tuple[int, int]]:
    """(first row, rows) of every engine call a run from chunk ``done`` makes, in order: segments of
    ``per_segment`` chunks, each in calls of at most ``rows_per_call`` rows."""
    chunk = done
    while chunk < part.end_chunk:
        n_chunks = min(per_segment, part.end_chunk - chunk)
        start = (chunk - part.first_chunk) * chunk_size
        rows = min(n_chunks * chunk_size, part.rows - start)
        for offset in range(0, rows, rows_per_call):
            yield start + offset, min(rows_per_call, rows - offset)
        chunk += n_chunks


class InPlacePipeline(OutputPipeline):
    """The writer side of a run written in place: each SegmentPart's rows are encoded into the file
    (or, ``written`` bytes, were written there by a worker); when a segment's last part is in,
    ``on_stored(chunks, seconds, bytes)`` commits it. A stopped run keeps the file for the next."""

    def __init__(self, storage: StorageHandler, job: JobRecord, part: OutputPart, generation_seconds: float,
                 on_stored, opened: InPlaceFile, done: int):
        super().__init__(storage, job, part, generation_seconds, on_stored)
        self.file = opened
        self.stream = None  # src.scale.job_stream.JobStream when the workers write the rows
        self._buffer = None  # CSV is encoded into one reused buffer (fresh pages cost more than encoding)
        self.rows_written = min((done - part.first_chunk) * job.chunk_size, part.rows)

    def _encode(self, batch) -> bytes | memoryview:
        schema, guard = self.plan.arrow_schema, self.job.csv_formula_guard
        if self.job.output_format != "csv":
            return encode_rows(self.job.output_format, batch, schema, guard)
        self._buffer, view = encode_csv_into(self._buffer, lambda: [batch], schema, guard)
        return view

    def run(self, stored=None) -> int:
        fmt, file = self.job.output_format, self.file
        try:
            while (item := self.items.get()) is not _END:
                self._check_aborted()
                if item.batch is not None:
                    data = self._encode(item.batch)
                    if fmt == "json" and file.has_rows:
                        file.write(JSON_SEPARATOR)
                    file.write(data)
                    rows = item.batch.num_rows
                else:
                    file.offset += item.written  # a worker wrote them at this offset
                    rows = item.rows
                file.has_rows = file.has_rows or rows > 0
                self.rows_written += rows
                self.generation_seconds += item.seconds
                if item.last:
                    self.on_stored(item.first_chunk + item.n_chunks, self.generation_seconds, file.offset)
            self._check_aborted()
            if self.rows_written != self.part.rows:
                raise StorageError(f"wrote {self.rows_written} rows, expected {self.part.rows}")
            file.write(encode_footer(fmt, wrote_rows=file.has_rows))
            os.ftruncate(file.fd, file.offset)
            file.close()
            self.storage.publish_output(self.job.id, self.part.suffix)
            return self.rows_written
        finally:
            file.close()
            self.stopped.set()

