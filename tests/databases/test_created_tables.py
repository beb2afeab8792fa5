"""`generate --to URL --create-tables` with a DDL-imported schema: the created tables carry the DDL's
NUMERIC(p, s), constant DEFAULTs and honoured CHECKs (also with OR), in SQLite, DuckDB and PostgreSQL,
and every generated row passes them."""

from __future__ import annotations

import json
import sqlite3

import duckdb
import pytest

from src.importers.ddl import import_ddl
from tests.test_cli import run_cli

DDL = """
CREATE TABLE customers (
  customer_id SERIAL PRIMARY KEY,
  email VARCHAR(120) NOT NULL UNIQUE,
  created_at TIMESTAMP NOT NULL
);
CREATE TABLE orders (
  order_id SERIAL PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(customer_id),
  created_at TIMESTAMP NOT NULL,
  shipped_on DATE,
  status VARCHAR(20) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'shipped')),
  total_amount NUMERIC(10,2) NOT NULL CHECK (total_amount >= 0),
  discount NUMERIC(5,2) NOT NULL DEFAULT 0 CHECK (discount >= 0 AND discount <= 50),
  quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0 OR quantity = -1),
  CHECK (shipped_on IS NULL OR shipped_on >= created_at)
);
"""
ROWS = 300


@pytest.fixture
def schema_file(tmp_path):
    document = {"seed": 4, **import_ddl(DDL, "postgres", rows=ROWS).document}
    path = tmp_path / "shop.json"
    path.write_text(json.dumps(document))
    return path


def _load(schema_file, url):
    result = run_cli("generate", "--schema", str(schema_file), "--to", url, "--create-tables", "--quiet")
    assert result.returncode == 0, result.stderr


BAD_ROWS = [  # each breaks one carried CHECK; the created table must refuse it
    "status = 'lost'", "total_amount = -1", "discount = 60", "quantity = 0",
    "shipped_on = DATE '2000-01-01'",
]


def _refuses(execute, column_sets: str) -> None:
    execute(f"UPDATE orders SET {column_sets} WHERE order_id = (SELECT min(order_id) FROM orders)")


def test_sqlite_tables_carry_types_defaults_and_checks(tmp_path, schema_file):
    path = tmp_path / "shop.db"
    _load(schema_file, f"sqlite:///{path}")
    conn = sqlite3.connect(path)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'orders'").fetchone()[0]
    assert "(10, 2)" in sql and "(5, 2)" in sql
    assert "DEFAULT 'pending'" in sql and "DEFAULT 0" in sql and "DEFAULT 1" in sql
    assert "OR" in sql and "quantity" in sql
    assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] > ROWS
    for bad in BAD_ROWS:
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            with conn:
                _refuses(conn.execute, bad.replace("DATE '2000-01-01'", "'2000-01-01'"))
    conn.execute("INSERT INTO orders (order_id, customer_id, created_at, total_amount) "
                 "VALUES (999999, 1, '2024-01-01 00:00:00', 5)")
    assert conn.execute("SELECT status, discount, quantity FROM orders WHERE order_id = 999999").fetchone() == \
        ("pending", 0, 1)
    conn.close()


def test_duckdb_tables_carry_types_defaults_and_checks(tmp_path, schema_file):
    path = tmp_path / "shop.duckdb"
    _load(schema_file, f"duckdb:///{path}")
    conn = duckdb.connect(str(path))
    types = dict(conn.execute("SELECT column_name, data_type FROM information_schema.columns "
                              "WHERE table_name = 'orders'").fetchall())
    assert types["total_amount"] == "DECIMAL(10,2)" and types["discount"] == "DECIMAL(5,2)"
    defaults = dict(conn.execute("SELECT column_name, column_default FROM information_schema.columns "
                                 "WHERE table_name = 'orders' AND column_default IS NOT NULL").fetchall())
    assert "pending" in defaults["status"] and defaults["discount"].startswith("0")
    for bad in BAD_ROWS:
        with pytest.raises(duckdb.ConstraintException):
            _refuses(conn.execute, bad)
    conn.close()


def test_postgres_tables_carry_types_defaults_and_checks(postgres_url, schema_file):
    import psycopg

    _load(schema_file, postgres_url)
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        rows = conn.execute("SELECT column_name, numeric_precision, numeric_scale, column_default "
                            "FROM information_schema.columns WHERE table_name = 'orders'").fetchall()
        columns = {r[0]: r[1:] for r in rows}
        assert columns["total_amount"][:2] == (10, 2) and columns["discount"][:2] == (5, 2)
        assert "pending" in columns["status"][2] and columns["discount"][2] == "0"
        checks = [r[0] for r in conn.execute(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'orders'::regclass "
            "AND contype = 'c'").fetchall()]
        assert any(" OR " in c and "quantity" in c for c in checks), checks
        assert any(" OR " in c and "shipped_on" in c for c in checks), checks
        for bad in BAD_ROWS:
            with pytest.raises(psycopg.errors.CheckViolation):
                _refuses(conn.execute, bad)
