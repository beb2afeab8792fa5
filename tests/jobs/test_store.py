"""The SQLite job store keeps every field a restart needs, in a real file."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest

from src.errors import JobNotFoundError
from src.jobs import JobRecord, JobStore
from src.jobs.store import utc_now
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
    assert again.rows_per_second == pytest.approx(700 / 1.5, rel=1e-3)


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
    old_done, old_running, new_done = make_job(), make_job(), make_job()
    for job in (old_done, old_running, new_done):
        store.insert(job)
    store.update(old_done.id, status=JobStatus.COMPLETED)
    store.update(old_running.id, status=JobStatus.GENERATING)
    cutoff = utc_now() + timedelta(seconds=1)
    store.update(new_done.id, status=JobStatus.CANCELLED)
    assert set(store.ids_finished_before(cutoff)) == {old_done.id, new_done.id}
    assert store.ids_finished_before(cutoff - timedelta(days=1)) == []


def test_update_rejects_unknown_columns(store):
    job = make_job()
    store.insert(job)
    with pytest.raises(ValueError):
        store.update(job.id, total_rows=5)
