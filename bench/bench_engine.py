"""Engine vs Faker (row by row) on the same 10-column customer table, in one run.

    .venv/bin/python bench/bench_engine.py [--rows 4000000] [--faker-rows 20000] [--memory-rows 10000000]
    .venv/bin/python bench/bench_engine.py --baseline 1de9fd8^1 [--rows 1000000] [--repeat 5] [--high-priority]
                                           [--workers N] [--cold]

Prints rows/s for Faker, for the engine in-process, for the whole `synthgen` process writing CSV,
the ratios, and the peak memory (max RSS) of a `synthgen` process writing --memory-rows rows.

With --baseline REF, compares this checkout with the engine of an earlier commit instead (REF's tree
is exported with `git archive` into a temp folder and run with this checkout's Python): runs
alternate between the two, and each side's median whole-process rows/s (wall clock and CPU time)
and in-process `generate_chunk` CPU rows/s are printed with the ratio. Each tree gets its
bytecode first, from one small run with writing on (an installed package runs from its .pyc files;
with PYTHONDONTWRITEBYTECODE=1 and no .pyc every process compiles ~450 modules from source, ~0.8
CPU s); --cold skips that run (.pyc files already written stay). --workers N is passed to this
checkout's process (and the baseline's when its CLI has the option); without it each side takes
its default.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "bench" / "customer_schema.json"
sys.path.insert(0, str(ROOT))


def run_faker(rows: int, path: Path) -> float:
    """The peer: Faker, one row at a time, same columns and rules, written with csv.writer."""
    import datetime as dt

    from faker import Faker

    fake = Faker("en_US")
    Faker.seed(1)
    rnd = random.Random(1)
    today = dt.date.today()
    statuses, weights = ["active", "inactive", "suspended"], [0.7, 0.2, 0.1]
    started = time.perf_counter()
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["customer_id", "full_name", "email", "phone", "age", "registration_date",
                         "account_status", "account_balance", "country", "city"])
        for i in range(rows):
            first, last = fake.first_name(), fake.last_name()
            writer.writerow([
                fake.uuid4(), f"{first} {last}", f"{first.lower()}.{last.lower()}{i}@{fake.free_email_domain()}",
                fake.numerify("(###) ###-####"), rnd.randint(18, 80),
                fake.date_between(start_date=today - dt.timedelta(days=730), end_date=today).isoformat(),
                rnd.choices(statuses, weights)[0], round(rnd.uniform(0, 10000), 2), fake.country(), fake.city(),
            ])
    return rows / (time.perf_counter() - started)


def run_engine_in_process(rows: int) -> float:
    import json

    from src.engine import compile_schema

    plan = compile_schema(json.loads(SCHEMA.read_text()), seed=1)
    chunk = 100_000
    started = time.perf_counter()
    for start in range(0, rows, chunk):
        plan.generate_chunk(start, min(chunk, rows - start))
    return rows / (time.perf_counter() - started)


def run_cli(rows: int, path: Path, fmt: str = "csv") -> tuple[float, int]:
    """(rows/s of the whole process, its peak RSS in bytes)."""
    cmd = [str(ROOT / ".venv" / "bin" / "python"), "-m", "src.cli", "generate", "--schema", str(SCHEMA),
           "--rows", str(rows), "--format", fmt, "--output", str(path), "--seed", "1", "--quiet"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return rows / elapsed, max(peak_kib, before) * 1024


_IN_PROCESS = """
import json, sys, time
from src.engine import compile_schema
plan = compile_schema(json.loads(open(sys.argv[1]).read()), seed=1)
rows = int(sys.argv[2])
plan.generate_chunk(0, 1000)
started = time.process_time()
for start in range(0, rows, 100_000):
    plan.generate_chunk(start, min(100_000, rows - start))
print(rows / (time.process_time() - started))
"""


def run_tree(tree: Path, rows: int, out: Path, workers: int | None = None) -> tuple[float, float, float]:
    """(whole-process rows/s by wall clock, by CPU time, in-process generate_chunk rows/s by CPU time)
    of the engine in ``tree``, with this checkout's Python."""
    python = str(ROOT / ".venv" / "bin" / "python")
    cmd = [python, "-m", "src.cli", "generate", "--schema", str(SCHEMA), "--rows", str(rows), "--format", "csv",
           "--output", str(out), "--seed", "1", "--quiet"]
    if workers is not None and "--workers" in (tree / "src" / "cli.py").read_text(encoding="utf-8"):
        cmd += ["--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, cwd=tree, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    out.unlink()
    chunk = subprocess.run([python, "-c", _IN_PROCESS, str(SCHEMA), str(rows)], cwd=tree, check=True,
                           capture_output=True, text=True)
    return rows / wall, rows / cpu, float(chunk.stdout.strip())


def compile_bytecode(tree: Path, workers: int | None) -> None:
    """One small run of each kind with bytecode writing on: the .pyc files of every module the runs
    import (the tree's and the venv's), as an installed package has them after its first run."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    python = str(ROOT / ".venv" / "bin" / "python")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "warm.csv"
        cmd = [python, "-m", "src.cli", "generate", "--schema", str(SCHEMA), "--rows", "1000", "--output", str(out),
               "--seed", "1", "--quiet"]
        if workers is not None and "--workers" in (tree / "src" / "cli.py").read_text(encoding="utf-8"):
            cmd += ["--workers", str(workers)]
        subprocess.run(cmd, cwd=tree, check=True, env=env)
        subprocess.run([python, "-c", _IN_PROCESS, str(SCHEMA), "1000"], cwd=tree, check=True, env=env,
                       capture_output=True)


def compare_baseline(ref: str, rows: int, repeat: int, workers: int | None = None, cold: bool = False) -> None:
    """This checkout vs the engine at ``ref``, runs alternated, medians."""
    import statistics

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "baseline"
        base.mkdir()
        archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        if not cold:
            for tree in (ROOT, base):
                compile_bytecode(tree, workers)
        results: dict[str, list[tuple[float, float, float]]] = {"this checkout": [], f"baseline {ref}": []}
        for i in range(repeat):
            for name, tree in (("this checkout", ROOT), (f"baseline {ref}", base))[:: 1 if i % 2 == 0 else -1]:
                results[name].append(run_tree(tree, rows, Path(tmp) / "out.csv", workers))
        medians = {name: [statistics.median(r[k] for r in runs) for k in range(3)] for name, runs in results.items()}
    start = "cold (modules compiled from source in every process)" if cold else "bytecode compiled first"
    print(f"customer table, {rows:,} rows, {repeat} alternated runs each, medians; load {os.getloadavg()[0]:.1f}; "
          f"workers {'default' if workers is None else workers}; {start}")
    print(f"{'':24s} {'process (wall)':>16s} {'process (CPU)':>16s} {'generate_chunk (CPU)':>22s}")
    for name, (wall, cpu, chunk) in medians.items():
        print(f"{name:24s} {wall:>12,.0f} r/s {cpu:>12,.0f} r/s {chunk:>18,.0f} r/s")
    ours, theirs = medians["this checkout"], medians[f"baseline {ref}"]
    print(f"{'ratio (this / baseline)':24s} {ours[0] / theirs[0]:>16.2f} {ours[1] / theirs[1]:>16.2f} "
          f"{ours[2] / theirs[2]:>22.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=4_000_000, help="rows for the engine and the CLI")
    parser.add_argument("--faker-rows", type=int, default=20_000, help="rows for Faker (it is slow)")
    parser.add_argument("--memory-rows", type=int, default=10_000_000, help="rows for the peak-memory run")
    parser.add_argument("--baseline", metavar="REF", help="compare with the engine of this git commit instead")
    parser.add_argument("--repeat", type=int, default=5, help="alternated runs per side with --baseline")
    parser.add_argument("--workers", type=int, default=None, help="with --baseline: worker processes of the "
                        "whole-process runs (default: each side's own default)")
    parser.add_argument("--cold", action="store_true", help="with --baseline: no bytecode warm-up run "
                        "(with PYTHONDONTWRITEBYTECODE=1 every process then compiles them from source)")
    parser.add_argument("--high-priority", action="store_true", help="run at autogroup nice -20 in a session of "
                        "its own, with every process it starts (root; bench/priority.py)")
    args = parser.parse_args()
    if args.high_priority:
        from bench.priority import raise_priority

        raise_priority()
    if args.baseline:
        compare_baseline(args.baseline, args.rows if args.rows != 4_000_000 else 1_000_000, args.repeat,
                         args.workers, args.cold)
        return 0
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        faker_rate = run_faker(args.faker_rows, tmp_path / "faker.csv")
        print(f"faker, row by row ({args.faker_rows:,} rows):     {faker_rate:>12,.0f} rows/s")
        engine_rate = run_engine_in_process(args.rows)
        print(f"engine in process ({args.rows:,} rows):   {engine_rate:>12,.0f} rows/s  "
              f"({engine_rate / faker_rate:,.0f}x faker)")
        cli_rate, _ = run_cli(args.rows, tmp_path / "out.csv")
        size = (tmp_path / "out.csv").stat().st_size
        print(f"synthgen process, CSV ({args.rows:,} rows): {cli_rate:>12,.0f} rows/s  "
              f"({cli_rate / faker_rate:,.0f}x faker, {size / 1e6:,.0f} MB written)")
        (tmp_path / "out.csv").unlink()
        if args.memory_rows:
            _, peak = run_cli(args.memory_rows, tmp_path / "big.csv")
            print(f"peak memory, synthgen writing {args.memory_rows:,} CSV rows: {peak / 2**20:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
