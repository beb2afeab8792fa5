"""`synthgen generate --workers 1` vs `--workers 2` vs today's CLI, whole processes, in one run.

    .venv/bin/python bench/bench_workers.py [--rows 8000000] [--repeat 2] [--baseline REF] [--dask] [--high-priority]

Each run is a separate `synthgen` process writing CSV of the customer table (bench/customer_schema.json).
Runs alternate (paired) and the best of --repeat counts. For each: rows/s of the whole process (start
to exit), average cores busy (CPU seconds of the process and every process it started / wall seconds),
peak RSS of all its processes together (each one's own peak, summed: never under the true peak) and
the CPU of the main process vs the processes it started (the run's own process tree, sampled from
/proc every 50 ms at ~0.3 ms of CPU a sample). The baseline is the CLI of git ref --baseline (exported to a temporary folder and run with this checkout's .venv); --dask adds
`--dask local:2` (a local Dask cluster of 2 worker processes writing part files). The load
average is printed with each run: on a shared machine, the ratios are only as good as the quiet.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from priority import raise_priority

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "bench" / "customer_schema.json"
PR_SET_CHILD_SUBREAPER = 36


_TICKS = os.sysconf("SC_CLK_TCK")
_PAGE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.05


def _children(pid: int) -> list[int]:
    """The children of ``pid`` from /proc/<pid>/task/*/children: the run's own tree, not a scan of
    every process (scanning /proc every 20 ms took ~6.5 ms a sample here: a quarter of a core the
    measured run lost, which cost `--workers 2` far more than `--workers 1`)."""
    found: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            found.extend(int(c) for c in Path(f"/proc/{pid}/task/{tid}/children").read_text().split())
    except OSError:
        pass
    return found


def _sample_tree(root: int, cpu: dict[int, float], peaks: dict[int, int]) -> int:
    """Bytes resident in ``root`` and all its descendants now; ``cpu`` gets each one's CPU seconds,
    ``peaks`` each one's own peak RSS so far (VmHWM: no peak falls between two samples)."""
    stack, total = [root], 0
    while stack:
        pid = stack.pop()
        stack.extend(_children(pid))
        try:
            utime, stime = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[11:13]
            cpu[pid] = (int(utime) + int(stime)) / _TICKS
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
            status = Path(f"/proc/{pid}/status").read_text()
            peaks[pid] = int(status.split("VmHWM:", 1)[1].split()[0]) * 1024
        except (OSError, ValueError, IndexError):
            pass
    return total


def _reap_orphans() -> None:
    """Wait for processes the run left (a forkserver outliving its parent is reparented to us)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, 0)
        except ChildProcessError:
            return


def run_once(cmd: list[str], cwd: Path, rows: int, env: dict | None = None) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak, cpu, peaks = 0, {}, {}
    while proc.poll() is None:
        peak = max(peak, _sample_tree(proc.pid, cpu, peaks))
        time.sleep(SAMPLE_SECONDS)
    wall = time.perf_counter() - started
    _reap_orphans()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:]}")
    total = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"rate": rows / wall, "wall": wall, "cores": total / wall, "rss": max(peak, sum(peaks.values())), "load": load,
            "cpu_per_m": total / rows * 1e6, "parent_cpu": cpu.get(proc.pid, 0.0),
            "others_cpu": sum(v for pid, v in cpu.items() if pid != proc.pid)}


def export_baseline(ref: str, folder: Path) -> str:
    if ref == "merge-base":
        ref = subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
    commit = subprocess.run(["git", "rev-parse", "--short", ref], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.strip()
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return commit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=8_000_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--baseline", default="merge-base", help="git ref of today's CLI (default: where this "
                        "branch left main; '' to skip)")
    parser.add_argument("--dask", action="store_true", help="also a local Dask cluster of 2 workers")
    parser.add_argument("--high-priority", action="store_true", help="run at autogroup nice -20 in a session of "
                        "its own, with every process it starts (root; bench/priority.py)")
    args = parser.parse_args()
    if args.high_priority:
        raise_priority()
    ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        out = tmp / "customers.csv"
        base = ["generate", "--schema", str(SCHEMA), "--rows", str(args.rows), "--output", str(out),
                "--seed", "1", "--anchor", "2026-01-01", "--quiet"]
        variants = {"workers 1": (ROOT, base + ["--workers", "1"]), "workers 2": (ROOT, base + ["--workers", "2"])}
        if args.baseline:
            (tmp / "baseline").mkdir()
            commit = export_baseline(args.baseline, tmp / "baseline")
            variants[f"today's CLI ({commit})"] = (tmp / "baseline", base)
        if args.dask:
            parts = [a if a != str(out) else str(tmp / "parts") for a in base]
            variants["dask local:2"] = (ROOT, parts + ["--dask", "local:2", "--part-rows", "1000000"])
        # Compiled modules are cached (in the temporary folder) as an installed package has them, even
        # where PYTHONDONTWRITEBYTECODE is set; a short first run of each variant fills the cache.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        for cwd, cli_args in variants.values():
            warm = [a if a != str(args.rows) else "1000" for a in cli_args]
            run_once([sys.executable, "-m", "src.cli", *warm], cwd, 1000, env)
            out.unlink(missing_ok=True)
            shutil.rmtree(tmp / "parts", ignore_errors=True)
        results: dict[str, list[dict]] = {name: [] for name in variants}
        for attempt in range(args.repeat):
            for name, (cwd, cli_args) in variants.items():
                result = run_once([sys.executable, "-m", "src.cli", *cli_args], cwd, args.rows, env)
                results[name].append(result)
                out.unlink(missing_ok=True)
                shutil.rmtree(tmp / "parts", ignore_errors=True)
                print(f"  run {attempt + 1} {name:<24} {result['rate']:>12,.0f} rows/s  {result['cores']:.2f} cores  "
                      f"peak RSS {result['rss'] / 2**20:,.0f} MiB  {result['cpu_per_m']:.2f} CPU s per M rows  "
                      f"(CPU s: main process {result['parent_cpu']:.1f}, its processes {result['others_cpu']:.1f}; "
                      f"load {result['load']:.2f})", flush=True)
    best = {name: max(runs, key=lambda r: r["rate"]) for name, runs in results.items()}
    print(f"\n{args.rows:,} customer rows of CSV, best of {args.repeat}; load average now "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for name, r in best.items():
        print(f"{name:<24} {r['rate']:>12,.0f} rows/s  {r['cores']:.2f} cores busy  peak RSS {r['rss'] / 2**20:,.0f} MiB  "
              f"{r['cpu_per_m']:.2f} CPU s per M rows")
    one, two = best["workers 1"], best["workers 2"]
    print(f"workers 2 / workers 1: {two['rate'] / one['rate']:.2f}x rows/s (target >= 1.25), "
          f"{two['cores']:.2f} cores (target >= 1.7), peak RSS {two['rss'] / 2**20:,.0f} MiB (target < 1024)")
    if "dask local:2" in best:
        print(f"dask local:2 / workers 2: {best['dask local:2']['rate'] / two['rate']:.2f}x rows/s")
    for name, r in best.items():
        if name.startswith("today"):
            print(f"workers 1 / {name}: {one['rate'] / r['rate']:.2f}x rows/s (target >= 1.0)")


if __name__ == "__main__":
    main()
