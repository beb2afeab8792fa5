"""Pause, resume and cancel a job big enough to catch running; the concurrency limit holds."""

from __future__ import annotations

import time

import numpy as np
import pytest

from .conftest import LiveServer
from .helpers import SCHEMA, job_body, read_ids

SEGMENT_ROWS = 20_000
CHUNK = 10_000  # 2 user chunks per stored segment


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One job at a time, so a second job waits as pending."""
    server = LiveServer(tmp_path_factory.mktemp("control"), JOB_MAX_CONCURRENT_JOBS=1,
                        JOB_SEGMENT_ROWS=SEGMENT_ROWS)
    server.start()
    yield server
    server.close()


def status_of(server, job_id) -> dict:
    return server.client.get(f"/jobs/{job_id}/status").json()


def control(server, job_id, action) -> dict:
    response = server.client.post(f"/jobs/{job_id}/control", json={"job_id": job_id, "action": action})
    assert response.status_code == 200, response.text
    return response.json()


def wait_for_progress(server, job_id, min_chunks: int, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = status_of(server, job_id)
        if body["status"] == "generating" and body["chunks_completed"] >= min_chunks:
            return body
        assert body["status"] in ("pending", "generating"), body
        time.sleep(0.02)
    raise AssertionError(f"job {job_id} made no progress")


def test_pause_resume_cancel_and_concurrency_limit(server):
    # SCHEMA makes a few hundred thousand rows/s: these jobs run for seconds, long enough to catch.
    total = 1_500_000
    first = server.client.post("/jobs/create", json=job_body(total, CHUNK, "parquet", schema=SCHEMA)).json()
    second = server.client.post("/jobs/create", json=job_body(2_000_000, CHUNK, "csv", schema=SCHEMA)).json()
    a, b = first["job_id"], second["job_id"]

    running = wait_for_progress(server, a, min_chunks=2)
    assert status_of(server, b)["status"] == "pending"  # only one job may run
    assert server.client.get(f"/jobs/{a}/download").status_code == 409  # not completed yet
    preview = server.client.get(f"/jobs/{a}/preview", params={"rows": 3}).json()
    assert [r["id"] for r in preview["data"]] == [1, 2, 3]  # preview works while it runs

    paused = control(server, a, "pause")
    assert paused["status"] == "paused"
    at_pause = status_of(server, a)["chunks_completed"]
    time.sleep(0.6)
    settled = status_of(server, a)
    time.sleep(0.4)
    assert status_of(server, a)["chunks_completed"] == settled["chunks_completed"]  # stopped
    assert settled["chunks_completed"] - at_pause <= SEGMENT_ROWS // CHUNK  # within one segment
    assert running["chunks_completed"] <= settled["chunks_completed"] < settled["total_chunks"]
    assert settled["status"] == "paused"

    # The freed slot goes to the waiting job; cancelling it stops it.
    wait_for_progress(server, b, min_chunks=1)
    assert control(server, b, "cancel")["status"] == "cancelled"
    time.sleep(0.3)
    cancelled = status_of(server, b)
    time.sleep(0.4)
    assert status_of(server, b)["chunks_completed"] == cancelled["chunks_completed"] < cancelled["total_chunks"]
    assert server.client.post(f"/jobs/{b}/control", json={"action": "resume"}).status_code == 409
    assert server.client.get(f"/jobs/{b}/download").status_code == 409

    control(server, a, "resume")
    done = server.wait_for_status(a, {"completed", "failed"}, timeout=120)
    assert done["status"] == "completed", done
    assert done["rows_generated"] == total and done["chunks_completed"] == done["total_chunks"] == 150
    ids = np.asarray(read_ids(server.client.get(f"/jobs/{a}/download").content, "parquet"))
    assert len(ids) == total
    assert np.array_equal(np.sort(ids), np.arange(1, total + 1))


def test_pause_then_cancel_a_pending_job(server):
    blocker = server.client.post("/jobs/create", json=job_body(2_000_000, CHUNK, "csv", schema=SCHEMA)).json()
    waiting = server.client.post("/jobs/create", json=job_body(1000, 100, "csv", schema=SCHEMA)).json()
    wait_for_progress(server, blocker["job_id"], min_chunks=1)
    assert control(server, waiting["job_id"], "pause")["status"] == "paused"
    assert control(server, waiting["job_id"], "cancel")["status"] == "cancelled"
    assert control(server, blocker["job_id"], "cancel")["status"] == "cancelled"
    assert status_of(server, waiting["job_id"])["chunks_completed"] == 0
