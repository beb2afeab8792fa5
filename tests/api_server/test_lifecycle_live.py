"""Delete, pause and a failing database against a real server whose jobs a test gate holds in place."""

from __future__ import annotations

import sqlite3
import threading
import time

import numpy as np
import pytest

from .conftest import LiveServer
from .helpers import SCHEMA, job_body, read_ids

SEGMENT_ROWS = 2_000
CHUNK = 1_000  # 2 user chunks per stored segment


@pytest.fixture
def gated_server(tmp_path):
    server = LiveServer(tmp_path, gated=True, JOB_MAX_CONCURRENT_JOBS=1, JOB_SEGMENT_ROWS=SEGMENT_ROWS,
                        DATABASE_BUSY_TIMEOUT_SECONDS=0.2)
    server.start()
    yield server
    server.close()


def files_of(server: LiveServer, job_id: str) -> list[str]:
    """Every file or folder under the server's data dirs that belongs to the job."""
    return sorted(str(p) for p in server.data_dir.rglob(f"{job_id}*") if p.parent.name != "gate")


def health(server: LiveServer) -> dict:
    return server.client.get("/health").json()


def hold_after_segments(server: LiveServer, job_id: str, segments: int) -> None:
    """Let the job store `segments` segments, then hold it before the next one, committed."""
    server.gate.release(job_id, segments)
    server.gate.wait_held(job_id, segments)
    server.wait_until(lambda: server.status(job_id)["chunks_completed"] == segments * SEGMENT_ROWS // CHUNK,
                      f"the first {segments} segments of {job_id} to be committed")


def test_delete_waits_for_its_run_and_leaves_nothing_running_or_on_disk(gated_server):
    server = gated_server
    job_id = server.create(job_body(200_000, CHUNK, "csv"))
    hold_after_segments(server, job_id, 2)
    assert files_of(server, job_id), "a running job has segments and a .part output"

    answer: dict = {}
    deleting = threading.Thread(target=lambda: answer.update(r=server.client.delete(f"/jobs/{job_id}")))
    deleting.start()
    # The run is inside an engine call (held by the gate): DELETE must wait for it to end.
    deleting.join(timeout=1.0)
    assert deleting.is_alive(), f"DELETE answered before its run stopped: {answer}"
    released_at = time.monotonic()
    server.gate.release(job_id, 3)
    deleting.join(timeout=20)
    assert not deleting.is_alive(), "DELETE did not answer within 20 s of its run being released"
    assert answer["r"].status_code == 200, answer["r"].text
    assert time.monotonic() >= released_at

    # At once: no run, nothing queued, no record, no file (segments, output, .part).
    assert (health(server)["running_jobs"], health(server)["pending_jobs"]) == (0, 0)
    assert server.client.get(f"/jobs/{job_id}/status").status_code == 404
    assert files_of(server, job_id) == []
    # Nothing of it comes back: a re-queued run would now stand at the gate again (segment 2 or 3).
    server.gate.release(job_id, float("inf"))
    other = server.create(job_body(3_000, CHUNK, "csv"))
    server.gate.release(other, float("inf"))
    assert server.wait_for_status(other, {"completed", "failed"}, timeout=20)["status"] == "completed"
    server.wait_until(lambda: health(server)["running_jobs"] == 0, "running_jobs back to 0", timeout=2)
    assert files_of(server, job_id) == []
    # Its one run was the only one: a stopped run is never re-queued (the log names each run's start).
    assert server.log_path.read_text().count(f"job {job_id}: run started") == 1


def test_pause_freezes_progress_and_the_rate_until_resume(gated_server):
    server = gated_server
    total = 20_000
    job_id = server.create(job_body(total, CHUNK, "parquet"))
    hold_after_segments(server, job_id, 3)
    generating = server.status(job_id)
    assert generating["rows_per_second"] > 0
    remaining = total - generating["rows_generated"]
    assert generating["eta_seconds"] == pytest.approx(remaining / generating["rows_per_second"], abs=0.06)

    # Pause while segment 3 is being made: once paused is answered, progress must not move.
    paused = server.client.post(f"/jobs/{job_id}/control", json={"action": "pause"}).json()
    assert paused["status"] == "paused"
    at_pause = server.status(job_id)
    server.gate.release(job_id, float("inf"))  # the engine call in progress finishes
    server.wait_until(lambda: health(server)["running_jobs"] == 0, "the paused run to stop")
    settled = server.status(job_id)
    assert settled["status"] == "paused"
    assert settled["chunks_completed"] == at_pause["chunks_completed"] == 6
    assert settled["rows_generated"] == at_pause["rows_generated"] == 6_000
    assert (settled["rows_per_second"], settled["eta_seconds"]) == (None, None)  # no stale rate

    server.client.post(f"/jobs/{job_id}/control", json={"action": "resume"})
    done = server.wait_for_status(job_id, {"completed", "failed"}, timeout=30)
    assert done["status"] == "completed", done
    ids = np.asarray(read_ids(server.client.get(f"/jobs/{job_id}/download").content, "parquet"))
    assert np.array_equal(ids, np.arange(1, total + 1))  # the segment made after the pause: once


def test_database_write_failure_fails_the_job_and_the_queue_goes_on(gated_server):
    server = gated_server
    first = server.create(job_body(20_000, CHUNK, "csv"))
    hold_after_segments(server, first, 1)
    assert health(server)["database"] == "ok"

    blocker = sqlite3.connect(server.data_dir / "jobs.sqlite3", isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")  # every write of the server now fails ("database is locked")
    try:
        server.gate.release(first, float("inf"))  # its next commit fails
        server.wait_until(lambda: server.status(first)["status"] == "failed", "the job to fail", timeout=20)
        failed = server.status(first)
        assert "database is locked" in failed["error_message"], failed
        state = health(server)
        assert state["running_jobs"] == 0 and state["database"].startswith("error: ")
        refused = server.client.post("/jobs/create", json=job_body(100, 10))
        assert refused.status_code == 503 and "database" in refused.json()["detail"]
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()

    server.wait_until(lambda: health(server)["database"] == "ok", "the database to report ok again")
    after = server.create(job_body(3_000, CHUNK, "csv"))
    server.gate.release(after, float("inf"))
    assert server.wait_for_status(after, {"completed", "failed"}, timeout=20)["status"] == "completed"
    assert server.status(first)["status"] == "failed"  # now stored: it survives a restart
    server.stop()
    server.start()
    assert server.status(first)["status"] == "failed"
