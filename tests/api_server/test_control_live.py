"""Pause, resume and cancel a job held mid-run by the test gate; the concurrency limit holds.

The gate (SYNTHGEN_TEST_GATE_DIR) holds each job before a chosen segment, so nothing here depends on
how fast the machine generates; every wait fails within seconds with what it waited for.
"""

from __future__ import annotations

import numpy as np
import pytest

from .conftest import LiveServer
from .helpers import SCHEMA, job_body, read_ids

SEGMENT_ROWS = 20_000
CHUNK = 10_000  # 2 user chunks per stored segment


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One job at a time, so a second job waits as pending."""
    server = LiveServer(tmp_path_factory.mktemp("control"), gated=True, JOB_MAX_CONCURRENT_JOBS=1,
                        JOB_SEGMENT_ROWS=SEGMENT_ROWS)
    server.start()
    yield server
    server.close()


def control(server, job_id, action) -> dict:
    response = server.client.post(f"/jobs/{job_id}/control", json={"job_id": job_id, "action": action})
    assert response.status_code == 200, response.text
    return response.json()


def running_jobs(server) -> int:
    return server.client.get("/health").json()["running_jobs"]


def hold_at(server, job_id, segment: int) -> dict:
    """Let the job make `segment` segments and hold it before the next; its status once committed."""
    server.gate.release(job_id, segment)
    server.gate.wait_held(job_id, segment)
    expected = segment * SEGMENT_ROWS // CHUNK
    server.wait_until(lambda: server.status(job_id)["chunks_completed"] == expected,
                      f"{expected} chunks of {job_id} committed")
    return server.status(job_id)


def test_pause_resume_cancel_and_concurrency_limit(server):
    total = 300_000
    a = server.create(job_body(total, CHUNK, "parquet", schema=SCHEMA))
    b = server.create(job_body(2_000_000, CHUNK, "csv", schema=SCHEMA))

    running = hold_at(server, a, 2)
    assert running["status"] == "generating"
    assert server.status(b)["status"] == "pending"  # only one job may run
    assert server.client.get(f"/jobs/{a}/download").status_code == 409  # not completed yet
    preview = server.client.get(f"/jobs/{a}/preview", params={"rows": 3}).json()
    assert [r["id"] for r in preview["data"]] == [1, 2, 3]  # preview works while it runs

    assert control(server, a, "pause")["status"] == "paused"
    server.gate.release(a, 3)  # the segment in progress ends; its run stops after it
    server.wait_until(lambda: server.status(b)["status"] == "generating", "the waiting job to get the slot")
    settled = server.status(a)
    assert settled["status"] == "paused"
    assert settled["chunks_completed"] == running["chunks_completed"] == 4  # nothing moved after pause

    # The freed slot went to the waiting job; cancelling it stops it where it stands.
    held_b = hold_at(server, b, 1)
    assert control(server, b, "cancel")["status"] == "cancelled"
    server.gate.release(b, float("inf"))
    server.wait_until(lambda: running_jobs(server) == 0, "the cancelled run to stop")
    cancelled = server.status(b)
    assert cancelled["chunks_completed"] == held_b["chunks_completed"] == 2 < cancelled["total_chunks"]
    assert server.client.post(f"/jobs/{b}/control", json={"action": "resume"}).status_code == 409
    assert server.client.get(f"/jobs/{b}/download").status_code == 409

    control(server, a, "resume")
    server.gate.release(a, float("inf"))
    done = server.wait_for_status(a, {"completed", "failed"}, timeout=120)
    assert done["status"] == "completed", done
    assert done["rows_generated"] == total and done["chunks_completed"] == done["total_chunks"] == 30
    ids = np.asarray(read_ids(server.client.get(f"/jobs/{a}/download").content, "parquet"))
    assert len(ids) == total
    assert np.array_equal(np.sort(ids), np.arange(1, total + 1))


def test_pause_then_cancel_a_pending_job(server):
    blocker = server.create(job_body(2_000_000, CHUNK, "csv", schema=SCHEMA))
    waiting = server.create(job_body(1000, 100, "csv", schema=SCHEMA))
    hold_at(server, blocker, 1)
    assert server.status(waiting)["status"] == "pending"
    assert control(server, waiting, "pause")["status"] == "paused"
    assert control(server, waiting, "cancel")["status"] == "cancelled"
    assert control(server, blocker, "cancel")["status"] == "cancelled"
    server.gate.release(blocker, float("inf"))
    server.wait_until(lambda: running_jobs(server) == 0, "the cancelled blocker to stop")
    assert server.status(waiting)["chunks_completed"] == 0
    assert server.gate.held_at(waiting) is None  # it never ran
