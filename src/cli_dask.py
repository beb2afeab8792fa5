"""`synthgen generate --dask ADDRESS`: part files written by a Dask cluster (see src/scale/dask_runner.py)."""

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


def run_generate_dask(args) -> int:
    """Check the arguments, resolve seed and anchor here, then let the cluster write the parts."""
    from src.cli_relational import parse_anchor
    from src.engine.writers import FORMATS
    from src.scale.dask_runner import connect, parse_local, run_parts
    from src.scale.recipe import recipe_for_plan
    from synthgen.generation import iter_batches

    if args.output == "-":
        return _fail("--dask writes part files: give --output a folder")
    out_dir = Path(args.output)
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        return _fail(f"--output {args.output!r} must be a new or empty folder for the parts")
    if args.rows is None or args.rows < 1:
        return _fail("--rows (at least 1) is required with --dask")
    if args.part_rows < 1 or args.chunk_size < 1:
        return _fail("--part-rows and --chunk-size must be at least 1")
    fmt = args.format or "csv"
    if fmt not in FORMATS:
        return _fail(f"unknown format {fmt!r}")
    parse_local(args.dask)  # a bad address is refused before anything is compiled
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
    if not args.quiet:
        elapsed = time.perf_counter() - started
        print(f"wrote {args.rows:,} rows in {len(entries)} parts to {out_dir} (+ _manifest.json) in "
              f"{elapsed:.2f}s ({args.rows / elapsed:,.0f} rows/s)", file=sys.stderr)
    return 0
