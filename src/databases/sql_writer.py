"""``output_format: "sql"``: ``CREATE TABLE`` then batched multi-row ``INSERT``s, streamed.

Literals are built column-wise with Arrow kernels; how a dialect escapes a string is read from
sqlglot (its rendering of each special character), so quoting follows sqlglot's dialects, not a
hand-kept table. Identifiers are quoted by sqlglot too.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from sqlglot import exp

from src.databases.ddl_out import SqlTable, check_dialect, create_table_sql, quote
from src.engine.writers import DatasetWriter, _decimals_of, fixed_decimals

ROWS_PER_INSERT = 1000
_SPECIALS = ("\\", "'", "\n", "\r", "\t", "\x00", "\x1a")  # backslash first: later escapes add some


@lru_cache(maxsize=None)
def string_escapes(dialect: str) -> tuple[tuple[str, str], ...]:
    """(character, escaped) pairs ``dialect`` needs inside '...', as sqlglot renders them."""
    out = []
    for char in _SPECIALS:
        rendered = exp.Literal.string(char).sql(dialect=dialect)[1:-1]
        if rendered != char:
            out.append((char, rendered))
    return tuple(out)


def sql_literals(column: pa.Array, field: pa.Field, dialect: str) -> pa.Array:
    """Each value of ``column`` as a SQL literal of ``dialect`` ('NULL' for null, NaN or infinity)."""
    t = column.type
    if pa.types.is_boolean(t):
        true, false = ("1", "0") if dialect == "sqlite" else ("TRUE", "FALSE")
        text = pc.if_else(column, true, false)
    elif pa.types.is_integer(t) or pa.types.is_decimal(t):
        text = column.cast(pa.string())
    elif pa.types.is_floating(t):
        finite = pc.is_finite(column)
        decimals = _decimals_of(field)
        if decimals is not None:
            text = fixed_decimals(column, decimals).cast(pa.string())
        else:
            text = pc.if_else(finite, column.cast(pa.string()), pa.scalar(None, pa.string()))
    elif pa.types.is_timestamp(t):
        text = _quoted(pc.strftime(column, format="%Y-%m-%d %H:%M:%S"), dialect)
    elif pa.types.is_date(t):
        text = _quoted(pc.strftime(column.cast(pa.timestamp("s")), format="%Y-%m-%d"), dialect)
    else:
        text = _quoted(column.cast(pa.string()), dialect)
    return pc.fill_null(text, "NULL")


def _quoted(text: pa.Array, dialect: str) -> pa.Array:
    for char, escaped in string_escapes(dialect):
        if char in ("'", "\\") or pc.any(pc.match_substring(text, char)).as_py():
            text = pc.replace_substring(text, char, escaped)
    return pc.binary_join_element_wise("'", text, "'", "")


def insert_statements(batch: pa.RecordBatch, schema: pa.Schema, table: str, dialect: str,
                      rows_per_insert: int = ROWS_PER_INSERT) -> str:
    """``batch`` as multi-row INSERTs of at most ``rows_per_insert`` rows each."""
    columns = ", ".join(quote(f.name, dialect) for f in schema)
    head = f"INSERT INTO {quote(table, dialect)} ({columns}) VALUES\n"
    parts: list = ["("]
    for index, field in enumerate(schema):
        if index:
            parts.append(", ")
        parts.append(sql_literals(batch.column(index), field, dialect))
    parts.append(")")
    rows = pc.binary_join_element_wise(*parts, "").to_pylist()
    return "".join(head + ",\n".join(rows[i:i + rows_per_insert]) + ";\n"
                   for i in range(0, len(rows), rows_per_insert))


class SqlDatasetWriter(DatasetWriter):
    """One table: its ``CREATE TABLE`` (unless ``create=False``), then INSERTs batch by batch."""

    def __init__(self, sink: BinaryIO, schema: pa.Schema, owns_sink: bool, formula_guard: bool = False, *,
                 table: SqlTable | None = None, dialect: str = "postgres", create: bool = True,
                 rows_per_insert: int = ROWS_PER_INSERT):
        super().__init__(sink, schema, owns_sink, formula_guard=False)
        self.dialect = check_dialect(dialect)
        self.table = table or bare_table(schema)
        self.rows_per_insert = rows_per_insert
        if create:
            self.sink.write((create_table_sql(self.table, self.dialect) + ";\n\n").encode())

    def _write(self, batch: pa.RecordBatch) -> None:
        for part in self_reference_waves(batch, self.table) if self.dialect == "duckdb" else [batch]:
            text = insert_statements(part, self.schema, self.table.name, self.dialect, self.rows_per_insert)
            self.sink.write(text.encode())


def bare_table(schema: pa.Schema, name: str = "data") -> SqlTable:
    """A table known only by its Arrow schema: types, no keys or checks."""
    from src.databases.ddl_out import SqlColumn
    from src.schemas.fields import FieldSpec

    columns = [SqlColumn(f.name, FieldSpec(name=f.name, type="string"), f, not_null=False) for f in schema]
    return SqlTable(name, columns)


def open_sql_writer(sink: str | Path | BinaryIO, schema: pa.Schema, formula_guard: bool = False,
                    **options) -> SqlDatasetWriter:
    if isinstance(sink, (str, Path)):
        return SqlDatasetWriter(open(sink, "wb"), schema, True, **options)
    return SqlDatasetWriter(sink, schema, False, **options)


def write_sql_tables(tables: dict[str, SqlTable], plans: dict, rows: dict[str, int], sink: BinaryIO,
                     dialect: str, chunk_size: int = 100_000,
                     on_rows: Callable[[int], None] | None = None) -> dict[str, int]:
    """Several tables (parents first) into one SQL stream: every ``CREATE TABLE``, then each table's
    INSERTs in the same order; ``plans`` make the rows (``generate_chunk``). Returns rows per table."""
    for table in tables.values():
        sink.write((create_table_sql(table, dialect) + ";\n\n").encode())
    written = {}
    for name, plan in plans.items():
        writer = SqlDatasetWriter(sink, plan.arrow_schema, False, table=tables[name], dialect=dialect,
                                  create=False)
        for start in range(0, rows[name], chunk_size):
            batch = plan.generate_chunk(start, min(chunk_size, rows[name] - start))
            writer.write(batch)
            if on_rows:
                on_rows(batch.num_rows)
        writer.close()
        written[name] = writer.rows_written
    return written


def self_reference_waves(batch: pa.RecordBatch, table: SqlTable) -> list[pa.RecordBatch]:
    """The batch split so that no row references a row of its own INSERT: DuckDB checks a foreign key
    against rows already inserted, not against rows of the same statement (a self-reference points
    at an earlier row, so wave k holds the rows whose referenced row is in wave k-1 or earlier)."""
    selfs = [(cols[0], keys[0]) for cols, parent, keys in table.foreign_keys
             if parent == table.name and len(cols) == 1 and cols[0] in batch.schema.names
             and keys[0] in batch.schema.names]
    if not selfs:
        return [batch]
    depth = np.zeros(batch.num_rows, dtype=np.int64)
    positions = [pc.index_in(batch.column(ref), value_set=batch.column(key)).to_numpy(zero_copy_only=False)
                 for ref, key in selfs]
    for _ in range(batch.num_rows):
        new = depth.copy()
        for pos in positions:
            inside = ~np.isnan(pos) if pos.dtype.kind == "f" else pos >= 0
            idx = np.where(inside, pos, 0).astype(np.int64)
            new = np.maximum(new, np.where(inside, depth[idx] + 1, 0))
        if np.array_equal(new, depth):
            break
        depth = new
    return [batch.filter(pa.array(depth == wave)) for wave in range(int(depth.max()) + 1)]
