"""A real Dask cluster on loopback for the scale tests: `dask scheduler` and two `dask worker`
processes, started once per test session. Part tasks wait at a gate (SYNTHGEN_TEST_PART_GATE) while
its ``release`` file is missing, so a test can hold tasks exactly where it needs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.api_server.conftest import find_free_port

ROOT = Path(__file__).parents[2]
DASK = str(Path(sys.executable).parent / "dask")


@pytest.fixture(scope="session")
def cluster(tmp_path_factory):
    logs = tmp_path_factory.mktemp("dask-logs")
    gate = tmp_path_factory.mktemp("gate")
    (gate / "release").touch()  # open unless a test closes it
    port = find_free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SYNTHGEN_TEST_PART_GATE": str(gate)}
    procs = [subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                              env=env, stdout=(logs / "scheduler.log").open("w"), stderr=subprocess.STDOUT)]
    for i in range(2):
        procs.append(subprocess.Popen(
            [DASK, "worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard", "--host", "127.0.0.1",
             "--name", f"w{i}"], env=env, cwd=ROOT, stdout=(logs / f"worker{i}.log").open("w"),
            stderr=subprocess.STDOUT))
    from distributed import Client

    try:
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=180)
        yield address, gate
    finally:
        for proc in procs[::-1]:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def close_gate(gate: Path) -> None:
    """Hold every part task at the gate from now on (forgetting the attempts seen so far)."""
    (gate / "release").unlink(missing_ok=True)
    for marker in [*gate.glob("started-*"), *gate.glob("release-*")]:
        marker.unlink()


def open_gate(gate: Path, part: int | None = None) -> None:
    """Let every part task go on (or only those of part ``part``, of any table)."""
    (gate / ("release" if part is None else f"release-{part}")).touch()


def wait_for_attempts(gate: Path, count: int = 1, timeout: float = 180) -> list[tuple[int, int]]:
    """(part, worker pid) of the attempts held at the gate, once at least ``count`` have arrived."""
    import time

    deadline = time.monotonic() + timeout
    while len(list(gate.glob("started-*"))) < count:
        assert time.monotonic() < deadline, f"fewer than {count} part task(s) reached a worker"
        time.sleep(0.05)
    return sorted((int(m.name.split("-")[1]), int(m.name.split("-")[2])) for m in gate.glob("started-*"))
