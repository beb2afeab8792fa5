"""API jobs written as part files by a real Dask cluster (DASK_SCHEDULER_ADDRESS + DASK_OUTPUT_PATH):
the download is the file a job run by the API writes, byte for byte; pause, restart, delete and a
killed worker leave no part twice and none missing."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import signal
import zipfile
from pathlib import Path

import pytest

from src.config import Settings
from src.jobs import JobManager, JobStore
from src.schemas.api import JobCreateRequest, JobStatus
from src.scale.parts import MANIFEST
from src.storage import DiskStorage
from tests.api_server.conftest import live_server_factory  # noqa: F401 (a fixture)
from tests.api_server.helpers import job_body
from tests.engine.relational.test_relational_engine import SHOP
from tests.jobs.test_manager import wait_until_final
from tests.scale.conftest import ROOT, close_gate, open_gate, wait_for_attempts

CUSTOMERS = json.loads((ROOT / "bench" / "customer_schema.json").read_text())
FIXED = {**CUSTOMERS, "fields": [dict(f) for f in CUSTOMERS["fields"]]}  # no date relative to the anchor
FIXED["fields"][5] = {**FIXED["fields"][5], "constraints": {"min_value": "2024-01-01", "max_value": "2025-12-31"}}
ROWS, CHUNK, SEGMENT, PART_ROWS = 30_000, 1_000, 2_000, 8_000  # 4 parts: 8k, 8k, 8k, 6k


def _shop() -> dict:
    doc = json.loads(json.dumps(SHOP))
    doc["tables"][0]["fields"][1]["constraints"] = {"min_value": "2024-01-01", "max_value": "2025-06-30"}
    doc["tables"][1]["fields"][2]["constraints"] = {"after": "customers.signup_date", "max_value": "2026-01-31"}
    return doc


def _settings(root: Path, address: str | None = None, segment_rows: int = SEGMENT,
              part_rows: int = PART_ROWS) -> Settings:
    cluster = {"dask_scheduler_address": address, "dask_output_path": root / "shared"} if address else {}
    return Settings(_env_file=None, database_path=root / "jobs.sqlite3", temp_path=root / "temp",
                    output_path=root / "output", log_dir=root / "logs", job_segment_rows=segment_rows,
                    dask_part_rows=part_rows, **cluster)


async def _started(settings: Settings) -> JobManager:
    manager = JobManager(JobStore(settings.database_path), DiskStorage(settings.temp_path, settings.output_path),
                         settings)
    await manager.start()
    return manager


def _request(fmt: str, schema: dict | None = None, rows: int | None = ROWS) -> JobCreateRequest:
    body = {"schema": schema or FIXED, "chunk_size": CHUNK if schema is None else 250, "output_format": fmt,
            "seed": 8}
    return JobCreateRequest.model_validate({**body, **({"total_rows": rows} if rows else {})})


async def _local_download(root: Path, request: JobCreateRequest, table: str | None = None) -> bytes:
    """What the same job writes when the API makes its file itself."""
    manager = await _started(_settings(root))
    job = await manager.create_job(request)
    done = await wait_until_final(manager, job.id, timeout=240)
    assert done.status == JobStatus.COMPLETED, done.error_message
    data = b"".join(manager.get_download(job.id, table).blocks())
    await manager.shutdown()
    return data


@contextlib.asynccontextmanager
async def _held(manager: JobManager, gate: Path, request: JobCreateRequest, attempts: int = 2):
    """A job created while its part tasks wait at the gate: yields (job, [(part, worker pid)] held),
    once ``attempts`` tasks are held; the gate opens again on the way out."""
    close_gate(gate)
    try:
        job = await manager.create_job(request)
        yield job, await asyncio.to_thread(wait_for_attempts, gate, attempts)
    finally:
        open_gate(gate)


async def _finish(manager: JobManager, job_id: str) -> tuple:
    """The job's final state and downloaded file; the manager is shut down."""
    done = await wait_until_final(manager, job_id, timeout=300)
    data = b"".join(manager.get_download(job_id).blocks()) if done.status == JobStatus.COMPLETED else b""
    await manager.shutdown()
    return done, data


def _parts_listed_once(folder: Path) -> dict:
    """The manifest lists every part file in the folder exactly once, in order; no temp file is left."""
    manifest = json.loads((folder / MANIFEST).read_text())
    assert [p["path"] for p in manifest["parts"]] == sorted(p.name for p in folder.glob("part-*"))
    assert [p["index"] for p in manifest["parts"]] == list(range(len(manifest["parts"])))
    assert not list(folder.glob(".*.tmp"))
    return manifest


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_a_job_on_the_cluster_downloads_the_file_the_api_writes(cluster, tmp_path, fmt):
    async def scenario():
        expected = await _local_download(tmp_path / "local", _request(fmt))
        manager = await _started(_settings(tmp_path, cluster[0]))
        job = await manager.create_job(_request(fmt))
        done = await wait_until_final(manager, job.id, timeout=240)
        data = b"".join(manager.get_download(job.id).blocks())
        archive = b"".join(manager.get_download(job.id, parts=True).blocks())
        await manager.shutdown()
        return job, done, data, archive, expected

    job, done, data, archive, expected = asyncio.run(scenario())
    assert done.status == JobStatus.COMPLETED, done.error_message
    assert done.progress_percentage == 100.0 and done.chunks_completed == 30
    assert data == expected
    folder = tmp_path / "shared" / job.id
    manifest = _parts_listed_once(folder)
    assert [p["rows"] for p in manifest["parts"]] == [8_000, 8_000, 8_000, 6_000]
    assert manifest["format"] == ("jsonl" if fmt == "json" else fmt) and manifest["seed"] == 8
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        assert zipped.namelist() == [p["path"] for p in manifest["parts"]] + [MANIFEST]
        assert all(zipped.read(p["path"]) == (folder / p["path"]).read_bytes() for p in manifest["parts"])
    if fmt == "csv":  # every part is a CSV file of its own, with its header
        header = expected.split(b"\n", 1)[0]
        assert all((folder / p["path"]).read_bytes().startswith(header) for p in manifest["parts"])


def test_paused_mid_job_then_resumed_no_part_twice_none_missing(cluster, tmp_path):
    address, gate = cluster

    async def scenario():
        expected = await _local_download(tmp_path / "local", _request("csv"))
        manager = await _started(_settings(tmp_path, address))
        async with _held(manager, gate, _request("csv")) as (job, _):  # both workers hold a part
            paused = manager.pause_job(job.id)
        while manager._live_run(job.id) is not None:  # the held parts finish after the pause answered
            await asyncio.sleep(0.02)
        after_pause = manager.get_job(job.id)
        manager.resume_job(job.id)
        return (job, paused, after_pause, *await _finish(manager, job.id), expected)

    job, paused, after_pause, done, data, expected = asyncio.run(scenario())
    assert after_pause.status == JobStatus.PAUSED and after_pause.chunks_completed == paused.chunks_completed == 0
    assert done.status == JobStatus.COMPLETED, done.error_message
    assert data == expected
    _parts_listed_once(tmp_path / "shared" / job.id)


def test_a_restarted_api_carries_on_from_the_parts_on_disk(cluster, tmp_path):
    address, gate = cluster

    async def first_run():
        manager = await _started(_settings(tmp_path, address))
        async with _held(manager, gate, _request("jsonl")) as (job, _):
            await manager.shutdown()  # the API stops with parts still being written
        return job

    async def second_run(job_id):
        manager = await _started(_settings(tmp_path, address))
        return await _finish(manager, job_id)

    job = asyncio.run(first_run())
    done, data = asyncio.run(second_run(job.id))
    assert done.status == JobStatus.COMPLETED, done.error_message
    assert data == asyncio.run(_local_download(tmp_path / "local", _request("jsonl")))
    _parts_listed_once(tmp_path / "shared" / job.id)


def test_deleting_a_job_cancels_its_tasks_and_removes_its_parts(cluster, tmp_path):
    address, gate = cluster
    from distributed import Client

    async def scenario():
        manager = await _started(_settings(tmp_path, address))
        async with _held(manager, gate, _request("csv")) as (job, _):
            folder = Path(manager.get_job(job.id).parts_dir)
            assert folder.is_dir()
            await manager.delete_job(job.id)
            gone_at_once = not folder.exists()
        with Client(address, timeout="60s") as client:  # the two held tasks end (they were running)
            for _ in range(3000):
                left = sum(len(keys) for keys in client.run(PART_TASKS).values())
                if not left:
                    break
                await asyncio.sleep(0.02)
        await manager.shutdown()
        return folder, gone_at_once, left

    folder, gone_at_once, left = asyncio.run(scenario())
    assert gone_at_once and left == 0
    assert not folder.exists() and list((tmp_path / "shared").iterdir()) == []


def test_a_worker_killed_mid_job_still_gives_the_exact_file(cluster, tmp_path):
    address, gate = cluster

    async def scenario():
        expected = await _local_download(tmp_path / "local", _request("csv"))
        manager = await _started(_settings(tmp_path, address))
        async with _held(manager, gate, _request("csv"), 1) as (job, held):
            part, pid = held[0]
            os.kill(pid, signal.SIGKILL)  # the worker process writing `part` dies mid-task
        return (job, part, pid, *await _finish(manager, job.id), expected)

    job, part, pid, done, data, expected = asyncio.run(scenario())
    assert done.status == JobStatus.COMPLETED, done.error_message
    assert data == expected
    assert [p for p in gate.glob(f"started-{part}-*") if p.name != f"started-{part}-{pid}"]  # tried again
    _parts_listed_once(tmp_path / "shared" / job.id)


def test_a_multi_table_job_on_the_cluster_gives_the_api_s_tables(cluster, tmp_path):
    """Tables in key order, a folder of parts each; after a worker dies mid-table the zip of tables
    and each table's file are the ones a job run by the API writes."""
    address, gate = cluster
    request = _request("csv", _shop(), rows=None)

    async def scenario():
        local = await _started(_settings(tmp_path / "local", segment_rows=500))
        local_job = await local.create_job(request)
        await wait_until_final(local, local_job.id, timeout=240)
        expected = {name: b"".join(local.get_download(local_job.id, name).blocks()) for name in SHOP_TABLES}
        await local.shutdown()
        manager = await _started(_settings(tmp_path, address, segment_rows=500, part_rows=500))
        async with _held(manager, gate, request, 1) as (job, held):
            os.kill(held[0][1], signal.SIGKILL)
        done = await wait_until_final(manager, job.id, timeout=300)
        tables = {name: b"".join(manager.get_download(job.id, name).blocks()) for name in SHOP_TABLES}
        archive = b"".join(manager.get_download(job.id).blocks())
        parts = b"".join(manager.get_download(job.id, parts=True).blocks())
        status = manager.get_job(job.id)
        await manager.shutdown()
        return job, done, status, tables, archive, parts, expected

    job, done, status, tables, archive, parts, expected = asyncio.run(scenario())
    assert done.status == JobStatus.COMPLETED, done.error_message
    assert status.rows_generated == status.total_rows
    assert tables == expected
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        assert {name: zipped.read(f"{name}.csv") for name in SHOP_TABLES} == expected
    folder = tmp_path / "shared" / job.id
    top = json.loads((folder / MANIFEST).read_text())
    assert [t["name"] for t in top["tables"]] == SHOP_TABLES
    with zipfile.ZipFile(io.BytesIO(parts)) as zipped:
        names = zipped.namelist()
    for name in SHOP_TABLES:
        manifest = _parts_listed_once(folder / name)
        assert [f"{name}/{p['path']}" for p in manifest["parts"]] + [f"{name}/{MANIFEST}"] == \
            [n for n in names if n.startswith(f"{name}/")]
    assert names[-1] == MANIFEST


SHOP_TABLES = ["customers", "orders", "employees"]
# The part tasks a worker still holds (a cancelled task stays until its thread ends); a lambda, so it
# travels to the workers by value.
PART_TASKS = lambda dask_worker: [str(k) for k in dask_worker.state.tasks if str(k).startswith("synthgen-part-")]  # noqa: E731


def test_over_http_progress_counts_completed_parts_and_a_kill_9_loses_nothing(cluster, live_server_factory, tmp_path):
    """A real server: status moves by whole parts as tasks complete, a kill -9 of the API mid-job and a
    restart carry on from the parts on disk, the download and the parts zip stream, delete removes all."""
    address, gate = cluster
    shared = tmp_path / "shared"
    close_gate(gate)
    try:
        server = live_server_factory(DASK_SCHEDULER_ADDRESS=address, DASK_OUTPUT_PATH=str(shared),
                                     JOB_SEGMENT_ROWS=SEGMENT, DASK_PART_ROWS=PART_ROWS)
        job_id = server.create(job_body(ROWS, CHUNK, "csv", schema=FIXED, seed=8))
        wait_for_attempts(gate, 2)
        assert server.status(job_id)["chunks_completed"] == 0
        open_gate(gate, 0)  # part 0 (8 chunks) completes; part 1 stays held
        server.wait_until(lambda: server.status(job_id)["chunks_completed"] == 8, "part 0 counted", timeout=120)
        assert server.status(job_id)["progress_percentage"] == 26.67
        server.kill_hard()
        server.start()
        assert server.status(job_id)["chunks_completed"] == 8
    finally:
        open_gate(gate)
    done = server.wait_for_status(job_id, {"completed", "failed"}, timeout=300)
    assert done["status"] == "completed", done
    expected = asyncio.run(_local_download(tmp_path / "local", _request("csv")))
    assert server.client.get(f"/jobs/{job_id}/download").content == expected
    preview = server.client.get(f"/jobs/{job_id}/preview", params={"rows": 3}).json()  # made from the plan
    assert preview["preview_rows"] == 3 and str(preview["data"][0]["customer_id"]).encode() in expected.split(b"\n")[1]
    zipped = server.client.get(f"/jobs/{job_id}/download", params={"parts": "true"})
    assert zipped.status_code == 200 and zipped.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as archive:
        assert archive.namelist() == [f"part-0000{i}.csv" for i in range(4)] + [MANIFEST]
    _parts_listed_once(shared / job_id)
    assert server.client.delete(f"/jobs/{job_id}").status_code == 200
    assert not (shared / job_id).exists()
    log = (tmp_path / "logs" / "api.log").read_text()
    assert "Traceback" not in log, log[-3000:]
