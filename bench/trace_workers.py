"""Where the cores go in one `synthgen generate --workers N` run: a timeline of the pool and its tasks.

    .venv/bin/python bench/trace_workers.py [--rows 8000000] [--workers 2] [--high-priority]

Runs one CLI process writing CSV of the customer table with SYNTHGEN_TRACE set (src/scale/trace.py:
every process appends its events) and samples its process tree's /proc/<pid>/task/*/schedstat every
50 ms. Prints when the pool started, when each worker began its first task and wrote its last, how
long workers waited for their offset (an earlier task not yet encoded) and between tasks, how long
the main process ran on after the last write, and per process: seconds on a CPU, waiting for one
(the machine's other load) and asleep (waits of our own).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_workers import ROOT, SCHEMA, _children
from priority import raise_priority


def _schedstat(pid: int) -> tuple[float, float] | None:
    """(seconds on a CPU, seconds runnable but waiting) of all of ``pid``'s threads."""
    run = wait = 0
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            fields = Path(f"/proc/{pid}/task/{tid}/schedstat").read_text().split()
            run, wait = run + int(fields[0]), wait + int(fields[1])
    except OSError:
        return None
    return run / 1e9, wait / 1e9


def _run(cmd: list[str], env: dict) -> tuple[float, float, dict]:
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    seen: dict[int, list] = {}  # pid -> [first seen, last seen, on cpu, waiting]
    while proc.poll() is None:
        stack = [proc.pid]
        while stack:
            pid = stack.pop()
            stack.extend(_children(pid))
            stat = _schedstat(pid)
            if stat is not None:
                now = time.monotonic() - started
                seen.setdefault(pid, [now, now, 0.0, 0.0])[1:] = [now, *stat]
        time.sleep(0.05)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed with {proc.returncode}")
    return started, time.monotonic() - started, seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=8_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--high-priority", action="store_true", help="bench/priority.py")
    args = parser.parse_args()
    if args.high_priority:
        raise_priority()
    with tempfile.TemporaryDirectory() as tmp:
        trace, out = Path(tmp) / "trace.txt", Path(tmp) / "out.csv"
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        cmd = [sys.executable, "-m", "src.cli", "generate", "--schema", str(SCHEMA), "--rows", "1000", "--output",
               str(out), "--seed", "1", "--anchor", "2026-01-01", "--quiet", "--workers", str(args.workers)]
        _run(cmd, env)  # fills the compiled-module cache
        cmd[cmd.index("1000")] = str(args.rows)
        env["SYNTHGEN_TRACE"] = str(trace)
        started, wall, seen = _run(cmd, env)
        events = [line.split(None, 2) for line in trace.read_text().splitlines()] if trace.exists() else []
    print(f"{args.rows:,} rows, --workers {args.workers}: {wall:.2f} s wall, {args.rows / wall:,.0f} rows/s; "
          f"load average {os.getloadavg()[0]:.2f}")
    by_pid: dict[str, list[tuple[float, str]]] = {}
    for when, pid, what in events:
        by_pid.setdefault(pid, []).append((float(when) - started, what))
    last_write = 0.0
    for pid, marks in by_pid.items():
        names = [what for _, what in marks]
        if "pool started" in names:
            print(f"main {pid}: " + ", ".join(f"{what} {when:.3f} s" for when, what in marks))
            continue
        claim = sum(b[0] - a[0] for a, b in zip(marks, marks[1:]) if a[1].startswith("encoded") and b[1].startswith("claimed"))
        between = sum(b[0] - a[0] for a, b in zip(marks, marks[1:]) if a[1].startswith("written") and b[1].startswith("begin"))
        last_write = max(last_write, marks[-1][0])
        print(f"worker {pid}: {sum(w.startswith('begin') for w in names)} tasks, first begun {marks[0][0]:.3f} s, "
              f"last written {marks[-1][0]:.3f} s; waited {claim:.3f} s for offsets, {between:.3f} s between tasks")
    if last_write:
        print(f"main process ended {wall - last_write:.3f} s after the last write")
    for pid, (first, last, run, wait) in seen.items():
        print(f"pid {pid}: seen {first:.2f}-{last:.2f} s, on a CPU {run:.2f} s, waiting for one {wait:.2f} s, "
              f"asleep {max(0.0, last - first - run - wait):.2f} s")


if __name__ == "__main__":
    main()
