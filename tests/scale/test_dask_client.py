"""Workers started by `dask worker` (not by us) keep their heap between tasks once a client of ours
connects, and so does a worker that joins afterwards (the plugin stays with the scheduler)."""

from __future__ import annotations

import os
import subprocess

from src.scale.dask_client import KeepHeapPlugin, open_client
from src.scale.heap import heap_kept
from tests.scale.conftest import DASK, ROOT


def test_external_workers_keep_their_heap_and_so_does_one_that_joins_later(cluster, tmp_path):
    address, _gate = cluster
    with open_client(address) as client:
        before = set(client.scheduler_info()["workers"])
        kept = client.run(heap_kept)
        assert set(kept) == before and len(kept) == 2 and all(kept.values()), kept
        assert all(KeepHeapPlugin.name in names for names in client.run(lambda dask_worker: sorted(dask_worker.plugins)).values())
        late = subprocess.Popen([DASK, "worker", address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1",
                                 "--name", "late"], env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                                stdout=(tmp_path / "late.log").open("w"), stderr=subprocess.STDOUT)
        try:
            client.wait_for_workers(3, timeout=180)
            joined = sorted(set(client.scheduler_info()["workers"]) - before)
            assert len(joined) == 1
            assert client.run(heap_kept, workers=joined) == {joined[0]: True}
        finally:
            late.terminate()
            late.wait(60)
