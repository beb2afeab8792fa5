"""Rows made in worker processes: the same bytes as one process, for every format, gzip and tables."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os

import pytest

import synthgen
from src.engine.relational import compile_relational
from src.engine.relational.output import write_tables
from src.scale import feed
from src.scale.pool import RangePool, WorkerCrashedError
from src.scale.recipe import PlanRecipe
from src.scale.tables import write_tables_with_pool
from src.scale.tasks import RangeTask
from synthgen.files import write_file
from synthgen.generation import iter_batches
from tests.engine.relational.test_relational_engine import SHOP
from tests.test_cli import run_cli

CUSTOMERS = json.loads(open(os.path.join(os.path.dirname(__file__), "../../bench/customer_schema.json")).read())
ANCHOR = dt.datetime(2026, 3, 1, 12)


@pytest.fixture(scope="module")
def pool():
    with RangePool(2) as started:
        started.wait_ready(120)
        yield started


@pytest.fixture
def small_tasks(monkeypatch):
    """Tasks of 2 chunks, so a small run still spreads over several workers and tasks."""
    monkeypatch.setattr(feed, "TASK_ROWS", 2 * 1_700)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "parquet"])
@pytest.mark.parametrize("gzip", [False, True])
def test_workers_write_the_same_bytes_as_one_process(tmp_path, pool, small_tasks, fmt, gzip):
    compression = "gzip" if gzip else "none"
    files = {}
    for workers in (1, pool):
        batches = iter_batches(CUSTOMERS, 12_345, 11, batch_size=1_700, anchor=ANCHOR)
        path = files[workers is pool] = tmp_path / f"{workers is pool}.{fmt}"
        sent = pool.tasks_sent
        rows = write_file(batches, path, fmt, compression, formula_guard=True, workers=workers)
        assert rows == 12_345
    assert pool.tasks_sent > sent  # the workers made rows, not only this process
    assert _digest(files[True]) == _digest(files[False])


def test_every_table_of_a_relational_dataset_is_the_same_file(tmp_path, pool, small_tasks, monkeypatch):
    monkeypatch.setattr(feed, "TASK_ROWS", 400)
    plan = compile_relational(SHOP, anchor=ANCHOR)
    for fmt in ("parquet", "csv"):
        one = write_tables(plan, tmp_path / f"one-{fmt}", fmt, chunk_size=200)
        many = write_tables_with_pool(plan, tmp_path / f"many-{fmt}", fmt, 200, pool)
        assert one.keys() == many.keys() == {"customers", "orders", "employees"}
        for name in one:
            assert _digest(one[name]) == _digest(many[name]), (fmt, name)


def test_the_python_api_takes_workers(tmp_path):
    paths = [tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"]
    for path, workers in zip(paths, (1, 2)):
        result = synthgen.write(CUSTOMERS, 4_000, path, seed=3, anchor=ANCHOR, batch_size=1_000, workers=workers)
        assert result.rows == 4_000
    assert paths[0].read_bytes() == paths[1].read_bytes()


def test_cli_workers_same_bytes_and_bad_count(tmp_path):
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.csv"
        result = run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "3000", "--output",
                         str(out), "--seed", "5", "--anchor", "2026-01-01", "--workers", workers, "--quiet")
        assert result.returncode == 0, result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b"\n") == 3001
    bad = run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "10", "--output",
                  str(tmp_path / "x.csv"), "--workers", "0")
    assert bad.returncode == 2 and "--workers must be at least 1" in bad.stderr


def test_cli_relational_with_workers(tmp_path):
    shop = tmp_path / "shop.json"
    shop.write_text(json.dumps(SHOP))
    for workers in ("1", "2"):
        result = run_cli("generate", "--schema", str(shop), "--format", "parquet", "--output", str(tmp_path / workers),
                         "--anchor", "2026-06-15T12:00:00", "--chunk-size", "250", "--workers", workers, "--quiet")
        assert result.returncode == 0, result.stderr
    for name in ("customers", "orders", "employees"):
        assert _digest(tmp_path / "1" / f"{name}.parquet") == _digest(tmp_path / "2" / f"{name}.parquet")


def test_a_worker_that_dies_is_a_clear_error():
    with RangePool(1) as lone:
        dying = PlanRecipe(os._exit, (3,))  # the worker process ends while building the plan
        with pytest.raises(WorkerCrashedError, match="ended unexpectedly"):
            list(lone.map(dying, [RangeTask(0, 10, 10, "csv")]))
