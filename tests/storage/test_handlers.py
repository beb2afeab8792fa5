"""Both storage handlers keep segments and outputs the same way; disk writes are atomic."""

from __future__ import annotations

import uuid

import pyarrow as pa
import pytest

from src.errors import StorageError
from src.storage import DiskStorage, MemoryStorage, SegmentRef, count_contiguous_chunks


def make_batch(start: int, n: int) -> pa.RecordBatch:
    return pa.record_batch({"id": pa.array(range(start, start + n), pa.int64()),
                            "name": pa.array([f"row{i}" for i in range(start, start + n)])})


@pytest.fixture(params=["disk", "memory"])
def storage(request, tmp_path):
    if request.param == "disk":
        return DiskStorage(tmp_path / "temp", tmp_path / "output")
    return MemoryStorage()


@pytest.fixture
def job_id() -> str:
    return str(uuid.uuid4())


def test_segments_come_back_in_chunk_order(storage, job_id):
    storage.write_segment(job_id, 4, 2, make_batch(40, 20))
    storage.write_segment(job_id, 0, 4, make_batch(0, 40))
    assert storage.list_segments(job_id) == [SegmentRef(0, 4), SegmentRef(4, 2)]
    ids = [v for t in storage.iter_tables(job_id) for v in t.column("id").to_pylist()]
    assert ids == list(range(60))


def test_read_head_stops_at_requested_rows_and_at_gaps(storage, job_id):
    assert storage.read_head(job_id, 5) is None
    storage.write_segment(job_id, 0, 1, make_batch(0, 3))
    storage.write_segment(job_id, 2, 1, make_batch(6, 3))  # chunk 1 missing: a gap
    head = storage.read_head(job_id, 10)
    assert head.column("id").to_pylist() == [0, 1, 2]
    storage.write_segment(job_id, 1, 1, make_batch(3, 3))
    assert storage.read_head(job_id, 5).column("id").to_pylist() == [0, 1, 2, 3, 4]


def test_discard_from_keeps_only_committed_segments(storage, job_id):
    for first in range(0, 10, 2):
        storage.write_segment(job_id, first, 2, make_batch(first * 10, 20))
    dropped = storage.discard_segments_from(job_id, 6)
    assert dropped == 2
    assert count_contiguous_chunks(storage.list_segments(job_id)) == 6
    # A segment straddling the committed count is dropped too.
    storage.discard_segments_from(job_id, 5)
    assert count_contiguous_chunks(storage.list_segments(job_id)) == 4


def test_rewriting_a_segment_replaces_it(storage, job_id):
    storage.write_segment(job_id, 0, 4, make_batch(0, 40))
    storage.write_segment(job_id, 0, 2, make_batch(100, 20))
    assert storage.list_segments(job_id) == [SegmentRef(0, 2)]
    assert storage.read_head(job_id, 1).column("id").to_pylist() == [100]


def test_output_appears_only_after_writer_exits_cleanly(storage, job_id):
    with pytest.raises(RuntimeError):
        with storage.output_writer(job_id, "csv") as sink:
            sink.write(b"partial")
            raise RuntimeError("crash while writing")
    assert storage.output_size(job_id, "csv") is None
    with storage.output_writer(job_id, ".csv") as sink:
        sink.write(b"a,b\n" * 1000)
    assert storage.output_size(job_id, "csv") == 4000
    assert b"".join(storage.iter_output(job_id, "csv", block_size=512)) == b"a,b\n" * 1000


def test_delete_job_removes_segments_and_output(storage, job_id):
    other = str(uuid.uuid4())
    storage.write_segment(job_id, 0, 1, make_batch(0, 5))
    storage.write_segment(other, 0, 1, make_batch(0, 5))
    with storage.output_writer(job_id, "json") as sink:
        sink.write(b"[]")
    assert storage.job_ids() == {job_id, other}
    storage.delete_job(job_id)
    assert storage.list_segments(job_id) == []
    assert storage.output_size(job_id, "json") is None
    assert storage.job_ids() == {other}


def test_discard_except_first_keeps_preview(storage, job_id):
    storage.write_segment(job_id, 0, 1, make_batch(0, 5))
    storage.write_segment(job_id, 1, 1, make_batch(5, 5))
    storage.discard_segments_except_first(job_id)
    assert storage.list_segments(job_id) == [SegmentRef(0, 1)]


@pytest.mark.parametrize("bad_id", ["../etc", "..", "a/b", "", "not-a-uuid",
                                    "550E8400-E29B-41D4-A716-446655440000"])
def test_ids_that_are_not_canonical_uuids_reach_no_file(storage, bad_id):
    with pytest.raises(StorageError):
        storage.write_segment(bad_id, 0, 1, make_batch(0, 1))
    with pytest.raises(StorageError):
        storage.delete_job(bad_id)


def test_disk_segment_write_leaves_no_partial_file(tmp_path, job_id, monkeypatch):
    storage = DiskStorage(tmp_path / "temp", tmp_path / "output")
    storage.write_segment(job_id, 0, 1, make_batch(0, 5))

    def failing_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("src.storage.disk.os.replace", failing_replace)
    with pytest.raises(StorageError):
        storage.write_segment(job_id, 1, 1, make_batch(5, 5))
    assert storage.list_segments(job_id) == [SegmentRef(0, 1)]
    assert sorted(p.name for p in (tmp_path / "temp" / job_id).iterdir()) == [
        "seg_000000000000_000000000001.arrow"]


def test_disk_recovery_removes_leftover_temp_files(tmp_path, job_id):
    storage = DiskStorage(tmp_path / "temp", tmp_path / "output")
    storage.write_segment(job_id, 0, 1, make_batch(0, 5))
    leftover = tmp_path / "temp" / job_id / "seg_000000000001_000000000001.arrow.tmp"
    leftover.write_bytes(b"half a file")
    storage.discard_segments_from(job_id, 1)
    assert not leftover.exists()
    assert storage.list_segments(job_id) == [SegmentRef(0, 1)]


def test_disk_output_is_a_local_file(tmp_path, job_id):
    storage = DiskStorage(tmp_path / "temp", tmp_path / "output")
    assert storage.output_file(job_id, "parquet") is None
    with storage.output_writer(job_id, "parquet") as sink:
        sink.write(b"PAR1")
    assert storage.output_file(job_id, "parquet") == tmp_path / "output" / f"{job_id}.parquet"


def test_memory_storage_refuses_writes_past_its_cap():
    storage = MemoryStorage(max_bytes=64_000)
    job_id = str(uuid.uuid4())
    batch = pa.record_batch({"id": pa.array(range(4000), pa.int64())})  # 32,000 bytes
    storage.write_segment(job_id, 0, 1, batch)
    with pytest.raises(StorageError, match="MEMORY_STORAGE_MAX_BYTES=64000"):
        with storage.output_writer(job_id, "csv") as sink:
            sink.write(b"x" * 40_000)
    assert storage.output_size(job_id, "csv") is None and storage.used_bytes == 32_000
    storage.discard_segments_from(job_id, 0)
    assert storage.used_bytes == 0
    with storage.output_writer(job_id, "csv") as sink:
        sink.write(b"x" * 40_000)
    assert storage.used_bytes == 40_000
    storage.delete_job(job_id)
    assert storage.used_bytes == 0
