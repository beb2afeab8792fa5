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
    assert "--truncate empties the tables first" in again.stderr
    conn = sqlite3.connect(tmp_path / "shop.db")
    assert counts(lambda sql: conn.execute(sql).fetchone()[0]) == expected_rows()
    conn.close()

    emptied = generate_to(shop_file, url, "--truncate")
    assert emptied.returncode == 0, emptied.stderr
    conn = sqlite3.connect(tmp_path / "shop.db")
    assert counts(lambda sql: conn.execute(sql).fetchone()[0]) == expected_rows()


def test_a_seed_without_an_anchor_prints_the_anchor_that_repeats_the_load(tmp_path, shop_file):
    import re

    url = f"sqlite:///{tmp_path / 'shop.db'}"
    first = run_cli("generate", "--schema", str(shop_file), "--to", url, "--create-tables", "--seed", "5")
    assert first.returncode == 0, first.stderr
    said = re.search(r"anchor: (\S+) \(rerun with --seed 5 --anchor (\S+) for the same rows\)", first.stderr)
    assert said and said.group(1) == said.group(2), first.stderr
    again = run_cli("generate", "--schema", str(shop_file), "--to", url, "--seed", "5", "--anchor", said.group(1))
    assert again.returncode == 0 and "already committed these rows" in again.stderr, again.stderr
    conn = sqlite3.connect(tmp_path / "shop.db")
    assert counts(lambda sql: conn.execute(sql).fetchone()[0]) == compile_rows(5)


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
