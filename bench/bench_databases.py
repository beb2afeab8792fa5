"""Rows/s into databases on the customer table (bench/customer_schema.json), in one session:
PostgreSQL through COPY (the --to path) against plain executemany INSERTs, then SQLite (executemany
in one transaction) and DuckDB (Arrow batches).

    .venv/bin/python bench/bench_databases.py [--rows 50000] [--repeat 3] [--batch 50000]

The rows are generated once, before timing, so each figure is the database path alone (keys,
NOT NULL and CHECKs on, one transaction per table); the generation rate is printed beside them.
PostgreSQL is Debian's, started in a temporary folder (tests/pg_server.py) with fsync off.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from src.databases.ddl_out import describe_plan  # noqa: E402
from src.databases.targets import parse_target, open_backend  # noqa: E402
from src.engine import compile_schema  # noqa: E402


def timed(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def measure(name: str, backend, table, batches, rows: int, repeat: int, method: str = "load") -> float:
    """Best rows/s of ``repeat`` loads of the same rows into an emptied table."""
    if backend.columns(table.name) is None:
        backend.create_table(table)
    columns = table.column_names
    seconds = []
    for _ in range(repeat):
        backend.truncate([table])
        load = getattr(backend, method)
        seconds.append(timed(lambda: load(table, columns, iter(batches))))
    rate = rows / min(seconds)
    print(f"{name:<34} {rate:>12,.0f} rows/s   (best of {repeat}; median {rows / statistics.median(seconds):,.0f})")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch", type=int, default=50_000)
    args = parser.parse_args()

    plan = compile_schema(json.loads((ROOT / "bench" / "customer_schema.json").read_text()), seed=1)
    started = time.perf_counter()
    batches = [plan.generate_chunk(s, min(args.batch, args.rows - s)) for s in range(0, args.rows, args.batch)]
    generate_rate = args.rows / (time.perf_counter() - started)
    table = describe_plan(plan, "customers")
    print(f"customer table: {args.rows:,} rows, {len(table.columns)} columns; load average "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{'generation (engine, for scale)':<34} {generate_rate:>12,.0f} rows/s")

    from tests.pg_server import PostgresServer, skip_reason

    rates = {}
    reason = skip_reason()
    if reason:
        print(f"PostgreSQL skipped: {reason}")
    else:
        server = PostgresServer()
        try:
            server.start()
            backend = open_backend(parse_target(server.url()))
            try:
                rates["copy"] = measure("PostgreSQL COPY (--to)", backend, table, batches, args.rows, args.repeat)
                rates["inserts"] = measure("PostgreSQL executemany INSERT", backend, table, batches, args.rows,
                                           args.repeat, method="load_with_inserts")
            finally:
                backend.close()
        finally:
            server.stop()
    with tempfile.TemporaryDirectory() as folder:
        for kind, suffix in (("sqlite", "db"), ("duckdb", "duckdb")):
            backend = open_backend(parse_target(f"{kind}:///{Path(folder) / ('bench.' + suffix)}"))
            try:
                label = "SQLite executemany, 1 transaction" if kind == "sqlite" else "DuckDB from Arrow"
                rates[kind] = measure(label, backend, table, batches, args.rows, args.repeat)
            finally:
                backend.close()
    if "copy" in rates:
        print(f"\nCOPY / executemany INSERT: {rates['copy'] / rates['inserts']:.1f}x")
    for kind in ("sqlite", "duckdb"):
        if "copy" in rates:
            print(f"COPY / {kind}: {rates['copy'] / rates[kind]:.2f}x")


if __name__ == "__main__":
    main()
