"""`synthgen generate --dask ADDRESS`: part files written by a Dask cluster (see src/scale/dask_runner.py);
a multi-table document gets a folder of parts per table."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

EXIT_BAD_INPUT = 2


def add_dask_arguments(gen) -> None:
    """``--dask`` and ``--part-rows`` on ``synthgen generate``."""
    from src.scale.dask_runner import DEFAULT_PART_ROWS

    gen.add_argument("--dask", default=None, metavar="ADDRESS", help="run on a Dask cluster: tcp://host:8786, "
                     "or local[:N] for a local cluster of N worker processes; --output is then a folder of "
                     "part files (part-00000.csv, ...) and _manifest.json")
    gen.add_argument("--part-rows", type=int, default=DEFAULT_PART_ROWS,
                     help=f"rows per part file with --dask (default {DEFAULT_PART_ROWS})")


def _fail(message: str) -> int:
    print(f"synthgen: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _check_arguments(args, rows_required: bool) -> str | None:
    """What is wrong with the --dask arguments, or None."""
    from src.engine.writers import FORMATS
    from src.scale.dask_runner import parse_local

    if args.output == "-":
        return "--dask writes part files: give --output a folder"
    from src.scale.locations import folder_problem, resolve_folder

    try:
        problem = folder_problem(resolve_folder(args.output))
    except (ValueError, ImportError, OSError) as err:
        return f"--output {args.output!r}: {err}"
    if problem is not None:
        return f"--output {args.output!r} {problem}"
    if rows_required and (args.rows is None or args.rows < 1):
        return "--rows (at least 1) is required with --dask"
    if args.rows is not None and args.rows < 1:
        return f"--rows must be at least 1, not {args.rows}"
    if args.part_rows < 1 or args.chunk_size < 1:
        return "--part-rows and --chunk-size must be at least 1"
    if args.part_rows < args.chunk_size:
        args.chunk_size = args.part_rows  # parts are whole chunks: smaller chunks, so each part holds the rows asked
    if (args.format or "csv") not in FORMATS:
        return f"unknown format {args.format!r}"
    if args.format == "sql":  # one script with the schema's DDL; parts would each repeat an Arrow-typed CREATE TABLE
        return "--dask writes csv, json, jsonl or parquet parts; for one SQL script use --workers N instead"
    parse_local(args.dask)  # a bad address is refused before anything is compiled
    return None


def _output_folder(output: str):
    """The parts' folder: a Path, or the URL of a remote fsspec folder (src/scale/locations.py)."""
    from src.scale.locations import is_url, resolve_folder

    folder = resolve_folder(output)
    return folder if is_url(folder) else Path(folder)


def _table_folder(out_dir, name: str):
    """A table's folder of parts under the output: a subfolder, or the URL's child key."""
    return out_dir / name if isinstance(out_dir, Path) else f"{out_dir.rstrip('/')}/{name}"


def _report(args, rows: int, parts: int, out_dir: Path, started: float) -> None:
    if not args.quiet:
        elapsed = time.perf_counter() - started
        print(f"wrote {rows:,} rows in {parts} parts to {out_dir} (+ _manifest.json) in "
              f"{elapsed:.2f}s ({rows / elapsed:,.0f} rows/s)", file=sys.stderr)


def run_generate_dask(args) -> int:
    """Check the arguments, resolve seed and anchor here, then let the cluster write the parts."""
    from src.cli_relational import parse_anchor
    from src.scale.dask_runner import connect, run_parts
    from src.scale.recipe import recipe_for_plan
    from synthgen.generation import iter_batches

    if (problem := _check_arguments(args, rows_required=True)) is not None:
        return _fail(problem)
    out_dir, fmt = _output_folder(args.output), args.format or "csv"
    schema = json.loads(sys.stdin.read()) if args.schema == "-" else args.schema
    batches = iter_batches(schema, args.rows, args.seed, batch_size=args.chunk_size,
                           anchor=parse_anchor(args.anchor), locale=args.locale)
    if args.seed is None and batches.plan.schema.seed is None:
        again = f"--seed {batches.seed}" + ("" if args.anchor else f" --anchor {batches.anchor.isoformat()}")
        print(f"seed: {batches.seed} (rerun with {again} for the same rows)", file=sys.stderr)
    from src.cli import _progress

    started = time.perf_counter()
    bar = None if args.quiet else _progress(args.rows)
    try:
        with connect(args.dask) as client:
            entries = run_parts(client, recipe_for_plan(batches.plan), batches.plan, args.rows, out_dir, fmt,
                                args.compression or "none", args.chunk_size, args.part_rows,
                                args.csv_formula_guard, batches.schema.metadata, bar.update if bar else None)
    finally:
        if bar is not None:
            bar.close()
    _report(args, args.rows, len(entries), out_dir, started)
    return 0


def run_generate_tables_dask(args, doc: dict) -> int:
    """A multi-table document on the cluster: tables parents first, ``--output``/<table>/part-*, each
    with its manifest, then the top ``_manifest.json`` listing the tables."""
    from src.cli_relational import compile_tables_for
    from src.scale.dask_runner import connect, run_parts
    from src.scale.locations import make_folder
    from src.scale.parts import write_tables_manifest
    from src.scale.tables import table_recipe

    if (problem := _check_arguments(args, rows_required=False)) is not None:
        return _fail(problem)
    fmt = args.format or "csv"
    if args.compression == "gzip":
        return _fail("--dask writes related tables as csv, json, jsonl or parquet parts, uncompressed")
    plan = compile_tables_for(args, doc)
    if isinstance(plan, int):
        return plan
    from src.cli import _progress

    out_dir, started, parts = _output_folder(args.output), time.perf_counter(), 0
    make_folder(str(out_dir))
    bar = None if args.quiet else _progress(plan.total_rows)
    try:
        with connect(args.dask) as client:
            for name, table in plan.tables.items():  # parents first: a child's keys name written rows
                parts += len(run_parts(client, table_recipe(plan, name), table.plan, table.rows,
                                       _table_folder(out_dir, name), fmt,
                                       "none", args.chunk_size, args.part_rows, args.csv_formula_guard,
                                       on_rows=bar.update if bar else None))
    finally:
        if bar is not None:
            bar.close()
    write_tables_manifest(out_dir, plan.rows_per_table, fmt=fmt, seed=plan.seed, anchor=plan.anchor)
    _report(args, plan.total_rows, parts, out_dir, started)
    return 0
