"""SQLite job store: one file (DATABASE_PATH), one row per job, plus a tombstone per deleted job.

Status and list read only the summary columns (never the stored schema or text pools), so a poll
costs the same whatever the schema's size. A write that fails (full disk, locked or read-only file)
raises JobStoreError and is remembered in ``state`` until a write succeeds again (``/health``).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from src.errors import JobNotFoundError, StorageError
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
CREATE TABLE IF NOT EXISTS store_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS deleted_jobs (
    id TEXT PRIMARY KEY,
    deleted_at TEXT NOT NULL
);
"""

# Added after the first release: (column, SQL type and default). Existing files get them on open (see
# _migrate); output_version 0 marks rows made before versions were recorded.
_ADDED_COLUMNS = [
    ("field_names_json", "TEXT"),
    ("output_version", "INTEGER NOT NULL DEFAULT 0"),
    ("csv_formula_guard", "INTEGER NOT NULL DEFAULT 0"),
    ("warnings_json", "TEXT"),
    ("tables_json", "TEXT"),
    ("database_json", "TEXT"),  # {"sql_dialect", "target", "parts_dir"}
    ("name", "TEXT"),
    ("active_seconds", "REAL NOT NULL DEFAULT 0"),  # closed run intervals (time spent generating)
    ("running_since", "TEXT"),  # start of the open interval while generating
    ("output_bytes", "INTEGER"),  # a file written in place: its bytes holding the committed chunks
]

_SUMMARY_COLUMNS = ("id, status, total_rows, chunk_size, output_format, seed, anchor, chunks_completed,"
                    " llm_calls, tokens_used, error_message, created_at, updated_at, started_at,"
                    " completed_at, generation_seconds, field_names_json, output_version,"
                    " csv_formula_guard, warnings_json, tables_json, database_json, name, active_seconds,"
                    " running_since")


def _status_filter(status: JobStatus | None) -> tuple[str, list[Any]]:
    """The WHERE clause (and its parameters) of a listing, optionally of one status."""
    return ("", []) if status is None else (" WHERE status = ?", [status.value])


def list_field_names(schema: dict) -> list[str]:
    """The column names a preview shows before any row exists: the fields of a one-table document,
    or of the first table of a multi-table one (the table a preview shows by default)."""
    fields = schema.get("fields")
    if fields is None:
        tables = schema.get("tables") or [{}]
        fields = tables[0].get("fields", [])
    return [f.get("name") for f in fields if not f.get("hidden")]


class JobStoreError(StorageError):
    """The job store could not be read or written (corrupt file, full disk, locked or read-only)."""

# Columns update() may set, with how a Python value is stored.
_UPDATABLE = {
    "status", "chunks_completed", "text_pools", "llm_calls", "tokens_used", "error_message",
    "started_at", "completed_at", "generation_seconds", "output_version", "warnings", "output_bytes",
}


# A status change opens a run interval (-> generating) or closes the open one (any other status),
# adding its length to active_seconds: run time without paused or queued time. Parameters: is
# generating, now, is generating, now.
_RUN_INTERVAL_SQL = [
    "active_seconds = CASE WHEN ? OR running_since IS NULL THEN active_seconds"
    " ELSE active_seconds + MAX(0, (julianday(?) - julianday(running_since)) * 86400) END",
    "running_since = CASE WHEN ? THEN COALESCE(running_since, ?) ELSE NULL END",
]


def utc_now() -> datetime:
    """Naive UTC now, the form every timestamp in the store takes."""
    return datetime.now(UTC).replace(tzinfo=None)


def _to_text(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _from_text(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


class JobStore:
    """Thread-safe access to the jobs table. Each write is one short transaction."""

    def __init__(self, path: Path, busy_timeout: float = 5.0):
        """Open (or create) the file; JobStoreError with one clear sentence when it is unusable."""
        self.path = Path(path)
        self.state = "ok"
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._conn.row_factory = sqlite3.Row
            with self._lock:
                # WAL + NORMAL: a committed write survives a killed process (not a power cut), cheaply.
                self._conn.execute("PRAGMA journal_mode=WAL")
                self._conn.execute("PRAGMA synchronous=NORMAL")
                self._conn.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
                self._conn.executescript(_SCHEMA_SQL)
                self._migrate()
        except (sqlite3.Error, OSError) as exc:
            raise JobStoreError(f"cannot open the job database DATABASE_PATH={self.path}: {exc}") from None

    def _migrate(self) -> None:
        """Bring a file made by an older release up to date (new columns, their values)."""
        present = {row["name"] for row in self._conn.execute("PRAGMA table_info(jobs)")}
        for column, sql_type in _ADDED_COLUMNS:
            if column not in present:
                self._conn.execute(f"ALTER TABLE jobs ADD COLUMN {column} {sql_type}")
                if column == "active_seconds":  # older jobs: their engine time is the best record left
                    self._conn.execute("UPDATE jobs SET active_seconds = generation_seconds")
        missing = self._conn.execute("SELECT id, schema_json FROM jobs WHERE field_names_json IS NULL").fetchall()
        for row in missing:
            names = list_field_names(json.loads(row["schema_json"]))
            self._conn.execute("UPDATE jobs SET field_names_json = ? WHERE id = ?", (json.dumps(names), row["id"]))

    def _write(self, sql: str, params: tuple | list = ()) -> sqlite3.Cursor:
        """Run one write; a failure becomes JobStoreError and the store's state until a write works."""
        with self._writing():
            return self._conn.execute(sql, params)

    @contextmanager
    def _writing(self) -> Iterator[None]:
        with self._lock:
            try:
                yield
            except sqlite3.Error as exc:
                self.state = f"error: {exc}"
                raise JobStoreError(f"the job database could not be written: {exc}") from None
            self.state = "ok"

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def insert(self, job: JobRecord) -> None:
        """Add a new job."""
        field_names = list_field_names(job.schema)
        self._write(
            "INSERT INTO jobs (id, status, schema_json, total_rows, chunk_size, output_format, seed,"
            " anchor, chunks_completed, text_pools_json, llm_calls, tokens_used, error_message,"
            " created_at, updated_at, started_at, completed_at, generation_seconds, field_names_json,"
            " output_version, csv_formula_guard, warnings_json, tables_json, database_json, name)"
            " VALUES (" + ", ".join("?" * 25) + ")",
            (job.id, job.status.value, json.dumps(job.schema), job.total_rows, job.chunk_size,
             job.output_format, job.seed, job.anchor.isoformat(), job.chunks_completed,
             None if job.text_pools is None else json.dumps(job.text_pools), job.llm_calls,
             job.tokens_used, job.error_message, _to_text(job.created_at), _to_text(job.updated_at),
             _to_text(job.started_at), _to_text(job.completed_at), job.generation_seconds,
             json.dumps(field_names), job.output_version, int(job.csv_formula_guard),
             json.dumps(job.warnings), None if job.tables is None else json.dumps(job.tables),
             json.dumps({"sql_dialect": job.sql_dialect, "target": job.target, "parts_dir": job.parts_dir}), job.name),
        )

    def get(self, job_id: str) -> JobRecord:
        """The whole job (schema and text pools included), or JobNotFoundError."""
        return self._to_record(self._fetch_one("SELECT * FROM jobs WHERE id = ?", job_id))

    def get_summary(self, job_id: str) -> JobRecord:
        """The job without its schema and text pools (``schema`` is None): what status needs."""
        return self._to_record(self._fetch_one(f"SELECT {_SUMMARY_COLUMNS} FROM jobs WHERE id = ?", job_id))

    def _fetch_one(self, query: str, job_id: str) -> sqlite3.Row:
        with self._lock:
            row = self._conn.execute(query, (job_id,)).fetchone()
        if row is None:
            raise JobNotFoundError(f"job {job_id} not found")
        return row

    def list(self, limit: int = 50, status: JobStatus | None = None, offset: int = 0) -> list[JobRecord]:
        """Job summaries (no schema) newest first, optionally only those with ``status``, skipping the
        first ``offset``."""
        where, params = _status_filter(status)
        query = f"SELECT {_SUMMARY_COLUMNS} FROM jobs{where} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?"
        with self._lock:
            rows = self._conn.execute(query, [*params, limit, offset]).fetchall()
        return [self._to_record(r) for r in rows]

    def count(self, status: JobStatus | None = None) -> int:
        """How many jobs ``list`` pages through."""
        where, params = _status_filter(status)
        with self._lock:
            return int(self._conn.execute(f"SELECT COUNT(*) FROM jobs{where}", params).fetchone()[0])

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

    def measure_queue(self) -> tuple[int, int]:
        """(jobs pending or generating, their total rows together)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT COUNT(*) AS jobs, COALESCE(SUM(total_rows), 0) AS rows FROM jobs WHERE status IN (?, ?)",
                (JobStatus.PENDING.value, JobStatus.GENERATING.value)).fetchone()
        return int(row["jobs"]), int(row["rows"])

    def all_ids(self) -> set[str]:
        with self._lock:
            return {r["id"] for r in self._conn.execute("SELECT id FROM jobs").fetchall()}

    def update(self, job_id: str, **changes: Any) -> None:
        """Set some columns of a job (and its updated_at); JobNotFoundError when it is gone."""
        unknown = set(changes) - _UPDATABLE
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)}")
        columns, values = [], []
        now = utc_now().isoformat()
        if "status" in changes:
            columns.extend(_RUN_INTERVAL_SQL)
            generating = JobStatus(changes["status"]) == JobStatus.GENERATING
            values.extend([generating, now, generating, now])
        for name, value in changes.items():
            if name == "text_pools":
                name, value = "text_pools_json", None if value is None else json.dumps(value)
            elif name == "warnings":
                name, value = "warnings_json", json.dumps(value)
            elif isinstance(value, JobStatus):
                value = value.value
            elif isinstance(value, datetime):
                value = value.isoformat()
            columns.append(f"{name} = ?")
            values.append(value)
        columns.append("updated_at = ?")
        values.append(now)
        cursor = self._write(f"UPDATE jobs SET {', '.join(columns)} WHERE id = ?", (*values, job_id))
        if cursor.rowcount == 0:
            raise JobNotFoundError(f"job {job_id} not found")

    def close_open_runs(self) -> None:
        """On start-up: runs a previous process left open end at their last update (a stopped
        server's downtime is not run time)."""
        self._write("UPDATE jobs SET active_seconds = active_seconds + MAX(0, (julianday(updated_at)"
                    " - julianday(running_since)) * 86400), running_since = NULL WHERE running_since IS NOT NULL")

    def delete(self, job_id: str) -> None:
        """Remove the job's record and leave a tombstone (its files may then be removed, even after
        a crash); JobNotFoundError when there is none."""
        with self._writing():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                gone = self._conn.execute("DELETE FROM jobs WHERE id = ?", (job_id,)).rowcount
                self._conn.execute("INSERT OR REPLACE INTO deleted_jobs (id, deleted_at) VALUES (?, ?)",
                                   (job_id, utc_now().isoformat()))
                self._conn.execute("COMMIT" if gone else "ROLLBACK")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        if not gone:
            raise JobNotFoundError(f"job {job_id} not found")

    def probe_write(self) -> None:
        """One tiny real write: clears ``state`` when the file takes writes again (JobStoreError if not)."""
        self._write("INSERT OR REPLACE INTO store_meta (key, value) VALUES ('last_probe', ?)",
                    (utc_now().isoformat(),))

    def deleted_ids(self) -> set[str]:
        """Ids of deleted jobs whose files may still need removing."""
        with self._lock:
            return {r["id"] for r in self._conn.execute("SELECT id FROM deleted_jobs").fetchall()}

    def forget_deleted(self, job_id: str) -> None:
        """Drop a tombstone once the job's files are gone."""
        self._write("DELETE FROM deleted_jobs WHERE id = ?", (job_id,))

    @staticmethod
    def _to_record(row: sqlite3.Row) -> JobRecord:
        keys = row.keys()
        return JobRecord(
            id=row["id"],
            status=JobStatus(row["status"]),
            schema=json.loads(row["schema_json"]) if "schema_json" in keys else None,
            total_rows=row["total_rows"],
            chunk_size=row["chunk_size"],
            output_format=row["output_format"],
            seed=row["seed"],
            anchor=datetime.fromisoformat(row["anchor"]),
            chunks_completed=row["chunks_completed"],
            text_pools=json.loads(row["text_pools_json"]) if "text_pools_json" in keys
            and row["text_pools_json"] is not None else None,
            field_names=None if row["field_names_json"] is None else json.loads(row["field_names_json"]),
            llm_calls=row["llm_calls"],
            tokens_used=row["tokens_used"],
            error_message=row["error_message"],
            created_at=_from_text(row["created_at"]),
            updated_at=_from_text(row["updated_at"]),
            started_at=_from_text(row["started_at"]),
            completed_at=_from_text(row["completed_at"]),
            generation_seconds=row["generation_seconds"],
            output_version=row["output_version"],
            csv_formula_guard=bool(row["csv_formula_guard"]),
            warnings=json.loads(row["warnings_json"]) if row["warnings_json"] else [],
            tables=None if row["tables_json"] is None else json.loads(row["tables_json"]),
            **json.loads(row["database_json"] or "{}"),
            name=row["name"],
            active_seconds=row["active_seconds"],
            running_since=_from_text(row["running_since"]),
            output_bytes=row["output_bytes"] if "output_bytes" in keys else None,
        )
