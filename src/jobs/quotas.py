"""Limits checked when a job is created: JOB_MAX_QUEUED_JOBS and JOB_MAX_QUEUED_ROWS, MAX_ROW_BYTES,
and (memory storage) MEMORY_STORAGE_MAX_BYTES."""

from __future__ import annotations

from typing import Any

from src.config import Settings
from src.engine import DatasetPlan
from src.engine.relational import RelationalPlan
from src.errors import QuotaExceededError, SchemaValidationError
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


def check_size(plan: DatasetPlan | RelationalPlan, total_rows: int, settings: Settings, storage: Any,
               reserved_bytes: int) -> None:
    """Refuse rows wider than MAX_ROW_BYTES (in any table), and (memory storage) a dataset that
    cannot fit beside what is held and ``reserved_bytes`` for unfinished jobs."""
    row_bytes = max(p.estimated_row_bytes for p, _ in _list_table_plans(plan, total_rows))
    if row_bytes > settings.max_row_bytes:
        raise SchemaValidationError.single(
            "schema.fields", f"one row takes about {row_bytes} bytes; the limit is MAX_ROW_BYTES "
                             f"({settings.max_row_bytes}): use fewer or shorter fields")
    if storage.kind != "memory":
        return
    need = estimate_peak_bytes(plan, total_rows)
    cap = settings.memory_storage_max_bytes
    held = getattr(storage, "used_bytes", 0) + reserved_bytes
    if held + need > cap:
        raise SchemaValidationError.single(
            "total_rows", f"{total_rows} rows need about {need} bytes of memory storage; "
                          f"{max(0, cap - held)} of MEMORY_STORAGE_MAX_BYTES ({cap}) are free: ask "
                          "for fewer rows, delete finished jobs, or use STORAGE_TYPE=disk")


def estimate_peak_bytes(plan: DatasetPlan | RelationalPlan, total_rows: int) -> int:
    """Memory storage holds a running job's segments and its output at once: about twice its rows."""
    return sum(2 * rows * p.estimated_row_bytes for p, rows in _list_table_plans(plan, total_rows))


def _list_table_plans(plan: DatasetPlan | RelationalPlan, total_rows: int) -> list[tuple[DatasetPlan, int]]:
    """(plan, rows) of each output table."""
    if isinstance(plan, RelationalPlan):
        return [(t.plan, t.rows) for t in plan.tables.values() if not t.given]
    return [(plan, total_rows)]
