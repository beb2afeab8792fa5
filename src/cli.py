"""`synthgen`: generate datasets from a schema file, and list the field types."""

from __future__ import annotations

import argparse
import json
import sys
import time

from src.scale.heap import keep_arrow_memory

keep_arrow_memory()  # before pyarrow is imported: its allocator reads the setting once

from src.cli_dask import add_dask_arguments, run_generate_dask, run_generate_tables_dask  # noqa: E402
from src.cli_relational import add_validate_command, read_multi_table_document, run_generate_tables, run_validate  # noqa: E402,E501
from src.cli_database import add_database_options, run_generate_to, table_name_problem  # noqa: E402
from src.cli_schema import add_schema_parser  # noqa: E402
from src.nopandas import skip_pandas_import as _skip_pandas_import  # noqa: E402

EXIT_BAD_INPUT = 2
EXIT_UNEXPECTED = 1

GENERATE_EXAMPLES = """\
examples:
  synthgen generate --schema bench/customer_schema.json --rows 1000000 --output customers.parquet
  synthgen generate --schema schema.json --rows 5000000 --output orders.csv.gz --seed 7
  synthgen generate --schema schema.json --rows 10 --format jsonl --output - | head -3
  cat schema.json | synthgen generate --schema - --rows 1000 --locale de_DE --output people.csv
  synthgen generate --schema shop.json --format parquet --output out/   # tables: out/<table>.parquet
  synthgen generate --schema shop.json --output shop.sql --dialect mysql   # CREATE TABLEs + INSERTs
  synthgen generate --schema shop.json --to sqlite:///shop.db --create-tables   # straight into a database

The format comes from the output's name (.csv, .json, .jsonl, .parquet, .sql, each optionally .gz);
--format is needed only for --output - (default csv) or an unusual name. Without --seed (and no
"seed" in the schema) a random seed is drawn and printed, so any run can be repeated exactly.
"""

TYPES_EXAMPLES = """\
examples:
  synthgen types
  synthgen types --json | python -c 'import json,sys; print(len(json.load(sys.stdin)))'
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="synthgen", description="Synthetic data that obeys every rule.",
        epilog="Run 'synthgen generate --help' or 'synthgen types --help' for examples.")
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write a dataset from a schema document", epilog=GENERATE_EXAMPLES,
                         formatter_class=argparse.RawDescriptionHelpFormatter,
                         description="Write ROWS rows that obey every rule of a schema document.")
    gen.add_argument("--schema", required=True, help="schema document (JSON file, or - for stdin)")
    gen.add_argument("--rows", type=int, default=None, help="number of rows (at least 1); multi-table: "
                     "the first table's, when it gives none")
    gen.add_argument("--output", default=None, help="output file path (- for stdout); a directory for a "
                     "multi-table schema (one file per table; one file for sql)")
    gen.add_argument("--format", default=None, choices=("csv", "json", "jsonl", "parquet", "sql"),
                     help="output format (default: from the output's name; csv for -)")
    gen.add_argument("--compression", default=None, choices=("gzip", "none"),
                     help="default: gzip when the output's name ends in .gz, else none")
    gen.add_argument("--seed", type=int, default=None,
                     help="seed (default: the schema's, else a random one that is printed)")
    gen.add_argument("--chunk-size", type=int, default=100_000, help="rows per chunk (default 100000)")
    gen.add_argument("--locale", default=None, help="Faker-style locale for names, e.g. de_DE")
    gen.add_argument("--anchor", default=None, help="ISO time that relative dates resolve against "
                                                  "(default: now)")
    gen.add_argument("--quiet", action="store_true",
                     help="no progress bar or summary (a drawn seed is still printed)")
    gen.add_argument("--csv-formula-guard", action="store_true", help="prefix text cells starting with "
                     "= + - @ with ' (CSV/JSON/JSONL) so spreadsheets do not run them")
    add_database_options(gen)
    gen.add_argument("--workers", type=int, default=None, help="processes making rows (default: one per "
                     "usable core for runs of 1M rows or more, else 1 = this process); same bytes for any")
    add_dask_arguments(gen)
    add_validate_command(sub)
    types = sub.add_parser("types", help="list field types with an example each", epilog=TYPES_EXAMPLES,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    types.add_argument("--json", action="store_true", help="machine-readable output")
    add_schema_parser(sub)
    return parser


# Set by a single-table run into a file: every file it opens is closed before main returns.
_skip_teardown = False


def main(argv: list[str] | None = None) -> int:
    """Run one command; every failure is a clear message and an exit code, never a traceback."""
    from src.start_up import end_without_teardown, pause_collector, resume_collector

    _skip_pandas_import()
    if argv is None:  # the process's own command line: start-up without collector passes
        pause_collector()
    try:
        code = _run(argv)
    finally:
        resume_collector()
    if argv is None and _skip_teardown:
        end_without_teardown(code)
    return code


def _run(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    from src.errors import SchemaValidationError, SynthError

    try:
        if args.command == "types":
            return run_types(args)
        if args.command == "schema":
            return args.handler(args)
        if args.command == "validate":
            return run_validate(args)
        return run_generate(args)
    except SchemaValidationError as err:
        lines = "\n".join(f"  - {p}" for p in err.problems)
        return _fail(f"invalid schema:\n{lines}")
    except SynthError as err:
        return _fail(str(err))
    except KeyboardInterrupt:
        print("synthgen: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _close_broken_stdout()
    except Exception as err:  # noqa: BLE001 - the one place that turns a bug into one line
        message = " ".join(str(err).split()) or "no details"
        print(f"synthgen: unexpected error ({type(err).__name__}): {message}", file=sys.stderr)
        return EXIT_UNEXPECTED


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
        print("\nText in the locale's language:")
        for row in rows:
            if "languages" in row:
                print(f"  {row['type']:<14} {row['languages']}")
        numeric = next(r for r in rows if r["type"] == "integer")["meanings"]
        print(f"\nA number with no min/max gets a default from its name ({len(numeric)} meanings):")
        for m in numeric:
            print(f"  {', '.join(m['names'][:3]):<44} {m['default']}")
    return 0


def _fail(message: str) -> int:
    print(f"synthgen: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _close_broken_stdout() -> int:
    """`synthgen ... --output - | head`: the reader left; stop quietly like other Unix tools."""
    import os

    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def run_generate(args) -> int:
    import datetime as dt

    from src.schemas.fields import MAX_SEED
    from synthgen.files import resolve_output
    from synthgen.generation import iter_batches

    if (args.output is None) == (args.to is None):
        return _fail("give --output (a file) or --to (a database URL), one of them")
    if args.workers is not None and args.workers < 1:
        return _fail(f"--workers must be at least 1, not {args.workers}")
    if args.to is not None:
        return run_generate_to(args)
    if _same_file(args.output, args.schema):
        return _fail(f"--output {args.output!r} is the schema file itself: writing rows there would destroy the schema")
    if args.table is not None and table_name_problem(args.table):
        return _fail(table_name_problem(args.table))
    tables_doc = read_multi_table_document(args.schema)
    if tables_doc is not None:
        if args.dask:
            return run_generate_tables_dask(args, tables_doc)
        return run_generate_tables(args, tables_doc)
    if args.dask:
        return run_generate_dask(args)
    if args.rows is None:
        return _fail("--rows is required for a single-table schema")
    if args.rows < 1:
        return _fail(f"--rows must be at least 1, not {args.rows}")
    if args.chunk_size < 1:
        return _fail(f"--chunk-size must be at least 1, not {args.chunk_size}")
    if args.seed is not None and not 0 <= args.seed <= MAX_SEED:
        return _fail(f"--seed must be from 0 to {MAX_SEED}, not {args.seed}")
    fmt, compression = resolve_output(args.output, args.format, args.compression)
    anchor = None
    if args.anchor:
        try:
            anchor = dt.datetime.fromisoformat(args.anchor)
        except ValueError:
            return _fail(f"--anchor {args.anchor!r} is not an ISO date/time")
    try:
        schema = json.loads(sys.stdin.read()) if args.schema == "-" else args.schema
    except json.JSONDecodeError as err:
        return _fail(f"the schema on stdin is not valid JSON: {err}")
    try:
        batches = iter_batches(schema, args.rows, args.seed, batch_size=args.chunk_size, anchor=anchor,
                               locale=args.locale)
    except OSError as err:
        return _fail(f"cannot read schema file: {err.strerror or err}: {args.schema}")
    from src.start_up import resume_collector

    resume_collector()  # the plan is compiled: what start-up built stays
    if args.seed is None and batches.plan.schema.seed is None:
        again = f"--seed {batches.seed}" + ("" if args.anchor else f" --anchor {batches.anchor.isoformat()}")
        print(f"seed: {batches.seed} (rerun with {again} for the same rows)", file=sys.stderr)

    from src.scale.start import pool_for_run

    global _skip_teardown
    _skip_teardown = args.output != "-"
    with pool_for_run(args.workers, args.rows, lambda: [_plan_with_recipe(batches.plan)]) as pool:
        return _write_output(args, batches, fmt, compression, pool)


def _plan_with_recipe(plan) -> tuple:
    from src.scale.recipe import recipe_for_plan

    return recipe_for_plan(plan), plan


def _same_file(output: str, schema: str | None) -> bool:
    from pathlib import Path

    if output in (None, "-") or schema in (None, "-"):
        return False
    try:
        return Path(output).resolve() == Path(schema).resolve()
    except OSError:
        return False


def _write_output(args, batches, fmt, compression, pool) -> int:
    from synthgen.files import write_batches, write_file

    to_stdout = args.output == "-"
    progress = None if args.quiet or to_stdout and not sys.stderr.isatty() else _progress(args.rows)
    started = time.perf_counter()
    on_batch = progress.update if progress else None
    try:
        if to_stdout:
            write_batches(batches, sys.stdout.buffer, fmt, compression, on_batch, args.csv_formula_guard,
                          args.dialect, args.table, pool or 1)
        else:
            write_file(batches, args.output, fmt, compression, on_batch, args.csv_formula_guard, args.dialect,
                       args.table or (_stem_table(args.output) if fmt == "sql" else None), pool or 1)
    except BrokenPipeError:
        raise
    except OSError as err:
        return _fail(f"cannot write output: {err.strerror or err}: {args.output}")
    finally:
        if progress:
            progress.close()
    elapsed = time.perf_counter() - started
    if not args.quiet and not to_stdout:
        rate = args.rows / elapsed if elapsed > 0 else float("inf")
        print(f"wrote {args.rows:,} rows to {args.output} in {elapsed:.2f}s ({rate:,.0f} rows/s)",
              file=sys.stderr)
    return 0


def _stem_table(output: str) -> str | None:
    """A SQL file's default table name: its file name's stem ('customers.sql' -> customers)."""
    from pathlib import Path

    from src.databases.ddl_out import identifier_or_none

    return identifier_or_none(Path(output).name.split(".")[0])


def _progress(total: int):
    from tqdm import tqdm

    return tqdm(total=total, unit="rows", unit_scale=True, file=sys.stderr, mininterval=0.5,
                disable=total < 200_000)


if __name__ == "__main__":
    sys.exit(main())
