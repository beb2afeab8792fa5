"""Direct writes: generated tables straight into PostgreSQL, SQLite or DuckDB, parents first.

``load_tables`` drives a backend (``postgres.py``, ``sqlite.py``, ``duckdb.py``): create missing
tables (``--create-tables``), empty them children first (``--truncate``), then write each table in one
transaction through the database's bulk path, together with the load's completion marker
(``markers.py``: a table this load already committed is skipped, so a load cut off by a crash is
finished exactly by running it again), and move sequences past the written keys. A refused row
becomes a ``LoadRefusedError`` naming the table, the row and the constraint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pyarrow as pa

from src.databases.ddl_out import SqlTable
from src.errors import SynthError

KINDS = {"postgresql": "postgresql", "postgres": "postgresql", "postgresql+psycopg": "postgresql",
         "sqlite": "sqlite", "duckdb": "duckdb"}


class TargetError(SynthError):
    """The target database cannot be used (bad URL, unreachable, a table or column missing)."""


class LoadRefusedError(SynthError):
    """The target refused a row: names the table, the row (1-based, in generated order) and why."""

    def __init__(self, table: str, row: int | None, constraint: str | None, reason: str):
        self.table, self.row, self.constraint, self.reason = table, row, constraint, reason
        where = f"table '{table}'" + (f", row {row:,}" if row is not None else "")
        rule = f", constraint '{constraint}'" if constraint else ""
        super().__init__(f"the database refused {where}{rule}: {reason} (nothing of this table was kept)")


@dataclass(frozen=True)
class Target:
    kind: str  # postgresql | sqlite | duckdb
    url: str

    @property
    def display(self) -> str:
        """The URL without its password, for messages."""
        parts = urlsplit(self.url)
        if parts.password:
            netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
            return parts._replace(netloc=netloc).geturl()
        return self.url

    @property
    def path(self) -> str:
        """sqlite:///f.db, duckdb:///f.duckdb -> f.db (four slashes: an absolute path)."""
        return self.url.split(":///", 1)[1] if ":///" in self.url else ""


def parse_target(url: str) -> Target:
    """A target from ``postgresql://...``, ``sqlite:///file.db`` or ``duckdb:///file.duckdb``."""
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    kind = KINDS.get(scheme)
    if kind is None:
        raise TargetError(f"cannot write to {url.split('://')[0]!r}: give postgresql://user@host/db, "
                          "sqlite:///file.db or duckdb:///file.duckdb")
    target = Target(kind, url)
    if kind in ("sqlite", "duckdb") and not target.path:
        raise TargetError(f"{kind} needs a file: {kind}:///file.{'db' if kind == 'sqlite' else 'duckdb'}")
    return target


def open_backend(target: Target):
    """The backend for ``target``, connected."""
    if target.kind == "postgresql":
        from src.databases.postgres import PostgresBackend as backend
    elif target.kind == "sqlite":
        from src.databases.sqlite import SqliteBackend as backend
    else:
        from src.databases.duckdb import DuckdbBackend as backend
    return backend(target)


@dataclass
class TableSource:
    """What one table's rows come from: its SQL description and a plan (``generate_chunk``)."""

    sql: SqlTable
    plan: object
    rows: int

    def batches(self, chunk_size: int, columns: list[str]) -> Iterator[pa.RecordBatch]:
        for start in range(0, self.rows, chunk_size):
            batch = self.plan.generate_chunk(start, min(chunk_size, self.rows - start))
            yield batch.select(columns).replace_schema_metadata(None) if columns != batch.schema.names else batch


@dataclass
class LoadResult:
    """Rows per table (parents first); ``skipped``: tables this load had already committed."""

    rows: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def load_tables(target: Target, sources: dict[str, TableSource], *, create_tables: bool = False,
                truncate: bool = False, chunk_size: int = 50_000, on_rows: Callable[[int], None] | None = None,
                load_id: str | None = None, hold: Callable[[int], None] | None = None) -> LoadResult:
    """Write every table (``sources`` parents first), each in one transaction with a completion marker
    for ``load_id``: a table the same load already committed is skipped.

    ``hold(step)`` (tests) is called before each batch, numbered across tables whether skipped or
    not, and once more (step = every batch) after the last table has committed.
    """
    backend = open_backend(target)
    try:
        if create_tables:
            for source in sources.values():
                if backend.columns(source.sql.name) is None:
                    backend.create_table(source.sql)
        plans = {name: _writable_columns(backend, source) for name, source in sources.items()}
        if load_id is not None or truncate:
            backend.ensure_markers()
        if truncate:
            backend.truncate([s.sql for s in reversed(list(sources.values()))])
        result, step = LoadResult(), 0
        for name, source in sources.items():
            columns = plans[name]
            done = backend.loaded(load_id, name) if load_id is not None else None
            if done is not None:
                result.rows[name] = done
                result.skipped.append(name)
                if on_rows:
                    on_rows(source.rows)
            else:
                batches = _held(source.batches(chunk_size, columns), hold, step)
                result.rows[name] = backend.load(source.sql, columns, batches, on_rows, load_id)
            backend.after_load(source.sql, columns)
            step += -(-source.rows // chunk_size)
        if hold:
            hold(step)
        return result
    finally:
        backend.close()


def _held(batches: Iterator[pa.RecordBatch], hold: Callable[[int], None] | None, first: int):
    for step, batch in enumerate(batches, first):
        if hold:
            hold(step)
        yield batch


def _writable_columns(backend, source: TableSource) -> list[str]:
    """The schema's columns the target table takes: a generated column is left to the database."""
    found = backend.columns(source.sql.name)
    if found is None:
        raise TargetError(f"table '{source.sql.name}' does not exist in the target: create it, or pass "
                          "--create-tables")
    missing = [c for c in source.sql.column_names if c not in found]
    if missing:
        raise TargetError(f"table '{source.sql.name}' has no column {', '.join(repr(c) for c in missing)} "
                          f"(its columns: {', '.join(found)})")
    return [c for c in source.sql.column_names if not found[c]]

