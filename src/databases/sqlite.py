"""SQLite target: ``executemany`` in one transaction per table, foreign keys enforced.

``executemany`` stops at the first refused row and keeps the rows before it until the rollback, so
counting the table's rows at that moment gives the refused row's number.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable

import pyarrow as pa
import pyarrow.compute as pc

from src.databases.ddl_out import SqlTable, create_table_sql, quote
from src.databases.markers import (CREATE_MARKERS, MARKER_TABLE, delete_markers_sql, insert_marker_sql, marker_row,
                                    select_marker_sql)
from src.databases.targets import LoadRefusedError, Target, TargetError
from src.engine.writers import _decimals_of, iso_text

_CONSTRAINT = re.compile(r"^(\w+(?: \w+)?) constraint failed(?:: (.+))?$")


class SqliteBackend:
    dialect = "sqlite"
    param = "?"

    def __init__(self, target: Target):
        try:
            self.conn = sqlite3.connect(target.path, isolation_level=None)
            self.conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as err:
            raise TargetError(f"cannot open {target.display}: {err}") from None

    def columns(self, table: str) -> dict[str, bool] | None:
        rows = self.conn.execute(f"PRAGMA table_xinfo({quote(table, self.dialect)})").fetchall()
        if not rows:
            return None
        return {row[1]: row[6] in (2, 3) for row in rows if row[6] != 1}  # hidden 2/3: generated

    def create_table(self, table: SqlTable) -> None:
        self.conn.execute(create_table_sql(table, self.dialect))

    def ensure_markers(self) -> None:
        """The completion-marker table (src/databases/markers.py), created when missing."""
        try:
            self.conn.execute(CREATE_MARKERS)
        except sqlite3.Error as err:
            raise TargetError(f"cannot create the table {MARKER_TABLE} (which tables a load has committed): "
                              f"{err}") from None

    def loaded(self, load_id: str, table: str) -> int | None:
        """The rows this load committed into ``table``, or None when it has not."""
        row = self.fetch_one(select_marker_sql(self.param), (load_id, table))
        return None if row is None else row[0]

    def truncate(self, tables: list[SqlTable]) -> None:
        self.conn.execute("BEGIN")
        for table in tables:  # children first, so no foreign key is left dangling
            self.conn.execute(f"DELETE FROM {quote(table.name, self.dialect)}")
            self.conn.execute(delete_markers_sql(self.param), (table.name,))
        self.conn.execute("COMMIT")

    def load(self, table: SqlTable, columns: list[str], batches: Iterable[pa.RecordBatch],
             on_rows: Callable[[int], None] | None = None, load_id: str | None = None) -> int:
        """Every batch in one transaction with the load's completion marker; returns the rows written."""
        name = quote(table.name, self.dialect)
        sql = f"INSERT INTO {name} ({', '.join(quote(c, self.dialect) for c in columns)}) " \
              f"VALUES ({', '.join('?' * len(columns))})"
        before = self.conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        rows = 0
        self.conn.execute("BEGIN")
        try:
            for batch in batches:
                self.conn.executemany(sql, python_rows(batch))
                rows += batch.num_rows
                if on_rows:
                    on_rows(batch.num_rows)
            if load_id is not None:
                self.conn.execute(insert_marker_sql(self.param), marker_row(load_id, table.name, rows))
            self.conn.execute("COMMIT")
        except sqlite3.Error as err:
            now = self.conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            self.conn.execute("ROLLBACK")
            raise refused(table.name, now - before + 1, err) from None
        return rows

    def after_load(self, table: SqlTable, columns: list[str]) -> None:
        """Nothing to move: an INTEGER PRIMARY KEY (and AUTOINCREMENT's counter) continues past
        the largest written key by itself."""

    def fetch_all(self, sql: str) -> list[tuple]:
        return self.conn.execute(sql).fetchall()

    def fetch_one(self, sql: str, params: tuple = ()) -> tuple:
        return self.conn.execute(sql, params).fetchone()

    def close(self) -> None:
        self.conn.close()


def python_rows(batch: pa.RecordBatch) -> list[tuple]:
    """Rows as tuples sqlite3 binds: dates and times as ISO text, decimals rounded, booleans 0/1."""
    columns = []
    for field, column in zip(batch.schema, batch.columns):
        t = column.type
        if pa.types.is_timestamp(t):
            column = pc.strftime(column, format="%Y-%m-%d %H:%M:%S")
        elif pa.types.is_date(t) or pa.types.is_time(t):
            column = iso_text(column)
        elif pa.types.is_boolean(t):
            column = column.cast(pa.int64())
        elif (decimals := _decimals_of(field)) is not None:
            column = pc.round(column, decimals)
        columns.append(column.to_pylist())
    return list(zip(*columns))


def refused(table: str, row: int, err: sqlite3.Error) -> LoadRefusedError:
    message = str(err)
    match = _CONSTRAINT.match(message)
    constraint = match.group(2) if match and match.group(2) else (match.group(1) if match else None)
    return LoadRefusedError(table, row, constraint, message)
