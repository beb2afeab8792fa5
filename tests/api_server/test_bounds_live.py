"""Work and memory bounded by bytes, seeds, time zones and cheap status polls, on a real server."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import datetime

import pytest

from .conftest import LiveServer
from .helpers import SCHEMA, job_body

WIDE_SCHEMA = {"fields": [{"name": f"w{i}", "type": "string", "constraints": {"pattern": r"\w{1024}"}}
                          for i in range(8)]}


def peak_rss_mib(server: LiveServer) -> float:
    """The server process's peak resident memory so far (VmHWM), in MiB."""
    for line in open(f"/proc/{server.process.pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM in /proc status")


def test_wide_rows_are_generated_in_byte_sized_calls(live_server_factory):
    # 40,000 rows of ~8 KiB in one user chunk: sized by rows this was one 330 MB engine call.
    server = live_server_factory(JOB_SEGMENT_BYTES=8 * 2**20)
    job_id = server.create(job_body(20_000, 20_000, "csv", schema=WIDE_SCHEMA))
    done = server.wait_for_status(job_id, {"completed", "failed"}, timeout=120)
    assert done["status"] == "completed", done
    assert peak_rss_mib(server) < 300, f"peak RSS {peak_rss_mib(server):.0f} MiB"
    with server.client.stream("GET", f"/jobs/{job_id}/download") as download:
        size = int(download.headers["content-length"])
    assert size > 8 * 1024 * 20_000  # the rows really were that wide


def test_a_row_wider_than_max_row_bytes_is_refused(live_server):
    too_wide = {"fields": [{"name": f"w{i}", "type": "string", "constraints": {"pattern": r"\w{1024}"}}
                           for i in range(80)]}
    response = live_server.client.post("/jobs/create", json=job_body(10, 10, schema=too_wide))
    assert response.status_code == 422, response.text
    (problem,) = response.json()["problems"]
    assert problem["loc"] == "schema.fields" and "MAX_ROW_BYTES (65536)" in problem["message"]
    assert live_server.client.post("/jobs/create", json=job_body(10, 10, schema=WIDE_SCHEMA)).status_code == 200


def test_unseeded_jobs_draw_stored_seeds_that_reproduce_them(live_server):
    server = live_server
    first, second = (server.create(job_body(500, 100, "csv")) for _ in range(2))
    for job_id in (first, second):
        server.wait_for_status(job_id, {"completed"}, timeout=30)
    seeds = [server.status(j)["seed"] for j in (first, second)]
    assert seeds[0] != seeds[1]
    data = [server.client.get(f"/jobs/{j}/download").content for j in (first, second)]
    assert data[0] != data[1]  # two unseeded datasets never share their rows
    again = server.create(job_body(500, 100, "csv", seed=seeds[0]))
    assert server.wait_for_status(again, {"completed"}, timeout=30)["seed"] == seeds[0]
    assert server.client.get(f"/jobs/{again}/download").content == data[0]


def test_seed_bounds_are_a_422_never_a_500(live_server):
    top = 2**63 - 1
    job_id = live_server.create(job_body(100, 100, "csv", seed=top))
    assert live_server.wait_for_status(job_id, {"completed", "failed"}, timeout=30)["status"] == "completed"
    assert live_server.status(job_id)["seed"] == top
    for bad in (2**63, 2**64, -1):
        response = live_server.client.post("/jobs/create", json=job_body(100, 100, "csv", seed=bad))
        assert response.status_code == 422, (bad, response.text)
        assert response.json()["problems"][0]["loc"] == "seed"


def test_every_timestamp_carries_its_zone(live_server):
    job_id = live_server.create(job_body(100, 100, "csv"))
    live_server.wait_for_status(job_id, {"completed"}, timeout=30)
    listed = live_server.client.get("/jobs/").json()["jobs"]
    for body in [live_server.status(job_id), *listed]:
        for name in ("created_at", "updated_at", "started_at", "completed_at"):
            value = body[name]
            if value is not None:
                assert value.endswith(("Z", "+00:00")), (name, value)
                assert datetime.fromisoformat(value).utcoffset().total_seconds() == 0


def test_status_and_list_never_parse_the_stored_schema(live_server):
    job_id = live_server.create(job_body(100, 100, "csv"))
    live_server.wait_for_status(job_id, {"completed"}, timeout=30)
    with sqlite3.connect(live_server.data_dir / "jobs.sqlite3") as db:
        db.execute("UPDATE jobs SET schema_json = 'not json at all' WHERE id = ?", (job_id,))
    assert live_server.status(job_id)["status"] == "completed"
    assert job_id in {j["job_id"] for j in live_server.client.get("/jobs/", params={"limit": 1000}).json()["jobs"]}


def test_long_extractions_run_off_the_event_loop(live_server):
    # ~3 s of extractor work each on a quiet machine (20,000 characters, the limit).
    text = ("A dataset of customers with full name, email, age between 18 and 80, status active or "
            "inactive, balance from 0 to 10000 with 2 decimals, joined date in the last 2 years. ") * 200
    text = text[:20_000]
    answers: list = []

    def extract() -> None:
        answers.append(live_server.client.post("/schema/extract", json={"user_input": text}))

    workers = [threading.Thread(target=extract) for _ in range(3)]
    for worker in workers:
        worker.start()
    slowest = 0.0
    while any(w.is_alive() for w in workers):
        started = time.monotonic()
        assert live_server.client.get("/health", timeout=5).status_code == 200
        slowest = max(slowest, time.monotonic() - started)
        time.sleep(0.05)
    assert [a.status_code for a in answers] == [200, 200, 200], [a.text[:200] for a in answers]
    assert slowest < 1.0, f"/health took {slowest:.2f} s while extractions ran"

    too_long = live_server.client.post("/schema/extract", json={"user_input": "x" * 20_001})
    assert too_long.status_code == 422
    (problem,) = too_long.json()["problems"]
    assert problem["loc"] == "user_input" and "20000" in problem["message"]


@pytest.fixture
def memory_server(live_server_factory):
    return live_server_factory(STORAGE_TYPE="memory", MEMORY_STORAGE_MAX_BYTES=2**20)


def test_memory_storage_refuses_a_job_that_would_pass_its_cap(memory_server):
    server = memory_server
    # SCHEMA rows are ~100 bytes: 2 x 20,000 rows x ~100 B is past a 1 MiB cap; 2,000 rows fit.
    refused = server.client.post("/jobs/create", json=job_body(20_000, 1000, "csv", schema=SCHEMA))
    assert refused.status_code == 422, refused.text
    (problem,) = refused.json()["problems"]
    assert problem["loc"] == "total_rows" and "MEMORY_STORAGE_MAX_BYTES (1048576)" in problem["message"]
    kept = []
    while True:  # finished datasets count against the cap until they are deleted
        response = server.client.post("/jobs/create", json=job_body(2_000, 1000, "csv", schema=SCHEMA))
        if response.status_code == 422:
            break
        assert response.status_code == 200, response.text
        kept.append(response.json()["job_id"])
        assert server.wait_for_status(kept[-1], {"completed", "failed"}, timeout=30)["status"] == "completed"
        assert len(kept) < 10, "the cap never refused a job"
    assert kept, "a job that fits was refused"
    server.client.delete(f"/jobs/{kept[0]}")
    assert server.client.post("/jobs/create", json=job_body(2_000, 1000, "csv", schema=SCHEMA)).status_code == 200
