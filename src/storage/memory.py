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
    """Segments as Arrow tables and outputs as bytes, in dicts guarded by one lock."""

    kind = "memory"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._segments: dict[str, dict[int, tuple[SegmentRef, pa.Table]]] = {}
        self._outputs: dict[tuple[str, str], bytes] = {}

    def write_segment(self, job_id, first_chunk, n_chunks, batch):
        if first_chunk < 0 or n_chunks < 1:
            raise StorageError(f"bad segment position {first_chunk}+{n_chunks}")
        table = batch if isinstance(batch, pa.Table) else pa.Table.from_batches([batch])
        with self._lock:
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
                del segments[first]
        return len(doomed)

    def discard_segments_except_first(self, job_id):
        with self._lock:
            segments = self._segments.get(check_job_id(job_id), {})
            for first in [f for f in segments if f != 0]:
                del segments[first]

    @contextmanager
    def output_writer(self, job_id: str, suffix: str) -> Iterator[BinaryIO]:
        key = (check_job_id(job_id), check_suffix(suffix))
        buffer = io.BytesIO()
        yield buffer
        with self._lock:
            self._outputs[key] = buffer.getvalue()

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
            self._segments.pop(job_id, None)
            for key in [k for k in self._outputs if k[0] == job_id]:
                del self._outputs[key]

    def job_ids(self):
        with self._lock:
            return set(self._segments) | {job_id for job_id, _ in self._outputs}
