"""PostgreSQL target: ``COPY ... FROM STDIN (FORMAT csv)`` through psycopg 3, the CSV encoded by Arrow.

Each table is one COPY inside one transaction, so a refused row leaves the table as it was; the
row number comes from the COPY's context line. Sequences behind serial and identity columns are
set past the largest written key afterwards.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable

import pyarrow as pa
import pyarrow.csv as pacsv

from src.databases.ddl_out import SqlTable, create_table_sql, quote
from src.databases.markers import (CREATE_MARKERS, MARKER_TABLE, delete_markers_sql, insert_marker_sql, marker_row,
                                    select_marker_sql)
from src.databases.targets import LoadRefusedError, Target, TargetError
from src.engine.writers import _as_text_batch

_COPY_LINE = re.compile(r"COPY \S+, line (\d+)")
_CSV = pacsv.WriteOptions(include_header=False)


class PostgresBackend:
    dialect = "postgres"
    param = "%s"

    def __init__(self, target: Target):
        import psycopg

        self.psycopg = psycopg
        try:
            self.conn = psycopg.connect(target.url.replace("postgresql+psycopg://", "postgresql://", 1),
                                        connect_timeout=10)
        except psycopg.Error as err:
            raise TargetError(f"cannot connect to {target.display}: {' '.join(str(err).split())}") from None

    def columns(self, table: str) -> dict[str, bool] | None:
        """Column -> generated (left to the database), or None when the table does not exist."""
        with self.conn.cursor() as cur:
            cur.execute("SELECT to_regclass(%s)", (quote(table, self.dialect),))
            if cur.fetchone()[0] is None:
                self.conn.rollback()
                return None
            cur.execute("SELECT attname, attgenerated <> '' FROM pg_attribute WHERE attrelid = %s::regclass "
                        "AND attnum > 0 AND NOT attisdropped ORDER BY attnum", (quote(table, self.dialect),))
            found = dict(cur.fetchall())
        self.conn.commit()
        return found

    def create_table(self, table: SqlTable) -> None:
        with self.conn.transaction():
            self.conn.execute(create_table_sql(table, self.dialect))

    def ensure_markers(self) -> None:
        """The completion-marker table (src/databases/markers.py), created when missing."""
        try:
            with self.conn.transaction():
                self.conn.execute(CREATE_MARKERS)
        except (self.psycopg.errors.UniqueViolation, self.psycopg.errors.DuplicateTable):
            pass  # a concurrent load created it first
        except self.psycopg.Error as err:
            raise TargetError(f"cannot create the table {MARKER_TABLE} (which tables a load has committed): "
                              f"{' '.join(str(err).split())}") from None

    def loaded(self, load_id: str, table: str) -> int | None:
        """The rows this load committed into ``table``, or None when it has not."""
        row = self.fetch_one(select_marker_sql(self.param), (load_id, table))
        return None if row is None else row[0]

    def truncate(self, tables: list[SqlTable]) -> None:
        # One statement: PostgreSQL truncates a referenced table only together with its children.
        # Their completion markers go in the same transaction.
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute(f"TRUNCATE {', '.join(quote(t.name, self.dialect) for t in tables)}")
            cur.executemany(delete_markers_sql(self.param), [(t.name,) for t in tables])

    def copy_statement(self, table: str, columns: list[str]) -> str:
        names = ", ".join(quote(c, self.dialect) for c in columns)
        return f"COPY {quote(table, self.dialect)} ({names}) FROM STDIN (FORMAT csv)"

    def load(self, table: SqlTable, columns: list[str], batches: Iterable[pa.RecordBatch],
             on_rows: Callable[[int], None] | None = None, load_id: str | None = None) -> int:
        """All batches in one COPY, in one transaction with the load's completion marker; returns
        the rows written."""
        rows = 0
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                with cur.copy(self.copy_statement(table.name, columns)) as copy:
                    for batch in batches:
                        copy.write(encode_csv(batch))
                        rows += batch.num_rows
                        if on_rows:
                            on_rows(batch.num_rows)
                if load_id is not None:
                    cur.execute(insert_marker_sql(self.param), marker_row(load_id, table.name, rows))
        except self.psycopg.Error as err:
            raise refused(table.name, err) from None
        return rows

    def load_with_inserts(self, table: SqlTable, columns: list[str], batches: Iterable[pa.RecordBatch]) -> int:
        """The same rows through plain ``executemany`` INSERTs (the bench's peer)."""
        names = ", ".join(quote(c, self.dialect) for c in columns)
        sql = f"INSERT INTO {quote(table.name, self.dialect)} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
        rows = 0
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                for batch in batches:
                    text = _as_text_batch(batch)
                    cur.executemany(sql, list(zip(*(col.to_pylist() for col in text.columns))))
                    rows += batch.num_rows
        except self.psycopg.Error as err:
            raise refused(table.name, err) from None
        return rows

    def after_load(self, table: SqlTable, columns: list[str]) -> None:
        """Serial and identity columns continue past the largest written value."""
        name = quote(table.name, self.dialect)
        with self.conn.transaction(), self.conn.cursor() as cur:
            for column in columns:
                cur.execute("SELECT pg_get_serial_sequence(%s, %s)", (name, column))
                sequence = cur.fetchone()[0]
                if sequence:
                    col = quote(column, self.dialect)
                    cur.execute(f"SELECT setval(%s, COALESCE(MAX({col}), 1), MAX({col}) IS NOT NULL) "
                                f"FROM {name}", (sequence,))

    def fetch_all(self, sql: str) -> list[tuple]:
        rows = self.conn.execute(sql).fetchall()
        self.conn.commit()
        return rows

    def fetch_one(self, sql: str, params: tuple = ()) -> tuple:
        row = self.conn.execute(sql, params or None).fetchone()
        self.conn.commit()  # no transaction left open under the loads' own
        return row

    def close(self) -> None:
        self.conn.close()


def encode_csv(batch: pa.RecordBatch) -> bytes:
    """The batch as PostgreSQL CSV: decimals fixed-point, timestamps ISO, null unquoted-empty."""
    sink = io.BytesIO()
    pacsv.write_csv(_as_text_batch(batch), sink, _CSV)
    return sink.getvalue()


def refused(table: str, err) -> LoadRefusedError:
    """A psycopg error as the table, row and constraint it names."""
    diag = getattr(err, "diag", None)
    context = getattr(diag, "context", None) or ""
    line = _COPY_LINE.search(context)
    primary = getattr(diag, "message_primary", None) or " ".join(str(err).split())
    detail = getattr(diag, "message_detail", None)
    reason = primary + (f" ({detail})" if detail else "")
    return LoadRefusedError(getattr(diag, "table_name", None) or table, int(line.group(1)) if line else None,
                            getattr(diag, "constraint_name", None), reason)
