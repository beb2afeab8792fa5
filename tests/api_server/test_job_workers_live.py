"""JOB_WORKERS on a real server: the job's rows come from worker processes, a kill -9 mid-job and a
restart still give every row once (no worker process outlives the killed server), and the download
is the same bytes as one process writes."""

from __future__ import annotations

import json
from pathlib import Path

import synthgen

from tests.process_tree import descendants, still_running

from .helpers import job_body

CUSTOMERS = json.loads((Path(__file__).parents[2] / "bench" / "customer_schema.json").read_text())
# Absolute dates: the rows then do not depend on the anchor the job resolves when it is created.
CUSTOMERS["fields"][5]["constraints"] = {"min_value": "2024-01-01", "max_value": "2025-12-31"}


def test_a_job_on_workers_survives_kill_9_and_matches_one_process(live_server_factory, tmp_path):
    server = live_server_factory(gated=True, JOB_WORKERS=2, JOB_SEGMENT_ROWS=5_000)
    job_id = server.create(job_body(40_000, 2_500, "csv", schema=CUSTOMERS, seed=21))
    server.gate.release(job_id, 3)  # 3 of 8 segments, then held mid-job
    server.gate.wait_held(job_id, 3, timeout=120)
    server.wait_until(lambda: server.status(job_id)["chunks_completed"] == 6, "6 chunks committed", timeout=120)
    started = descendants(server.process.pid)  # forkserver, its 2 workers, the resource tracker
    assert len(started) >= 3, started
    server.kill_hard()
    server.wait_until(lambda: not still_running(started), f"the killed server's processes {started} to end",
                      timeout=30)

    server.start()
    assert server.status(job_id)["chunks_completed"] == 6
    server.gate.release(job_id, float("inf"))
    done = server.wait_for_status(job_id, {"completed", "failed"}, timeout=240)
    assert done["status"] == "completed", done

    expected = tmp_path / "one-process.csv"
    synthgen.write(CUSTOMERS, 40_000, expected, seed=21, batch_size=2_500)
    whole = expected.read_bytes()
    assert len(whole) > 5 * 2**20  # the download spans several of its 4 MiB blocks
    assert server.client.get(f"/jobs/{job_id}/download").content == whole
    ranged = server.client.get(f"/jobs/{job_id}/download", headers={"Range": "bytes=4194000-4194400"})
    assert ranged.status_code == 206 and ranged.content == whole[4194000:4194401]
    log = (tmp_path / "logs" / "api.log").read_text()
    assert "job rows are made in 2 worker processes (forkserver)" in log
    assert "Traceback" not in log, log[-3000:]
