"""`synthgen validate`, and `synthgen generate` for multi-table documents (one file per table).

Kept apart from src/cli.py: cli.py hands a document with ``tables`` to ``run_generate_tables``.
"""

from __future__ import annotations

import contextlib
import io
import datetime as dt
import json
import sys
import time
from pathlib import Path

from src.errors import SchemaValidationError

EXIT_BAD_INPUT = 2


def add_validate_command(sub) -> None:
    """Register ``synthgen validate --schema FILE [--rows N]``."""
    val = sub.add_parser("validate", help="check a schema document (one table or several) and list its problems")
    val.add_argument("--schema", required=True, help="schema document (JSON file, or - for stdin)")
    val.add_argument("--rows", type=int, default=None,
                     help="rows to check unique rules against (multi-table: the first table's, if it gives none)")
    val.add_argument("--json", action="store_true", help="machine-readable output")


def _fail(message: str) -> int:
    print(f"synthgen: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def read_document(source: str) -> tuple[object | None, str | None]:
    """(document, None) or (None, error message) for a schema file path or '-'."""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text()
    except OSError as err:
        return None, f"cannot read schema file: {err}"
    try:
        return json.loads(text), None
    except json.JSONDecodeError as err:
        return None, f"schema file is not valid JSON: {err}"


def read_multi_table_document(source: str) -> dict | None:
    """The document when ``--schema`` holds a multi-table one, else None (and stdin stays readable for
    the one-table path)."""
    if source == "-":
        text = sys.stdin.read()
        sys.stdin = io.StringIO(text)
    else:
        try:
            text = Path(source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None  # the one-table path reports it
    try:
        doc = json.loads(text)
    except json.JSONDecodeError:
        return None
    if not (isinstance(doc, dict) and "tables" in doc):
        return None  # a one-table document: its run never loads the multi-table models
    from src.schemas.relational import is_relational

    return doc if is_relational(doc) else None


def _problems_text(err: SchemaValidationError) -> str:
    return "\n".join(f"  - {p}" for p in err.problems)


def run_validate(args) -> int:
    """Print OK with each table's row count, or every problem (exit 2)."""
    from src.engine import compile_schema
    from src.engine.relational import compile_relational
    from src.schemas.relational import is_relational

    doc, error = read_document(args.schema)
    if error:
        return _fail(error)
    try:
        if is_relational(doc):
            plan = compile_relational(doc, root_rows=args.rows)
            summary = {name: rows for name, rows in plan.rows_per_table.items()}
        else:
            single = compile_schema(doc)
            if args.rows is not None:
                single.check_row_count(args.rows)
            summary = {"fields": len(single.schema.fields)}
    except SchemaValidationError as err:
        if args.json:
            print(json.dumps({"ok": False, "problems": [{"loc": p.loc, "message": p.message}
                                                        for p in err.problems]}, indent=2))
            return EXIT_BAD_INPUT
        return _fail(f"invalid schema ({len(err.problems)} problem{'s' * (len(err.problems) != 1)}):\n"
                     f"{_problems_text(err)}")
    if args.json:
        print(json.dumps({"ok": True, "rows": summary if is_relational(doc) else None}, indent=2))
    elif is_relational(doc):
        tables = ", ".join(f"{name} ({rows:,} rows)" for name, rows in summary.items())
        print(f"OK: {len(summary)} tables: {tables}")
    else:
        print(f"OK: one table, {summary['fields']} fields")
    return 0


def compile_tables_for(args, doc: dict):
    """The RelationalPlan of ``doc`` for ``--seed``/``--anchor``/``--rows``/``--locale`` (a seed is
    drawn and printed when none is given), or the exit code after a clear message."""
    from src.engine.relational import compile_relational

    seed = args.seed if args.seed is not None else doc.get("seed")
    if seed is None:
        from synthgen.generation import draw_seed

        seed = draw_seed()
    try:
        plan = compile_relational({**doc, "locale": args.locale or doc.get("locale")}, seed=seed,
                                  anchor=parse_anchor(args.anchor), root_rows=args.rows)
    except ValueError as err:
        return _fail(str(err))
    except SchemaValidationError as err:
        return _fail(f"invalid schema:\n{_problems_text(err)}")
    if args.seed is None and doc.get("seed") is None:
        again = f"--seed {plan.seed}" + ("" if args.anchor else f" --anchor {plan.anchor.isoformat()}")
        print(f"seed: {plan.seed} (rerun with {again} for the same tables)", file=sys.stderr)
    return plan


def _write_one_table_to_stdout(args, doc: dict) -> int:
    """``--output -`` for a document of one table (e.g. from a one-table DDL): that table's file on stdout."""
    import shutil
    import tempfile

    from src.engine.relational.output import table_file_name, write_tables

    tables = doc.get("tables") or []
    if len(tables) != 1:
        return _fail(f"a schema of {len(tables)} tables writes one file per table: give --output a directory")
    if args.compression == "gzip":
        return _fail("--compression gzip is not supported for multi-table output yet")
    plan = compile_tables_for(args, doc)
    if isinstance(plan, int):
        return plan
    fmt = args.format or "csv"
    # Written whole first: the engine writes a table (with its own keys and references) to a file.
    with tempfile.TemporaryDirectory(prefix="synthgen-") as folder:
        write_tables(plan, Path(folder), fmt, args.chunk_size, None, formula_guard=args.csv_formula_guard)
        (name,) = plan.tables
        with open(Path(folder) / table_file_name(name, fmt), "rb") as written:
            shutil.copyfileobj(written, sys.stdout.buffer, 4 << 20)
    sys.stdout.buffer.flush()
    return 0


def run_generate_tables(args, doc: dict) -> int:
    """Write each table of a multi-table document to ``--output``/<table>.<ext> (sql: one file)."""
    from src.engine.relational.output import table_file_name, write_tables

    if args.format == "sql" or args.format is None and args.output.lower().endswith(".sql"):
        from src.cli_database import run_generate_sql_tables

        return run_generate_sql_tables(args, doc)
    if args.output == "-":
        return _write_one_table_to_stdout(args, doc)
    out_dir = Path(args.output)
    if out_dir.exists() and not out_dir.is_dir():
        return _fail(f"--output {args.output!r} is a file: a multi-table schema needs a directory")
    if args.rows is not None and args.rows < 1:
        return _fail(f"--rows must be at least 1, not {args.rows}")
    if args.chunk_size < 1:
        return _fail(f"--chunk-size must be at least 1, not {args.chunk_size}")
    if args.compression == "gzip":
        return _fail("--compression gzip is not supported for multi-table output yet")
    fmt = args.format or "csv"
    plan = compile_tables_for(args, doc)
    if isinstance(plan, int):
        return plan
    from src.cli import _progress

    started = time.perf_counter()
    with contextlib.ExitStack() as stack:
        from src.scale.start import pool_for_run

        pool = stack.enter_context(pool_for_run(
            getattr(args, "workers", None), plan.total_rows, lambda: _plans_with_recipes(plan)))
        bar = None if args.quiet else stack.enter_context(_progress(plan.total_rows))
        try:
            if pool is None:
                write_tables(plan, out_dir, fmt, args.chunk_size, bar.update if bar else None,
                             formula_guard=args.csv_formula_guard)
            else:
                from src.scale.tables import write_tables_with_pool

                write_tables_with_pool(plan, out_dir, fmt, args.chunk_size, pool, bar.update if bar else None,
                                       formula_guard=args.csv_formula_guard)
        except OSError as err:
            return _fail(f"cannot write output: {err}")
    elapsed = time.perf_counter() - started
    if not args.quiet:
        for name, rows in plan.rows_per_table.items():
            print(f"  {out_dir / table_file_name(name, fmt)}: {rows:,} rows", file=sys.stderr)
        rate = plan.total_rows / elapsed if elapsed > 0 else float("inf")
        print(f"wrote {plan.total_rows:,} rows in {len(plan.tables)} tables to {out_dir} in {elapsed:.2f}s "
              f"({rate:,.0f} rows/s)", file=sys.stderr)
    return 0


def _plans_with_recipes(plan) -> list:
    from src.scale.tables import table_recipe

    return [(table_recipe(plan, name), table.plan) for name, table in plan.tables.items()]


def parse_anchor(text: str | None) -> dt.datetime | None:
    """--anchor as a datetime; ValueError with the message a user sees."""
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--anchor {text!r} is not an ISO date/time") from None
