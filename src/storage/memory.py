"""Memory storage (STORAGE_TYPE=memory): everything in the process, gone on restart."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

import pyarrow as pa

from src.errors import StorageError
from src.storage.base import SegmentRef, StorageHandler, check_job_id, check_suffix


class MemoryStorage(StorageHandler):
    """Segments as Arrow tables and outputs as bytes, in dicts guarded by one lock.

    Everything held (segments, finished outputs, outputs being written) counts against ``max_bytes``
    (MEMORY_STORAGE_MAX_BYTES); a write that would pass it raises StorageError, so the job fails with
    that reason instead of the process running out of memory. The job manager also refuses, before
    it starts, a job whose estimated size does not fit (see ``JobManager.create_job``).
    """

    kind = "memory"

    def __init__(self, max_bytes: int | None = None) -> None:
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._segments: dict[str, dict[int, tuple[SegmentRef, pa.Table]]] = {}
        self._outputs: dict[tuple[str, str], bytes] = {}
        self._held = 0  # bytes in segments and finished outputs
        self._writing = 0  # bytes in outputs still being written

    @property
    def used_bytes(self) -> int:
        """Bytes held now: segments, finished outputs and outputs being written."""
        with self._lock:
            return self._used()

    def _used(self) -> int:
        return self._held + self._writing

    def _reserve(self, n_bytes: int) -> None:
        """Count ``n_bytes`` more (caller holds the lock) or refuse when the cap would be passed."""
        if self.max_bytes is not None and self._used() + n_bytes > self.max_bytes:
            raise StorageError(f"memory storage is full: MEMORY_STORAGE_MAX_BYTES={self.max_bytes} would "
                               f"be exceeded; delete finished jobs or use STORAGE_TYPE=disk")

    def write_segment(self, job_id, first_chunk, n_chunks, batch):
        if first_chunk < 0 or n_chunks < 1:
            raise StorageError(f"bad segment position {first_chunk}+{n_chunks}")
        table = batch if isinstance(batch, pa.Table) else pa.Table.from_batches([batch])
        with self._lock:
            old = self._segments.get(check_job_id(job_id), {}).get(first_chunk)
            self._reserve(table.nbytes - (old[1].nbytes if old else 0))
            self._held += table.nbytes - (old[1].nbytes if old else 0)
            self._segments.setdefault(check_job_id(job_id), {})[first_chunk] = (
                SegmentRef(first_chunk, n_chunks), table)

    def list_segments(self, job_id):
        with self._lock:
            return sorted(ref for ref, _ in self._segments.get(check_job_id(job_id), {}).values())

    def read_segment(self, job_id, segment):
        with self._lock:
            entry = self._segments.get(check_job_id(job_id), {}).get(segment.first_chunk)
        if entry is None or entry[0] != segment:
            raise StorageError(f"job {job_id} has no segment {segment.first_chunk}")
        return entry[1]

    def discard_segments_from(self, job_id, chunk_index):
        with self._lock:
            segments = self._segments.get(check_job_id(job_id), {})
            doomed = [first for first, (ref, _) in segments.items() if ref.end_chunk > chunk_index]
            for first in doomed:
                self._held -= segments.pop(first)[1].nbytes
        return len(doomed)

    def discard_segments_except_first(self, job_id):
        with self._lock:
            segments = self._segments.get(check_job_id(job_id), {})
            for first in [f for f in segments if f != 0]:
                self._held -= segments.pop(first)[1].nbytes

    @contextmanager
    def output_writer(self, job_id: str, suffix: str) -> Iterator[BinaryIO]:
        key = (check_job_id(job_id), check_suffix(suffix))
        buffer = _CappedBuffer(self)
        try:
            yield buffer
            with self._lock:
                self._writing -= buffer.counted
                buffer.counted = 0
                data = buffer.getvalue()
                self._held += len(data) - len(self._outputs.get(key, b""))
                self._outputs[key] = data
        finally:
            with self._lock:
                self._writing -= buffer.counted

    def output_size(self, job_id, suffix):
        with self._lock:
            data = self._outputs.get((check_job_id(job_id), check_suffix(suffix)))
        return None if data is None else len(data)

    def iter_output(self, job_id, suffix, block_size=1 << 20):
        with self._lock:
            data = self._outputs.get((check_job_id(job_id), check_suffix(suffix)))
        if data is None:
            raise StorageError(f"job {job_id} has no output")
        view = memoryview(data)
        for start in range(0, len(view), block_size):
            yield bytes(view[start:start + block_size])

    def delete_job(self, job_id):
        job_id = check_job_id(job_id)
        with self._lock:
            for _, table in self._segments.pop(job_id, {}).values():
                self._held -= table.nbytes
            for key in [k for k in self._outputs if k[0] == job_id]:
                self._held -= len(self._outputs.pop(key))

    def job_ids(self):
        with self._lock:
            return set(self._segments) | {job_id for job_id, _ in self._outputs}


class _CappedBuffer(io.BytesIO):
    """An output being written: each write is counted against the storage's cap first."""

    def __init__(self, storage: MemoryStorage):
        super().__init__()
        self.storage = storage
        self.counted = 0

    def write(self, data) -> int:
        size = memoryview(data).nbytes
        with self.storage._lock:
            self.storage._reserve(size)
            self.storage._writing += size
            self.counted += size
        return super().write(data)
