"""The job manager with the real engine, a real SQLite file and real storage, in one event loop."""

from __future__ import annotations

import asyncio
import io
import logging
import uuid
from datetime import timedelta

import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

from src.config import Settings
from src.engine import compile_schema
from src.errors import InvalidJobTransitionError, SchemaValidationError, StorageError
from src.jobs import JobManager, JobStore
from src.jobs.store import utc_now
from src.llm.pools import TextPools
from src.schemas.api import JobCreateRequest, JobStatus
from src.storage import DiskStorage, MemoryStorage

SCHEMA = {"fields": [{"name": "id", "type": "sequence"},
                     {"name": "score", "type": "integer", "constraints": {"min_value": 1, "max_value": 9}}]}


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(_env_file=None, database_path=tmp_path / "jobs.sqlite3", temp_path=tmp_path / "temp",
                    output_path=tmp_path / "output", log_dir=tmp_path / "logs", job_segment_rows=1000,
                    job_max_concurrent_jobs=2, job_cleanup_days=7)


def request(total_rows=5000, chunk_size=300, output_format="csv", schema=None) -> JobCreateRequest:
    return JobCreateRequest.model_validate({"schema": schema or SCHEMA, "total_rows": total_rows,
                                            "chunk_size": chunk_size, "output_format": output_format})


async def wait_until_final(manager: JobManager, job_id: str, timeout: float = 30):
    for _ in range(int(timeout / 0.01)):
        job = manager.get_job(job_id)
        if job.status.is_final:
            return job
        await asyncio.sleep(0.01)
    raise AssertionError(f"job {job_id} did not finish: {manager.get_job(job_id)}")


def download_ids(manager: JobManager, job_id: str) -> list[int]:
    data = b"".join(manager.get_download(job_id).blocks())
    return pacsv.read_csv(io.BytesIO(data)).column("id").to_pylist()


def run(coro):
    return asyncio.run(coro)


async def restart_and_finish(settings: Settings, job_id: str):
    """A new process's manager: start (recovering unfinished jobs) and wait for the job to end."""
    store = JobStore(settings.database_path)
    manager = JobManager(store, DiskStorage(settings.temp_path, settings.output_path), settings)
    await manager.start()
    done = await wait_until_final(manager, job_id)
    await manager.shutdown()
    return manager, done


def test_job_completes_with_every_row_once(settings):
    async def scenario():
        store = JobStore(settings.database_path)
        manager = JobManager(store, DiskStorage(settings.temp_path, settings.output_path), settings)
        await manager.start()
        job = await manager.create_job(request())
        done = await wait_until_final(manager, job.id)
        await manager.shutdown()
        return manager, done

    manager, done = run(scenario())
    assert done.status == JobStatus.COMPLETED
    assert (done.chunks_completed, done.total_chunks, done.rows_generated) == (17, 17, 5000)
    assert download_ids(manager, done.id) == list(range(1, 5001))
    # A CSV written in place keeps no segments: previews are made again from the plan.
    assert manager.storage.list_segments(done.id) == []
    _, columns, rows, fields = run(manager.read_preview(done.id, 3))
    assert columns == ["id", "score"] and [row["id"] for row in rows] == [1, 2, 3]


def leave_a_crashed_job(settings: Settings, stored_firsts: tuple[int, ...], committed_chunks: int,
                        torn_temp_file: bool = False) -> str:
    """What a killed process leaves: some 3-chunk segments on disk, a committed count in SQLite."""
    async def first_life():
        store = JobStore(settings.database_path)
        manager = JobManager(store, DiskStorage(settings.temp_path, settings.output_path), settings)
        job = await manager.create_job(request())  # manager not started: the job just waits
        plan = compile_schema(store.get(job.id).schema, seed=job.seed, anchor=job.anchor)
        for first in stored_firsts:  # segments of 3 chunks of 300 rows
            manager.storage.write_segment(job.id, first, 3, plan.generate_chunk(first * 300, 900))
        store.update(job.id, chunks_completed=committed_chunks, status=JobStatus.GENERATING)
        if torn_temp_file:
            (settings.temp_path / job.id / "seg_000000000009_000000000003.arrow.tmp").write_bytes(b"torn")
        store.close()
        return job.id

    return run(first_life())


@pytest.mark.parametrize("stored_firsts, committed, torn", [
    ((0, 3, 6), 6, True),  # the third segment landed but SQLite never counted it: redone once
    ((0, 6), 9, False),  # segment 3 is gone: the job continues from chunk 3 and writes 6 only once
])
def test_recovery_after_a_crash_writes_every_row_exactly_once(settings, stored_firsts, committed, torn):
    job_id = leave_a_crashed_job(settings, stored_firsts, committed, torn)
    manager, done = run(restart_and_finish(settings, job_id))
    assert done.status == JobStatus.COMPLETED
    assert download_ids(manager, job_id) == list(range(1, 5001))


def test_pause_and_cancel_rules(settings):
    async def scenario():
        store = JobStore(settings.database_path)
        manager = JobManager(store, MemoryStorage(), settings)
        job = await manager.create_job(request())  # not started: stays pending
        assert manager.pause_job(job.id).status == JobStatus.PAUSED
        assert manager.pause_job(job.id).status == JobStatus.PAUSED  # idempotent
        assert manager.resume_job(job.id).status == JobStatus.PENDING
        assert manager.cancel_job(job.id).status == JobStatus.CANCELLED
        with pytest.raises(InvalidJobTransitionError):
            manager.resume_job(job.id)
        with pytest.raises(InvalidJobTransitionError):
            manager.pause_job(job.id)
        with pytest.raises(InvalidJobTransitionError):
            manager.get_download(job.id)

    run(scenario())


def test_create_rejects_rows_the_engine_cannot_make_unique(settings):
    schema = {"fields": [{"name": "s", "type": "integer",
                          "constraints": {"min_value": 1, "max_value": 100, "unique": True}}]}

    async def scenario():
        manager = JobManager(JobStore(settings.database_path), MemoryStorage(), settings)
        with pytest.raises(SchemaValidationError) as caught:
            await manager.create_job(request(total_rows=101, chunk_size=10, schema=schema))
        assert caught.value.problems[0].loc == "schema.fields[0].constraints.unique"
        assert manager.list_jobs() == []

    run(scenario())


def test_memory_storage_restart_regenerates_unfinished_and_fails_lost_outputs(settings):
    async def first_life():
        store = JobStore(settings.database_path)
        manager = JobManager(store, MemoryStorage(), settings)
        await manager.start()
        finished = await manager.create_job(request(total_rows=100, chunk_size=10))
        await wait_until_final(manager, finished.id)
        await manager.shutdown()
        unfinished = await manager.create_job(request(total_rows=100, chunk_size=10))
        store.update(unfinished.id, chunks_completed=5, status=JobStatus.GENERATING)
        store.close()
        return finished.id, unfinished.id

    finished_id, unfinished_id = run(first_life())

    async def second_life():
        manager = JobManager(JobStore(settings.database_path), MemoryStorage(), settings)
        await manager.start()
        done = await wait_until_final(manager, unfinished_id)
        await manager.shutdown()
        return manager, done

    manager, done = run(second_life())
    assert done.status == JobStatus.COMPLETED
    assert download_ids(manager, unfinished_id) == list(range(1, 101))
    lost = manager.get_job(finished_id)
    assert lost.status == JobStatus.FAILED and "memory" in lost.error_message


def test_cleanup_removes_old_finished_jobs_and_leaves_unknown_files(settings, caplog):
    caplog.set_level(logging.INFO, logger="synthgen")
    async def scenario():
        store = JobStore(settings.database_path)
        storage = DiskStorage(settings.temp_path, settings.output_path)
        manager = JobManager(store, storage, settings)
        await manager.start()
        old = await manager.create_job(request(total_rows=50, chunk_size=10))
        recent = await manager.create_job(request(total_rows=50, chunk_size=10))
        for job in (old, recent):
            await wait_until_final(manager, job.id)
        while manager.running_count:  # runs tidy their segments just after reporting completion
            await asyncio.sleep(0.01)
        orphan = str(uuid.uuid4())
        storage.write_segment(orphan, 0, 1, pa.record_batch({"id": [1]}))
        store._conn.execute("UPDATE jobs SET updated_at = ? WHERE id = ?",
                            ((utc_now() - timedelta(days=8)).isoformat(), old.id))
        removed = await manager.cleanup_old_jobs()
        await manager.shutdown()
        return manager, removed, old.id, recent.id, orphan

    manager, removed, old_id, recent_id, orphan = run(scenario())
    assert removed == 1
    assert [j.id for j in manager.list_jobs()] == [recent_id]
    # Files the database does not know may belong to another instance: they stay.
    assert manager.storage.job_ids() == {recent_id, orphan}
    assert not (settings.output_path / f"{old_id}.csv").exists()
    assert "expired (finished more than 7 days ago): removing" in caplog.text
    assert manager.store.deleted_ids() == set()


def test_llm_text_pools_are_built_once_and_stored(settings, monkeypatch):
    calls = []

    async def fake_build_text_pools(schema, settings_):
        calls.append(schema)
        return TextPools(pools={"review": ["Loved it.", "Never again."]}, llm_calls=2, tokens_used=321)

    monkeypatch.setattr("src.llm.pools.build_text_pools", fake_build_text_pools)
    schema = {"fields": [{"name": "id", "type": "sequence"},
                         {"name": "review", "type": "review", "constraints": {"llm_generated": True}}]}

    async def scenario():
        manager = JobManager(JobStore(settings.database_path), MemoryStorage(), settings)
        await manager.start()
        job = await manager.create_job(request(total_rows=40, chunk_size=10, schema=schema))
        await wait_until_final(manager, job.id)
        _, _, rows, _ = await manager.read_preview(job.id, 40)
        await manager.shutdown()
        return manager.store.get(job.id), rows

    done, rows = run(scenario())
    assert done.status == JobStatus.COMPLETED, done.error_message
    assert len(calls) == 1
    assert (done.llm_calls, done.tokens_used) == (2, 321)
    assert done.text_pools == {"review": ["Loved it.", "Never again."]}
    assert {r["review"] for r in rows} <= {"Loved it.", "Never again."}


@pytest.mark.parametrize("gap_seconds", [0.0, 0.3])
def test_resume_right_after_pause_finishes_the_job_once(settings, gap_seconds):
    """Resuming while the paused run is still winding down, or after it stopped, both complete."""
    async def scenario():
        manager = JobManager(JobStore(settings.database_path), DiskStorage(settings.temp_path, settings.output_path),
                             settings)
        await manager.start()
        job = await manager.create_job(request(total_rows=300_000, chunk_size=500))
        while manager.get_job(job.id).chunks_completed < 4:
            await asyncio.sleep(0.005)
        assert manager.pause_job(job.id).status == JobStatus.PAUSED
        await asyncio.sleep(gap_seconds)
        paused_at = manager.get_job(job.id).chunks_completed
        manager.resume_job(job.id)
        done = await wait_until_final(manager, job.id, timeout=60)
        await manager.shutdown()
        return manager, done, paused_at

    manager, done, paused_at = run(scenario())
    assert done.status == JobStatus.COMPLETED, done.error_message
    assert paused_at < done.total_chunks
    ids = download_ids(manager, done.id)
    assert len(ids) == 300_000 and ids == list(range(1, 300_001))


def test_resume_while_the_paused_run_discards_its_output_still_writes_every_row(settings, monkeypatch):
    """The resume lands after the paused run gave up its partial output but before the run ended:
    the job must run again, never count the discarded output as written."""
    from src.jobs import pipeline

    resumed: list[str] = []
    original_abort = pipeline.OutputPipeline.abort

    def abort_then_resume(self):
        original_abort(self)
        if not resumed:  # the pause made the run abort its output; the user resumes right now
            resumed.append(self.job.id)
            holder["manager"].resume_job(self.job.id)

    monkeypatch.setattr(pipeline.OutputPipeline, "abort", abort_then_resume)
    holder: dict = {}

    async def scenario():
        manager = JobManager(JobStore(settings.database_path), DiskStorage(settings.temp_path, settings.output_path),
                             settings)
        holder["manager"] = manager
        await manager.start()
        job = await manager.create_job(request(total_rows=300_000, chunk_size=500))
        while manager.get_job(job.id).chunks_completed < 2:
            await asyncio.sleep(0.005)
        assert manager.pause_job(job.id).status == JobStatus.PAUSED
        done = await wait_until_final(manager, job.id, timeout=60)
        await manager.shutdown()
        return manager, done

    manager, done = run(scenario())
    assert resumed, "the run never aborted its output after the pause"
    assert done.status == JobStatus.COMPLETED, done.error_message
    ids = download_ids(manager, done.id)
    assert len(ids) == 300_000 and ids == list(range(1, 300_001))


def test_storage_failure_fails_the_job_with_its_reason(settings):
    class FullDisk(MemoryStorage):
        def write_segment(self, job_id, first_chunk, n_chunks, batch):
            if first_chunk > 0:
                raise StorageError("no space left on device")
            super().write_segment(job_id, first_chunk, n_chunks, batch)

    async def scenario():
        manager = JobManager(JobStore(settings.database_path), FullDisk(), settings)
        await manager.start()
        job = await manager.create_job(request(total_rows=20_000, chunk_size=500))
        done = await wait_until_final(manager, job.id)
        await manager.shutdown()
        return manager, done

    manager, done = run(scenario())
    assert done.status == JobStatus.FAILED
    assert "no space left on device" in done.error_message
    assert done.chunks_completed == 2  # the one stored segment (1000 rows) still counts
    with pytest.raises(InvalidJobTransitionError):
        manager.get_download(done.id)


def test_the_cleanup_interval_removes_expired_jobs_on_its_own(settings):
    settings = settings.model_copy(update={"job_cleanup_interval_seconds": 0.05})

    async def scenario():
        manager = JobManager(JobStore(settings.database_path), DiskStorage(settings.temp_path, settings.output_path),
                             settings)
        await manager.start()
        job = await manager.create_job(request(total_rows=50, chunk_size=10))
        await wait_until_final(manager, job.id)
        while manager.running_count:
            await asyncio.sleep(0.01)
        manager.store._conn.execute("UPDATE jobs SET updated_at = ? WHERE id = ?",
                                    ((utc_now() - timedelta(days=8)).isoformat(), job.id))
        for _ in range(500):  # no explicit cleanup call: the periodic task must do it
            if not manager.list_jobs() and not manager.storage.job_ids():
                break
            await asyncio.sleep(0.01)
        await manager.shutdown()
        return manager, job.id

    manager, job_id = run(scenario())
    assert manager.list_jobs() == []
    assert manager.storage.job_ids() == set()
    assert not (settings.output_path / f"{job_id}.csv").exists()


def test_jobs_without_a_seed_draw_different_stored_seeds(settings):
    async def scenario():
        manager = JobManager(JobStore(settings.database_path), MemoryStorage(), settings)
        jobs = [await manager.create_job(request(total_rows=10, chunk_size=10)) for _ in range(3)]
        seeded = await manager.create_job(JobCreateRequest.model_validate(
            {"schema": {**SCHEMA, "seed": 7}, "total_rows": 10, "chunk_size": 10}))
        return [manager.store.get(j.id).seed for j in jobs], seeded.seed

    drawn, seeded = run(scenario())
    assert len(set(drawn)) == 3 and all(0 <= s < 2**63 for s in drawn)
    assert seeded == 7  # the schema's own seed is kept
