"""The SQLite job store keeps every field a restart needs, in a real file."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import datetime, timedelta

import pytest

from src.errors import JobNotFoundError
from src.jobs import JobRecord, JobStore
from src.jobs.store import _SCHEMA_SQL, JobStoreError, utc_now
from src.schemas.api import JobStatus


def make_job(created_at: datetime | None = None, **changes) -> JobRecord:
    now = created_at or utc_now()
    fields = dict(
        id=str(uuid.uuid4()), status=JobStatus.PENDING,
        schema={"fields": [{"name": "id", "type": "sequence"}]}, total_rows=1050, chunk_size=100,
        output_format="csv", seed=42, anchor=datetime(2026, 1, 2, 3, 4, 5, 678901),
        created_at=now, updated_at=now,
    )
    fields.update(changes)
    return JobRecord(**fields)


@pytest.fixture
def store(tmp_path):
    store = JobStore(tmp_path / "db" / "jobs.sqlite3")
    yield store
    store.close()


def test_record_round_trips_through_a_reopened_file(tmp_path):
    path = tmp_path / "jobs.sqlite3"
    job = make_job(text_pools={"review": ["Great", "Bad"]}, llm_calls=2, tokens_used=300)
    first = JobStore(path)
    first.insert(job)
    first.update(job.id, chunks_completed=7, generation_seconds=1.5, status=JobStatus.GENERATING)
    first.close()

    again = JobStore(path).get(job.id)
    assert again.status == JobStatus.GENERATING
    assert again.schema == job.schema
    assert (again.seed, again.anchor) == (42, job.anchor)
    assert again.text_pools == {"review": ["Great", "Bad"]}
    assert (again.llm_calls, again.tokens_used) == (2, 300)
    assert again.chunks_completed == 7
    assert again.total_chunks == 11
    assert again.rows_generated == 700
    assert again.running_since is not None  # the open run interval is kept


def test_progress_counts_whole_chunks_and_the_short_last_one(store):
    job = make_job()
    store.insert(job)
    store.update(job.id, chunks_completed=11)
    done = store.get(job.id)
    assert done.rows_generated == 1050
    assert done.progress_percentage == 100.0


def test_list_is_newest_first_and_filters_by_status(store):
    base = utc_now()
    jobs = [make_job(created_at=base + timedelta(seconds=i)) for i in range(4)]
    for job in jobs:
        store.insert(job)
    store.update(jobs[1].id, status=JobStatus.COMPLETED)
    assert [j.id for j in store.list()] == [j.id for j in reversed(jobs)]
    assert [j.id for j in store.list(limit=2)] == [jobs[3].id, jobs[2].id]
    assert [j.id for j in store.list(status=JobStatus.COMPLETED)] == [jobs[1].id]
    assert store.ids_with_status(JobStatus.PENDING) == [jobs[0].id, jobs[2].id, jobs[3].id]



def test_pages_cover_every_job_once_with_the_total(store):
    base = utc_now()
    jobs = [make_job(created_at=base + timedelta(seconds=i % 3)) for i in range(7)]  # ties in created_at
    for job in jobs:
        store.insert(job)
    store.update(jobs[0].id, status=JobStatus.COMPLETED)
    store.update(jobs[5].id, status=JobStatus.COMPLETED)
    pages = [[j.id for j in store.list(limit=3, offset=offset)] for offset in (0, 3, 6, 9)]
    assert [len(page) for page in pages] == [3, 3, 1, 0]
    assert sum(pages, []) == [j.id for j in store.list(limit=100)]
    assert sorted(sum(pages, [])) == sorted(j.id for j in jobs)
    assert store.count() == 7 and store.count(JobStatus.COMPLETED) == 2 and store.count(JobStatus.PAUSED) == 0
    assert [j.id for j in store.list(limit=1, offset=1, status=JobStatus.COMPLETED)] == [jobs[0].id]

def test_unknown_job_raises_not_found(store):
    with pytest.raises(JobNotFoundError):
        store.get(str(uuid.uuid4()))
    with pytest.raises(JobNotFoundError):
        store.update(str(uuid.uuid4()), status=JobStatus.FAILED)
    with pytest.raises(JobNotFoundError):
        store.delete(str(uuid.uuid4()))


def test_delete_removes_the_record(store):
    job = make_job()
    store.insert(job)
    store.delete(job.id)
    assert store.all_ids() == set()


def test_finished_before_finds_only_old_finished_jobs(store):
    old_done, old_failed, old_running, new_done = make_job(), make_job(), make_job(), make_job()
    for job in (old_done, old_failed, old_running, new_done):
        store.insert(job)
    store.update(old_done.id, status=JobStatus.COMPLETED)
    store.update(old_failed.id, status=JobStatus.FAILED)
    store.update(old_running.id, status=JobStatus.GENERATING)
    store.update(new_done.id, status=JobStatus.CANCELLED)
    ten_days_ago = (utc_now() - timedelta(days=10)).isoformat()
    for job in (old_done, old_failed, old_running):
        store._conn.execute("UPDATE jobs SET updated_at = ? WHERE id = ?", (ten_days_ago, job.id))
    cutoff = utc_now() - timedelta(days=7)
    # Old and finished only: not the old running job, not the job finished just now.
    assert sorted(store.ids_finished_before(cutoff)) == sorted([old_done.id, old_failed.id])
    assert store.ids_finished_before(cutoff - timedelta(days=7)) == []


def test_update_rejects_unknown_columns(store):
    job = make_job()
    store.insert(job)
    with pytest.raises(ValueError):
        store.update(job.id, total_rows=5)


def test_summaries_leave_the_schema_unread(store):
    job = make_job(text_pools={"review": ["ok"]})
    store.insert(job)
    store._conn.execute("UPDATE jobs SET schema_json = 'not json', text_pools_json = 'nor this'")
    summary = store.get_summary(job.id)
    assert (summary.schema, summary.text_pools, summary.field_names) == (None, None, ["id"])
    assert [j.id for j in store.list()] == [job.id]
    with pytest.raises(ValueError):
        store.get(job.id)  # the full record does parse it


def test_an_older_file_gains_the_summary_columns(tmp_path):
    path = tmp_path / "old.sqlite3"
    old_columns = [line for line in _SCHEMA_SQL.split("CREATE INDEX")[0].splitlines()]
    with sqlite3.connect(path) as db:  # the table as the first release made it
        db.executescript("\n".join(old_columns))
        job = make_job(schema={"fields": [{"name": "a", "type": "uuid"}, {"name": "b", "type": "email"}]})
        db.execute("INSERT INTO jobs (id, status, schema_json, total_rows, chunk_size, output_format, seed,"
                   " anchor, created_at, updated_at) VALUES (?, 'completed', ?, 10, 10, 'csv', 1, ?, ?, ?)",
                   (job.id, json.dumps(job.schema), job.anchor.isoformat(), job.created_at.isoformat(),
                    job.updated_at.isoformat()))
        db.execute("UPDATE jobs SET generation_seconds = 2.5")
    store = JobStore(path)
    assert store.get_summary(job.id).field_names == ["a", "b"]
    assert store.get(job.id).schema == job.schema
    old = store.get_summary(job.id)
    assert (old.name, old.active_seconds, old.running_since) == (None, 2.5, None)  # engine time stands in
    store.close()


def test_delete_leaves_a_tombstone_until_the_files_are_gone(store):
    job = make_job()
    store.insert(job)
    store.delete(job.id)
    assert store.deleted_ids() == {job.id} and store.all_ids() == set()
    store.forget_deleted(job.id)
    assert store.deleted_ids() == set()
    with pytest.raises(JobNotFoundError):
        store.delete(job.id)
    assert store.deleted_ids() == set()  # no tombstone for a job that never was


def test_a_failed_write_is_an_error_and_the_state_until_a_write_works(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite3", busy_timeout=0.05)
    job = make_job()
    store.insert(job)
    blocker = sqlite3.connect(tmp_path / "jobs.sqlite3", isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    with pytest.raises(JobStoreError, match="database is locked"):
        store.update(job.id, chunks_completed=1)
    assert store.state == "error: database is locked"
    assert store.get(job.id).chunks_completed == 0  # reads still work
    blocker.execute("ROLLBACK")
    store.update(job.id, chunks_completed=2)
    assert store.state == "ok" and store.get(job.id).chunks_completed == 2
    blocker.close()
    store.close()


def test_a_file_that_is_not_a_database_is_one_clear_error(tmp_path):
    path = tmp_path / "jobs.sqlite3"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(JobStoreError, match=r"cannot open the job database DATABASE_PATH=.*: file is not a database"):
        JobStore(path)


def test_rate_and_eta_only_while_generating():
    job = make_job(status=JobStatus.GENERATING, total_rows=1000, chunk_size=100, chunks_completed=4,
                   generation_seconds=2.0)
    assert (job.rows_per_second, job.eta_seconds) == (200.0, 3.0)  # 600 rows left at 200 rows/s
    for status in (JobStatus.PAUSED, JobStatus.PENDING):
        paused = make_job(status=status, total_rows=1000, chunk_size=100, chunks_completed=4,
                          generation_seconds=2.0)
        assert (paused.rows_per_second, paused.eta_seconds) == (None, None)
    done = make_job(status=JobStatus.COMPLETED, total_rows=1000, chunk_size=100, chunks_completed=10,
                    generation_seconds=4.0)
    assert (done.rows_per_second, done.eta_seconds) == (250.0, None)


def _set_times(store: JobStore, job_id: str, running_since: datetime) -> None:
    store._conn.execute("UPDATE jobs SET running_since = ?, updated_at = ? WHERE id = ?",
                        (running_since.isoformat(), (running_since + timedelta(seconds=3)).isoformat(), job_id))


def test_run_time_counts_only_the_time_spent_generating(store):
    job = make_job(name="customers")
    store.insert(job)
    assert store.get_summary(job.id).name == "customers"
    store.update(job.id, status=JobStatus.GENERATING)
    _set_times(store, job.id, utc_now() - timedelta(seconds=10))  # as if generating for 10 s
    running = store.get_summary(job.id)
    assert running.active_seconds == 0 and running.run_seconds == pytest.approx(10, abs=1)
    store.update(job.id, chunks_completed=3)  # progress does not close the interval
    store.update(job.id, status=JobStatus.PAUSED)
    paused = store.get_summary(job.id)
    assert paused.running_since is None and paused.active_seconds == pytest.approx(10, abs=1)
    assert paused.run_seconds == paused.active_seconds and paused.rows_per_second is None
    store.update(job.id, status=JobStatus.PAUSED)  # staying paused adds nothing
    assert store.get_summary(job.id).active_seconds == paused.active_seconds
    store.update(job.id, status=JobStatus.PENDING)
    store.update(job.id, status=JobStatus.GENERATING)
    _set_times(store, job.id, utc_now() - timedelta(seconds=5))
    store.update(job.id, status=JobStatus.COMPLETED)
    done = store.get_summary(job.id)
    assert done.active_seconds == pytest.approx(15, abs=1) and done.running_since is None
    assert done.rows_per_second == pytest.approx(300 / done.active_seconds, rel=1e-3)


def test_a_restart_ends_open_runs_at_their_last_update(store):
    job = make_job()
    store.insert(job)
    store.update(job.id, status=JobStatus.GENERATING)
    _set_times(store, job.id, utc_now() - timedelta(hours=2))  # last progress 3 s in; then the server died
    store.close_open_runs()
    after = store.get_summary(job.id)
    assert after.running_since is None and after.active_seconds == pytest.approx(3, abs=0.01)
    assert after.status == JobStatus.GENERATING  # the manager re-queues it; its downtime is not run time
