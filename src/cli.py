"""`synthgen`: generate datasets from a schema file, and list the field types."""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from src.errors import SchemaValidationError

EXIT_BAD_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="synthgen", description="Synthetic data that obeys every rule.")
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write a dataset from a schema document")
    gen.add_argument("--schema", required=True, help="schema document (JSON file, or - for stdin)")
    gen.add_argument("--rows", required=True, type=int, help="number of rows")
    gen.add_argument("--format", default="csv", choices=("csv", "json", "jsonl", "parquet"))
    gen.add_argument("--output", required=True, help="output file path (- for stdout)")
    gen.add_argument("--seed", type=int, default=None, help="seed (default: the schema's, else 0)")
    gen.add_argument("--chunk-size", type=int, default=100_000, help="rows per chunk (default 100000)")
    gen.add_argument("--locale", default=None, help="Faker-style locale for names, e.g. de_DE")
    gen.add_argument("--anchor", default=None, help="ISO time that relative dates resolve against "
                                                  "(default: now)")
    gen.add_argument("--quiet", action="store_true", help="no progress bar")
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
    return run_generate(args)


def run_types(args) -> int:
    from src.engine.catalog import type_catalog

    rows = type_catalog()
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        width = max(len(r["type"]) for r in rows)
        for row in rows:
            print(f"{row['type']:<{width}}  {row['group']:<12}  {row['example']}")
        print(f"\n{len(rows)} types")
        for row in rows:
            if row["type"] == "string":
                print(f"\nA `string` field named for a thing gets that thing ({len(row['meanings'])} meanings):")
                for m in row["meanings"]:
                    print(f"  {m['meaning']:<22} {m['example']:<36} names: {', '.join(m['names'][:4])}")
        numeric = next(r for r in rows if r["type"] == "integer")["meanings"]
        print(f"\nA number with no min/max gets a default from its name ({len(numeric)} meanings):")
        for m in numeric:
            print(f"  {', '.join(m['names'][:3]):<44} {m['default']}")
    return 0


def _fail(message: str) -> int:
    print(f"synthgen: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run_generate(args) -> int:
    import datetime as dt

    from src.engine import compile_schema
    from src.engine.writers import open_writer

    if args.rows < 0:
        return _fail("--rows must be >= 0")
    if args.chunk_size <= 0:
        return _fail("--chunk-size must be > 0")
    try:
        text = sys.stdin.read() if args.schema == "-" else Path(args.schema).read_text()
    except OSError as err:
        return _fail(f"cannot read schema file: {err}")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        return _fail(f"schema file is not valid JSON: {err}")
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
