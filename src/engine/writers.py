"""Streaming writers: CSV, JSON (one array), JSON Lines, Parquet and SQL, one record batch at a time."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from src.engine.formula_guard import guard_formulas

FORMATS = ("csv", "json", "jsonl", "parquet", "sql")
CONTENT_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
    "sql": "application/sql",
}
FILE_EXTENSIONS = {"csv": ".csv", "json": ".json", "jsonl": ".jsonl", "parquet": ".parquet", "sql": ".sql"}


class DatasetWriter:
    """Write batches in order; ``close`` finishes the file. Usable as a context manager.

    ``formula_guard`` (text formats only) prefixes text cells a spreadsheet would run as formulas.
    """

    text_output = True

    def __init__(self, sink: BinaryIO, schema: pa.Schema, owns_sink: bool, formula_guard: bool = False):
        self.sink = sink
        self.schema = schema
        self.owns_sink = owns_sink
        self.formula_guard = formula_guard and self.text_output
        self.rows_written = 0

    def write(self, batch: pa.RecordBatch) -> None:
        if batch.num_rows:
            self._write(batch)
            self.rows_written += batch.num_rows

    def _write(self, batch: pa.RecordBatch) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        pass

    def close(self) -> None:
        self._finish()
        if self.owns_sink:
            self.sink.close()
        else:
            self.sink.flush()

    def __enter__(self) -> DatasetWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class TextDatasetWriter(DatasetWriter):
    """CSV, JSON Lines or a JSON array: header, then each batch's encoded rows, then the footer.

    ``write_encoded`` takes rows already encoded by ``encode_rows`` (in a worker process, say): the
    file is the same bytes either way.
    """

    fmt = ""

    def __init__(self, sink, schema, owns_sink, formula_guard=False):
        super().__init__(sink, schema, owns_sink, formula_guard)
        self.sink.write(encode_header(self.fmt, schema))
        self._first = True

    def _write(self, batch):
        if self.fmt == "csv" and batch.num_rows:
            # Straight into the sink: encoding each batch into bytes of its own first touched ~15 MB
            # of fresh pages per 100k rows (page faults cost more system time than the copy).
            write_csv_rows(batch, self.schema, self.sink, self.formula_guard)
            self._first = False
            return
        self.write_encoded(encode_rows(self.fmt, batch, self.schema, self.formula_guard), batch.num_rows,
                           counted=True)

    def write_encoded(self, data: bytes, rows: int, counted: bool = False) -> None:
        """Append ``rows`` rows encoded by ``encode_rows`` for this format and schema."""
        if not rows:
            return
        if self.fmt == "json" and not self._first:
            self.sink.write(JSON_SEPARATOR)
        write_sliced(self.sink.write, data)
        self._first = False
        if not counted:
            self.rows_written += rows

    def skip_written(self, nbytes: int, rows: int) -> None:
        """Move past ``rows`` rows (``nbytes`` bytes, separators included) that other processes wrote
        into this file at its current position (src/scale/direct.py); the sink must be flushed first."""
        self.sink.seek(nbytes, io.SEEK_CUR)
        self.rows_written += rows
        self._first = self._first and not rows

    def _finish(self):
        self.sink.write(encode_footer(self.fmt, wrote_rows=not self._first))


class CsvDatasetWriter(TextDatasetWriter):
    """CSV rows encoded into one buffer the writer reuses: on a VM, a fresh buffer per batch (its
    pages faulted in anew, then copied) cost a third of the writer's CPU."""

    fmt = "csv"
    _buffer: pa.Buffer | None = None

    def _write(self, batch):
        self._buffer, view = encode_csv_into(self._buffer, lambda: [batch], self.schema, self.formula_guard)
        self.write_encoded(view, batch.num_rows, counted=True)


class JsonLinesDatasetWriter(TextDatasetWriter):
    """One JSON object per line, built column-wise with Arrow kernels (no per-row Python)."""

    fmt = "jsonl"


class JsonArrayDatasetWriter(TextDatasetWriter):
    """A single JSON array, streamed: '[' + objects joined by ',\\n' + ']'."""

    fmt = "json"


class ParquetDatasetWriter(DatasetWriter):
    text_output = False  # typed columns: values stay exact, no formula guard

    def __init__(self, sink, schema, owns_sink, formula_guard=False):
        import pyarrow.parquet as pq  # imported by the first Parquet output (a CSV run never needs it)

        super().__init__(sink, schema, owns_sink, formula_guard)
        self._writer = pq.ParquetWriter(sink, schema, compression="zstd")

    def _write(self, batch):
        self._writer.write_batch(batch)

    def _finish(self):
        self._writer.close()


JSON_SEPARATOR = b",\n"
FIRST_CSV_BUFFER = 32 << 20  # the first CSV buffer of a writer or worker (doubled when rows do not fit)
# Bytes per write call. One 15 MB write makes the kernel fill the page cache with 2 MB folios, and on
# a VM those come from memory handed back to the host: copying into them cost ~0.9 CPU s per 1M
# customer rows (perf: copy_folio_from_iter_atomic, 21-25% of the run) against ~0.03 s in 256 KiB writes.
WRITE_SLICE = 256 << 10


def write_sliced(write, data) -> None:
    """``data`` (bytes or a buffer) through ``write`` (a file's), WRITE_SLICE bytes a call."""
    view = memoryview(data).cast("B")
    for start in range(0, len(view), WRITE_SLICE):
        write(view[start:start + WRITE_SLICE])


def pwrite_all(fd: int, data, offset: int) -> int:
    """``data`` written at ``offset`` of ``fd`` in slices of WRITE_SLICE bytes: the offset after it."""
    view = memoryview(data).cast("B")
    while view:
        written = os.pwrite(fd, view[:WRITE_SLICE], offset)
        offset += written
        view = view[written:]
    return offset


def encode_header(fmt: str, schema: pa.Schema) -> bytes:
    """What a text file of ``fmt`` starts with: the CSV header line, '[' for a JSON array."""
    if fmt == "csv":
        buffer = io.BytesIO()
        pacsv.write_csv(_text_schema(schema).empty_table(), buffer)
        return buffer.getvalue()
    return b"[\n" if fmt == "json" else b""


def encode_rows(fmt: str, batch: pa.RecordBatch, schema: pa.Schema, formula_guard: bool = False) -> bytes:
    """A batch's rows as the bytes a text writer adds for them (CSV without header; JSON objects
    joined by ',\\n', without the separator before the first): pure in the rows, so ranges encoded
    apart (in worker processes) concatenate to the same file."""
    if fmt == "csv":
        buffer = io.BytesIO()
        write_csv_rows(batch, schema, buffer, formula_guard)
        return buffer.getvalue()
    if formula_guard:
        batch = guard_formulas(batch)
    lines = json_object_lines(batch, schema).to_pylist()
    if fmt == "jsonl":
        return ("\n".join(lines) + "\n").encode()
    return ",\n".join(lines).encode()


def write_csv_rows(batch: pa.RecordBatch, schema: pa.Schema, sink, formula_guard: bool = False) -> None:
    """A batch's CSV rows (no header) into ``sink`` (a file object or an Arrow output stream)."""
    if formula_guard:
        batch = guard_formulas(batch)
    pacsv.write_csv(_as_text_batch(batch, schema), sink, pacsv.WriteOptions(include_header=False))


def encode_csv_into(buffer: pa.Buffer | None, make_batches, schema: pa.Schema,
                    formula_guard: bool, first_size: int = FIRST_CSV_BUFFER) -> tuple[pa.Buffer, memoryview]:
    """(the buffer, a view of the CSV rows of ``make_batches()`` in it): the caller keeps the
    buffer for its next rows (warm pages); when they do not fit, a buffer twice the size and
    ``make_batches()`` again."""
    if buffer is None:
        buffer = pa.allocate_buffer(first_size)
    while True:
        sink = pa.FixedSizeBufferWriter(buffer)
        try:
            for batch in make_batches():
                write_csv_rows(batch, schema, sink, formula_guard)
            return buffer, memoryview(buffer)[:sink.tell()]
        except OSError:  # out of room ('Write out of bounds'): a larger buffer, then the rows again
            if buffer.size >= 1 << 32:
                raise
            buffer = pa.allocate_buffer(2 * buffer.size)


def encode_footer(fmt: str, wrote_rows: bool) -> bytes:
    """What a text file of ``fmt`` ends with (']' closes a JSON array)."""
    if fmt != "json":
        return b""
    return b"\n]\n" if wrote_rows else b"]\n"


_WRITERS = {"csv": CsvDatasetWriter, "parquet": ParquetDatasetWriter, "jsonl": JsonLinesDatasetWriter,
            "json": JsonArrayDatasetWriter}


def open_writer(fmt: str, sink: str | Path | BinaryIO, schema: pa.Schema,
                formula_guard: bool = False, **options) -> DatasetWriter:
    """A streaming writer for ``fmt`` (one of FORMATS) into a path or an open binary file.

    ``formula_guard``: CSV/JSON/JSONL text cells starting with = + - @ get a leading ``'``.
    ``options`` (sql only): ``table`` (src.databases.ddl_out.SqlTable), ``dialect``, ``create``.
    """
    if fmt == "sql":  # loaded on demand: the SQL writer renders through sqlglot
        from src.databases.sql_writer import open_sql_writer

        return open_sql_writer(sink, schema, formula_guard, **options)
    if fmt not in _WRITERS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if isinstance(sink, (str, Path)):
        return _WRITERS[fmt](open(sink, "wb"), schema, True, formula_guard)
    return _WRITERS[fmt](sink, schema, False, formula_guard)


DECIMALS_KEY = b"synthgen.decimals"


def with_decimals(field: pa.Field, decimals: int | None) -> pa.Field:
    """A float field that text formats write with exactly ``decimals`` digits ('279.50')."""
    if decimals is None or not pa.types.is_floating(field.type):
        return field
    return field.with_metadata({**(field.metadata or {}), DECIMALS_KEY: str(decimals).encode()})


def _decimals_of(field: pa.Field) -> int | None:
    value = (field.metadata or {}).get(DECIMALS_KEY)
    return int(value) if value is not None and pa.types.is_floating(field.type) else None


def _text_type(field: pa.Field) -> pa.DataType:
    if pa.types.is_timestamp(field.type):
        return pa.string()
    decimals = _decimals_of(field)
    return pa.decimal128(38, decimals) if decimals is not None else field.type


def _text_schema(schema: pa.Schema) -> pa.Schema:
    return pa.schema([pa.field(f.name, _text_type(f)) for f in schema])


def fixed_decimals(column: pa.Array, decimals: int) -> pa.Array:
    """Floats as exact decimals with ``decimals`` digits (written '885.00', never '885')."""
    finite = pc.if_else(pc.is_finite(column), column, pa.scalar(None, column.type))
    return pc.cast(pc.round(finite, decimals), pa.decimal128(38, decimals), safe=False)


def _as_text_batch(batch: pa.RecordBatch, schema: pa.Schema | None = None) -> pa.RecordBatch:
    """Timestamps as ISO 8601 text ('2024-05-01T13:45:00'), the form every reader accepts; floats
    with a decimals rule as fixed-point numbers."""
    schema = schema or batch.schema
    columns = []
    for field, col in zip(schema, batch.columns):
        decimals = _decimals_of(field)
        if pa.types.is_timestamp(col.type):
            col = iso_text(col)
        elif decimals is not None and pa.types.is_floating(col.type):
            col = fixed_decimals(col, decimals)
        columns.append(col)
    return pa.RecordBatch.from_arrays(columns, schema=_text_schema(schema))


def iso_text(column: pa.Array) -> pa.Array:
    if pa.types.is_timestamp(column.type):
        return pc.strftime(column, format="%Y-%m-%dT%H:%M:%S")
    if pa.types.is_date(column.type):
        return pc.strftime(column.cast(pa.timestamp("s")), format="%Y-%m-%d")
    if pa.types.is_time(column.type):
        return column.cast(pa.string())
    return column


_CONTROL_ESCAPES = tuple((chr(c), f"\\u{c:04x}") for c in range(32) if chr(c) not in "\n\r\t")


def _json_escape(column: pa.Array) -> pa.Array:
    text = pc.replace_substring(column, "\\", "\\\\")
    for raw, escaped in (('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
        text = pc.replace_substring(text, raw, escaped)
    if pc.any(pc.match_substring_regex(text, "[\\x00-\\x1f]")).as_py():  # rare: one pass per kind
        for raw, escaped in _CONTROL_ESCAPES:
            text = pc.replace_substring(text, raw, escaped)
    return pc.binary_join_element_wise('"', text, '"', "")


def _json_values(column: pa.Array) -> pa.Array:
    """Each value as JSON text; null as 'null'."""
    t = column.type
    if pa.types.is_boolean(t):
        text = pc.if_else(column, "true", "false")
    elif pa.types.is_integer(t):
        text = column.cast(pa.string())
    elif pa.types.is_floating(t):
        finite = pc.is_finite(column)
        text = pc.if_else(finite, column.cast(pa.string()), pa.scalar(None, pa.string()))
    elif pa.types.is_timestamp(t) or pa.types.is_date(t) or pa.types.is_time(t):
        text = _json_escape(iso_text(column))
    elif pa.types.is_decimal(t):
        text = column.cast(pa.string())
    else:
        text = _json_escape(column.cast(pa.string()))
    return pc.fill_null(text, "null")


def json_object_lines(batch: pa.RecordBatch, schema: pa.Schema | None = None) -> pa.Array:
    """One JSON object text per row of the batch (floats with a decimals rule keep their digits)."""
    import json

    schema = schema or batch.schema
    parts: list = []
    for index, (field, column) in enumerate(zip(schema, batch.columns)):
        key = ("{" if index == 0 else ",") + json.dumps(field.name) + ":"
        decimals = _decimals_of(field)
        if decimals is not None and pa.types.is_floating(column.type):
            column = fixed_decimals(column, decimals)
        parts.extend([key, _json_values(column)])
    parts.append("}")
    if batch.num_columns == 0:
        return pa.array(["{}"] * batch.num_rows)
    return pc.binary_join_element_wise(*parts, "")


def write_table_bytes(fmt: str, batches: list[pa.RecordBatch], schema: pa.Schema,
                      formula_guard: bool = False) -> bytes:
    """All batches as one file in memory (small previews and tests)."""
    buffer = io.BytesIO()
    with open_writer(fmt, buffer, schema, formula_guard) as writer:
        for batch in batches:
            writer.write(batch)
    return buffer.getvalue()
