"""Jobs writing into DATABASE_TARGETS survive kill -9: every table exactly once, never half written.

Each table is one transaction that also commits a completion marker (synthgen_loads) under the job's
id; a resumed job skips the tables already committed and writes the rest from scratch. The test
gate holds each job's load before a chosen batch (`<job>-load`), so the kill lands inside a table,
between tables or after the last one, whatever the machine's speed.
"""

from __future__ import annotations

import csv
import io
import sqlite3

import duckdb
import psycopg

from src.engine.relational import compile_relational
from tests.databases.conftest import SHOP_SQL, shop_document
from tests.importers.conftest import postgres_server, postgres_url  # noqa: F401 - shared fixtures

TABLES = ("customers", "orders", "order_lines", "shipments")
CHUNK = 20  # 30 customers, 53 orders, 100 lines, 211 shipments: load steps 0-1, 2-4, 5-9, 10-20, then 21
INSIDE_SHIPMENTS_PG, INSIDE_SHIPMENTS_SQLITE, BEFORE_LINES, AFTER_ALL = 12, 13, 5, 21


def shop_job(target: str) -> dict:
    return {"schema": shop_document(30), "chunk_size": CHUNK, "output_format": "csv", "target": target}


def table_rows(server, job_id: str, table: str) -> list[tuple]:
    """The job's own file of ``table``, as sorted tuples of text."""
    return sorted(tuple(row.values()) for row in in_file_order(server, job_id, table))


def check_target(server, job_id: str, query, status: dict) -> None:
    """Row counts exact, shipments (no key) equal to the job's file, one marker per table."""
    for table in TABLES:
        assert query(f"SELECT count(*) FROM {table}")[0][0] == status["tables"][table]["rows"], table
    found = sorted(tuple("" if v is None else str(v) for v in row)
                   for row in query("SELECT order_id, line_no, carrier FROM shipments"))
    assert found == table_rows(server, job_id, "shipments")  # nothing doubled, nothing missing
    markers = query(f"SELECT table_name, row_count FROM synthgen_loads WHERE load_id = '{job_id}'")
    assert dict(markers) == {t: status["tables"][t]["rows"] for t in TABLES}
    orphans = query("SELECT count(*) FROM shipments s LEFT JOIN order_lines l USING (order_id, line_no) "
                    "WHERE l.order_id IS NULL")[0][0]
    assert orphans == 0


def test_kill_inside_between_and_after_tables_then_resume_exactly(live_server_factory, postgres_url, tmp_path):
    lite, done_lite, lake = tmp_path / "mid.db", tmp_path / "done.db", tmp_path / "lake.duckdb"
    server = live_server_factory(gated=True, JOB_MAX_CONCURRENT_JOBS=4, DATABASE_TARGETS=(
        f"pg={postgres_url},lite=sqlite:///{lite},done=sqlite:///{done_lite},lake=duckdb:///{lake}"))
    holds = {"pg": INSIDE_SHIPMENTS_PG, "lite": INSIDE_SHIPMENTS_SQLITE, "lake": BEFORE_LINES, "done": AFTER_ALL}
    jobs = {name: server.create(shop_job(name)) for name in holds}
    for name, job_id in jobs.items():
        server.gate.release(job_id, float("inf"))  # the files are made freely
        server.gate.release(f"{job_id}-load", holds[name])
    for name, job_id in jobs.items():
        server.gate.wait_held(f"{job_id}-load", holds[name], timeout=60)

    with psycopg.connect(postgres_url, autocommit=True) as conn:  # PostgreSQL: mid-COPY of shipments
        copying = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                               "AND query LIKE 'COPY %shipments%'").fetchone()[0]
        assert copying == 1
        assert conn.execute("SELECT count(*) FROM shipments").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM order_lines").fetchone()[0] == 100
    mid = sqlite3.connect(lite)  # SQLite: three batches of shipments in its open transaction
    assert mid.execute("SELECT count(*) FROM shipments").fetchone()[0] == 0
    assert mid.execute("SELECT count(*) FROM synthgen_loads").fetchone()[0] == 3
    mid.close()
    finished = sqlite3.connect(done_lite)  # every table committed, the job not yet completed
    assert finished.execute("SELECT count(*) FROM synthgen_loads").fetchone()[0] == 4
    finished.close()
    assert all(server.status(j)["status"] == "generating" for j in jobs.values())

    server.kill_hard()
    server.start()
    for job_id in jobs.values():
        server.gate.release(f"{job_id}-load", float("inf"))
    statuses = {name: server.wait_for_status(j, {"completed", "failed"}, timeout=120) for name, j in jobs.items()}
    assert all(s["status"] == "completed" for s in statuses.values()), statuses
    assert statuses["pg"]["target"] == "pg" and "postgresql" not in str(statuses["pg"])  # a name, never the URL

    with psycopg.connect(postgres_url) as conn:
        check_target(server, jobs["pg"], lambda sql: conn.execute(sql).fetchall(), statuses["pg"])
    for name, path in (("lite", lite), ("done", done_lite)):
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA foreign_keys = ON")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        check_target(server, jobs[name], lambda sql: conn.execute(sql).fetchall(), statuses[name])
        conn.close()
    conn = duckdb.connect(str(lake), read_only=True)
    check_target(server, jobs["lake"], lambda sql: conn.execute(sql).fetchall(), statuses["lake"])
    conn.close()


def test_a_refused_table_fails_the_job_naming_table_row_and_constraint(live_server_factory, postgres_url):
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(SHOP_SQL.read_text())
        conn.execute("ALTER TABLE order_lines ADD CONSTRAINT few CHECK (quantity < 3)")
    server = live_server_factory(DATABASE_TARGETS=f"pg={postgres_url}")
    job_id = server.create(shop_job("pg"))
    status = server.wait_for_status(job_id, {"completed", "failed"}, timeout=60)
    assert status["status"] == "failed", status
    message = status["error_message"]
    assert "table 'order_lines', row " in message and "constraint 'few'" in message, message
    row = int(message.split("row ")[1].split(",")[0])
    lines = compile_relational(shop_document(30), seed=status["seed"]).tables["order_lines"]
    quantities = lines.generate_chunk(0, lines.rows).column("quantity").to_pylist()  # the rows in load order
    assert quantities[row - 1] >= 3 and all(q < 3 for q in quantities[:row - 1])  # the first refused row
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT count(*) FROM order_lines").fetchone()[0] == 0  # no half table
        assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == status["tables"]["orders"]["rows"]
        markers = conn.execute("SELECT table_name FROM synthgen_loads ORDER BY 1").fetchall()
        assert [m[0] for m in markers] == ["customers", "orders"]


def in_file_order(server, job_id: str, table: str) -> list[dict]:
    """A table's rows in the job's generated order (the order the load writes them in)."""
    body = server.client.get(f"/jobs/{job_id}/download", params={"table": table})
    return list(csv.DictReader(io.StringIO(body.text)))
