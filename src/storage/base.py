"""The storage interface: a job's generated chunks (Arrow) and its finished output file (bytes).

A job's data is a run of *segments*. A segment holds ``n_chunks`` consecutive user chunks starting at
chunk index ``first_chunk``; the job manager may put several small user chunks in one segment. Each
segment is written atomically, so after a crash a segment is either wholly there or absent.
"""

from __future__ import annotations

import abc
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa

from src.errors import StorageError


@dataclass(frozen=True, order=True)
class SegmentRef:
    """Where one stored segment sits in the job, in user-chunk units."""

    first_chunk: int
    n_chunks: int

    @property
    def end_chunk(self) -> int:
        return self.first_chunk + self.n_chunks


def check_job_id(job_id: str) -> str:
    """Return ``job_id`` in canonical form, or raise StorageError: only UUIDs ever name files."""
    try:
        canonical = str(uuid.UUID(str(job_id)))
    except ValueError:
        raise StorageError(f"invalid job id {job_id!r}") from None
    if canonical != job_id:
        raise StorageError(f"job id {job_id!r} is not in canonical UUID form")
    return canonical


def check_suffix(suffix: str) -> str:
    """Return a file extension without its dot, or raise StorageError when it is not a plain word."""
    bare = suffix.lstrip(".")
    if not bare.isalnum():
        raise StorageError(f"invalid output suffix {suffix!r}")
    return bare


def count_contiguous_chunks(segments: list[SegmentRef]) -> int:
    """How many chunks from chunk 0 the segments cover without a gap."""
    covered = 0
    for seg in sorted(segments):
        if seg.first_chunk != covered:
            break
        covered = seg.end_chunk
    return covered


class StorageHandler(abc.ABC):
    """Keeps each job's segments and output. Methods are blocking: call them off the event loop."""

    kind: str = "abstract"

    @abc.abstractmethod
    def write_segment(self, job_id: str, first_chunk: int, n_chunks: int, batch: pa.RecordBatch | pa.Table) -> None:
        """Store one segment atomically (replacing any segment with the same first chunk)."""

    @contextmanager
    def segment_writer(self, job_id: str, first_chunk: int, n_chunks: int,
                       schema: pa.Schema) -> Iterator[Callable[[pa.RecordBatch], None]]:
        """Store one segment from several batches (one engine call each); it appears atomically
        when the block exits cleanly. This default gathers the batches; DiskStorage streams them."""
        batches: list[pa.RecordBatch] = []
        yield batches.append
        self.write_segment(job_id, first_chunk, n_chunks, pa.Table.from_batches(batches, schema=schema))

    @abc.abstractmethod
    def list_segments(self, job_id: str) -> list[SegmentRef]:
        """The job's stored segments, ordered by first chunk."""

    @abc.abstractmethod
    def read_segment(self, job_id: str, segment: SegmentRef) -> pa.Table:
        """One stored segment's rows."""

    @abc.abstractmethod
    def discard_segments_from(self, job_id: str, chunk_index: int) -> int:
        """Drop every segment that reaches chunk ``chunk_index`` or beyond, and leftover temp files.

        Returns how many segments were dropped. Used on recovery: only chunks the job store counts
        as completed are kept.
        """

    @abc.abstractmethod
    def discard_segments_except_first(self, job_id: str) -> None:
        """Free the space of a finished job's segments, keeping the first one for previews."""

    @abc.abstractmethod
    def output_writer(self, job_id: str, suffix: str) -> AbstractContextManager[BinaryIO]:
        """A binary file for the job's output; it becomes visible only when the block exits cleanly."""

    @abc.abstractmethod
    def output_size(self, job_id: str, suffix: str) -> int | None:
        """The finished output's size in bytes, or None when there is none."""

    @abc.abstractmethod
    def iter_output(self, job_id: str, suffix: str, block_size: int = 1 << 20) -> Iterator[bytes]:
        """The finished output's bytes, block by block."""

    def output_file(self, job_id: str, suffix: str) -> Path | None:
        """The output's path when it is a local file (lets the server send it directly)."""
        return None

    def partial_output_path(self, job_id: str, suffix: str) -> Path | None:
        """Where an unfinished output is written in place (a local file kept across runs, renamed
        by ``publish_output``), or None when this handler has no such file (rows then go through
        segments)."""
        return None

    def publish_output(self, job_id: str, suffix: str) -> None:
        """Move the file of ``partial_output_path`` into place as the finished output."""
        raise StorageError(f"{self.kind} storage keeps no output written in place")

    @abc.abstractmethod
    def delete_job(self, job_id: str) -> None:
        """Remove every segment and output of the job; a no-op when it has none."""

    @abc.abstractmethod
    def job_ids(self) -> set[str]:
        """Ids of every job that has data here (finds orphans for cleanup)."""

    # Derived helpers, the same for every handler.

    def iter_tables(self, job_id: str) -> Iterator[pa.Table]:
        """Each stored segment's rows in order (one segment in memory at a time)."""
        for seg in self.list_segments(job_id):
            yield self.read_segment(job_id, seg)

    def read_head(self, job_id: str, n_rows: int) -> pa.Table | None:
        """The first ``n_rows`` rows stored so far (from chunk 0 on), or None when chunk 0 is missing."""
        parts: list[pa.Table] = []
        have = 0
        expected = 0
        for seg in self.list_segments(job_id):
            if seg.first_chunk != expected or have >= n_rows:
                break
            table = self.read_segment(job_id, seg)
            parts.append(table.slice(0, n_rows - have))
            have += parts[-1].num_rows
            expected = seg.end_chunk
        if not parts:
            return None
        return pa.concat_tables(parts)
