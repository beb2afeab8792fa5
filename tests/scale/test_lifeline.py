"""Workers end with the process that started their pool, even when it is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.process_tree import descendants, still_running

ROOT = Path(__file__).resolve().parents[2]
OWNER = """
import sys
from src.scale.pool import RangePool
pool = RangePool(2)
pool.wait_ready(120)
print("ready", flush=True)
sys.stdin.read()  # held until the test kills this process
"""


def _wait_until(predicate, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(0.02)


@pytest.mark.parametrize("start", ["fork", "forkserver", "spawn"])
def test_killing_the_pool_owner_ends_its_workers(start):
    env = {**os.environ, "SYNTHGEN_WORKER_START": start}
    owner = subprocess.Popen([sys.executable, "-c", OWNER], cwd=ROOT, env=env, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert owner.stdout.readline().strip() == "ready"
        workers = descendants(owner.pid)
        assert len(still_running(workers)) >= 2, workers
        owner.send_signal(signal.SIGKILL)
        owner.wait(timeout=10)
        _wait_until(lambda: not still_running(workers), f"workers {workers} to end", timeout=30)
    finally:
        owner.kill()
        for pid in still_running(descendants(owner.pid)):
            os.kill(pid, signal.SIGKILL)


def test_a_worker_of_an_owner_already_gone_exits_at_once():
    from src.scale.lifeline import identify

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    gone = identify(child.pid)
    code = subprocess.run([sys.executable, "-c", f"from src.scale.lifeline import watch_owner; "
                           f"watch_owner({gone!r}); import time; time.sleep(60)"], cwd=ROOT, timeout=30).returncode
    assert code == 1
