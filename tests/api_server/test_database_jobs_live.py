"""Jobs with output_format sql and jobs that write into a DATABASE_TARGETS database, on a real server."""

from __future__ import annotations

import sqlite3

import duckdb

from tests.databases.conftest import shop_document

from .helpers import job_body

PEOPLE = {"fields": [
    {"name": "id", "type": "sequence", "constraints": {"primary_key": True}},
    {"name": "name", "type": "enum", "constraints": {"enum_values": ["O'Brien", "back\\slash", "plain"]}},
    {"name": "age", "type": "integer", "constraints": {"min_value": 18, "max_value": 90}},
]}


def test_sql_jobs_load_into_sqlite_and_targets_are_chosen_by_name(live_server_factory, tmp_path):
    server = live_server_factory(DATABASE_TARGETS=f"local=sqlite:///{tmp_path / 'target.db'},"
                                                  f"lake=duckdb:///{tmp_path / 'lake.duckdb'}")
    client = server.client
    one = server.create(job_body(700, 100, "sql", schema=PEOPLE, sql_dialect="sqlite"))
    shop = server.create({"schema": shop_document(30), "output_format": "sql", "chunk_size": 50,
                          "sql_dialect": "sqlite"})
    for job in (one, shop):
        status = server.wait_for_status(job, {"completed", "failed"})
        assert status["status"] == "completed" and status["sql_dialect"] == "sqlite" and status["target"] is None
    single = client.get(f"/jobs/{one}/download")
    assert single.headers["content-type"].startswith("application/sql")
    conn = sqlite3.connect(":memory:")
    conn.executescript(single.text)
    assert conn.execute("SELECT count(*), min(age) >= 18, max(age) <= 90 FROM data").fetchone() == (700, 1, 1)
    assert {r[0] for r in conn.execute("SELECT name FROM data")} == {"O'Brien", "back\\slash", "plain"}
    whole = client.get(f"/jobs/{shop}/download")  # one script, parents first
    assert whole.headers["content-type"].startswith("application/sql")
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.executescript(whole.text)
    tables = client.get(f"/jobs/{shop}/status").json()["tables"]
    assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables} == \
        {t: p["rows"] for t, p in tables.items()}

    unknown = client.post("/jobs/create", json=job_body(10, 10, target="postgresql://evil@host/db"))
    assert unknown.status_code == 422 and unknown.json()["problems"][0]["loc"] == "target"
    assert "lake, local" in unknown.json()["problems"][0]["message"]

    into = server.create({"schema": shop_document(30), "chunk_size": 50, "target": "lake"})
    status = server.wait_for_status(into, {"completed", "failed"})
    assert status["status"] == "completed", status
    assert status["target"] == "lake" and status["sql_dialect"] is None  # a name: never the URL
    listed = {job["job_id"]: job for job in client.get("/jobs/").json()["jobs"]}
    assert listed[into]["target"] == "lake" and listed[shop]["sql_dialect"] == "sqlite"
    lake = duckdb.connect(str(tmp_path / "lake.duckdb"), read_only=True)
    assert {t: lake.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in status["tables"]} == \
        {t: p["rows"] for t, p in status["tables"].items()}
    lake.close()
    again = server.create({"schema": shop_document(30), "chunk_size": 50, "target": "lake"})
    failed = server.wait_for_status(again, {"completed", "failed"})
    assert failed["status"] == "failed" and "table 'customers'" in failed["error_message"]
    local = server.create(job_body(300, 100, "csv", schema=PEOPLE, target="local"))
    assert server.wait_for_status(local, {"completed", "failed"})["status"] == "completed"
    assert sqlite3.connect(tmp_path / "target.db").execute("SELECT count(*) FROM data").fetchone()[0] == 300
