"""How many workers a run gets: affinity, cgroup quotas, small runs in one process."""

import os

from src.scale.cores import SMALL_RUN_ROWS, cgroup_cpu_quota, choose_workers, usable_cores
from src.scale.pool import start_pool


def test_cgroup_v2_quota_caps_the_cores(tmp_path):
    (tmp_path / "cpu.max").write_text("150000 100000\n")
    assert cgroup_cpu_quota(tmp_path) == 1.5
    assert usable_cores(tmp_path) == min(2, len(os.sched_getaffinity(0)))
    (tmp_path / "cpu.max").write_text("50000 100000\n")
    assert usable_cores(tmp_path) == 1


def test_no_quota_means_the_affinity(tmp_path):
    (tmp_path / "cpu.max").write_text("max 100000\n")
    assert cgroup_cpu_quota(tmp_path) is None
    assert usable_cores(tmp_path) == len(os.sched_getaffinity(0))
    assert cgroup_cpu_quota(tmp_path / "missing") is None


def test_cgroup_v1_quota(tmp_path):
    (tmp_path / "cpu").mkdir()
    (tmp_path / "cpu" / "cpu.cfs_quota_us").write_text("100000\n")
    (tmp_path / "cpu" / "cpu.cfs_period_us").write_text("100000\n")
    assert cgroup_cpu_quota(tmp_path) == 1.0
    (tmp_path / "cpu" / "cpu.cfs_quota_us").write_text("-1\n")
    assert cgroup_cpu_quota(tmp_path) is None


def test_small_runs_start_no_workers():
    assert choose_workers(None, SMALL_RUN_ROWS - 1) == 1
    assert start_pool(1) is None
    assert choose_workers(None, SMALL_RUN_ROWS) == usable_cores()
    assert choose_workers(3, 10) == 3
