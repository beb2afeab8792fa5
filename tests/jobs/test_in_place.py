"""Text jobs written in place (src/jobs/in_place.py): a crash leaves the .part file with committed
bytes and whatever a killed run wrote past them; the next run cuts it back and the download is the
same bytes as one process writes, in every text format, with and without worker processes."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

import synthgen
from src.engine import compile_schema
from src.engine.writers import encode_header, encode_rows, JSON_SEPARATOR
from src.jobs import JobManager, JobStore
from src.schemas.api import JobCreateRequest, JobStatus
from src.storage import DiskStorage
from tests.jobs.test_manager import settings  # noqa: F401 - the fixture
from tests.jobs.test_manager import restart_and_finish, run, wait_until_final

CUSTOMERS = json.loads((Path(__file__).parents[2] / "bench" / "customer_schema.json").read_text())
ROWS, CHUNK = 6_000, 500


def _expected(job, fmt: str, tmp_path: Path) -> bytes:
    path = tmp_path / f"one-process.{fmt}"
    synthgen.write(CUSTOMERS, ROWS, path, seed=job.seed, anchor=job.anchor, batch_size=CHUNK)
    return path.read_bytes()


def _prefix_bytes(job, fmt: str, chunks: int) -> int:
    """How many bytes of the file hold the first ``chunks`` chunks (what a run commits)."""
    plan = compile_schema(CUSTOMERS, seed=job.seed, anchor=job.anchor)
    rows = encode_rows(fmt, plan.generate_chunk(0, chunks * CHUNK), plan.arrow_schema)
    return len(encode_header(fmt, plan.arrow_schema)) + len(rows)


def _leave_a_killed_run(settings, fmt: str, chunks: int, tail: bytes, expected_of) -> tuple[str, bytes]:
    """A job whose killed run committed ``chunks`` chunks: its .part holds their bytes, then ``tail``."""
    async def first_life():
        store = JobStore(settings.database_path)
        manager = JobManager(store, DiskStorage(settings.temp_path, settings.output_path), settings)
        job = await manager.create_job(JobCreateRequest.model_validate(
            {"schema": CUSTOMERS, "total_rows": ROWS, "chunk_size": CHUNK, "output_format": fmt}))
        store.close()
        return job

    job = run(first_life())
    expected = expected_of(job)
    committed = _prefix_bytes(job, fmt, chunks)
    (settings.output_path / f"{job.id}.{fmt}.part").write_bytes(expected[:committed] + tail)
    store = JobStore(settings.database_path)
    store.update(job.id, chunks_completed=chunks, output_bytes=committed, status=JobStatus.GENERATING)
    store.close()
    return job.id, expected


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_a_killed_run_is_cut_back_to_its_committed_bytes(settings, tmp_path, caplog, fmt, workers):
    caplog.set_level(logging.INFO, logger="synthgen.jobs")
    settings = settings.model_copy(update={"job_workers": workers})
    # Past the committed bytes: half a row the killed run was writing when it died.
    job_id, expected = _leave_a_killed_run(settings, fmt, 4, b'{"torn": "row', lambda job: _expected(job, fmt, tmp_path))
    manager, done = run(restart_and_finish(settings, job_id))
    assert done.status == JobStatus.COMPLETED, done.error_message
    assert f"generating from chunk 4 of {ROWS // CHUNK}" in caplog.text  # not from row 0
    assert b"".join(manager.get_download(job_id).blocks()) == expected
    assert not (settings.output_path / f"{job_id}.{fmt}.part").exists()
    assert manager.storage.list_segments(job_id) == []  # nothing written twice: no Arrow copy


def test_a_file_shorter_than_its_committed_bytes_is_written_again(settings, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="synthgen.jobs")
    job_id, expected = _leave_a_killed_run(settings, "csv", 6, b"", lambda job: _expected(job, "csv", tmp_path))
    part = settings.output_path / f"{job_id}.csv.part"
    part.write_bytes(part.read_bytes()[:-10])  # lost from the disk after the commit
    manager, done = run(restart_and_finish(settings, job_id))
    assert done.status == JobStatus.COMPLETED, done.error_message
    assert "writing it again from row 0" in caplog.text
    assert b"".join(manager.get_download(job_id).blocks()) == expected


def test_workers_write_a_text_job_themselves(settings, tmp_path):
    """With JOB_WORKERS=2 no row of a CSV job comes back to the server as a batch."""
    settings = settings.model_copy(update={"job_workers": 2, "job_segment_rows": 1_000})

    async def scenario():
        manager = JobManager(JobStore(settings.database_path), DiskStorage(settings.temp_path, settings.output_path),
                             settings)
        source = manager._runner._source
        batches = []
        original = source.batch
        source.batch = lambda *args: batches.append(args) or original(*args)
        await manager.start()
        job = await manager.create_job(JobCreateRequest.model_validate(
            {"schema": CUSTOMERS, "total_rows": ROWS, "chunk_size": CHUNK, "output_format": "json", "seed": 4}))
        done = await wait_until_final(manager, job.id, timeout=240)
        sent = source._pool.tasks_sent
        data = b"".join(manager.get_download(job.id).blocks())
        await manager.shutdown()
        return done, data, batches, sent

    done, data, batches, sent = run(scenario())
    assert done.status == JobStatus.COMPLETED, done.error_message
    assert batches == [] and sent >= ROWS // 1_000
    path = tmp_path / "one.json"
    synthgen.write(CUSTOMERS, ROWS, path, seed=4, anchor=done.anchor, batch_size=CHUNK)
    assert data == path.read_bytes()
    assert data.count(JSON_SEPARATOR) == ROWS - 1


def test_two_jobs_on_one_pool_both_finish_exactly(settings, tmp_path):
    """Only one output at a time takes the pool's offset chain; the other job's rows come back as
    batches and its writer encodes them: both files are still exact."""
    settings = settings.model_copy(update={"job_workers": 2, "job_segment_rows": 500})

    async def scenario():
        manager = JobManager(JobStore(settings.database_path), DiskStorage(settings.temp_path, settings.output_path),
                             settings)
        await manager.start()
        jobs = [await manager.create_job(JobCreateRequest.model_validate(
            {"schema": CUSTOMERS, "total_rows": ROWS, "chunk_size": CHUNK, "output_format": "csv", "seed": seed}))
            for seed in (5, 6)]
        done = [await wait_until_final(manager, job.id, timeout=240) for job in jobs]
        data = [b"".join(manager.get_download(job.id).blocks()) for job in jobs]
        await manager.shutdown()
        return done, data

    done, data = run(scenario())
    for job, got, seed in zip(done, data, (5, 6)):
        assert job.status == JobStatus.COMPLETED, job.error_message
        path = tmp_path / f"one-{seed}.csv"
        synthgen.write(CUSTOMERS, ROWS, path, seed=seed, anchor=job.anchor, batch_size=CHUNK)
        assert got == path.read_bytes()

