"""A job as the job store keeps it."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from src.engine.version import OUTPUT_VERSION
from src.schemas.api import JobStatus


def count_chunks(total_rows: int, chunk_size: int) -> int:
    """How many user chunks ``total_rows`` splits into (the last may be short)."""
    return math.ceil(total_rows / chunk_size)


@dataclass
class JobRecord:
    """Everything needed to (re)generate a job's rows exactly and to report on it."""

    id: str
    status: JobStatus
    schema: dict[str, Any] | None  # None in summaries (JobStore.get_summary / list)
    total_rows: int
    chunk_size: int
    output_format: str
    seed: int
    anchor: datetime
    created_at: datetime
    updated_at: datetime
    chunks_completed: int = 0
    text_pools: dict[str, Any] | None = None
    llm_calls: int = 0
    tokens_used: int = 0
    error_message: str | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None
    generation_seconds: float = 0.0  # engine time only: paused and queued time never count
    field_names: list[str] | None = None
    output_version: int = OUTPUT_VERSION  # the engine output version its rows were made with
    csv_formula_guard: bool = False
    warnings: list[str] = field(default_factory=list)
    tables: dict[str, int] | None = None  # multi-table jobs: rows per table, parents first
    sql_dialect: str = "postgres"  # output_format sql
    target: str | None = None  # a DATABASE_TARGETS name the rows are also written into
    parts_dir: str | None = None  # written by a Dask cluster as part files in this folder (DASK_OUTPUT_PATH)
    name: str | None = None
    active_seconds: float = 0.0  # time spent generating in closed run intervals
    running_since: datetime | None = None  # naive UTC start of the open run interval, if generating
    output_bytes: int | None = None  # written in place (src/jobs/direct_output.py): bytes committed so far

    @property
    def run_seconds(self) -> float:
        """Time spent generating so far (paused and queued time excluded), the open interval included."""
        if self.running_since is None:
            return self.active_seconds
        now = datetime.now(UTC).replace(tzinfo=None)
        return self.active_seconds + max(0.0, (now - self.running_since).total_seconds())

    @property
    def total_chunks(self) -> int:
        if self.tables is not None:
            return sum(count_chunks(rows, self.chunk_size) for rows in self.tables.values())
        return count_chunks(self.total_rows, self.chunk_size)

    @property
    def rows_generated(self) -> int:
        if self.tables is not None:
            from src.jobs.relational import table_slots

            return sum(s.rows_done(self.chunks_completed, self.chunk_size)
                       for s in table_slots(self.tables, self.chunk_size))
        return min(self.chunks_completed * self.chunk_size, self.total_rows)

    @property
    def progress_percentage(self) -> float:
        return round(100.0 * self.rows_generated / self.total_rows, 2) if self.total_rows else 100.0

    @property
    def rows_per_second(self) -> float | None:
        """Rows per second of run time; None while paused or queued (no stale rate is shown)."""
        if self.status in (JobStatus.PAUSED, JobStatus.PENDING):
            return None
        seconds = self.run_seconds or self.generation_seconds  # jobs recorded before run intervals
        if seconds <= 0 or self.rows_generated == 0:
            return None
        return round(self.rows_generated / seconds, 1)

    @property
    def eta_seconds(self) -> float | None:
        speed = self.rows_per_second
        if self.status != JobStatus.GENERATING or not speed:
            return None
        return round((self.total_rows - self.rows_generated) / speed, 1)
