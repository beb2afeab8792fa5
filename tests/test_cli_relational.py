"""`synthgen generate` with a multi-table schema and `synthgen validate`, run as a user runs them."""

import csv
import json

import pyarrow.parquet as pq
import pytest

from tests.engine.relational.test_relational_engine import SHOP
from tests.test_cli import run_cli


@pytest.fixture
def shop_file(tmp_path):
    path = tmp_path / "shop.json"
    path.write_text(json.dumps(SHOP))
    return path


def test_generate_writes_one_file_per_table_with_intact_keys(tmp_path, shop_file):
    out = tmp_path / "out"
    result = run_cli("generate", "--schema", str(shop_file), "--format", "csv", "--output", str(out),
                     "--anchor", "2026-06-15T12:00:00", "--chunk-size", "333")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["customers.csv", "employees.csv", "orders.csv"]
    customers = list(csv.DictReader((out / "customers.csv").open()))
    orders = list(csv.DictReader((out / "orders.csv").open()))
    assert len(customers) == 1500
    by_id = {c["customer_id"]: c for c in customers}
    assert orders and all(o["customer_id"] in by_id for o in orders)
    assert all(o["order_date"] >= by_id[o["customer_id"]]["signup_date"] for o in orders)
    assert "orders.csv" in result.stderr and f"{len(orders):,} rows" in result.stderr


def test_same_seed_same_bytes_for_any_chunk_size_and_every_format(tmp_path, shop_file):
    for fmt in ("csv", "json", "jsonl", "parquet"):
        first, second = tmp_path / f"{fmt}1", tmp_path / f"{fmt}2"
        for out, chunk in ((first, "250"), (second, "100000")):
            result = run_cli("generate", "--schema", str(shop_file), "--format", fmt, "--output", str(out),
                             "--anchor", "2026-06-15T12:00:00", "--chunk-size", chunk, "--quiet")
            assert result.returncode == 0, result.stderr
        for name in ("customers", "orders", "employees"):
            if fmt == "parquet":
                assert pq.read_table(first / f"{name}.parquet").equals(pq.read_table(second / f"{name}.parquet"))
            else:
                assert (first / f"{name}.{fmt}").read_bytes() == (second / f"{name}.{fmt}").read_bytes()


def test_first_table_rows_from_the_command_line(tmp_path, shop_file):
    doc = json.loads(shop_file.read_text())
    del doc["tables"][0]["rows"]
    shop_file.write_text(json.dumps(doc))
    assert run_cli("generate", "--schema", str(shop_file), "--output", str(tmp_path / "o")).returncode == 2
    result = run_cli("generate", "--schema", str(shop_file), "--output", str(tmp_path / "o"), "--rows", "25",
                     "--quiet")
    assert result.returncode == 0, result.stderr
    assert len(list(csv.DictReader((tmp_path / "o" / "customers.csv").open()))) == 25


def test_validate_says_ok_with_row_counts(shop_file):
    result = run_cli("validate", "--schema", str(shop_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 3 tables: customers (1,500 rows), orders (")
    single = run_cli("validate", "--schema", "bench/customer_schema.json")
    assert single.returncode == 0 and single.stdout.startswith("OK: one table")


def test_validate_lists_every_problem_and_exits_2(tmp_path):
    bad = {"tables": [
        {"name": "a", "rows": 3, "fields": [{"name": "id", "type": "sequence", "constraints": {"primary_key": True}},
                                           {"name": "b_id", "type": "reference", "constraints": {"references": "b.id"}}]},
        {"name": "b", "rows": 3, "fields": [{"name": "id", "type": "sequence", "constraints": {"primary_key": True}},
                                           {"name": "a_id", "type": "reference", "constraints": {"references": "a.id"}}]},
        {"name": "c", "rows_per_parent": {"parent": "a", "min": 5, "max": 1},
         "fields": [{"name": "x", "type": "reference", "constraints": {"references": "a.nope"}}]}]}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    result = run_cli("validate", "--schema", str(path))
    assert result.returncode == 2
    assert "child counts out of order" in result.stderr
    as_json = run_cli("validate", "--schema", str(path), "--json")
    assert as_json.returncode == 2
    problems = json.loads(as_json.stdout)["problems"]
    assert {p["loc"] for p in problems} >= {"tables[2].rows_per_parent"}
    bad["tables"][2]["rows_per_parent"] = {"parent": "a", "min": 1, "max": 5}
    path.write_text(json.dumps(bad))
    text = run_cli("validate", "--schema", str(path)).stderr
    assert "cycle between tables: a -> b -> a" in text and "'nope' is not a field of table 'a'" in text


def test_multi_table_output_must_be_a_directory(tmp_path, shop_file):
    result = run_cli("generate", "--schema", str(shop_file), "--output", "-")
    assert result.returncode == 2 and "directory" in result.stderr
    single = run_cli("generate", "--schema", "bench/customer_schema.json", "--output", str(tmp_path / "x.csv"))
    assert single.returncode == 2 and "--rows is required" in single.stderr


def test_a_one_table_document_writes_to_stdout_the_bytes_of_its_file(tmp_path):
    doc = {"tables": [{"name": "employees", "rows": 300, "fields": [
        {"name": "employee_id", "type": "integer", "constraints": {"primary_key": True}},
        {"name": "manager_id", "type": "reference", "constraints": {"references": "employees.employee_id",
                                                                     "nullable": True}},
        {"name": "salary", "type": "float", "constraints": {"min_value": 30000, "max_value": 90000,
                                                             "decimals": 2}}]}]}
    path = tmp_path / "one.json"
    path.write_text(json.dumps(doc))
    common = ("generate", "--schema", str(path), "--seed", "4", "--anchor", "2026-06-15T12:00:00", "--quiet")
    piped = run_cli(*common, "--output", "-")
    assert piped.returncode == 0, piped.stderr
    assert run_cli(*common, "--output", str(tmp_path / "out")).returncode == 0
    assert piped.stdout == (tmp_path / "out" / "employees.csv").read_text()
    rows = list(csv.DictReader(piped.stdout.splitlines()))
    ids = {r["employee_id"] for r in rows}
    assert len(rows) == 300 and all(r["manager_id"] in ids for r in rows if r["manager_id"])


def test_the_output_may_not_be_the_schema_file(tmp_path, shop_file):
    before = shop_file.read_bytes()
    result = run_cli("generate", "--schema", str(shop_file), "--rows", "5", "--output", str(shop_file))
    assert result.returncode == 2 and "is the schema file itself" in result.stderr
    assert shop_file.read_bytes() == before
