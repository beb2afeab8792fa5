"""Saved schemas: named schema documents in the job database (table ``saved_schemas``).

They live in the same SQLite file as the jobs and share the job store's connection and lock, so a
failed write shows in ``/health``'s ``database`` like any other and one file holds all a user keeps.
The table is created when the store opens (an older file simply gains it).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from src.errors import Problem, SavedSchemaNotFoundError, SchemaValidationError
from src.jobs.store import JobStore, utc_now

_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS saved_schemas (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    schema_json TEXT NOT NULL,
    table_count INTEGER NOT NULL,
    field_count INTEGER NOT NULL,
    table_names_json TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS saved_schemas_updated_at ON saved_schemas (updated_at);
"""

_SUMMARY_COLUMNS = "id, name, table_count, field_count, table_names_json, created_at, updated_at"


@dataclass(frozen=True)
class SavedSchemaRecord:
    """One saved schema; ``schema`` is None in list summaries."""

    id: str
    name: str
    table_count: int
    field_count: int
    table_names: list[str] | None
    created_at: datetime
    updated_at: datetime
    schema: dict[str, Any] | None = None


def count_document(schema: dict[str, Any]) -> tuple[int, int, list[str] | None]:
    """(tables, fields in all tables, table names or None for a one-table document)."""
    tables = schema.get("tables")
    if tables is None:
        return 1, len(schema.get("fields") or []), None
    return len(tables), sum(len(t.get("fields") or []) for t in tables), [t.get("name") for t in tables]


def check_document(schema: dict[str, Any]) -> None:
    """Compile the document as a job would (SchemaValidationError with every problem under
    ``schema.``). A first table without ``rows`` is fine: a job gives it total_rows."""
    from src.jobs.manager import compile_plan

    probe = schema
    if schema.get("tables") and schema["tables"][0].get("rows") is None \
            and schema["tables"][0].get("rows_per_parent") is None:
        probe = {**schema, "tables": [{**schema["tables"][0], "rows": 1}, *schema["tables"][1:]]}
    try:
        compile_plan(probe, schema.get("seed") or 0, None, None)
    except SchemaValidationError as exc:
        raise SchemaValidationError([
            Problem(p.loc if p.loc.startswith("schema") else f"schema.{p.loc}".rstrip("."), p.message)
            for p in exc.problems]) from None


class SavedSchemaStore:
    """Create, read, replace and delete saved schemas (each write one short transaction)."""

    def __init__(self, store: JobStore):
        """Use ``store``'s database; creates the table if the file does not have it yet."""
        self._store = store
        with store._writing():
            store._conn.executescript(_SCHEMA_SQL)

    def create(self, name: str, schema: dict[str, Any]) -> SavedSchemaRecord:
        """Store a new schema under a fresh id."""
        schema_id, now = str(uuid.uuid4()), utc_now().isoformat()
        tables, fields, names = count_document(schema)
        self._store._write(
            "INSERT INTO saved_schemas (id, name, schema_json, table_count, field_count, table_names_json,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (schema_id, name, json.dumps(schema), tables, fields, _dump_names(names), now, now))
        return self.get(schema_id)

    def replace(self, schema_id: str, name: str, schema: dict[str, Any]) -> SavedSchemaRecord:
        """Give a saved schema a new name and document; SavedSchemaNotFoundError when there is none."""
        tables, fields, names = count_document(schema)
        cursor = self._store._write(
            "UPDATE saved_schemas SET name = ?, schema_json = ?, table_count = ?, field_count = ?,"
            " table_names_json = ?, updated_at = ? WHERE id = ?",
            (name, json.dumps(schema), tables, fields, _dump_names(names), utc_now().isoformat(), schema_id))
        if cursor.rowcount == 0:
            raise _not_found(schema_id)
        return self.get(schema_id)

    def get(self, schema_id: str) -> SavedSchemaRecord:
        """The saved schema with its document; SavedSchemaNotFoundError when there is none."""
        with self._store._lock:
            row = self._store._conn.execute("SELECT * FROM saved_schemas WHERE id = ?", (schema_id,)).fetchone()
        if row is None:
            raise _not_found(schema_id)
        return _to_record(row)

    def list(self, limit: int = 200) -> list[SavedSchemaRecord]:
        """Summaries (no documents), the most recently saved first."""
        with self._store._lock:
            rows = self._store._conn.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM saved_schemas ORDER BY updated_at DESC, rowid DESC LIMIT ?",
                (limit,)).fetchall()
        return [_to_record(row) for row in rows]

    def delete(self, schema_id: str) -> None:
        """Remove a saved schema; SavedSchemaNotFoundError when there is none."""
        if self._store._write("DELETE FROM saved_schemas WHERE id = ?", (schema_id,)).rowcount == 0:
            raise _not_found(schema_id)


def _not_found(schema_id: str) -> SavedSchemaNotFoundError:
    return SavedSchemaNotFoundError(f"saved schema {schema_id} not found")


def _dump_names(names: list[str] | None) -> str | None:
    return None if names is None else json.dumps(names)


def _to_record(row: sqlite3.Row) -> SavedSchemaRecord:
    keys = row.keys()
    return SavedSchemaRecord(
        id=row["id"], name=row["name"], table_count=row["table_count"], field_count=row["field_count"],
        table_names=None if row["table_names_json"] is None else json.loads(row["table_names_json"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
        schema=json.loads(row["schema_json"]) if "schema_json" in keys else None,
    )
