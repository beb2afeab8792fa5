"""JOB_WORKERS: a job's engine calls made in worker processes give the same download, survive a
restart and a pause/resume, and really run in the workers."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from src.jobs import JobManager, JobStore
from src.schemas.api import JobCreateRequest, JobStatus
from src.storage import DiskStorage
from tests.engine.relational.test_relational_engine import SHOP
from tests.jobs.test_manager import settings  # noqa: F401 - the fixture
from tests.jobs.test_manager import download_ids, leave_a_crashed_job, request, restart_and_finish, run, wait_until_final

CUSTOMERS = json.loads((Path(__file__).parents[2] / "bench" / "customer_schema.json").read_text())


@pytest.fixture
def pooled(settings):
    return settings.model_copy(update={"job_workers": 2})


def _run_job(settings, body: dict) -> tuple[bytes, int]:
    """(the download's bytes, tasks the worker pool made) of one job run to completion."""
    async def scenario():
        manager = JobManager(JobStore(settings.database_path), DiskStorage(settings.temp_path, settings.output_path),
                             settings)
        await manager.start()
        job = await manager.create_job(JobCreateRequest.model_validate(body))
        done = await wait_until_final(manager, job.id, timeout=240)
        assert done.status == JobStatus.COMPLETED, done.error_message
        data = b"".join(manager.get_download(job.id).blocks())
        pool = getattr(manager._runner._source, "_pool", None)
        sent = pool.tasks_sent if pool is not None else 0
        await manager.shutdown()
        return data, sent

    return run(scenario())


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_job_with_workers_downloads_the_same_bytes(settings, pooled, tmp_path, fmt):
    body = {"schema": CUSTOMERS, "total_rows": 7_000, "chunk_size": 700, "output_format": fmt, "seed": 9}
    alone, _ = _run_job(settings, body)
    pooled = pooled.model_copy(update={"database_path": tmp_path / "other.sqlite3", "temp_path": tmp_path / "t2",
                                       "output_path": tmp_path / "o2"})
    together, sent = _run_job(pooled, body)
    assert sent >= 7  # every one of the ten 700-row calls but those made before a worker answered
    assert together == alone


def test_a_multi_table_job_with_workers_downloads_the_same_tables(settings, pooled, tmp_path):
    body = {"schema": SHOP, "chunk_size": 400, "output_format": "csv", "seed": 9}
    alone, _ = _run_job(settings, body)
    pooled = pooled.model_copy(update={"database_path": tmp_path / "other.sqlite3", "temp_path": tmp_path / "t2",
                                       "output_path": tmp_path / "o2"})
    together, sent = _run_job(pooled, body)
    assert sent > 0 and together == alone


def test_recovery_with_workers_writes_every_row_exactly_once(pooled):
    job_id = leave_a_crashed_job(pooled, (0, 3, 6), 6, True)
    manager, done = run(restart_and_finish(pooled, job_id))
    assert done.status == JobStatus.COMPLETED
    assert download_ids(manager, job_id) == list(range(1, 5001))


def test_resume_right_after_pause_with_workers_finishes_once(pooled):
    async def scenario():
        manager = JobManager(JobStore(pooled.database_path), DiskStorage(pooled.temp_path, pooled.output_path), pooled)
        await manager.start()
        job = await manager.create_job(request(total_rows=120_000, chunk_size=500))
        while manager.get_job(job.id).chunks_completed < 4:
            await asyncio.sleep(0.005)
        assert manager.pause_job(job.id).status == JobStatus.PAUSED
        manager.resume_job(job.id)
        done = await wait_until_final(manager, job.id, timeout=240)
        await manager.shutdown()
        return manager, done

    manager, done = run(scenario())
    assert done.status == JobStatus.COMPLETED, done.error_message
    assert download_ids(manager, done.id) == list(range(1, 120_001))
