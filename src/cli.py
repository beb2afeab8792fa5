"""`synthgen`: generate datasets from a schema file, and list the field types."""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from src.cli_relational import add_validate_command, read_document, run_generate_tables, run_validate
from src.errors import SchemaValidationError
from src.schemas.relational import is_relational

EXIT_BAD_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="synthgen", description="Synthetic data that obeys every rule.")
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write a dataset from a schema document")
    gen.add_argument("--schema", required=True, help="schema document (JSON file, or - for stdin)")
    gen.add_argument("--rows", type=int, default=None, help="number of rows (multi-table: the first "
                     "table's, when it gives none)")
    gen.add_argument("--format", default="csv", choices=("csv", "json", "jsonl", "parquet"))
    gen.add_argument("--output", required=True, help="output file path (- for stdout); a directory for a "
                     "multi-table schema (one file per table)")
    gen.add_argument("--seed", type=int, default=None, help="seed (default: the schema's, else 0)")
    gen.add_argument("--chunk-size", type=int, default=100_000, help="rows per chunk (default 100000)")
    gen.add_argument("--locale", default=None, help="Faker-style locale for names, e.g. de_DE")
    gen.add_argument("--anchor", default=None, help="ISO time that relative dates resolve against "
                                                  "(default: now)")
    gen.add_argument("--quiet", action="store_true", help="no progress bar")
    add_validate_command(sub)
    types = sub.add_parser("types", help="list field types with an example each")
    types.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


class _NoPandasFinder:
    """Makes `import pandas` fail fast: pyarrow imports it on first use when installed (1+ s of
    start-up) and falls back cleanly without it; the CLI never needs pandas."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("pandas is not used by the synthgen CLI")
        return None


def _skip_pandas_import() -> None:
    if "pandas" not in sys.modules and not any(isinstance(f, _NoPandasFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _NoPandasFinder())


def main(argv: list[str] | None = None) -> int:
    _skip_pandas_import()
    args = build_parser().parse_args(argv)
    if args.command == "types":
        return run_types(args)
    if args.command == "validate":
        return run_validate(args)
    return run_generate(args)


def run_types(args) -> int:
    from src.engine import create_default_registry
    from src.schemas import FIELD_TYPE_GROUPS

    registry = create_default_registry()
    rows = [{"type": t, "group": group, "example": registry.get(t).example}
            for group, names in FIELD_TYPE_GROUPS.items() for t in names]
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        width = max(len(r["type"]) for r in rows)
        for row in rows:
            print(f"{row['type']:<{width}}  {row['group']:<12}  {row['example']}")
        print(f"\n{len(rows)} types")
    return 0


def _fail(message: str) -> int:
    print(f"synthgen: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run_generate(args) -> int:
    import datetime as dt

    from src.engine import compile_schema
    from src.engine.writers import open_writer

    doc, error = read_document(args.schema)
    if error:
        return _fail(error)
    if is_relational(doc):
        return run_generate_tables(args, doc)
    if args.rows is None:
        return _fail("--rows is required for a single-table schema")
    if args.rows < 0:
        return _fail("--rows must be >= 0")
    if args.chunk_size <= 0:
        return _fail("--chunk-size must be > 0")
    if isinstance(doc, dict) and args.locale:
        doc["locale"] = args.locale
    anchor = None
    if args.anchor:
        try:
            anchor = dt.datetime.fromisoformat(args.anchor)
        except ValueError:
            return _fail(f"--anchor {args.anchor!r} is not an ISO date/time")
    try:
        plan = compile_schema(doc, seed=args.seed, anchor=anchor)
        plan.check_row_count(args.rows)
    except SchemaValidationError as err:
        lines = "\n".join(f"  - {p}" for p in err.problems)
        return _fail(f"invalid schema:\n{lines}")

    sink = sys.stdout.buffer if args.output == "-" else args.output
    progress = None if args.quiet or args.output == "-" and not sys.stderr.isatty() else _progress(args.rows)
    started = time.perf_counter()
    try:
        with open_writer(args.format, sink, plan.arrow_schema) as writer, ThreadPoolExecutor(1) as pool:
            # Write chunk k on a second thread while chunk k+1 is generated (Arrow releases the GIL).
            pending = None
            for start in range(0, args.rows, args.chunk_size):
                batch = plan.generate_chunk(start, min(args.chunk_size, args.rows - start))
                if pending is not None:
                    pending.result()
                pending = pool.submit(writer.write, batch)
                if progress:
                    progress.update(batch.num_rows)
            if pending is not None:
                pending.result()
    except OSError as err:
        return _fail(f"cannot write output: {err}")
    finally:
        if progress:
            progress.close()
    elapsed = time.perf_counter() - started
    if not args.quiet and args.output != "-":
        rate = args.rows / elapsed if elapsed > 0 else float("inf")
        print(f"wrote {args.rows:,} rows to {args.output} in {elapsed:.2f}s ({rate:,.0f} rows/s)",
              file=sys.stderr)
    return 0


def _progress(total: int):
    from tqdm import tqdm

    return tqdm(total=total, unit="rows", unit_scale=True, file=sys.stderr, mininterval=0.5,
                disable=total < 200_000)


if __name__ == "__main__":
    sys.exit(main())
