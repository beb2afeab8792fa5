"""Limits on queued work: JOB_MAX_QUEUED_JOBS and JOB_MAX_QUEUED_ROWS, checked when a job is created."""

from __future__ import annotations

from src.config import Settings
from src.errors import QuotaExceededError
from src.jobs.store import JobStore


def check_queue_room(store: JobStore, settings: Settings, new_rows: int) -> None:
    """Raise QuotaExceededError, naming the limit, when one more job of ``new_rows`` would pass one."""
    queued_jobs, queued_rows = store.measure_queue()
    if queued_jobs >= settings.job_max_queued_jobs:
        raise QuotaExceededError(
            f"{queued_jobs} jobs are already pending or generating; JOB_MAX_QUEUED_JOBS is "
            f"{settings.job_max_queued_jobs}. Try again when some have finished.")
    if queued_rows + new_rows > settings.job_max_queued_rows:
        raise QuotaExceededError(
            f"{new_rows} more rows would make {queued_rows + new_rows} rows in pending and generating "
            f"jobs; JOB_MAX_QUEUED_ROWS is {settings.job_max_queued_rows} ({queued_rows} queued now).")
