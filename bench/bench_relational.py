"""Three related tables (customers -> orders -> order lines) against one-table generation and Faker.

    .venv/bin/python bench/bench_relational.py [--customers 1000000] [--faker-customers 5000]
                                               [--formats parquet,csv] [--repeat 3] [--random-rows 1000000]

For each format it runs, in the same session, as separate `synthgen` processes:
- relational: `synthgen generate --schema bench/shop_relational.json --output DIR` (keys computed,
  orders read their customer's signup date and country, lines their order's key);
- single-table peer: the same three tables with the same row counts and column types as three
  independent one-table schemas (references replaced by plain columns, no cross-table rules);
and prints rows/s of each whole process, the ratio, and each process's peak RSS. Then the same three
tables the way users do it today (Faker row by row, parent keys kept in Python lists) at a smaller
size, with the ratio; and, in process, the cost of reading parents drawn at random (their 2048-row
blocks are regenerated) against rows_per_parent children, whose parents are contiguous.
"""

from __future__ import annotations

import argparse
import copy
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "bench" / "shop_relational.json"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
sys.path.insert(0, str(ROOT))


def shop_document(customers: int) -> dict:
    doc = json.loads(SCHEMA.read_text())
    doc["tables"][0]["rows"] = customers
    return doc


def single_table_peers(doc: dict, rows: dict[str, int]) -> list[tuple[str, dict, int]]:
    """Each table as an independent one-table schema: references become plain columns of the parent
    key's type, cross-table rules are dropped."""
    key_types = {"customers.customer_id": {"type": "uuid"}, "orders.order_id": {"type": "sequence"}}
    peers = []
    for table in doc["tables"]:
        fields = []
        for field in copy.deepcopy(table["fields"]):
            c = field.get("constraints", {})
            if field["type"] == "reference":
                field = {"name": field["name"], **key_types[c["references"]]}
            else:
                for rule in ("after", "before", "expression", "when"):
                    if "." in str(c.get(rule, "")):
                        c.pop(rule)
            fields.append(field)
        peers.append((table["name"], {"seed": 1, "fields": fields}, rows[table["name"]]))
    return peers


def run_process(cmd: list[str]) -> tuple[float, int]:
    """(seconds, peak RSS in bytes) of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"command failed ({status}): {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss * 1024


def bench_format(fmt: str, doc: dict, rows: dict[str, int], tmp: Path, repeat: int) -> float:
    """Prints and returns the relational rate (rows/s of the whole process, median of ``repeat`` runs,
    alternating with the single-table runs so both see the same machine load)."""
    total = sum(rows.values())
    schema = tmp / "shop.json"
    schema.write_text(json.dumps(doc))
    out = tmp / f"rel_{fmt}"
    rel_runs, single_runs, rel_rss, single_rss, size = [], [], 0, 0, 0
    for _ in range(repeat):
        seconds, rss = run_process([PYTHON, "-m", "src.cli", "generate", "--schema", str(schema), "--format", fmt,
                                    "--output", str(out), "--quiet"])
        rel_runs.append(seconds)
        rel_rss = max(rel_rss, rss)
        size = sum(p.stat().st_size for p in out.iterdir())
        for p in out.iterdir():
            p.unlink()
        single_s = 0.0
        for name, peer, n in single_table_peers(doc, rows):
            path = tmp / f"peer_{name}.json"
            path.write_text(json.dumps(peer))
            target = tmp / f"peer_{name}.{fmt}"
            seconds, rss = run_process([PYTHON, "-m", "src.cli", "generate", "--schema", str(path), "--rows",
                                        str(n), "--format", fmt, "--output", str(target), "--quiet"])
            single_s += seconds
            single_rss = max(single_rss, rss)
            target.unlink()
        # Three processes start where the relational run starts one: count one start-up on each side.
        startup, _ = run_process([PYTHON, "-m", "src.cli", "generate", "--schema", str(path), "--rows", "1",
                                  "--format", fmt, "--output", str(tmp / f"startup.{fmt}"), "--quiet"])
        single_runs.append(single_s - 2 * startup)
    rel_s, single_s = statistics.median(rel_runs), statistics.median(single_runs)
    rel_rate, single_rate = total / rel_s, total / single_s
    print(f"{fmt:>8}: relational {rel_rate:>10,.0f} rows/s ({rel_s:.1f}s, peak RSS {rel_rss / 2**20:,.0f} MiB, "
          f"{size / 1e6:,.0f} MB) | three single tables {single_rate:>10,.0f} rows/s ({single_s:.1f}s, net of 2 "
          f"extra start-ups, peak RSS "
          f"{single_rss / 2**20:,.0f} MiB) | ratio {rel_rate / single_rate:.0%}")
    return rel_rate


def run_faker(customers: int, tmp: Path) -> tuple[int, float]:
    """The way users do it today: Faker row by row, parent keys and values kept in Python lists."""
    import datetime as dt

    from faker import Faker

    fake = Faker("en_US")
    Faker.seed(1)
    rnd = random.Random(1)
    today = dt.date.today()
    statuses, weights = ["placed", "shipped", "delivered", "returned"], [0.1, 0.2, 0.65, 0.05]
    started = time.perf_counter()
    rows = 0
    customer_keys, signups, countries, order_keys = [], [], [], []
    with (tmp / "f_customers.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["customer_id", "full_name", "email", "signup_date", "country"])
        for i in range(customers):
            first, last = fake.first_name(), fake.last_name()
            key, signup, country = fake.uuid4(), fake.date_between(today - dt.timedelta(days=730), today), fake.country()
            customer_keys.append(key)
            signups.append(signup)
            countries.append(country)
            writer.writerow([key, f"{first} {last}", f"{first.lower()}.{last.lower()}{i}@{fake.free_email_domain()}",
                             signup.isoformat(), country])
            rows += 1
    with (tmp / "f_orders.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["order_id", "customer_id", "order_date", "status", "ship_country"])
        for c, key in enumerate(customer_keys):
            for _ in range(min(_poisson(rnd, 3), 10)):
                order_id = len(order_keys) + 1
                order_keys.append(order_id)
                writer.writerow([order_id, key, fake.date_between(signups[c], today).isoformat(),
                                 rnd.choices(statuses, weights)[0], countries[c]])
                rows += 1
    with (tmp / "f_lines.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["line_id", "order_id", "product", "quantity", "unit_price"])
        line_id = 0
        for order_id in order_keys:
            for _ in range(min(max(_poisson(rnd, 3), 1), 8)):
                line_id += 1
                writer.writerow([line_id, order_id, f"{fake.word().title()} {fake.word().title()}",
                                 rnd.randint(1, 10), round(rnd.uniform(1, 500), 2)])
                rows += 1
    return rows, rows / (time.perf_counter() - started)


def _poisson(rnd: random.Random, lam: float) -> int:
    import math

    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rnd.random()
        if p <= limit:
            return k
        k += 1


def bench_parent_reads(rows: int) -> None:
    """In process: children reading their parent's values, contiguous (rows_per_parent) vs random."""
    from src.engine.relational import compile_relational

    customers = shop_document(1_000_000)["tables"][0]
    reads = [{"name": "ship_country", "type": "country", "constraints": {"expression": "customers.country"}},
             {"name": "order_date", "type": "date", "constraints": {"after": "customers.signup_date"}}]
    ref = {"name": "customer_id", "type": "reference", "constraints": {"references": "customers.customer_id"}}
    own = [{"name": "status", "type": "enum", "constraints": {"enum_values": ["a", "b", "c"]}}]
    cases = {
        "rows_per_parent, reads parent": {"rows_per_parent": {"parent": "customers", "distribution": "fixed",
                                                              "count": max(rows // 1_000_000, 1)},
                                          "fields": [ref, *reads, *own]},
        "random parents, key only": {"rows": rows, "fields": [ref, *own]},
        "random parents, reads parent": {"rows": rows, "fields": [ref, *reads, *own]},
        "zipf parents, reads parent": {"rows": rows, "fields": [
            {**ref, "constraints": {**ref["constraints"], "distribution": "zipf"}}, *reads, *own]},
    }
    for label, table in cases.items():
        plan = compile_relational({"seed": 1, "tables": [customers, {"name": "events", **table}]})
        events = plan.tables["events"]
        started = time.perf_counter()
        for start in range(0, events.rows, 100_000):
            events.generate_chunk(start, min(100_000, events.rows - start))
        rate = events.rows / (time.perf_counter() - started)
        print(f"  {label:<32} {rate:>12,.0f} rows/s ({events.rows:,} rows, 1,000,000 customers)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--faker-customers", type=int, default=5_000)
    parser.add_argument("--formats", default="parquet,csv")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side (the median is printed)")
    parser.add_argument("--random-rows", type=int, default=1_000_000, help="rows for the parent-read cases (0: skip)")
    args = parser.parse_args()
    from src.engine.relational import compile_relational

    doc = shop_document(args.customers)
    rows = compile_relational(doc).rows_per_table
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, python {sys.version.split()[0]}")
    print("tables: " + ", ".join(f"{name} {n:,}" for name, n in rows.items()) + f" = {sum(rows.values()):,} rows")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        rates = {fmt: bench_format(fmt, doc, rows, tmp_path, args.repeat) for fmt in args.formats.split(",")}
        if args.faker_customers:
            faker_rows, faker_rate = run_faker(args.faker_customers, tmp_path)
            line = f"faker, row by row, keys in Python lists ({faker_rows:,} rows, CSV): {faker_rate:,.0f} rows/s"
            if "csv" in rates:
                line += f"; synthgen relational CSV above is {rates['csv'] / faker_rate:,.0f}x faster"
            print(line)
    if args.random_rows:
        print("parent reads, in process:")
        bench_parent_reads(args.random_rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
