"""kill -9 mid-job, restart: the job continues from its last chunk; every row exactly once.

The test gate holds the job mid-run, so the kill lands mid-job whatever the machine's speed.
"""

from __future__ import annotations

import numpy as np

from .helpers import job_body, read_ids

LEAN_SCHEMA = {"fields": [
    {"name": "id", "type": "sequence"},
    {"name": "amount", "type": "float", "constraints": {"min_value": 0, "max_value": 100, "decimals": 2}},
    {"name": "kind", "type": "enum", "constraints": {"enum_values": ["x", "y"]}},
]}


def test_killed_server_resumes_jobs_exactly(live_server_factory):
    server = live_server_factory(gated=True, JOB_SEGMENT_ROWS=4_000, JOB_MAX_CONCURRENT_JOBS=2)
    small = server.create(job_body(1000, 100, "parquet", schema=LEAN_SCHEMA))
    server.gate.release(small, float("inf"))
    server.wait_for_status(small, {"completed"}, timeout=20)
    small_bytes = server.client.get(f"/jobs/{small}/download").content

    total, chunk = 1_000_000, 2_000
    job_id = server.create(job_body(total, chunk, "csv", schema=LEAN_SCHEMA))
    server.gate.release(job_id, 20)  # 20 segments of 2 chunks, then held mid-job
    server.gate.wait_held(job_id, 20)
    server.wait_until(lambda: server.status(job_id)["chunks_completed"] == 40, "40 chunks committed")
    before = server.status(job_id)
    server.kill_hard()  # its lock file stays behind: a stale lock must not block the restart

    server.start()
    after = server.status(job_id)
    assert after["status"] in ("pending", "generating")  # it really was cut off mid-job
    assert after["chunks_completed"] == before["chunks_completed"] == 40
    server.gate.release(job_id, float("inf"))
    done = server.wait_for_status(job_id, {"completed", "failed"}, timeout=120)
    assert done["status"] == "completed", done
    assert done["rows_generated"] == total and done["chunks_completed"] == 500

    ids = np.asarray(read_ids(server.client.get(f"/jobs/{job_id}/download").content, "csv"))
    assert len(ids) == total
    assert np.array_equal(np.sort(ids), np.arange(1, total + 1))  # none lost, none duplicated
    # A job finished before the crash is still there, byte for byte.
    assert server.client.get(f"/jobs/{small}/download").content == small_bytes
