"""`synthgen generate` into SQL: ``--format sql --dialect D`` (one file of CREATE TABLEs and INSERTs)
and ``--to URL [--create-tables] [--truncate]`` (straight into PostgreSQL, SQLite or DuckDB).

Kept apart from src/cli.py, which only registers these options and hands the run over.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from src.errors import SchemaValidationError

EXIT_BAD_INPUT = 2
DIALECTS = ("postgres", "mysql", "sqlite", "duckdb")


def add_database_options(gen) -> None:
    """Register --dialect, --table, --to, --create-tables and --truncate on ``generate``."""
    gen.add_argument("--dialect", default="postgres", choices=DIALECTS,
                     help="SQL dialect of --format sql (default postgres)")
    gen.add_argument("--table", default=None, help="table name of a single-table schema in SQL output "
                     "or --to (default: the output's file name, else the schema's name, else data)")
    gen.add_argument("--to", default=None, metavar="URL", help="write into a database instead of a file: "
                     "postgresql://user@host/db, sqlite:///file.db or duckdb:///file.duckdb")
    gen.add_argument("--create-tables", action="store_true", help="--to: create missing tables from the "
                     "schema (keys and checks included)")
    gen.add_argument("--truncate", action="store_true", help="--to: empty the tables first (children first)")


def _fail(message: str) -> int:
    print(f"synthgen: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _compile(args, backend=None):
    """(plans, rows and SqlTables by table name, parents first; tables read from the target) for
    --schema; with ``backend``, parents only in the target database stand in with their keys."""
    from src.cli_relational import parse_anchor, read_document
    from src.databases.ddl_out import describe_document, describe_plan
    from src.schemas.relational import is_relational
    from synthgen.generation import draw_seed

    doc, error = read_document(args.schema)
    if error:
        raise ValueError(error)
    seed = args.seed if args.seed is not None else (doc.get("seed") if isinstance(doc, dict) else None)
    drawn = seed is None
    seed = draw_seed() if drawn else seed
    anchor = parse_anchor(args.anchor)
    existing: list[str] = []
    fixed: dict = {}
    if backend is not None and is_relational(doc):
        from src.databases.existing_parents import resolve_existing_parents

        found = resolve_existing_parents(doc, backend)
        doc, existing, fixed = found.doc, found.names, found.fixed
    if is_relational(doc):
        from src.engine.relational import compile_relational

        plan = compile_relational({**doc, "locale": args.locale or doc.get("locale")}, seed=seed, anchor=anchor,
                                  root_rows=args.rows, fixed=fixed)
        plans = {name: t.plan for name, t in plan.tables.items()}
        rows = plan.rows_per_table
        tables = describe_document(plan.doc, plans)
        anchor = plan.anchor
    else:
        from src.engine import compile_schema

        if args.rows is None or args.rows < 1:
            raise ValueError("--rows (at least 1) is required for a single-table schema")
        if isinstance(doc, dict) and args.locale:
            doc = {**doc, "locale": args.locale}
        single = compile_schema(doc, seed=seed, anchor=anchor)
        single.check_row_count(args.rows)
        name = args.table or (Path(args.output).name.split(".")[0] if args.output not in (None, "-") else None)
        table = describe_plan(single, _identifier(name))
        plans, rows, tables, anchor = {table.name: single}, {table.name: args.rows}, {table.name: table}, single.anchor
    if not args.quiet and (drawn or not args.anchor):
        # Relative dates resolve against the anchor: a rerun without it is another load, not this one.
        said = f"seed: {seed}" if drawn else f"anchor: {anchor.isoformat()}"
        print(f"{said} (rerun with --seed {seed} --anchor {anchor.isoformat()} for the same rows)",
              file=sys.stderr)
    from src.databases.existing_parents import digest_keys
    from src.databases.markers import digest_load

    load_id = digest_load(doc, seed, anchor.isoformat(), rows, args.locale, args.table, digest_keys(fixed))
    return plans, rows, tables, existing, load_id


def table_name_problem(name: str) -> str | None:
    """Why ``--table NAME`` cannot name a table, or None."""
    from src.databases.ddl_out import identifier_or_none

    if identifier_or_none(name) is None:
        return f"--table {name!r} is not a table name (letters, digits and _, at most 63, not starting with a digit)"
    return None


def _identifier(name: str | None) -> str | None:
    if name is not None and table_name_problem(name):
        raise ValueError(table_name_problem(name))
    return name


def run_generate_to(args) -> int:
    """``--to URL``: every table into the database, parents first, each in one transaction with a
    completion marker: rerunning the same command (same document, seed, anchor and rows) after a crash
    skips the tables it already committed and writes the rest."""
    from src.cli import _progress
    from src.databases.targets import LoadRefusedError, TableSource, load_tables, open_backend, parse_target

    target = parse_target(args.to)
    if args.chunk_size < 1:
        return _fail(f"--chunk-size must be at least 1, not {args.chunk_size}")
    backend = open_backend(target)
    try:
        plans, rows, tables, existing, load_id = _compile(args, backend)
    except ValueError as err:
        return _fail(str(err))
    except SchemaValidationError as err:
        return _fail("invalid schema:\n" + "\n".join(f"  - {p}" for p in err.problems))
    finally:
        backend.close()
    sources = {name: TableSource(tables[name], plans[name], rows[name]) for name in plans if name not in existing}
    rows = {name: rows[name] for name in sources}
    total = sum(rows.values())
    if not args.quiet:
        print(f"load {load_id}: if this run is cut off, the same command with --seed and --anchor as "
              "used here finishes it (tables already committed are skipped)", file=sys.stderr)
    started = time.perf_counter()
    with contextlib.ExitStack() as stack:
        bar = None if args.quiet else stack.enter_context(_progress(total))
        try:
            result = load_tables(target, sources, create_tables=args.create_tables, truncate=args.truncate,
                                 chunk_size=min(args.chunk_size, 50_000), on_rows=bar.update if bar else None,
                                 load_id=load_id)
        except LoadRefusedError as err:
            return _fail(str(err) + _refusal_hint(err, args))
    elapsed = time.perf_counter() - started
    written = result.rows
    if result.skipped:  # even with --quiet: nothing was written into these tables
        print(f"skipped {', '.join(result.skipped)}: an identical earlier run (load {load_id}) already "
              f"committed these rows; --truncate writes them again", file=sys.stderr)
    if not args.quiet:
        for name, count in written.items():
            print(f"  {name}: {count:,} rows", file=sys.stderr)
        rate = total / elapsed if elapsed > 0 else float("inf")
        print(f"wrote {total:,} rows in {len(written)} table(s) to {target.display} in {elapsed:.2f}s "
              f"({rate:,.0f} rows/s)", file=sys.stderr)
    return 0


def _refusal_hint(err, args) -> str:
    """What to do when the target already holds rows with the generated keys."""
    said = f"{err.constraint or ''} {err.reason}".lower()
    if args.truncate or not any(word in said for word in ("unique", "duplicate", "primary key", "pkey")):
        return ""
    return ("\nthe table may already hold rows with these keys (an earlier load): --truncate empties the "
            "tables first; rerunning an earlier command with its --seed and --anchor skips the tables it committed")


def run_generate_sql_tables(args, doc: dict) -> int:
    """A multi-table schema as one SQL file: every CREATE TABLE, then each table's INSERTs."""
    from src.cli import _progress
    from src.databases.sql_writer import write_sql_tables

    try:
        plans, rows, tables, _, _ = _compile(args)
    except ValueError as err:
        return _fail(str(err))
    except SchemaValidationError as err:
        return _fail("invalid schema:\n" + "\n".join(f"  - {p}" for p in err.problems))
    total = sum(rows.values())
    with contextlib.ExitStack() as stack:
        bar = None if args.quiet or args.output == "-" else stack.enter_context(_progress(total))
        on_rows = bar.update if bar else None
        if args.output == "-":
            write_sql_tables(tables, plans, rows, sys.stdout.buffer, args.dialect, args.chunk_size, on_rows)
            sys.stdout.buffer.flush()
            return 0
        path = Path(args.output)
        if path.is_dir() or not path.parent.is_dir():
            return _fail(f"--output {args.output!r}: give a file in an existing folder for SQL output")
        partial = path.with_name(f".{path.name}.{os.getpid()}.part")
        try:
            with open(partial, "wb") as sink:
                write_sql_tables(tables, plans, rows, sink, args.dialect, args.chunk_size, on_rows)
            os.replace(partial, path)
        except OSError as err:
            return _fail(f"cannot write output: {err}")
        finally:
            partial.unlink(missing_ok=True)
    if not args.quiet:
        print(f"wrote {total:,} rows in {len(rows)} tables to {path} ({args.dialect})", file=sys.stderr)
    return 0

