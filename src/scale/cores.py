"""How many processes this machine lets us keep busy: CPU affinity and cgroup CPU limits."""

from __future__ import annotations

import math
import os
from pathlib import Path

# Below this many rows a run is over before worker processes would have started. Measured with
# bench/bench_workers.py (customer CSV, 2 cores, load ~1.6; 2026-12-02), --workers 2 against 1: 500k rows
# 0.96x the rows/s for 6% more CPU, 750k 1.04x for 3% more, 1M 1.33x for 9% more: the crossover lies
# between 750k and 1M, so runs below 1M stay in one process.
SMALL_RUN_ROWS = 1_000_000
_CGROUP_ROOT = Path("/sys/fs/cgroup")


def usable_cores(cgroup_root: Path = _CGROUP_ROOT) -> int:
    """Cores this process may use: its CPU affinity, capped by a cgroup CPU quota (v2 or v1)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    quota = cgroup_cpu_quota(cgroup_root)
    if quota is not None:
        cores = min(cores, max(1, math.ceil(quota)))
    return max(1, cores)


def cgroup_cpu_quota(root: Path = _CGROUP_ROOT) -> float | None:
    """CPUs allowed by the cgroup (``cpu.max`` of v2, ``cpu.cfs_quota_us`` of v1); None: no limit."""
    try:
        quota, period = (root / "cpu.max").read_text().split()[:2]
        return None if quota == "max" else int(quota) / int(period)
    except (OSError, ValueError):
        pass
    try:
        quota_us = int((root / "cpu" / "cpu.cfs_quota_us").read_text())
        period_us = int((root / "cpu" / "cpu.cfs_period_us").read_text())
        return None if quota_us <= 0 or period_us <= 0 else quota_us / period_us
    except (OSError, ValueError):
        return None


def choose_workers(requested: int | None, rows: int) -> int:
    """Worker processes for a run: as asked, else one per usable core (1 = in this process) when
    the run is large enough to repay starting them."""
    if requested is not None:
        return max(1, requested)
    return 1 if rows < SMALL_RUN_ROWS else usable_cores()
