"""Disk storage: segments as Arrow IPC files under TEMP_PATH, outputs under OUTPUT_PATH."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa

from src.errors import StorageError
from src.storage.base import SegmentRef, StorageHandler, check_job_id, check_suffix

_SEGMENT_RE = re.compile(r"^seg_(\d{12})_(\d{12})\.arrow$")
_TMP_SUFFIX = ".tmp"


def _segment_name(first_chunk: int, n_chunks: int) -> str:
    return f"seg_{first_chunk:012d}_{n_chunks:012d}.arrow"


class DiskStorage(StorageHandler):
    """Segments: ``TEMP_PATH/<job_id>/seg_<first>_<count>.arrow``; output: ``OUTPUT_PATH/<job_id>.<ext>``.

    Every file is written to a temp name and moved into place with ``os.replace``, so a crash leaves
    either the old state or the new one, never a half-written file under a real name.
    """

    kind = "disk"

    def __init__(self, temp_path: Path, output_path: Path):
        self.temp_path = Path(temp_path)
        self.output_path = Path(output_path)
        self.temp_path.mkdir(parents=True, exist_ok=True)
        self.output_path.mkdir(parents=True, exist_ok=True)

    # Paths

    def _job_dir(self, job_id: str) -> Path:
        return self.temp_path / check_job_id(job_id)

    def _output_path(self, job_id: str, suffix: str) -> Path:
        return self.output_path / f"{check_job_id(job_id)}.{check_suffix(suffix)}"

    # Segments

    def write_segment(self, job_id, first_chunk, n_chunks, batch):
        with self.segment_writer(job_id, first_chunk, n_chunks, batch.schema) as write:
            for part in batch.to_batches() if isinstance(batch, pa.Table) else [batch]:
                write(part)

    @contextmanager
    def segment_writer(self, job_id, first_chunk, n_chunks, schema):
        if first_chunk < 0 or n_chunks < 1:
            raise StorageError(f"bad segment position {first_chunk}+{n_chunks}")
        job_dir = self._job_dir(job_id)
        final = job_dir / _segment_name(first_chunk, n_chunks)
        tmp = final.with_name(final.name + _TMP_SUFFIX)
        try:
            job_dir.mkdir(parents=True, exist_ok=True)
            with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, schema) as writer:
                yield writer.write_batch
            # A segment with the same start but another length (recovery with another grouping).
            for old in self._segment_files(job_id):
                if old[0].first_chunk == first_chunk and old[1] != final:
                    old[1].unlink(missing_ok=True)
            os.replace(tmp, final)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StorageError(f"writing segment {first_chunk} of job {job_id} failed: {exc}") from exc
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def _segment_files(self, job_id: str) -> list[tuple[SegmentRef, Path]]:
        job_dir = self._job_dir(job_id)
        if not job_dir.is_dir():
            return []
        found = []
        for entry in os.scandir(job_dir):
            match = _SEGMENT_RE.match(entry.name)
            if match:
                found.append((SegmentRef(int(match[1]), int(match[2])), Path(entry.path)))
        found.sort()
        return found

    def list_segments(self, job_id):
        return [ref for ref, _ in self._segment_files(job_id)]

    def read_segment(self, job_id, segment):
        path = self._job_dir(job_id) / _segment_name(segment.first_chunk, segment.n_chunks)
        try:
            with pa.memory_map(str(path), "r") as source:
                return pa.ipc.open_file(source).read_all()
        except (OSError, pa.ArrowInvalid) as exc:
            raise StorageError(f"reading segment {segment.first_chunk} of job {job_id} failed: {exc}") from exc

    def discard_segments_from(self, job_id, chunk_index):
        dropped = 0
        for ref, path in self._segment_files(job_id):
            if ref.end_chunk > chunk_index:
                path.unlink(missing_ok=True)
                dropped += 1
        job_dir = self._job_dir(job_id)
        if job_dir.is_dir():
            for leftover in job_dir.glob("*" + _TMP_SUFFIX):
                leftover.unlink(missing_ok=True)
        return dropped

    def discard_segments_except_first(self, job_id):
        for ref, path in self._segment_files(job_id):
            if ref.first_chunk != 0:
                path.unlink(missing_ok=True)

    # Output

    @contextmanager
    def output_writer(self, job_id: str, suffix: str) -> Iterator[BinaryIO]:
        final = self._output_path(job_id, suffix)
        tmp = final.with_name(final.name + ".part")
        try:
            # No fsync: a killed process loses nothing in the page cache, and a job is only marked
            # completed after this rename; fsync of a multi-GB file would cost seconds per job.
            with open(tmp, "wb") as handle:
                yield handle
            os.replace(tmp, final)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def partial_output_path(self, job_id, suffix):
        final = self._output_path(job_id, suffix)
        return final.with_name(final.name + ".part")

    def publish_output(self, job_id, suffix):
        final = self._output_path(job_id, suffix)
        try:
            os.replace(final.with_name(final.name + ".part"), final)
        except OSError as exc:
            raise StorageError(f"publishing the output of job {job_id} failed: {exc}") from exc

    def output_size(self, job_id, suffix):
        path = self._output_path(job_id, suffix)
        try:
            return path.stat().st_size
        except FileNotFoundError:
            return None

    def iter_output(self, job_id, suffix, block_size=1 << 20):
        path = self._output_path(job_id, suffix)
        try:
            handle = open(path, "rb")
        except FileNotFoundError:
            raise StorageError(f"job {job_id} has no output") from None
        with handle:
            while block := handle.read(block_size):
                yield block

    def output_file(self, job_id, suffix):
        path = self._output_path(job_id, suffix)
        return path if path.is_file() else None

    # Whole jobs

    def delete_job(self, job_id):
        job_id = check_job_id(job_id)
        shutil.rmtree(self.temp_path / job_id, ignore_errors=True)
        for path in self.output_path.glob(f"{job_id}.*"):
            path.unlink(missing_ok=True)

    def job_ids(self):
        ids: set[str] = set()
        for directory in (self.temp_path, self.output_path):
            if not directory.is_dir():
                continue
            for entry in os.scandir(directory):
                candidate = entry.name.split(".", 1)[0]
                try:
                    ids.add(check_job_id(candidate))
                except StorageError:
                    continue
        return ids
