"""`synthgen generate --to URL`: straight into SQLite, DuckDB and a real PostgreSQL, parents first, each
table in one transaction; refusals name the table, row and constraint (exit 2, no traceback)."""

from __future__ import annotations

import sqlite3

import duckdb
import pytest

from tests.databases.conftest import SHOP_SQL, shop_document
from tests.test_cli import run_cli

TABLES = ("customers", "orders", "order_lines", "shipments")
ANCHOR = "2026-06-01T00:00:00"


def customer_ages() -> list[int]:
    """The ages the CLI generates for bench/customer_schema.json with seed 3 (the refused rows)."""
    import datetime as dt
    import json

    from src.engine import compile_schema

    doc = json.loads((SHOP_SQL.parent / "customer_schema.json").read_text())
    plan = compile_schema(doc, seed=3, anchor=dt.datetime.fromisoformat(ANCHOR))
    return plan.generate_chunk(0, 400).column("age").to_pylist()


def generate_to(schema, url, *extra):
    return run_cli("generate", "--schema", str(schema), "--to", url, "--quiet", *extra)


def counts(query) -> dict[str, int]:
    return {t: query(f"SELECT count(*) FROM {t}") for t in TABLES}


def expected_rows() -> dict[str, int]:
    from src.engine.relational import compile_relational

    return compile_relational(shop_document()).rows_per_table


def test_sqlite_create_refuse_truncate(tmp_path, shop_file):
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    result = generate_to(shop_file, url, "--create-tables")
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(tmp_path / "shop.db")
    query = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    assert counts(query) == expected_rows()
    conn.execute("PRAGMA foreign_keys = ON")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()

    again = generate_to(shop_file, url)  # same keys again: refused, and the table is left whole
    assert again.returncode == 2 and "Traceback" not in again.stderr
    assert "table 'customers', row 1, constraint 'customers.customer_id'" in again.stderr
    conn = sqlite3.connect(tmp_path / "shop.db")
    assert counts(lambda sql: conn.execute(sql).fetchone()[0]) == expected_rows()
    conn.close()

    emptied = generate_to(shop_file, url, "--truncate")
    assert emptied.returncode == 0, emptied.stderr
    conn = sqlite3.connect(tmp_path / "shop.db")
    assert counts(lambda sql: conn.execute(sql).fetchone()[0]) == expected_rows()


def test_sqlite_names_the_refused_row_of_a_check(tmp_path):
    db = tmp_path / "people.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE people (customer_id TEXT PRIMARY KEY, full_name TEXT, email TEXT, phone TEXT, "
                 "age INTEGER CHECK (age < 70), registration_date TEXT, account_status TEXT, "
                 "account_balance REAL, country TEXT, city TEXT)")
    conn.commit()
    conn.close()
    result = run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "400", "--seed", "3", "--anchor", ANCHOR,
                     "--to", f"sqlite:///{db}", "--table", "people", "--quiet")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "table 'people', row " in result.stderr and "CHECK constraint failed" in result.stderr
    row = int(result.stderr.split("row ")[1].split(",")[0])
    ages = customer_ages()
    assert ages[row - 1] >= 70 and all(age < 70 for age in ages[:row - 1])  # the first refused row
    assert sqlite3.connect(db).execute("SELECT count(*) FROM people").fetchone()[0] == 0


def test_duckdb_create_refuse_truncate(tmp_path, shop_file):
    url = f"duckdb:///{tmp_path / 'shop.duckdb'}"
    assert generate_to(shop_file, url, "--create-tables").returncode == 0
    again = generate_to(shop_file, url)
    assert again.returncode == 2 and "table 'customers'" in again.stderr and "Duplicate key" in again.stderr
    emptied = generate_to(shop_file, url, "--truncate")
    assert emptied.returncode == 0, emptied.stderr
    conn = duckdb.connect(str(tmp_path / "shop.duckdb"))
    assert counts(lambda sql: conn.execute(sql).fetchone()[0]) == expected_rows()
    orphans = conn.execute("SELECT count(*) FROM orders o LEFT JOIN customers c USING (customer_id) "
                           "WHERE c.customer_id IS NULL").fetchone()[0]
    assert orphans == 0


def test_postgres_into_the_original_ddl_keeps_sequences_going(postgres_url, shop_file):
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(SHOP_SQL.read_text())
        conn.execute("ALTER TABLE orders ADD COLUMN net NUMERIC GENERATED ALWAYS AS (total - coalesce(discount, 0)) STORED")
    result = generate_to(shop_file, postgres_url)
    assert result.returncode == 0, result.stderr
    rows = expected_rows()
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        assert counts(lambda sql: conn.execute(sql).fetchone()[0]) == rows
        top = conn.execute("SELECT max(customer_id) FROM customers").fetchone()[0]
        new = conn.execute("INSERT INTO customers (email, full_name, tier, signup_date) "
                           "VALUES ('new@example.com', 'New', 'gold', '2024-01-01') RETURNING customer_id").fetchone()[0]
        assert new == top + 1  # SERIAL continues past the written keys
        top_order = conn.execute("SELECT max(order_id) FROM orders").fetchone()[0]
        order = conn.execute("INSERT INTO orders (customer_id, ordered_at, total) VALUES (%s, '2024-01-02', 5) "
                             "RETURNING order_id", (new,)).fetchone()[0]
        assert order == top_order + 1  # GENERATED ALWAYS AS IDENTITY too
        assert conn.execute("SELECT count(*) FROM orders WHERE net <> total - coalesce(discount, 0)").fetchone()[0] == 0

    again = generate_to(shop_file, postgres_url)
    assert again.returncode == 2 and "Traceback" not in again.stderr
    assert "table 'customers', row 1, constraint 'customers_pkey'" in again.stderr
    emptied = generate_to(shop_file, postgres_url, "--truncate")
    assert emptied.returncode == 0, emptied.stderr
    with psycopg.connect(postgres_url) as conn:
        assert counts(lambda sql: conn.execute(sql).fetchone()[0]) == rows

    # Only the children, again: their customers are read from the database (keys 1..n).
    import json

    doc = shop_document()
    doc["tables"] = doc["tables"][1:]
    children = shop_file.with_name("children.json")
    children.write_text(json.dumps(doc))
    refill = generate_to(children, postgres_url, "--truncate")
    assert refill.returncode == 0, refill.stderr
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT count(*) FROM customers").fetchone()[0] == rows["customers"]
        assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == rows["orders"]  # same seed, same counts


def test_postgres_check_refusal_names_row_and_constraint_and_keeps_nothing(postgres_url):
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE people (customer_id UUID PRIMARY KEY, full_name TEXT, email TEXT, phone TEXT, "
                     "age INTEGER CONSTRAINT young CHECK (age < 70), registration_date DATE, account_status TEXT, "
                     "account_balance NUMERIC(12, 2), country TEXT, city TEXT)")
    result = run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "400", "--seed", "3", "--anchor", ANCHOR,
                     "--to", postgres_url, "--table", "people", "--quiet", "--chunk-size", "100")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "table 'people', row " in result.stderr and "constraint 'young'" in result.stderr
    row = int(result.stderr.split("row ")[1].split(",")[0])
    ages = customer_ages()
    assert ages[row - 1] >= 70 and all(age < 70 for age in ages[:row - 1])
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 0


@pytest.mark.parametrize(("url", "message"), [
    ("mysql://u@h/db", "cannot write to 'mysql'"),
    ("sqlite://", "sqlite needs a file"),
])
def test_bad_targets_are_clear_errors(url, message, shop_file):
    result = generate_to(shop_file, url)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_missing_table_and_column_are_named(tmp_path, shop_file):
    db = tmp_path / "empty.db"
    result = generate_to(shop_file, f"sqlite:///{db}")
    assert result.returncode == 2 and "table 'customers' does not exist" in result.stderr
    assert "--create-tables" in result.stderr
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE customers (customer_id INTEGER PRIMARY KEY)")
    conn.commit()
    result = generate_to(shop_file, f"sqlite:///{db}")
    assert result.returncode == 2 and "table 'customers' has no column 'email'" in result.stderr


def test_unreachable_postgres_is_a_clear_error(shop_file):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = generate_to(shop_file, f"postgresql://nobody@127.0.0.1:{port}/none")
    assert result.returncode == 2 and "cannot connect to postgresql://nobody@127.0.0.1" in result.stderr


def test_children_point_at_parent_keys_already_in_the_target(tmp_path):
    import json

    db = tmp_path / "shop.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, email TEXT)")
    conn.executemany("INSERT INTO customers (email) VALUES (?)", [(f"c{i}@example.com",) for i in range(57)])
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


def test_a_cut_off_load_is_finished_by_the_same_command(tmp_path, shop_file):
    db = tmp_path / "shop.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE order_lines (order_id INTEGER, line_no INTEGER, sku TEXT, "
                 "quantity INTEGER CONSTRAINT few CHECK (quantity < 3), PRIMARY KEY (order_id, line_no))")
    conn.commit()
    conn.close()
    command = ("--create-tables", "--seed", "5", "--anchor", ANCHOR)
    cut = generate_to(shop_file, f"sqlite:///{db}", *command)  # stops at order_lines
    assert cut.returncode == 2 and "table 'order_lines', row " in cut.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT table_name FROM synthgen_loads ORDER BY rowid").fetchall() == \
        [("customers",), ("orders",)]
    conn.execute("DROP TABLE order_lines")  # the cause fixed; the committed tables stay
    conn.commit()
    conn.close()

    rows = compile_rows(seed=5)
    finish = generate_to(shop_file, f"sqlite:///{db}", *command)
    assert finish.returncode == 0, finish.stderr
    assert "skipped customers, orders: an identical earlier run" in finish.stderr
    again = generate_to(shop_file, f"sqlite:///{db}", *command)  # nothing left to do: nothing doubled
    assert again.returncode == 0 and "skipped customers, orders, order_lines, shipments" in again.stderr
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = ON")
    assert counts(lambda sql: conn.execute(sql).fetchone()[0]) == rows  # shipments has no key
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()

    other = generate_to(shop_file, f"sqlite:///{db}", "--seed", "6", "--anchor", ANCHOR)  # other rows
    assert other.returncode == 2 and "table 'customers', row 1" in other.stderr
    fresh = generate_to(shop_file, f"sqlite:///{db}", "--truncate", *command)  # --truncate writes again
    assert fresh.returncode == 0 and "skipped" not in fresh.stderr
    conn = sqlite3.connect(db)
    assert counts(lambda sql: conn.execute(sql).fetchone()[0]) == rows
    assert conn.execute("SELECT count(*) FROM synthgen_loads").fetchone()[0] == 4


def compile_rows(seed: int) -> dict[str, int]:
    from src.engine.relational import compile_relational

    return compile_relational(shop_document(), seed=seed).rows_per_table


def test_sequences_continue_past_the_written_keys_in_duckdb_and_sqlite(tmp_path):
    import json

    schema = tmp_path / "t.json"
    schema.write_text(json.dumps({"fields": [
        {"name": "id", "type": "sequence", "constraints": {"primary_key": True, "min_value": 10, "step": 3}},
        {"name": "x", "type": "integer", "constraints": {"min_value": 0, "max_value": 9}}]}))
    lake = duckdb.connect(str(tmp_path / "t.duckdb"))
    lake.execute("CREATE SEQUENCE t_id START 1")
    lake.execute("CREATE TABLE t (id INTEGER DEFAULT nextval('t_id') PRIMARY KEY, x INTEGER)")
    lake.close()
    lite = sqlite3.connect(tmp_path / "t.db")
    lite.execute("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, x INTEGER)")
    lite.close()
    for url in (f"duckdb:///{tmp_path / 't.duckdb'}", f"sqlite:///{tmp_path / 't.db'}"):
        result = run_cli("generate", "--schema", str(schema), "--rows", "50", "--table", "t", "--to", url,
                         "--quiet", "--chunk-size", "20")
        assert result.returncode == 0, result.stderr
    top = 10 + 49 * 3
    lake = duckdb.connect(str(tmp_path / "t.duckdb"))
    assert lake.execute("INSERT INTO t (x) VALUES (1) RETURNING id").fetchone()[0] == top + 1
    lake.close()
    lite = sqlite3.connect(tmp_path / "t.db")
    assert lite.execute("INSERT INTO t (x) VALUES (1) RETURNING id").fetchone()[0] == top + 1


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


def test_a_large_load_shows_progress_and_a_summary_per_table(tmp_path):
    import json

    schema = tmp_path / "ticks.json"
    schema.write_text(json.dumps({"fields": [{"name": "id", "type": "sequence", "constraints": {"primary_key": True}},
                                             {"name": "n", "type": "integer", "constraints": {"min_value": 0}}]}))
    db = tmp_path / "ticks.db"
    result = run_cli("generate", "--schema", str(schema), "--rows", "200000", "--seed", "1", "--to", f"sqlite:///{db}",
                     "--table", "ticks", "--create-tables", "--chunk-size", "50000")
    assert result.returncode == 0, result.stderr
    assert "200k/200k" in result.stderr  # the progress bar reached every row (a bar from 200,000 rows up)
    assert "  ticks: 200,000 rows" in result.stderr and "wrote 200,000 rows in 1 table(s)" in result.stderr
    assert "rows/s" in result.stderr
    assert sqlite3.connect(db).execute("SELECT count(*), count(DISTINCT id) FROM ticks").fetchone() == (200_000,) * 2


def test_duckdb_names_the_refused_row_and_check_and_keeps_nothing(tmp_path):
    path = tmp_path / "people.duckdb"
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE people (customer_id UUID PRIMARY KEY, full_name TEXT, email TEXT, phone TEXT, "
                 "age INTEGER CHECK (age < 70), registration_date DATE, account_status TEXT, "
                 "account_balance DECIMAL(12, 2), country TEXT, city TEXT)")
    conn.close()
    result = run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "400", "--seed", "3",
                     "--anchor", ANCHOR, "--to", f"duckdb:///{path}", "--table", "people", "--quiet",
                     "--chunk-size", "150")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "table 'people', row " in result.stderr and "constraint 'CHECK((age < 70))'" in result.stderr
    row = int(result.stderr.split("row ")[1].split(",")[0])
    ages = customer_ages()
    assert ages[row - 1] >= 70 and all(age < 70 for age in ages[:row - 1])  # the first refused row
    assert duckdb.connect(str(path)).execute("SELECT count(*) FROM people").fetchone()[0] == 0
