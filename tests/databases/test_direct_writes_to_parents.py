"""`synthgen generate --to URL` of child tables whose parents exist only in the target database:
parent keys (integer with gaps, text, UUID, composite) and other parent columns are read from it,
so every written key resolves and every rule on a parent's column holds."""

from __future__ import annotations

import sqlite3

import duckdb

from tests.databases.conftest import shop_document
from tests.databases.test_direct_writes import generate_to


def test_children_point_at_parent_keys_already_in_the_target(tmp_path):
    import json

    db = tmp_path / "shop.db"
    conn = sqlite3.connect(db)
    # created_at: the imported orders come after their customer's creation (read from the target)
    conn.execute("CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, email TEXT, created_at TIMESTAMP)")
    conn.executemany("INSERT INTO customers (email, created_at) VALUES (?, ?)",
                     [(f"c{i}@example.com", f"2025-{i % 12 + 1:02d}-1{i % 10} 10:00:00") for i in range(57)])
    conn.commit()
    doc = shop_document()
    doc["tables"] = [t for t in doc["tables"] if t["name"] == "orders"]  # only the children
    children = tmp_path / "orders.json"
    children.write_text(json.dumps(doc))
    result = generate_to(children, f"sqlite:///{db}", "--create-tables")
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = ON")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT count(*) FROM customers").fetchone()[0] == 57  # parents untouched
    per_parent = conn.execute("SELECT max(n), count(*) FROM (SELECT customer_id, count(*) AS n FROM orders "
                              "GROUP BY customer_id)").fetchone()
    assert per_parent[0] <= 4 and per_parent[1] > 30  # rows_per_parent 0-4 over the 57 existing customers
    assert conn.execute("SELECT min(customer_id) >= 1, max(customer_id) <= 57 FROM orders").fetchone() == (1, 1)
    assert conn.execute("SELECT count(*) FROM orders o JOIN customers c USING (customer_id) "
                        "WHERE o.ordered_at < date(c.created_at)").fetchone()[0] == 0

    conn.execute("DELETE FROM orders")
    conn.execute("DELETE FROM customers WHERE customer_id = 5")  # a gap: keys are no longer 1..n
    conn.commit()
    gap = generate_to(children, f"sqlite:///{db}")
    assert gap.returncode == 0, gap.stderr
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = ON")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    used = {r[0] for r in conn.execute("SELECT DISTINCT customer_id FROM orders")}
    assert 5 not in used and used <= set(range(1, 58)) and len(used) > 30

    conn.execute("DELETE FROM orders")
    conn.execute("DELETE FROM customers")
    conn.commit()
    empty = generate_to(children, f"sqlite:///{db}")
    assert empty.returncode == 2 and "table 'customers' in the target is empty" in empty.stderr
    conn.execute("DROP TABLE orders")
    conn.execute("DROP TABLE customers")
    conn.commit()
    gone = generate_to(children, f"sqlite:///{db}", "--create-tables")
    assert gone.returncode == 2 and "table 'customers', which is neither in the document nor in the target" \
        in gone.stderr


def test_children_of_text_uuid_and_composite_keys_already_in_postgres(postgres_url, tmp_path):
    import json
    import uuid

    import psycopg

    codes = [f"ACC-{i:03d}" for i in range(0, 90, 7)]  # text keys with gaps
    uids = [str(uuid.UUID(int=i * 7919 + 1)) for i in range(20)]
    slots = [(site, n) for site in ("north", "south") for n in (1, 4, 9)]
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE accounts (code TEXT PRIMARY KEY, label TEXT)")
        conn.execute("CREATE TABLE users (uid UUID PRIMARY KEY)")
        conn.execute("CREATE TABLE slots (site TEXT, n INTEGER, PRIMARY KEY (site, n))")
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO accounts VALUES (%s, 'x')", [(c,) for c in codes])
            cur.executemany("INSERT INTO users VALUES (%s)", [(u,) for u in uids])
            cur.executemany("INSERT INTO slots VALUES (%s, %s)", slots)
    doc = {"seed": 4, "tables": [{
        "name": "visits", "rows_per_parent": {"parent": "accounts", "min": 1, "max": 3},
        "fields": [
            {"name": "id", "type": "sequence", "constraints": {"primary_key": True}},
            {"name": "account", "type": "reference", "constraints": {"references": "accounts.code"}},
            {"name": "visitor", "type": "reference", "constraints": {"references": "users.uid"}},
            {"name": "site", "type": "reference"}, {"name": "slot", "type": "reference"}],
        "foreign_keys": [{"fields": ["site", "slot"], "references": "slots", "columns": ["site", "n"]}]}]}
    schema = tmp_path / "visits.json"
    schema.write_text(json.dumps(doc))
    result = generate_to(schema, postgres_url, "--create-tables")  # the new table has every foreign key
    assert result.returncode == 0, result.stderr
    with psycopg.connect(postgres_url) as conn:
        rows = conn.execute("SELECT account, visitor::text, site, slot FROM visits").fetchall()
        keys = conn.execute("SELECT count(*) FROM information_schema.table_constraints WHERE table_name = 'visits' "
                            "AND constraint_type = 'FOREIGN KEY'").fetchone()[0]
    assert keys == 3 and len(rows) >= len(codes)
    assert {r[0] for r in rows} == set(codes)  # rows_per_parent min 1: every account has visits
    assert {r[1] for r in rows} <= set(uids) and {(r[2], r[3]) for r in rows} <= set(slots)
    assert len({(r[2], r[3]) for r in rows}) > 1


def test_children_read_other_columns_of_a_parent_only_in_the_target(tmp_path):
    """after, expression and when over a parent's non-key columns use the target's values of that
    row (SQLite's TEXT dates read as dates); keys that do not name one row are refused."""
    import datetime as dt
    import json

    db = tmp_path / "t.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE accounts (code TEXT PRIMARY KEY, opened DATE, credit REAL, tier TEXT)")
    accounts = [(f"A{i:02d}", f"20{10 + i % 14:02d}-{1 + i % 12:02d}-{1 + i % 27:02d}", 100.0 + 37 * i,
                 "gold" if i % 3 == 0 else "basic") for i in range(0, 60, 3)]  # text keys with gaps
    conn.executemany("INSERT INTO accounts VALUES (?, ?, ?, ?)", accounts)
    conn.commit()
    doc = {"seed": 5, "tables": [{"name": "visits", "rows": 400, "fields": [
        {"name": "id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "account", "type": "reference", "constraints": {"references": "accounts.code"}},
        {"name": "at", "type": "date", "constraints": {"after": "accounts.opened", "max_value": "2026-01-01"}},
        {"name": "allowance", "type": "float", "constraints": {"expression": "accounts.credit * 2"}},
        {"name": "perk", "type": "string", "constraints": {"when": "accounts.tier = 'gold'"}}]}]}
    schema = tmp_path / "visits.json"
    schema.write_text(json.dumps(doc))
    result = generate_to(schema, f"sqlite:///{db}", "--create-tables")
    assert result.returncode == 0, result.stderr
    by_code = {a[0]: a for a in accounts}
    rows = sqlite3.connect(db).execute("SELECT account, at, allowance, perk FROM visits").fetchall()
    assert len(rows) == 400 and {r[0] for r in rows} <= set(by_code) and len({r[0] for r in rows}) > 10
    for account, at, allowance, perk in rows:
        code, opened, credit, tier = by_code[account]
        assert dt.date.fromisoformat(at) >= dt.date.fromisoformat(opened), (account, at, opened)
        assert allowance == credit * 2
        assert (perk is not None) == (tier == "gold")

    doc["tables"][0]["fields"][2]["constraints"]["max_value"] = "2015-01-01"  # before some accounts opened
    schema.write_text(json.dumps({**doc, "tables": [{**doc["tables"][0], "name": "late"}]}))
    late = generate_to(schema, f"sqlite:///{db}", "--create-tables")
    latest = max(a[1] for a in accounts)
    assert late.returncode == 2 and f"'accounts.opened' can be as late as {latest}" in late.stderr, late.stderr

    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE shared (code TEXT, credit REAL)")  # no key: a code may name two rows
    conn.executemany("INSERT INTO shared VALUES (?, ?)", [("x", 1.0), ("x", 2.0), ("y", 3.0)])
    conn.commit()
    doc["tables"][0]["fields"][1:] = [
        {"name": "account", "type": "reference", "constraints": {"references": "shared.code"}},
        {"name": "allowance", "type": "float", "constraints": {"expression": "shared.credit * 2"}}]
    schema.write_text(json.dumps({**doc, "tables": [{**doc["tables"][0], "name": "uses"}]}))
    refused = generate_to(schema, f"sqlite:///{db}", "--create-tables")
    assert refused.returncode == 2 and "shared.credit" in refused.stderr and "not unique" in refused.stderr


def test_children_of_uuid_keys_read_dates_and_decimals_from_duckdb(tmp_path):
    import datetime as dt
    import json
    import uuid

    path = tmp_path / "t.duckdb"
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE users (uid UUID PRIMARY KEY, joined DATE, score DECIMAL(6,2))")
    users = [(str(uuid.UUID(int=i * 104729 + 7)), dt.date(2021, 1 + i % 12, 1 + i), 1.5 * i) for i in range(1, 21)]
    conn.executemany("INSERT INTO users VALUES (?, ?, ?)", users)
    conn.close()
    doc = {"seed": 2, "tables": [{"name": "logins", "rows": 300, "fields": [
        {"name": "uid", "type": "reference", "constraints": {"references": "users.uid"}},
        {"name": "at", "type": "date", "constraints": {"after": "users.joined", "max_value": "2026-01-01"}},
        {"name": "points", "type": "float", "constraints": {"expression": "users.score * 10"}}]}]}
    schema = tmp_path / "logins.json"
    schema.write_text(json.dumps(doc))
    result = generate_to(schema, f"duckdb:///{path}", "--create-tables")
    assert result.returncode == 0, result.stderr
    by_uid = {u[0]: u for u in users}
    rows = duckdb.connect(str(path), read_only=True).execute('SELECT uid::VARCHAR, "at", points FROM logins').fetchall()
    assert len(rows) == 300 and {r[0] for r in rows} <= set(by_uid) and len({r[0] for r in rows}) > 10
    assert all(at >= by_uid[uid][1] and points == by_uid[uid][2] * 10 for uid, at, points in rows)
