"""DuckDB target: each Arrow batch inserted with ``INSERT ... SELECT`` from the registered batch, all
batches of a table in one transaction."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable

import pyarrow as pa

from src.databases.ddl_out import SqlTable, create_table_sql, quote
from src.databases.markers import (CREATE_MARKERS, MARKER_TABLE, delete_markers_sql, insert_marker_sql, marker_row,
                                    select_marker_sql)
from src.databases.sql_writer import self_reference_waves
from src.databases.targets import LoadRefusedError, Target, TargetError

_VIEW = "synthgen_batch"
_NEXTVAL = re.compile(r"^nextval\('([^']+)'\)$")
_CONSTRAINTS = ((re.compile(r"with expression (CHECK\(.*\))"), None), (re.compile(r"NOT NULL constraint"), "NOT NULL"),
                (re.compile(r"PRIMARY KEY or UNIQUE"), "PRIMARY KEY or UNIQUE"),
                (re.compile(r"violates primary key constraint", re.I), "PRIMARY KEY"),
                (re.compile(r"violates unique constraint", re.I), "UNIQUE"),
                (re.compile(r"foreign key constraint", re.I), "FOREIGN KEY"))


class DuckdbBackend:
    dialect = "duckdb"
    param = "?"

    def __init__(self, target: Target):
        import duckdb

        self.duckdb = duckdb
        try:
            self.conn = duckdb.connect(target.path)
        except duckdb.Error as err:
            raise TargetError(f"cannot open {target.display}: {err}") from None

    def columns(self, table: str) -> dict[str, bool] | None:
        rows = self.conn.execute("SELECT column_name, is_generated = 'ALWAYS' FROM information_schema.columns "
                                 "WHERE table_name = ? AND table_schema = current_schema() ORDER BY ordinal_position",
                                 [table]).fetchall()
        return dict(rows) if rows else None

    def create_table(self, table: SqlTable) -> None:
        self.conn.execute(create_table_sql(table, self.dialect))

    def ensure_markers(self) -> None:
        """The completion-marker table (src/databases/markers.py), created when missing."""
        try:
            self.conn.execute(CREATE_MARKERS)
        except self.duckdb.Error as err:
            raise TargetError(f"cannot create the table {MARKER_TABLE} (which tables a load has committed): "
                              f"{err}") from None

    def loaded(self, load_id: str, table: str) -> int | None:
        """The rows this load committed into ``table``, or None when it has not."""
        row = self.fetch_one(select_marker_sql(self.param), (load_id, table))
        return None if row is None else row[0]

    def truncate(self, tables: list[SqlTable]) -> None:
        # Children first, each in its own transaction: DuckDB checks a parent's foreign keys against
        # committed children only. A self-referencing table goes leaves first (rows no row points at).
        for table in tables:
            name = quote(table.name, self.dialect)
            # The marker goes first: a crash while emptying leaves no claim that the rows are whole.
            self.conn.execute(delete_markers_sql(self.param), [table.name])
            unreferenced = " AND ".join(
                f"{quote(keys[0], self.dialect)} NOT IN (SELECT {quote(cols[0], self.dialect)} FROM {name} "
                f"WHERE {quote(cols[0], self.dialect)} IS NOT NULL)"
                for cols, parent, keys in table.foreign_keys if parent == table.name and len(cols) == 1)
            try:
                while unreferenced and self.conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]:
                    if not self.conn.execute(f"DELETE FROM {name} WHERE {unreferenced}").fetchone()[0]:
                        break  # a cycle of rows: the plain DELETE below names the problem
                self.conn.execute(f"DELETE FROM {name}")
            except self.duckdb.Error as err:
                raise TargetError(f"cannot empty table '{table.name}': {' '.join(str(err).split())}") from None

    def load(self, table: SqlTable, columns: list[str], batches: Iterable[pa.RecordBatch],
             on_rows: Callable[[int], None] | None = None, load_id: str | None = None) -> int:
        """Every batch in one transaction with the load's completion marker; returns the rows written."""
        names = ", ".join(quote(c, self.dialect) for c in columns)
        sql = f"INSERT INTO {quote(table.name, self.dialect)} ({names}) SELECT {names} FROM {_VIEW}"
        rows, whole, batch = 0, False, None
        self.conn.execute("BEGIN TRANSACTION")
        try:
            for batch in batches:
                for wave in self_reference_waves(batch, table):
                    whole = wave.num_rows == batch.num_rows
                    self.conn.register(_VIEW, wave)
                    try:
                        self.conn.execute(sql)
                    finally:
                        with contextlib.suppress(self.duckdb.Error):  # after a refusal: the real error wins
                            self.conn.unregister(_VIEW)
                rows += batch.num_rows
                if on_rows:
                    on_rows(batch.num_rows)
            if load_id is not None:
                self.conn.execute(insert_marker_sql(self.param), list(marker_row(load_id, table.name, rows)))
            self.conn.execute("COMMIT")
        except self.duckdb.Error as err:
            self.conn.execute("ROLLBACK")
            message, first = " ".join(str(err).split()), rows + 1
            at = self._first_refused(sql, batch) if whole and batch is not None else None
            if at is None and batch is not None:  # refused only with earlier rows (a key written before)
                message += f" (in rows {first:,}-{first + batch.num_rows - 1:,})"
            raise LoadRefusedError(table.name, None if at is None else rows + at, constraint_of(message),
                                   message) from None
        return rows

    def _first_refused(self, sql: str, batch: pa.RecordBatch) -> int | None:
        """The refused row of a batch (1-based) by halving it, each try rolled back; None when the
        batch alone is accepted (its refusal needs rows of earlier batches)."""
        def refuses(n: int) -> bool:
            self.conn.execute("BEGIN TRANSACTION")
            self.conn.register(_VIEW, batch.slice(0, n))
            try:
                self.conn.execute(sql)
                return False
            except self.duckdb.Error:
                return True
            finally:
                with contextlib.suppress(self.duckdb.Error):
                    self.conn.unregister(_VIEW)
                self.conn.execute("ROLLBACK")

        if not refuses(batch.num_rows):
            return None
        good, bad = 0, batch.num_rows  # the first `good` rows go in, the first `bad` do not
        while bad - good > 1:
            middle = (good + bad) // 2
            good, bad = (good, middle) if refuses(middle) else (middle, bad)
        return bad

    def after_load(self, table: SqlTable, columns: list[str]) -> None:
        """A column defaulting to ``nextval('seq')`` continues past the largest written value (DuckDB
        has no identity columns; a sequence only moves forward here)."""
        defaults = self.conn.execute("SELECT column_name, column_default FROM duckdb_columns() WHERE table_name = ? "
                                     "AND schema_name = current_schema()", [table.name]).fetchall()
        for column, default in defaults:
            match = _NEXTVAL.match(default or "")
            if column not in columns or match is None:
                continue
            top = self.fetch_one(f"SELECT max({quote(column, self.dialect)}) FROM {quote(table.name, self.dialect)}")[0]
            sequence = match.group(1)
            found = self.fetch_one("SELECT coalesce(last_value + increment_by, start_value) FROM duckdb_sequences() "
                                   "WHERE schema_name || '.' || sequence_name = ? OR sequence_name = ?",
                                   (sequence, sequence))
            if isinstance(top, int) and found is not None and found[0] <= top:
                self.conn.execute("SELECT setval(?, ?)", [sequence, top])

    def fetch_all(self, sql: str) -> list[tuple]:
        return self.conn.execute(sql).fetchall()

    def fetch_one(self, sql: str, params: tuple = ()) -> tuple:
        return self.conn.execute(sql, list(params)).fetchone()

    def close(self) -> None:
        self.conn.close()



def constraint_of(message: str) -> str | None:
    """The constraint a DuckDB refusal names (its CHECK expression, or the kind of key)."""
    for pattern, name in _CONSTRAINTS:
        match = pattern.search(message)
        if match:
            return name or match.group(1)
    return None
