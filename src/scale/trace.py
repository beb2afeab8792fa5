"""SYNTHGEN_TRACE=<file>: a timeline of a pooled run, one line per event (CLOCK_MONOTONIC seconds,
pid, what) appended by every process: the pool's start, each direct-write task's begin, encoded,
claimed (its offset) and written, the stream's end (bench/trace_workers.py reads it)."""

from __future__ import annotations

import os
import time

_PATH = os.environ.get("SYNTHGEN_TRACE")


def mark(what: str) -> None:
    """Append ``what`` with the time and this process's pid (nothing unless SYNTHGEN_TRACE is set)."""
    if _PATH:
        with open(_PATH, "a") as out:
            out.write(f"{time.monotonic():.4f} {os.getpid()} {what}\n")
