"""A job resumed under another OUTPUT_VERSION is regenerated from row 0 (real SQLite, real disk storage)."""

from __future__ import annotations

import asyncio
import io
import sqlite3

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pytest

from src.config import Settings
from src.engine import compile_schema
from src.engine.version import OUTPUT_VERSION
from src.jobs import JobManager, JobStore
from src.schemas.api import JobCreateRequest, JobStatus
from src.storage import DiskStorage

SCHEMA = {"fields": [{"name": "id", "type": "sequence"},
                     {"name": "score", "type": "integer", "constraints": {"min_value": 1, "max_value": 9}}]}


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(_env_file=None, database_path=tmp_path / "jobs.sqlite3", temp_path=tmp_path / "temp",
                    output_path=tmp_path / "output", log_dir=tmp_path / "logs", job_segment_rows=1000)


def leave_half_done_job(settings: Settings, recorded_version: int) -> str:
    """A previous process's job: 2 of 10 chunks stored (with ids negated, so they are recognisable)."""
    async def create() -> str:
        store = JobStore(settings.database_path)
        storage = DiskStorage(settings.temp_path, settings.output_path)
        manager = JobManager(store, storage, settings)  # never started: the job stays queued
        created = await manager.create_job(JobCreateRequest.model_validate(
            {"schema": SCHEMA, "total_rows": 5000, "chunk_size": 500, "output_format": "csv"}))
        job = store.get(created.id)  # create_job answers the summary; the stored record holds the schema
        plan = compile_schema(job.schema, seed=job.seed, anchor=job.anchor)
        batch = plan.generate_chunk(0, 1000)
        old_rows = batch.set_column(0, "id", pc.negate(batch.column(0)))
        storage.write_segment(job.id, 0, 2, pa.Table.from_batches([old_rows]))
        store.update(job.id, status=JobStatus.GENERATING, chunks_completed=2, output_version=recorded_version)
        store.close()
        return job.id

    return asyncio.run(create())


def resume(settings: Settings, job_id: str):
    async def scenario():
        store = JobStore(settings.database_path)
        manager = JobManager(store, DiskStorage(settings.temp_path, settings.output_path), settings)
        await manager.start()
        for _ in range(3000):
            job = manager.get_job(job_id)
            if job.status.is_final:
                break
            await asyncio.sleep(0.01)
        await manager.shutdown()
        data = b"".join(manager.get_download(job_id).blocks())
        store.close()
        return job, pacsv.read_csv(io.BytesIO(data)).column("id").to_pylist()

    return asyncio.run(scenario())


def test_job_from_another_output_version_is_regenerated_from_its_first_row(settings):
    job_id = leave_half_done_job(settings, recorded_version=OUTPUT_VERSION - 1)
    job, ids = resume(settings, job_id)
    assert job.status == JobStatus.COMPLETED
    assert ids == list(range(1, 5001))  # none of the old version's rows survive
    assert job.output_version == OUTPUT_VERSION
    assert job.warnings == [f"regenerated from its first row: 1000 row(s) had been made by output version "
                            f"{OUTPUT_VERSION - 1}, this server makes output version {OUTPUT_VERSION}"]


def test_job_of_the_same_output_version_keeps_its_stored_rows(settings):
    job_id = leave_half_done_job(settings, recorded_version=OUTPUT_VERSION)
    job, ids = resume(settings, job_id)
    assert job.status == JobStatus.COMPLETED and job.warnings == []
    assert ids == [-i for i in range(1, 1001)] + list(range(1001, 5001))  # resumed, not redone


def test_a_database_from_before_output_versions_is_migrated(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript("""
            CREATE TABLE jobs (id TEXT PRIMARY KEY, status TEXT NOT NULL, schema_json TEXT NOT NULL,
              total_rows INTEGER NOT NULL, chunk_size INTEGER NOT NULL, output_format TEXT NOT NULL,
              seed INTEGER NOT NULL, anchor TEXT NOT NULL, chunks_completed INTEGER NOT NULL DEFAULT 0,
              text_pools_json TEXT, llm_calls INTEGER NOT NULL DEFAULT 0,
              tokens_used INTEGER NOT NULL DEFAULT 0, error_message TEXT, created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL, started_at TEXT, completed_at TEXT,
              generation_seconds REAL NOT NULL DEFAULT 0);
            INSERT INTO jobs (id, status, schema_json, total_rows, chunk_size, output_format, seed, anchor,
              created_at, updated_at) VALUES ('00000000-0000-4000-8000-000000000001', 'completed',
              '{"fields": []}', 10, 10, 'csv', 1, '2026-01-01T00:00:00', '2026-01-01T00:00:00',
              '2026-01-01T00:00:00');
        """)
    store = JobStore(path)
    job = store.get("00000000-0000-4000-8000-000000000001")
    assert (job.output_version, job.csv_formula_guard, job.warnings) == (0, False, [])
    store.close()
    JobStore(path).close()  # opening again is a no-op
