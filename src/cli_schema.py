"""`synthgen schema from-ddl | from-db | from-sample`: print a schema document made from existing data.

The bare document goes to standard output (it feeds ``--schema`` as is), warnings to standard error;
bad input exits with status 2 and one clear message.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from src.errors import SchemaValidationError

EXIT_BAD_INPUT = 2


def add_schema_parser(sub) -> None:
    """Register the `schema` command and its three sources on the main parser's subparsers."""
    schema = sub.add_parser("schema", help="make a schema document from DDL, a database or a sample file")
    sources = schema.add_subparsers(dest="schema_source", required=True)
    ddl = sources.add_parser("from-ddl", help="CREATE TABLE statements (a .sql file, or - for stdin)")
    ddl.add_argument("file")
    ddl.add_argument("--dialect", default="postgres", choices=("postgres", "mysql", "sqlite"))
    _add_counts(ddl)
    db = sources.add_parser("from-db", help="reflect a database: postgresql://... or sqlite:///file.db")
    db.add_argument("url")
    db.add_argument("--db-schema", default=None, help="PostgreSQL schema to read (default: the search path)")
    _add_counts(db)
    sample = sources.add_parser("from-sample", help="infer from a .csv or .parquet sample")
    sample.add_argument("file")
    for parser in (ddl, db, sample):
        parser.set_defaults(handler=run_schema)


def _add_counts(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rows", type=int, default=1000, help="rows of each table without a foreign key "
                                                                "(default 1000)")
    parser.add_argument("--children", default="0-5", help="rows per parent row of a table with a foreign "
                                                          "key, MIN-MAX (default 0-5)")


def run_schema(args) -> int:
    """Run one `schema from-*` command."""
    try:
        result = _import(args)
    except SchemaValidationError as err:
        return _fail("; ".join(str(p) for p in err.problems))
    except OSError as err:
        return _fail(f"cannot read {getattr(args, 'file', '')}: {err.strerror or err}")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(json.dumps(result.document, indent=2, ensure_ascii=False))
    return 0


def _import(args):
    if args.schema_source == "from-sample":
        from src.importers.sample import import_sample

        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        return import_sample(data, "stdin.csv" if args.file == "-" else args.file)
    if args.rows <= 0:
        raise SchemaValidationError.single("--rows", "must be a positive number of rows")
    children = _parse_children(args.children)
    if args.schema_source == "from-ddl":
        from src.importers.ddl import import_ddl

        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8", errors="replace")
        return import_ddl(text, args.dialect, rows=args.rows, children=children)
    from src.importers.database import import_database

    return import_database(args.url, rows=args.rows, children=children, schema=args.db_schema)


def _parse_children(text: str) -> tuple[int, int]:
    low, sep, high = text.partition("-")
    try:
        lo, hi = int(low), int(high if sep else low)
    except ValueError:
        raise SchemaValidationError.single("--children", f"{text!r} is not MIN-MAX, e.g. 0-5") from None
    if lo < 0 or hi < lo:
        raise SchemaValidationError.single("--children", f"{text!r}: need 0 <= MIN <= MAX")
    return lo, hi


def _fail(message: str) -> int:
    print(f"synthgen: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT
