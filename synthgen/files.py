"""Output files: the format and compression from the file name, streamed and atomic writes."""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa

from src.engine.writers import FORMATS, open_writer
from src.errors import SynthError
from synthgen.generation import DEFAULT_BATCH_SIZE, Batches, SchemaLike, iter_batches

COMPRESSIONS = ("gzip", "none")
_SUFFIX_FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet",
                   ".sql": "sql"}


class OutputFormatError(SynthError, ValueError):
    """The format or compression asked for does not fit the output's name."""


def resolve_output(path: str | Path, format: str | None = None,
                   compression: str | None = None) -> tuple[str, str]:
    """(format, compression) for an output path: inferred from ``.csv``/``.json``/``.jsonl``/
    ``.parquet`` (+ ``.gz``) and checked against what was asked for. ``"-"`` means stdout (csv).
    """
    if format is not None and format not in FORMATS:
        raise OutputFormatError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    if compression is not None and compression not in COMPRESSIONS:
        raise OutputFormatError(f"unknown compression {compression!r}: use gzip or none")
    if str(path) == "-":
        return format or "csv", compression or "none"
    name = Path(path).name.lower()
    gzipped = name.endswith(".gz")
    inferred = _SUFFIX_FORMATS.get(Path(name.removesuffix(".gz")).suffix)
    if format is None and inferred is None:
        raise OutputFormatError(
            f"cannot tell the format from the name {Path(path).name!r}: name it .csv, .json, .jsonl, "
            f".parquet or .sql (optionally + .gz), or give the format ({', '.join(FORMATS)})")
    if format is not None and inferred is not None and format != inferred:
        raise OutputFormatError(
            f"format {format} does not match the file name {Path(path).name!r} ({inferred}): "
            f"drop the format or name the file for it")
    if compression == "gzip" and not gzipped:
        raise OutputFormatError(f"gzip compression needs a name ending in .gz, not {Path(path).name!r}")
    if compression == "none" and gzipped:
        raise OutputFormatError(f"{Path(path).name!r} ends in .gz but compression is none")
    return format or inferred, "gzip" if gzipped else "none"


@dataclass(frozen=True)
class WriteResult:
    """What ``write`` produced; ``seed`` and ``anchor`` reproduce the file."""

    path: str
    format: str
    compression: str
    rows: int
    seed: int
    anchor: dt.datetime


def write_batches(batches: Batches, sink: BinaryIO | pa.NativeFile, format: str, compression: str,
                  on_batch=None, formula_guard: bool = False, sql_dialect: str = "postgres",
                  sql_table: str | None = None, workers=1) -> int:
    """Stream every batch into an open binary sink (left open); returns the rows written.

    Format sql: ``sql_dialect`` (postgres, mysql, sqlite, duckdb) of the CREATE TABLE and INSERTs,
    ``sql_table`` the table's name (default: the schema's name when it is an identifier, else data).
    ``workers`` > 1 (or a ``src.scale.pool.RangePool``) makes the rows in worker processes: the
    same bytes as one process.
    """
    stream = pa.CompressedOutputStream(sink, "gzip") if compression == "gzip" else sink
    # Parquet keeps the seed in its metadata; the text writers take the plain schema.
    schema = batches.schema if format == "parquet" else batches.plan.arrow_schema
    options = {}
    if format == "sql":
        from src.databases.ddl_out import describe_plan

        options = {"table": describe_plan(batches.plan, sql_table), "dialect": sql_dialect}
    with open_writer(format, stream, schema, formula_guard, **options) as writer:
        if workers == 1:
            _write_in_process(writer, batches, format, on_batch)
        else:
            _write_with_workers(writer, batches, format, on_batch, workers)
    if stream is not sink:
        stream.close()
    return writer.rows_written


def _write_in_process(writer, batches: Batches, format: str, on_batch) -> None:
    with ThreadPoolExecutor(1) as pool:
        # Batch k is written on a second thread while batch k+1 is generated (Arrow releases the GIL).
        pending = None
        for batch in batches:
            if format != "parquet":
                batch = batch.replace_schema_metadata(None)
            if pending is not None:
                pending.result()
            pending = pool.submit(writer.write, batch)
            if on_batch is not None:
                on_batch(batch.num_rows)
        if pending is not None:
            pending.result()


def _write_with_workers(writer, batches: Batches, format: str, on_batch, workers) -> None:
    from src.scale.feed import feed_writer
    from src.scale.pool import RangePool
    from src.scale.recipe import recipe_for_plan

    pool = workers if isinstance(workers, RangePool) else RangePool(workers)
    try:
        metadata = batches.schema.metadata if format == "parquet" else None
        feed_writer(writer, format, batches.plan, recipe_for_plan(batches.plan), batches.rows,
                    batches.batch_size, pool, on_batch, metadata)
    finally:
        if pool is not workers:
            pool.close()


def write_file(batches: Batches, path: str | Path, format: str, compression: str, on_batch=None,
               formula_guard: bool = False, sql_dialect: str = "postgres", sql_table: str | None = None,
               workers=1) -> int:
    """Write to ``path`` through a temporary sibling renamed into place: a failed or interrupted
    run never leaves a truncated file under the final name."""
    path = Path(path)
    if not path.parent.is_dir():
        raise OutputFormatError(f"the folder {str(path.parent)!r} for {path.name!r} does not exist")
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with open(partial, "wb") as sink:
            rows = write_batches(batches, sink, format, compression, on_batch, formula_guard, sql_dialect,
                                 sql_table, workers)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return rows


def write(schema: SchemaLike, rows: int, path: str | Path, format: str | None = None, *,
          compression: str | None = None, seed: int | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
          anchor: dt.datetime | None = None, locale: str | None = None,
          csv_formula_guard: bool = False, workers: int | None = 1) -> WriteResult:
    """Generate ``rows`` rows into ``path``, streamed batch by batch (memory stays bounded).

    The format (csv, json, jsonl, parquet) and gzip compression come from the name
    (``data.csv.gz``) unless given; a format that contradicts the name is refused.
    ``csv_formula_guard`` prefixes text cells starting with = + - @ (CSV/JSON) with ' for spreadsheets.
    ``workers``: processes making rows (None: one per usable core for large runs); same bytes for any.
    """
    format, compression = resolve_output(path, format, compression)
    if str(path) == "-":
        raise OutputFormatError("write() needs a file path; '-' (stdout) is for the CLI")
    batches = iter_batches(schema, rows, seed, batch_size=batch_size, anchor=anchor, locale=locale)
    from src.scale.cores import choose_workers

    written = write_file(batches, path, format, compression, formula_guard=csv_formula_guard,
                         workers=choose_workers(workers, rows))
    return WriteResult(str(path), format, compression, written, batches.seed, batches.anchor)
