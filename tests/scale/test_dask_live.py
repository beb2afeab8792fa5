"""A real Dask cluster on loopback (`dask scheduler` + two `dask worker` processes): the parts equal a
local run, the manifest lists each once, and a worker killed mid-job still leaves an exact result."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import synthgen
from src.scale.dask_runner import run_parts
from src.scale.parts import MANIFEST
from src.scale.recipe import recipe_for_plan
from synthgen.generation import iter_batches
from tests.test_cli import run_cli


def run_cli_slow(*args):
    """The CLI on the cluster: its worker processes may be importing the engine on a loaded host."""
    return subprocess.run([sys.executable, "-m", "src.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)

ROOT = Path(__file__).parents[2]
CUSTOMERS = json.loads((ROOT / "bench" / "customer_schema.json").read_text())
ANCHOR = dt.datetime(2026, 2, 1)
ROWS, CHUNK, PART = 23_000, 2_000, 6_000  # 4 parts (the last short), 3 row groups each


def _single_file(tmp_path: Path, fmt: str, compression: str = "none") -> Path:
    name = tmp_path / ("single." + fmt + (".gz" if compression == "gzip" else ""))
    synthgen.write(CUSTOMERS, ROWS, name, seed=5, anchor=ANCHOR, batch_size=CHUNK, workers=1)
    return name


def _run(address: str, out: Path, fmt: str, compression: str = "none", progress: list | None = None) -> dict:
    from distributed import Client

    batches = iter_batches(CUSTOMERS, ROWS, 5, batch_size=CHUNK, anchor=ANCHOR)
    with Client(address, timeout="60s") as client:
        return run_parts(client, recipe_for_plan(batches.plan), batches.plan, ROWS, out, fmt, compression, CHUNK,
                         PART, metadata=batches.schema.metadata, on_rows=progress.append if progress is not None else None)


def _manifest(out: Path) -> dict:
    manifest = json.loads((out / MANIFEST).read_text())
    assert [p["path"] for p in manifest["parts"]] == [f"{p}" for p in sorted(x.name for x in out.glob("part-*"))]
    assert [p["rows"] for p in manifest["parts"]] == [6_000, 6_000, 6_000, 5_000] and manifest["rows"] == ROWS
    assert not list(out.glob(".*.tmp"))
    return manifest


def _text_without_later_headers(out: Path, manifest: dict, compressed: bool = False) -> bytes:
    texts = [(gzip.decompress if compressed else bytes)((out / p["path"]).read_bytes()) for p in manifest["parts"]]
    if manifest["format"] != "csv":
        return b"".join(texts)
    return texts[0] + b"".join(t.split(b"\n", 1)[1] for t in texts[1:])


@pytest.mark.parametrize("fmt, compression", [("csv", "none"), ("csv", "gzip"), ("json", "none")])
def test_text_parts_concatenate_to_the_single_process_file(cluster, tmp_path, fmt, compression):
    progress: list[int] = []
    _run(cluster[0], tmp_path / "parts", fmt, compression, progress)
    manifest = _manifest(tmp_path / "parts")
    assert sorted(progress) == [5_000, 6_000, 6_000, 6_000]
    single_fmt = "jsonl" if fmt == "json" else fmt  # a JSON array is written as JSON Lines parts
    assert manifest["format"] == single_fmt
    single = _single_file(tmp_path, single_fmt, compression)
    expected = gzip.decompress(single.read_bytes()) if compression == "gzip" else single.read_bytes()
    assert _text_without_later_headers(tmp_path / "parts", manifest, compression == "gzip") == expected
    assert all(p["path"].startswith("part-") for p in manifest["parts"])
    for part in manifest["parts"]:  # each CSV part is a file of its own, with its header
        if fmt == "csv" and compression == "none":
            assert (tmp_path / "parts" / part["path"]).read_bytes().startswith(b'"customer_id","full_name"')


def test_parquet_parts_hold_the_single_process_values_in_fixed_row_groups(cluster, tmp_path):
    _run(cluster[0], tmp_path / "parts", "parquet")
    manifest = _manifest(tmp_path / "parts")
    assert manifest["row_group_rows"] == CHUNK
    tables = []
    for part in manifest["parts"]:
        file = pq.ParquetFile(tmp_path / "parts" / part["path"])
        groups = [file.metadata.row_group(i).num_rows for i in range(file.num_row_groups)]
        assert groups == [CHUNK] * (part["rows"] // CHUNK) + ([part["rows"] % CHUNK] if part["rows"] % CHUNK else [])
        tables.append(file.read())
    single = pq.read_table(_single_file(tmp_path, "parquet"))
    together = pa.concat_tables(tables)
    assert together.equals(single)
    assert together.schema.metadata[b"synthgen.seed"] == b"5"


def test_the_cli_runs_on_the_cluster(cluster, tmp_path):
    out = tmp_path / "cli-parts"
    result = run_cli_slow("generate", "--schema", "bench/customer_schema.json", "--rows", str(ROWS), "--output", str(out),
                     "--seed", "5", "--anchor", ANCHOR.isoformat(), "--chunk-size", str(CHUNK), "--part-rows",
                     str(PART), "--dask", cluster[0])
    assert result.returncode == 0, result.stderr
    assert f"wrote {ROWS:,} rows in 4 parts" in result.stderr
    manifest = _manifest(out)
    assert _text_without_later_headers(out, manifest) == _single_file(tmp_path, "csv").read_bytes()
    again = run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "10", "--output", str(out),
                    "--dask", cluster[0])
    assert again.returncode == 2 and "must be a new or empty folder" in again.stderr
    bad = run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "10", "--output",
                  str(tmp_path / "x"), "--dask", "nowhere")
    assert bad.returncode == 2 and "give a scheduler address" in bad.stderr


def test_parts_smaller_than_a_chunk_hold_the_rows_asked(cluster, tmp_path):
    out = tmp_path / "small-parts"
    result = run_cli_slow("generate", "--schema", "bench/customer_schema.json", "--rows", "2000", "--output", str(out),
                          "--seed", "5", "--anchor", ANCHOR.isoformat(), "--part-rows", "500", "--dask", cluster[0])
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / MANIFEST).read_text())
    assert [part["rows"] for part in manifest["parts"]] == [500, 500, 500, 500]
    single = run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "2000", "--output",
                     str(tmp_path / "one.csv"), "--seed", "5", "--anchor", ANCHOR.isoformat(), "--workers", "1")
    assert single.returncode == 0, single.stderr
    assert _text_without_later_headers(out, manifest) == (tmp_path / "one.csv").read_bytes()


def test_a_worker_killed_mid_job_leaves_an_exact_result(cluster, tmp_path):
    address, gate = cluster
    (gate / "release").unlink()
    for marker in gate.glob("started-*"):
        marker.unlink()
    outcome: dict = {}
    runner = threading.Thread(target=lambda: outcome.update(entries=_run(address, tmp_path / "parts", "csv")))
    runner.start()
    try:
        deadline = time.monotonic() + 180
        while not list(gate.glob("started-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        started = sorted(gate.glob("started-*"))
        assert started, "no task reached a worker"
        _, part, pid = started[0].name.split("-")
        os.kill(int(pid), signal.SIGKILL)  # the worker process running part `part` dies mid-task
    finally:
        (gate / "release").touch()
        runner.join(300)
    assert "entries" in outcome, "the job did not finish after a worker died"
    attempts = [m.name.split("-")[2] for m in gate.glob(f"started-{part}-*")]
    assert len(attempts) >= 2  # the part was tried again, by another process
    manifest = _manifest(tmp_path / "parts")
    assert _text_without_later_headers(tmp_path / "parts", manifest) == _single_file(tmp_path, "csv").read_bytes()


def test_an_api_job_on_the_cluster_downloads_the_single_process_file(cluster, tmp_path):
    """DASK_SCHEDULER_ADDRESS: the job's engine calls run as tasks; paused and resumed mid-job, it
    still downloads the bytes one process writes, and nothing is left in flight on the cluster."""
    import asyncio

    from src.config import Settings
    from src.jobs import JobManager, JobStore
    from src.schemas.api import JobCreateRequest, JobStatus
    from src.storage import DiskStorage
    from tests.jobs.test_manager import wait_until_final

    settings = Settings(_env_file=None, database_path=tmp_path / "jobs.sqlite3", temp_path=tmp_path / "temp",
                        output_path=tmp_path / "output", log_dir=tmp_path / "logs", job_segment_rows=2_000,
                        dask_scheduler_address=cluster[0])
    fixed = {**CUSTOMERS, "fields": [dict(f) for f in CUSTOMERS["fields"]]}
    fixed["fields"][5] = {**fixed["fields"][5], "constraints": {"min_value": "2024-01-01", "max_value": "2025-12-31"}}

    async def scenario():
        manager = JobManager(JobStore(settings.database_path), DiskStorage(settings.temp_path, settings.output_path),
                             settings)
        await manager.start()
        job = await manager.create_job(JobCreateRequest.model_validate(
            {"schema": fixed, "total_rows": 30_000, "chunk_size": 1_000, "output_format": "csv", "seed": 8}))
        while manager.get_job(job.id).chunks_completed < 4:
            await asyncio.sleep(0.01)
        manager.pause_job(job.id)
        manager.resume_job(job.id)
        done = await wait_until_final(manager, job.id, timeout=240)
        data = b"".join(manager.get_download(job.id).blocks())
        source = manager._runner._source
        left = sum(len(f) for f in source._flight.values())
        await manager.shutdown()
        return done, data, left

    done, data, left = asyncio.run(scenario())
    assert done.status == JobStatus.COMPLETED, done.error_message
    expected = tmp_path / "one.csv"
    synthgen.write(fixed, 30_000, expected, seed=8, batch_size=1_000)
    assert data == expected.read_bytes()
    assert left == 0


def _shop_file(tmp_path: Path) -> Path:
    from tests.engine.relational.test_relational_engine import SHOP

    shop = tmp_path / "shop.json"
    shop.write_text(json.dumps(SHOP))
    return shop


SHOP_ARGS = ("--anchor", "2026-06-15T12:00:00", "--chunk-size", "250", "--part-rows", "500")


def _assert_tables_equal_local(tmp_path: Path, out: Path, fmt: str) -> None:
    """Each table's parts, concatenated (Parquet: read), are the table one process writes."""
    local = tmp_path / "local"
    result = run_cli("generate", "--schema", str(_shop_file(tmp_path)), "--format", fmt, "--output", str(local),
                     *SHOP_ARGS, "--workers", "1", "--quiet")
    assert result.returncode == 0, result.stderr
    top = json.loads((out / MANIFEST).read_text())
    assert [t["name"] for t in top["tables"]] == ["customers", "orders", "employees"]
    for table in top["tables"]:
        manifest = json.loads((out / table["name"] / MANIFEST).read_text())
        assert [p["path"] for p in manifest["parts"]] == sorted(x.name for x in (out / table["name"]).glob("part-*"))
        assert manifest["rows"] == table["rows"] and not list((out / table["name"]).glob(".*.tmp"))
        single = local / f"{table['name']}.{fmt}"
        if fmt == "parquet":
            parts = pa.concat_tables([pq.read_table(out / table["name"] / p["path"]) for p in manifest["parts"]])
            assert parts.equals(pq.read_table(single))
        else:
            assert _text_without_later_headers(out / table["name"], manifest) == single.read_bytes()
    assert len(json.loads((out / "customers" / MANIFEST).read_text())["parts"]) == 3  # 1500 rows, 500 a part


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_the_cli_writes_related_tables_on_the_cluster(cluster, tmp_path, fmt):
    out = tmp_path / "shop-parts"
    result = run_cli_slow("generate", "--schema", str(_shop_file(tmp_path)), "--format", fmt, "--output", str(out),
                          *SHOP_ARGS, "--dask", cluster[0])
    assert result.returncode == 0, result.stderr
    _assert_tables_equal_local(tmp_path, out, fmt)


def test_a_worker_killed_mid_table_leaves_exact_related_tables(cluster, tmp_path):
    from tests.scale.conftest import close_gate, open_gate, wait_for_attempts

    address, gate = cluster
    out = tmp_path / "shop-parts"
    close_gate(gate)
    try:
        cli = subprocess.Popen([sys.executable, "-m", "src.cli", "generate", "--schema", str(_shop_file(tmp_path)),
                                "--output", str(out), *SHOP_ARGS, "--dask", address, "--quiet"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        part, pid = wait_for_attempts(gate, 1)[0]
        os.kill(pid, signal.SIGKILL)  # a worker dies while writing a part of the first table
    finally:
        open_gate(gate)
    _, stderr = cli.communicate(timeout=600)
    assert cli.returncode == 0, stderr
    assert [m for m in gate.glob(f"started-{part}-*") if m.name != f"started-{part}-{pid}"]  # tried again
    _assert_tables_equal_local(tmp_path, out, "csv")
