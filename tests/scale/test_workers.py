"""Rows made in worker processes: the same bytes as one process, for every format, gzip and tables."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import multiprocessing
import os
import threading
from dataclasses import replace

import pytest

import synthgen
from src.engine.relational import compile_relational
from src.engine.relational.output import write_tables
from src.engine.writers import TextDatasetWriter, encode_rows, open_writer, write_table_bytes
from src.scale import direct, feed, tasks
from src.scale.direct import OffsetChain
from src.scale.pool import RangePool, WorkerCrashedError
from src.scale.recipe import PlanRecipe, recipe_for_plan
from src.scale.tables import write_tables_with_pool
from src.scale.tasks import RangeTask, split_tapered
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
    """Tasks of 2 chunks, so a small run still spreads over several workers and tasks; text tasks
    taper to 300 rows at the end, so they start and end inside chunks and random-number blocks."""
    monkeypatch.setattr(feed, "TASK_ROWS", 2 * 1_700)
    monkeypatch.setattr(tasks, "TAPER_UNIT", 300)


@pytest.mark.parametrize("rows", [1, 299, 300, 301, 3_400, 12_345, 8_000_000])
def test_tapered_tasks_cover_every_row_once_and_shrink_at_the_end(rows):
    ranges = list(split_tapered(rows, 100_000, 2, unit=300))
    assert [start for start, _ in ranges] == [sum(n for _, n in ranges[:i]) for i in range(len(ranges))]
    assert sum(n for _, n in ranges) == rows and all(0 < n <= 100_000 for _, n in ranges)
    sizes = [n for _, n in ranges]
    assert all(n == 100_000 or n % 300 == 0 for n in sizes[:-1])  # whole tasks or whole units, but the last
    assert sizes[:-1] == sorted(sizes[:-1], reverse=True)
    if rows == 8_000_000:
        assert sizes[0] == 100_000 and sizes[-2] <= 600  # the last tasks are a few units, not a whole task
        assert len(ranges) < 80 + 20  # a dozen more tasks than equal ones
        tail = [n for n in sizes if n < 100_000]
        assert all(tail[i] == tail[i + 1] for i in range(0, len(tail) - 1, 2))  # in rounds: one per worker


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


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_text_rows_go_from_the_workers_straight_into_the_file(tmp_path, pool, small_tasks, monkeypatch, fmt):
    """A plain output file: the workers write the rows at their offsets; none pass through this process."""
    one = tmp_path / f"one.{fmt}"
    write_file(iter_batches(CUSTOMERS, 9_001, 4, batch_size=1_700, anchor=ANCHOR), one, fmt, "none", workers=1)

    def refuse(*args, **kwargs):
        raise AssertionError("rows were handed to the parent's writer")

    monkeypatch.setattr(TextDatasetWriter, "write_encoded", refuse)
    many = tmp_path / f"many.{fmt}"
    sent = pool.tasks_sent
    seen = []
    rows = write_file(iter_batches(CUSTOMERS, 9_001, 4, batch_size=1_700, anchor=ANCHOR), many, fmt, "none",
                      on_batch=seen.append, workers=pool)
    assert rows == 9_001 and sum(seen) == 9_001
    assert pool.tasks_sent > sent
    assert _digest(many) == _digest(one)


def test_a_json_array_fed_twice_keeps_its_separators(tmp_path, pool, small_tasks):
    """A writer that already holds rows: the workers' first task starts with the separator."""
    batches = iter_batches(CUSTOMERS, 5_000, 2, batch_size=1_700, anchor=ANCHOR)
    expected = write_table_bytes("json", list(batches) * 2, batches.plan.arrow_schema)
    path = tmp_path / "twice.json"
    with open_writer("json", path, batches.plan.arrow_schema) as writer:
        for _ in range(2):
            feed.feed_writer(writer, "json", batches.plan, recipe_for_plan(batches.plan), 5_000, 1_700, pool)
    assert path.read_bytes() == expected and json.loads(expected)[5_000] == json.loads(expected)[0]


def test_a_task_waiting_for_its_offset_gives_up_when_the_output_is_abandoned():
    chain = OffsetChain(multiprocessing.get_context("fork"))
    chain.begin(7, 100)
    answers = {}
    second = threading.Thread(target=lambda: answers.update(second=chain.claim(7, 1, 50)))
    second.start()
    assert chain.claim(7, 0, 30) == 100  # the first task's offset: where the stream began
    second.join(10)
    assert answers == {"second": 130}  # the second starts where the first ends
    late = threading.Thread(target=lambda: answers.update(late=chain.claim(7, 3, 5)))  # task 2 never comes
    late.start()
    chain.end()
    late.join(10)
    assert answers["late"] is None and not late.is_alive()
    assert chain.claim(7, 2, 5) is None  # an ended stream hands out nothing


def test_a_csv_range_larger_than_the_buffer_is_encoded_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(direct, "_FIRST_BUFFER", 4_096)
    monkeypatch.setattr(direct, "_buffer", None)
    batches = iter_batches(CUSTOMERS, 3_000, 8, batch_size=1_000, anchor=ANCHOR)
    expected = b"".join(encode_rows("csv", b, batches.plan.arrow_schema) for b in batches)
    path = tmp_path / "range.csv"
    path.write_bytes(b"")
    with open(path, "r+b") as sink:
        target = direct.file_target(sink, "csv")
    chain = OffsetChain(multiprocessing.get_context("fork"))
    chain.begin(1, 0)
    size = direct.write_range(batches.plan, RangeTask(0, 3_000, 1_000, "csv", seq=0, target=replace(target, stream=1)),
                              chain)
    assert size == len(expected) and path.read_bytes() == expected and direct._buffer.size > 4_096


def test_outputs_workers_cannot_write_at_an_offset_take_the_pipe(tmp_path):
    with open(tmp_path / "a.csv", "ab") as appending:
        assert direct.file_target(appending, "csv") is None
    assert direct.file_target(io.BytesIO(), "csv") is None
    with open(tmp_path / "b.csv", "wb") as plain:
        target = direct.file_target(plain, "json")
        assert target.path == str(tmp_path / "b.csv") and target.separator == b",\n"


def test_a_second_output_while_one_holds_the_offsets_takes_the_pipe(tmp_path, pool, small_tasks):
    one = tmp_path / "one.csv"
    write_file(iter_batches(CUSTOMERS, 6_000, 6, batch_size=1_700, anchor=ANCHOR), one, "csv", "none", workers=1)
    assert pool.begin_stream(0) is not None  # another thread's output, say
    try:
        assert pool.begin_stream(0) is None
        many = tmp_path / "many.csv"
        write_file(iter_batches(CUSTOMERS, 6_000, 6, batch_size=1_700, anchor=ANCHOR), many, "csv", "none",
                   workers=pool)
    finally:
        pool.end_stream()
    assert _digest(many) == _digest(one)
    assert pool.begin_stream(0) is not None  # free again once that output ended
    pool.end_stream()
