"""Worker processes keep freed memory for their next task instead of faulting it in again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from src.scale.heap import ARROW_PURGE_SETTING
from src.scale.pool import RangePool

ROOT = Path(__file__).resolve().parents[2]

# Arrays made and freed in turn, as a worker's tasks do; prints the page faults of rounds 2..6.
_ROUNDS = """
import resource, sys
import numpy as np
if sys.argv[1] == "keep":
    from src.scale.heap import keep_heap
    assert keep_heap()
def rounds():  # a task's columns: many arrays of ~1 MB alive at once, all freed at its end
    columns = [np.ones(125_000) for _ in range(40)]
    del columns
rounds()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(5):
    rounds()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(mode: str) -> int:
    done = subprocess.run([sys.executable, "-c", _ROUNDS, mode], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    return int(done.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc malloc")
def test_kept_heap_reuses_the_pages_of_earlier_tasks():
    kept, default = _faults("keep"), _faults("default")
    # 5 rounds of 40 MB: handed back to the kernel after each, they fault in again by the thousand
    assert kept < 200
    assert default > 10 * max(kept, 100)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_pool_workers_start_with_arrow_memory_kept(monkeypatch):
    monkeypatch.delenv(ARROW_PURGE_SETTING, raising=False)
    with RangePool(2) as pool:
        pool.wait_ready(120)
        pids = [future.result() for future in pool._ready]
        environs = [Path(f"/proc/{pid}/environ").read_bytes().split(b"\0") for pid in pids]
    assert pool.start_method != "fork"  # a pool without plans: a fresh interpreter, started with it
    for environ in environs:
        assert f"{ARROW_PURGE_SETTING}=-1".encode() in environ


def test_a_setting_the_user_made_stays(monkeypatch):
    from src.scale.heap import keep_arrow_memory

    monkeypatch.setenv(ARROW_PURGE_SETTING, "250")
    keep_arrow_memory()
    assert os.environ[ARROW_PURGE_SETTING] == "250"


def test_the_cli_sets_it_before_pyarrow_starts():
    code = ("import os, sys; import src.cli; "
            f"print('pyarrow' in sys.modules, os.environ['{ARROW_PURGE_SETTING}'])")
    env = {k: v for k, v in os.environ.items() if k != ARROW_PURGE_SETTING}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["False", "-1"]
