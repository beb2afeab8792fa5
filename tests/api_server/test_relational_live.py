"""Multi-table jobs against a real uvicorn server: create, status per table, preview, zip download,
one table's download, pause/resume, and a kill -9 restart that keeps every row exactly once."""

from __future__ import annotations

import pytest

import copy
import csv
import io
import zipfile

import pyarrow.parquet as pq

from tests.engine.relational.test_relational_engine import SHOP as ENGINE_SHOP

SHOP = copy.deepcopy(ENGINE_SHOP)
del SHOP["tables"][0]["rows"]  # the first table's rows come from total_rows


def _create(server, total_rows=None, chunk_size=250, output_format="csv", schema=SHOP) -> str:
    body = {"schema": schema, "chunk_size": chunk_size, "output_format": output_format}
    if total_rows is not None:
        body["total_rows"] = total_rows
    response = server.client.post("/jobs/create", json=body)
    assert response.status_code == 200, response.text
    return response.json()["job_id"]


def _csv(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode())))


def _check_shop(customers: list[dict], orders: list[dict], employees: list[dict]) -> None:
    by_id = {c["customer_id"]: c for c in customers}
    assert len(by_id) == len(customers)
    assert all(o["customer_id"] in by_id for o in orders)
    assert all(o["order_date"] >= by_id[o["customer_id"]]["signup_date"] for o in orders)
    assert all(o["ship_country"] == by_id[o["customer_id"]]["country"] for o in orders)
    assert [int(o["order_id"]) for o in orders] == list(range(1, len(orders) + 1))
    seen = set()
    for e in employees:
        assert e["manager_id"] == "" or e["manager_id"] in seen
        seen.add(e["employee_id"])


def test_tables_job_reports_each_table_and_downloads_a_zip(live_server):
    job_id = _create(live_server, total_rows=1000)
    status = live_server.wait_for_status(job_id, {"completed", "failed"})
    assert status["status"] == "completed", status
    tables = status["tables"]
    assert list(tables) == ["customers", "orders", "employees"]
    assert tables["customers"] == {"rows": 1000, "rows_generated": 1000, "file_name": "customers.csv"}
    assert status["file_name"] == f"synthetic_{job_id}.zip"
    assert status["total_rows"] == status["rows_generated"] == sum(t["rows"] for t in tables.values())
    assert status["chunks_completed"] == status["total_chunks"] and status["progress_percentage"] == 100.0

    response = live_server.client.get(f"/jobs/{job_id}/download")
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.namelist() == ["customers.csv", "orders.csv", "employees.csv"]
    customers, orders, employees = (_csv(archive.read(n)) for n in archive.namelist())
    assert len(customers) == 1000 and len(orders) == tables["orders"]["rows"] and len(employees) == 300
    _check_shop(customers, orders, employees)

    one = live_server.client.get(f"/jobs/{job_id}/download", params={"table": "orders"})
    assert one.status_code == 200 and 'orders.csv"' in one.headers["content-disposition"]
    assert one.content == archive.read("orders.csv")
    parts = live_server.client.get(f"/jobs/{job_id}/download", params={"parts": "true"})  # no cluster here
    assert parts.status_code == 422 and parts.json()["problems"][0]["loc"] == "parts", parts.text

    preview = live_server.client.get(f"/jobs/{job_id}/preview", params={"table": "orders", "rows": 7}).json()
    assert preview["table"] == "orders" and preview["tables"] == ["customers", "orders", "employees"]
    assert preview["preview_rows"] == 7 and preview["columns"] == list(orders[0])
    assert [str(r["order_id"]) for r in preview["data"]] == [o["order_id"] for o in orders[:7]]
    first = live_server.client.get(f"/jobs/{job_id}/preview").json()
    assert first["table"] == "customers" and first["data"][0]["customer_id"] == customers[0]["customer_id"]
    listed = live_server.client.get("/jobs/").json()["jobs"]
    assert [j["tables"] for j in listed if j["job_id"] == job_id] == [tables]


def test_total_rows_replacing_a_tables_stated_rows_says_so(live_server):
    stated = copy.deepcopy(ENGINE_SHOP)
    stated["tables"][0]["rows"] = 10
    job_id = _create(live_server, total_rows=50, schema=stated)
    status = live_server.wait_for_status(job_id, {"completed", "failed"})
    assert status["tables"]["customers"]["rows"] == 50
    assert status["warnings"] == ["total_rows (50) replaces the rows (10) of the first table 'customers'"]
    quiet = _create(live_server, total_rows=50)
    assert live_server.wait_for_status(quiet, {"completed", "failed"})["warnings"] == []


def test_unknown_tables_and_bad_documents_are_422_naming_the_problem(live_server):
    job_id = _create(live_server, total_rows=50)
    live_server.wait_for_status(job_id, {"completed"})
    for path in ("preview", "download"):
        response = live_server.client.get(f"/jobs/{job_id}/{path}", params={"table": "nope"})
        assert response.status_code == 422
        assert "unknown table 'nope'" in response.text and "customers, orders, employees" in response.text
    bad = {"schema": {"tables": [{"name": "a", "rows": 5, "fields": [
        {"name": "x", "type": "reference", "constraints": {"references": "b.id"}}]}]}, "chunk_size": 10}
    response = live_server.client.post("/jobs/create", json=bad)
    assert response.status_code == 422
    problems = response.json()["problems"]
    assert any(p["loc"] == "schema.tables[0].fields[0].constraints.references" and "unknown table 'b'" in p["message"]
               for p in problems), problems
    no_rows = live_server.client.post("/jobs/create", json={"schema": SHOP, "chunk_size": 10})
    assert no_rows.status_code == 422 and "give rows" in no_rows.text
    structural = live_server.client.post("/jobs/create", json={"schema": {"tables": [{"name": "a", "rows": -1,
                                                                                      "fields": []}]}})
    assert structural.status_code == 422
    assert {p["loc"] for p in structural.json()["problems"]} >= {"schema.tables[0].rows", "schema.tables[0].fields"}
    single = live_server.client.post("/jobs/create", json={"schema": {"fields": [{"name": "a", "type": "integer"}]}})
    assert single.status_code == 422 and single.json()["problems"][0]["loc"] == "total_rows"


def test_one_table_download_in_parquet_and_pause_resume(live_server_factory):
    # One chunk per segment (JOB_SEGMENT_ROWS == chunk_size): the gate holds the job at a known chunk.
    server = live_server_factory(gated=True, JOB_SEGMENT_ROWS=500)
    job_id = _create(server, total_rows=20_000, chunk_size=500, output_format="parquet")
    server.gate.release(job_id, 3)
    server.gate.wait_held(job_id, 3)
    server.wait_until(lambda: server.status(job_id)["chunks_completed"] == 3, "3 chunks committed")
    paused = server.client.post(f"/jobs/{job_id}/control", json={"action": "pause"}).json()
    assert paused["status"] == "paused"
    server.gate.release(job_id, 6)  # the paused run may take its held segment; progress stays frozen
    frozen = server.status(job_id)
    assert frozen["chunks_completed"] == 3 and frozen["tables"]["customers"]["rows_generated"] == 1_500
    assert server.client.get(f"/jobs/{job_id}/download").status_code == 409
    resumed = server.client.post(f"/jobs/{job_id}/control", json={"action": "resume"}).json()
    assert resumed["status"] in ("pending", "generating")
    server.gate.release(job_id, float("inf"))
    done = server.wait_for_status(job_id, {"completed", "failed"}, timeout=120)
    assert done["status"] == "completed" and done["chunks_completed"] == done["total_chunks"]
    table = pq.read_table(io.BytesIO(server.client.get(f"/jobs/{job_id}/download",
                                                        params={"table": "customers"}).content))
    assert table.num_rows == 20_000 and len(set(table.column("customer_id").to_pylist())) == 20_000


def test_killed_server_resumes_a_tables_job_exactly(live_server_factory):
    # One chunk per segment: customers are segments 0..99; the gate holds the job 10 chunks into orders.
    server = live_server_factory(gated=True, JOB_SEGMENT_ROWS=200, MAX_ROWS=5_000_000)
    job_id = _create(server, total_rows=20_000, chunk_size=200)
    server.gate.release(job_id, 110)
    server.gate.wait_held(job_id, 110, timeout=60)
    server.wait_until(lambda: server.status(job_id)["chunks_completed"] == 110, "110 chunks committed")
    before = server.status(job_id)
    assert before["tables"]["customers"]["rows_generated"] == 20_000
    assert before["tables"]["orders"]["rows_generated"] == min(2_000, before["tables"]["orders"]["rows"])
    server.kill_hard()
    server.start()
    after = server.status(job_id)
    assert after["status"] in ("pending", "generating")  # it really was cut off mid-job
    assert after["chunks_completed"] == before["chunks_completed"] == 110 < after["total_chunks"]
    assert after["tables"]["customers"]["rows_generated"] == 20_000
    server.gate.release(job_id, float("inf"))
    done = server.wait_for_status(job_id, {"completed", "failed"}, timeout=180)
    assert done["status"] == "completed", done
    archive = zipfile.ZipFile(io.BytesIO(server.client.get(f"/jobs/{job_id}/download").content))
    customers, orders, employees = (_csv(archive.read(n)) for n in archive.namelist())
    assert len(customers) == 20_000 and len(orders) == done["tables"]["orders"]["rows"]
    _check_shop(customers, orders, employees)
