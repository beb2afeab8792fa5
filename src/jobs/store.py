"""SQLite job store: one file (DATABASE_PATH), one row per job."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from src.errors import JobNotFoundError
from src.jobs.models import JobRecord
from src.schemas.api import JobStatus

_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    schema_json TEXT NOT NULL,
    total_rows INTEGER NOT NULL,
    chunk_size INTEGER NOT NULL,
    output_format TEXT NOT NULL,
    seed INTEGER NOT NULL,
    anchor TEXT NOT NULL,
    chunks_completed INTEGER NOT NULL DEFAULT 0,
    text_pools_json TEXT,
    llm_calls INTEGER NOT NULL DEFAULT 0,
    tokens_used INTEGER NOT NULL DEFAULT 0,
    error_message TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    started_at TEXT,
    completed_at TEXT,
    generation_seconds REAL NOT NULL DEFAULT 0,
    tables_json TEXT
);
CREATE INDEX IF NOT EXISTS jobs_created_at ON jobs (created_at);
CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status);
"""

# Columns update() may set, with how a Python value is stored.
_UPDATABLE = {
    "status", "chunks_completed", "text_pools", "llm_calls", "tokens_used", "error_message",
    "started_at", "completed_at", "generation_seconds",
}


def utc_now() -> datetime:
    """Naive UTC now, the form every timestamp in the store takes."""
    return datetime.now(UTC).replace(tzinfo=None)


def _to_text(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _from_text(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


class JobStore:
    """Thread-safe access to the jobs table. Each write is one short transaction."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        with self._lock:
            # WAL + NORMAL: a committed write survives a killed process (not a power cut), cheaply.
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA busy_timeout=5000")
            self._conn.executescript(_SCHEMA_SQL)
            columns = {r["name"] for r in self._conn.execute("PRAGMA table_info(jobs)").fetchall()}
            if "tables_json" not in columns:  # a database made before multi-table jobs
                self._conn.execute("ALTER TABLE jobs ADD COLUMN tables_json TEXT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def insert(self, job: JobRecord) -> None:
        """Add a new job."""
        with self._lock:
            self._conn.execute(
                "INSERT INTO jobs (id, status, schema_json, total_rows, chunk_size, output_format, seed,"
                " anchor, chunks_completed, text_pools_json, llm_calls, tokens_used, error_message,"
                " created_at, updated_at, started_at, completed_at, generation_seconds, tables_json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (job.id, job.status.value, json.dumps(job.schema), job.total_rows, job.chunk_size,
                 job.output_format, job.seed, job.anchor.isoformat(), job.chunks_completed,
                 None if job.text_pools is None else json.dumps(job.text_pools), job.llm_calls,
                 job.tokens_used, job.error_message, _to_text(job.created_at), _to_text(job.updated_at),
                 _to_text(job.started_at), _to_text(job.completed_at), job.generation_seconds,
                 None if job.tables is None else json.dumps(job.tables)),
            )

    def get(self, job_id: str) -> JobRecord:
        """The job, or JobNotFoundError."""
        with self._lock:
            row = self._conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise JobNotFoundError(f"job {job_id} not found")
        return self._to_record(row)

    def list(self, limit: int = 50, status: JobStatus | None = None) -> list[JobRecord]:
        """Jobs newest first, optionally only those with ``status``."""
        query = "SELECT * FROM jobs"
        params: list[Any] = []
        if status is not None:
            query += " WHERE status = ?"
            params.append(status.value)
        query += " ORDER BY created_at DESC, rowid DESC LIMIT ?"
        params.append(limit)
        with self._lock:
            rows = self._conn.execute(query, params).fetchall()
        return [self._to_record(r) for r in rows]

    def ids_with_status(self, *statuses: JobStatus) -> list[str]:
        """Ids of jobs in any of ``statuses``, oldest first."""
        marks = ",".join("?" for _ in statuses)
        with self._lock:
            rows = self._conn.execute(
                f"SELECT id FROM jobs WHERE status IN ({marks}) ORDER BY created_at, rowid",
                [s.value for s in statuses]).fetchall()
        return [r["id"] for r in rows]

    def ids_finished_before(self, cutoff: datetime) -> list[str]:
        """Ids of finished jobs (completed, failed, cancelled) last updated before ``cutoff``."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT id FROM jobs WHERE status IN (?, ?, ?) AND updated_at < ?",
                (JobStatus.COMPLETED.value, JobStatus.FAILED.value, JobStatus.CANCELLED.value,
                 cutoff.isoformat())).fetchall()
        return [r["id"] for r in rows]

    def all_ids(self) -> set[str]:
        with self._lock:
            return {r["id"] for r in self._conn.execute("SELECT id FROM jobs").fetchall()}

    def update(self, job_id: str, **changes: Any) -> None:
        """Set some columns of a job (and its updated_at); JobNotFoundError when it is gone."""
        unknown = set(changes) - _UPDATABLE
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)}")
        columns, values = [], []
        for name, value in changes.items():
            if name == "text_pools":
                name, value = "text_pools_json", None if value is None else json.dumps(value)
            elif isinstance(value, JobStatus):
                value = value.value
            elif isinstance(value, datetime):
                value = value.isoformat()
            columns.append(f"{name} = ?")
            values.append(value)
        columns.append("updated_at = ?")
        values.append(utc_now().isoformat())
        with self._lock:
            cursor = self._conn.execute(
                f"UPDATE jobs SET {', '.join(columns)} WHERE id = ?", (*values, job_id))
        if cursor.rowcount == 0:
            raise JobNotFoundError(f"job {job_id} not found")

    def delete(self, job_id: str) -> None:
        """Remove the job's record; JobNotFoundError when there is none."""
        with self._lock:
            cursor = self._conn.execute("DELETE FROM jobs WHERE id = ?", (job_id,))
        if cursor.rowcount == 0:
            raise JobNotFoundError(f"job {job_id} not found")

    @staticmethod
    def _to_record(row: sqlite3.Row) -> JobRecord:
        return JobRecord(
            id=row["id"],
            status=JobStatus(row["status"]),
            schema=json.loads(row["schema_json"]),
            total_rows=row["total_rows"],
            chunk_size=row["chunk_size"],
            output_format=row["output_format"],
            seed=row["seed"],
            anchor=datetime.fromisoformat(row["anchor"]),
            chunks_completed=row["chunks_completed"],
            text_pools=None if row["text_pools_json"] is None else json.loads(row["text_pools_json"]),
            llm_calls=row["llm_calls"],
            tokens_used=row["tokens_used"],
            error_message=row["error_message"],
            created_at=_from_text(row["created_at"]),
            updated_at=_from_text(row["updated_at"]),
            started_at=_from_text(row["started_at"]),
            completed_at=_from_text(row["completed_at"]),
            generation_seconds=row["generation_seconds"],
            tables=None if row["tables_json"] is None else json.loads(row["tables_json"]),
        )
