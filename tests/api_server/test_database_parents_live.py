"""API jobs with a target whose document holds only children: the parents' keys (and the columns the
children's rules read) come from the target, as with the CLI's --to; on a real server and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import io

import psycopg

from tests.databases.conftest import SHOP_SQL, shop_document
from tests.importers.conftest import postgres_server, postgres_url  # noqa: F401 - shared fixtures

CUSTOMERS = [(i * 3, f"c{i}@example.com", f"C {i}", 10 + 7.25 * i, ("bronze", "silver", "gold")[i % 3],
              dt.date(2020 + i % 6, 1 + i % 12, 1 + i % 28)) for i in range(1, 26)]  # ids 3, 6, ..., 75


def children_document() -> dict:
    """bench/shop.sql's orders, lines and shipments, without customers; each order after its
    customer's signup and its total the customer's balance plus one."""
    doc = shop_document(30)
    doc["tables"] = [t for t in doc["tables"] if t["name"] != "customers"]
    orders = doc["tables"][0]
    for spec in orders["fields"]:
        if spec["name"] == "ordered_at":
            spec["constraints"] = {"after": "customers.signup_date", "max_value": "2026-06-01"}
        if spec["name"] == "total":
            spec["constraints"] = {"decimals": 2, "expression": "customers.balance + 1"}
    return doc


def test_children_of_parents_only_in_the_target_resolve_their_keys(live_server_factory, postgres_url):
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(SHOP_SQL.read_text())  # every foreign key and check enforced
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO customers (customer_id, email, full_name, balance, tier, signup_date) "
                            "VALUES (%s, %s, %s, %s, %s, %s)", CUSTOMERS)
    server = live_server_factory(DATABASE_TARGETS=f"pg={postgres_url}")
    job_id = server.create({"schema": children_document(), "chunk_size": 20, "target": "pg"})
    status = server.wait_for_status(job_id, {"completed", "failed"}, timeout=120)
    assert status["status"] == "completed", status
    assert list(status["tables"]) == ["orders", "order_lines", "shipments"]  # customers is only read
    by_id = {c[0]: c for c in CUSTOMERS}
    with psycopg.connect(postgres_url) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in status["tables"]}
        orders = conn.execute("SELECT customer_id, ordered_at, total FROM orders").fetchall()
        assert conn.execute("SELECT count(*) FROM customers").fetchone()[0] == len(CUSTOMERS)  # untouched
    assert counts == {t: p["rows"] for t, p in status["tables"].items()} and counts["orders"] > 20
    assert {o[0] for o in orders} <= set(by_id) and len({o[0] for o in orders}) > 10  # gaps kept
    for customer_id, ordered_at, total in orders:
        assert ordered_at >= by_id[customer_id][5], (customer_id, ordered_at)
        assert float(total) == round(by_id[customer_id][3] + 1, 2)

    # The rows read are held with the job: a preview made again from its plan needs no target.
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE orders DROP CONSTRAINT orders_customer_fk")
        conn.execute("DROP TABLE customers CASCADE")
    preview = server.client.get(f"/jobs/{job_id}/preview", params={"table": "orders", "rows": 5}).json()
    download = server.client.get(f"/jobs/{job_id}/download", params={"table": "orders"}).text
    first = list(csv.DictReader(io.StringIO(download)))[:5]
    assert [str(r["customer_id"]) for r in preview["data"]] == [r["customer_id"] for r in first]


def test_what_the_target_cannot_give_is_a_422_at_target(live_server_factory, postgres_url):
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE customers (customer_id INT PRIMARY KEY, tier TEXT)")
        conn.execute("CREATE TABLE empty (id INT PRIMARY KEY)")
        conn.execute("INSERT INTO customers VALUES (1, 'gold'), (4, 'basic')")
    server = live_server_factory(DATABASE_TARGETS=f"pg={postgres_url}")

    def child(references: str, **rules) -> dict:
        fields = [{"name": "id", "type": "sequence", "constraints": {"primary_key": True}},
                  {"name": "owner", "type": "reference", "constraints": {"references": references}}]
        if rules:
            fields.append({"name": "note", "type": "string", "constraints": rules})
        return {"schema": {"tables": [{"name": "notes", "rows": 9, "fields": fields}]}, "target": "pg"}

    cases = {
        "vendors.id": (child("vendors.id"), "'vendors', which is neither in the document nor in the target"),
        "customers.nope": (child("customers.nope"), "customers.nope, which the target's table 'customers' "
                                                    "does not have"),
        "customers.region": (child("customers.customer_id", when="customers.region = 'x'"), "customers.region"),
        "empty": (child("empty.id"), "table 'empty' in the target is empty"),
    }
    for name, (body, message) in cases.items():
        answer = server.client.post("/jobs/create", json=body)
        assert answer.status_code == 422, (name, answer.text)
        problem = answer.json()["problems"][0]
        assert problem["loc"] == "target" and message in problem["message"], (name, problem)
        assert "postgresql" not in problem["message"] and "127.0.0.1" not in problem["message"]  # never the URL
    ok = server.client.post("/jobs/create", json=child("customers.customer_id", when="customers.tier = 'gold'"))
    assert ok.status_code == 200, ok.text
    done = server.wait_for_status(ok.json()["job_id"], {"completed", "failed"})
    assert done["status"] == "completed", done
    with psycopg.connect(postgres_url) as conn:
        rows = conn.execute("SELECT owner, note IS NOT NULL FROM notes").fetchall()
    assert len(rows) == 9 and all(has_note == (owner == 1) for owner, has_note in rows)
    no_target = server.client.post("/jobs/create", json={"schema": child("customers.customer_id")["schema"]})
    assert no_target.status_code == 422 and "unknown table 'customers'" in no_target.text  # no target: no parents


def test_a_parent_larger_than_the_stored_cap_is_refused_naming_table_and_limit(live_server_factory, postgres_url):
    """A job stores its target parents' rows in its document: MAX_TARGET_PARENT_ROWS caps them, so a
    target of millions of keys can never make a job's record tens of MB."""
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE small (id INT PRIMARY KEY)")
        conn.execute("CREATE TABLE big (id INT PRIMARY KEY)")
        conn.execute("INSERT INTO small SELECT g * 2 FROM generate_series(1, 5) g")
        conn.execute("INSERT INTO big SELECT g FROM generate_series(1, 6) g")
    server = live_server_factory(DATABASE_TARGETS=f"pg={postgres_url}", MAX_TARGET_PARENT_ROWS=5)

    def child(parent: str) -> dict:
        fields = [{"name": "id", "type": "sequence", "constraints": {"primary_key": True}},
                  {"name": "owner", "type": "reference", "constraints": {"references": f"{parent}.id"}}]
        return {"schema": {"tables": [{"name": f"{parent}_notes", "rows": 40, "fields": fields}]}, "target": "pg"}

    refused = server.client.post("/jobs/create", json=child("big"))
    assert refused.status_code == 422, refused.text
    problem = refused.json()["problems"][0]
    assert problem["loc"] == "target"
    assert "table 'big' in the target has more than 5 rows" in problem["message"]
    assert "MAX_TARGET_PARENT_ROWS=5" in problem["message"] and "postgresql" not in problem["message"]
    accepted = server.client.post("/jobs/create", json=child("small"))  # exactly at the cap
    assert accepted.status_code == 200, accepted.text
    done = server.wait_for_status(accepted.json()["job_id"], {"completed", "failed"})
    assert done["status"] == "completed", done
    with psycopg.connect(postgres_url) as conn:
        owners = [r[0] for r in conn.execute("SELECT owner FROM small_notes").fetchall()]
    assert len(owners) == 40 and set(owners) <= {2, 4, 6, 8, 10}
