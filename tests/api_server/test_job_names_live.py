"""Job names and run time against a real uvicorn server: a name is listed and reported, and names the
download (one file, a multi-table zip, one table's file, signed links alike); paused time is not
run time, and a paused job reports no rate."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import datetime

import httpx
import pytest

from .helpers import SCHEMA, job_body
from .test_relational_live import SHOP


def _created_date(status: dict) -> str:
    return datetime.fromisoformat(status["created_at"].replace("Z", "+00:00")).date().isoformat()


def test_names_are_reported_and_name_the_downloads(live_server):
    client = live_server.client
    named = live_server.create(job_body(100, 50, name="  Customers (EU) / 2026  "))
    plain = live_server.create(job_body(100, 50))
    shop = client.post("/jobs/create", json={"schema": SHOP, "total_rows": 30, "chunk_size": 10,
                                             "name": "Shop", "output_format": "jsonl"}).json()["job_id"]
    for job_id in (named, plain, shop):
        live_server.wait_for_status(job_id, {"completed"})
    status = live_server.status(named)
    assert status["name"] == "Customers (EU) / 2026" and live_server.status(plain)["name"] is None
    listed = {j["job_id"]: j["name"] for j in client.get("/jobs/").json()["jobs"]}
    assert listed[named] == "Customers (EU) / 2026" and listed[plain] is None and listed[shop] == "Shop"

    day = _created_date(status)
    response = client.get(f"/jobs/{named}/download")
    assert response.headers["content-disposition"] == f'attachment; filename="Customers_EU_2026_{day}.csv"'
    assert status["file_name"] == f"Customers_EU_2026_{day}.csv"  # status says what the download is called
    response = client.get(f"/jobs/{plain}/download")
    assert response.headers["content-disposition"] == f'attachment; filename="synthetic_{plain}.csv"'
    zipped = client.get(f"/jobs/{shop}/download")
    assert zipped.headers["content-disposition"] == f'attachment; filename="Shop_{day}.zip"'
    assert zipfile.ZipFile(io.BytesIO(zipped.content)).namelist() == [
        "customers.jsonl", "orders.jsonl", "employees.jsonl"]
    orders = client.get(f"/jobs/{shop}/download", params={"table": "orders"})
    assert orders.headers["content-disposition"] == f'attachment; filename="Shop_{day}_orders.jsonl"'
    shop_status = live_server.status(shop)
    assert shop_status["file_name"] == f"Shop_{day}.zip"
    assert shop_status["tables"]["orders"]["file_name"] == f"Shop_{day}_orders.jsonl"

    # A signed link to one table downloads that table, without a key, under the same name.
    link = client.post(f"/jobs/{shop}/download-link", params={"table": "orders"}).json()["url"]
    assert link.endswith("&table=orders")
    by_link = httpx.get(link)
    assert by_link.status_code == 200 and by_link.content == orders.content
    assert by_link.headers["content-disposition"] == orders.headers["content-disposition"]
    assert client.post(f"/jobs/{shop}/download-link", params={"table": "nope"}).status_code == 422


def test_a_name_outside_ascii_keeps_its_letters_and_gives_an_ascii_fallback(live_server):
    job_id = live_server.create(job_body(10, 10, name="Kunden Übersicht"))
    status = live_server.wait_for_status(job_id, {"completed"})
    header = live_server.client.get(f"/jobs/{job_id}/download").headers["content-disposition"]
    day = _created_date(status)
    assert header == (f'attachment; filename="Kunden_Ubersicht_{day}.csv"; '
                      f"filename*=UTF-8''Kunden_%C3%9Cbersicht_{day}.csv")


def test_bad_names_are_422s_naming_the_field(live_server):
    for name, words in (("", "at least 1"), ("  ", "blank"), ("a\tb", "one line"), ("x" * 201, "at most 200"),
                        (5, "valid string")):
        response = live_server.client.post("/jobs/create", json=job_body(10, 10, name=name))
        assert response.status_code == 422, response.text
        assert [p["loc"] for p in response.json()["problems"]] == ["name"] and words in response.text


def test_paused_time_is_not_run_time_and_a_paused_job_shows_no_rate(live_server_factory):
    server = live_server_factory(gated=True, JOB_SEGMENT_ROWS=1_000)
    job_id = server.create(job_body(5_000, 1_000, name="paused"))
    server.gate.release(job_id, 2)
    server.gate.wait_held(job_id, 2)
    server.wait_until(lambda: server.status(job_id)["chunks_completed"] == 2, "2 chunks committed")
    running = server.status(job_id)
    assert running["status"] == "generating" and running["rows_per_second"] > 0
    assert running["active_seconds"] > 0

    paused = server.client.post(f"/jobs/{job_id}/control", json={"action": "pause"})
    assert paused.json()["status"] == "paused"
    paused_from = time.monotonic()
    first = server.status(job_id)
    time.sleep(0.3)  # time passes while paused; the assertions hold however long it is
    second = server.status(job_id)
    assert first["rows_per_second"] is None and first["eta_seconds"] is None
    assert first["active_seconds"] == second["active_seconds"] >= running["active_seconds"]

    # The paused run makes its held segment (not counted) and ends; only then is the job resumed.
    server.gate.release(job_id, float("inf"))
    server.wait_until(lambda: server.client.get("/health").json()["running_jobs"] == 0, "the paused run's end")
    assert server.status(job_id)["chunks_completed"] == 2
    paused_for = time.monotonic() - paused_from
    server.client.post(f"/jobs/{job_id}/control", json={"action": "resume"})
    done = server.wait_for_status(job_id, {"completed", "failed"})
    assert done["status"] == "completed" and done["rows_generated"] == 5_000, done
    started = datetime.fromisoformat(done["started_at"].replace("Z", "+00:00"))
    completed = datetime.fromisoformat(done["completed_at"].replace("Z", "+00:00"))
    wall = (completed - started).total_seconds()
    assert 0 < done["active_seconds"] <= wall - paused_for + 0.01
    assert done["rows_per_second"] == pytest.approx(5_000 / done["active_seconds"], rel=0.01)
