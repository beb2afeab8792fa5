"""`output_format: sql`: the file loads into PostgreSQL, SQLite and DuckDB with every constraint on,
values come back exactly, and MySQL output parses back with sqlglot."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3

import duckdb
import pyarrow as pa
import pytest
import sqlglot
from sqlglot import exp

from src.databases.ddl_out import create_table_sql, describe_document, describe_plan
from src.databases.sql_writer import write_sql_tables
from src.engine import compile_schema
from src.engine.relational import compile_relational
from src.engine.writers import open_writer, write_table_bytes
from src.schemas.fields import FIELD_TYPES
from tests.databases.conftest import shop_document
from tests.test_cli import run_cli

HOSTILE = ["O'Brien", "back\\slash", "line\nbreak", "tab\tand\rreturn", "Zürich ✓", "'); DROP TABLE t; --",
           "\\'", "100%", "$1", "\"quoted\""]
TEXT = {"fields": [
    {"name": "id", "type": "sequence", "constraints": {"primary_key": True}},
    {"name": "word", "type": "enum", "constraints": {"enum_values": HOSTILE}},
    {"name": "amount", "type": "decimal", "constraints": {"min_value": -50, "max_value": 50, "decimals": 2}},
    {"name": "ratio", "type": "float", "constraints": {"min_value": 0, "max_value": 1}},
    {"name": "flag", "type": "boolean", "constraints": {"nullable": True, "null_probability": 0.3}},
    {"name": "day", "type": "date", "constraints": {"min_value": "2021-01-01", "max_value": "2021-12-31"}},
    {"name": "moment", "type": "datetime", "constraints": {"min_value": "2021-01-01T00:00:00",
                                                           "max_value": "2021-12-31T23:59:59"}},
    {"name": "clock", "type": "time"},
    {"name": "later", "type": "date", "constraints": {"after": "day", "max_value": "2022-06-30"}},
]}
ALL_TYPES = {"fields": [
    {"name": f"f_{t}", "type": t, **({"constraints": {"enum_values": ["a", "b'c"]}} if t == "enum" else {})}
    for t in FIELD_TYPES if t != "reference"]}


def sql_file(doc: dict, rows: int, dialect: str, name: str = "t") -> tuple[str, list[dict]]:
    plan = compile_schema(doc, seed=5, anchor=dt.datetime(2026, 1, 1))
    batches = [plan.generate_chunk(0, rows // 2), plan.generate_chunk(rows // 2, rows - rows // 2)]
    text = write_table_bytes("sql", batches, plan.arrow_schema) if dialect == "postgres" else None
    sink = io.BytesIO()
    with open_writer("sql", sink, plan.arrow_schema, table=describe_plan(plan, name), dialect=dialect) as w:
        for batch in batches:
            w.write(batch)
    assert text is None or text.startswith(b"CREATE TABLE")
    return sink.getvalue().decode(), pa.Table.from_batches(batches).to_pylist()


def shop_sql(dialect: str, rows: int = 40) -> tuple[str, dict[str, int]]:
    plan = compile_relational(shop_document(rows), anchor=dt.datetime(2026, 1, 1))
    plans = {n: t.plan for n, t in plan.tables.items()}
    sink = io.BytesIO()
    written = write_sql_tables(describe_document(plan.doc, plans), plans, plan.rows_per_table, sink, dialect,
                               chunk_size=37)
    assert written == plan.rows_per_table
    return sink.getvalue().decode(), plan.rows_per_table


def test_hostile_text_and_every_value_kind_come_back_exactly_from_sqlite():
    text, expected = sql_file(TEXT, 300, "sqlite")
    conn = sqlite3.connect(":memory:")
    conn.executescript(text)
    got = [dict(zip([d[0] for d in cur.description], row)) for cur in [conn.execute("SELECT * FROM t ORDER BY id")]
           for row in cur.fetchall()]
    assert len(got) == 300
    assert {r["word"] for r in got} == {r["word"] for r in expected} and len({r["word"] for r in got}) > 5
    for row, want in zip(got, expected):
        assert row["word"] == want["word"] and row["amount"] == pytest.approx(want["amount"])
        assert row["day"] == want["day"].isoformat() and row["flag"] == (None if want["flag"] is None else int(want["flag"]))


def test_hostile_text_comes_back_exactly_from_duckdb_and_postgres(postgres_url):
    import psycopg

    for dialect in ("duckdb", "postgres"):
        text, expected = sql_file(TEXT, 300, dialect)
        if dialect == "duckdb":
            conn = duckdb.connect()
            conn.execute(text)
            got = conn.execute("SELECT word, amount, day, moment, clock, flag FROM t ORDER BY id").fetchall()
        else:
            with psycopg.connect(postgres_url, autocommit=True) as conn:
                conn.execute(text)
                got = conn.execute("SELECT word, amount, day, moment, clock, flag FROM t ORDER BY id").fetchall()
        assert len(got) == 300
        for (word, amount, day, moment, clock, flag), want in zip(got, expected):
            assert word == want["word"] and float(amount) == pytest.approx(want["amount"])
            assert (day, moment, clock, flag) == (want["day"], want["moment"], want["clock"], want["flag"])


def test_mysql_output_parses_back_to_the_same_values():
    text, expected = sql_file(TEXT, 120, "mysql")
    statements = sqlglot.parse(text, read="mysql")
    assert isinstance(statements[0], exp.Create) and "`word`" in text
    rows = [tuple(v.name if isinstance(v, exp.Literal) else v.sql("mysql") for v in tup.expressions)
            for stmt in statements[1:] for tup in stmt.expression.expressions]
    assert len(rows) == 120
    assert [r[1] for r in rows] == [r["word"] for r in expected]


def test_every_field_type_loads_into_three_databases(postgres_url):
    import psycopg

    for dialect in ("sqlite", "duckdb", "postgres"):
        text, _ = sql_file(ALL_TYPES, 50, dialect)
        if dialect == "sqlite":
            conn = sqlite3.connect(":memory:")
            conn.executescript(text)
            assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 50
        elif dialect == "duckdb":
            conn = duckdb.connect()
            conn.execute(text)
            assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 50
        else:
            with psycopg.connect(postgres_url, autocommit=True) as conn:
                conn.execute(text)
                assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 50


def test_shop_loads_with_keys_and_checks_enforced_in_sqlite_and_duckdb():
    text, rows = shop_sql("sqlite")
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.executescript(text)
    assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in rows} == rows
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):  # the checks are really there
        conn.execute("UPDATE orders SET total = -1 WHERE order_id = (SELECT min(order_id) FROM orders)")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        conn.execute("INSERT INTO order_lines VALUES (999999, 1, 'X', 1)")
    text, rows = shop_sql("duckdb")
    db = duckdb.connect()
    db.execute(text)
    assert {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in rows} == rows


def test_shop_loads_into_postgres_with_every_constraint(postgres_url):
    import psycopg

    text, rows = shop_sql("postgres", rows=60)
    assert text.index('CREATE TABLE "shipments"') < text.index("INSERT INTO")  # all DDL first
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(text)
        assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in rows} == rows
        kinds = conn.execute("SELECT contype, count(*) FROM pg_constraint WHERE conrelid::regclass::text IN "
                             "('customers', 'orders', 'order_lines', 'shipments') GROUP BY contype").fetchall()
        assert {k: n for k, n in kinds}.keys() >= {"p", "u", "f", "c"}
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("UPDATE orders SET shipped_at = ordered_at - 1 WHERE shipped_at IS NOT NULL")


def test_mysql_shop_ddl_parses_back_with_keys_and_checks():
    text, rows = shop_sql("mysql")
    statements = sqlglot.parse(text, read="mysql")
    creates = [s for s in statements if isinstance(s, exp.Create)]
    assert [c.this.this.name for c in creates] == list(rows)
    orders = creates[1].sql("mysql")
    assert "FOREIGN KEY (`customer_id`) REFERENCES `customers` (`customer_id`)" in orders
    assert "CHECK (`shipped_at` >= `ordered_at`)" in orders and "DATETIME" in creates[0].sql("mysql")
    inserted = {}
    for stmt in statements:
        if isinstance(stmt, exp.Insert):
            name = stmt.this.this.name
            inserted[name] = inserted.get(name, 0) + len(stmt.expression.expressions)
    assert inserted == {t: n for t, n in rows.items() if n}


def test_composite_keys_and_foreign_keys_in_the_ddl():
    plan = compile_relational(shop_document(10), anchor=dt.datetime(2026, 1, 1))
    tables = describe_document(plan.doc, {n: t.plan for n, t in plan.tables.items()})
    lines = create_table_sql(tables["order_lines"], "postgres")
    assert 'PRIMARY KEY ("order_id", "line_no")' in lines
    ships = " ".join(create_table_sql(tables["shipments"], "postgres").split())
    assert 'FOREIGN KEY ("order_id", "line_no") REFERENCES "order_lines" ( "order_id", "line_no" )' in ships


def test_cli_writes_one_sql_file_for_one_table_and_for_several(tmp_path, shop_file):
    out = tmp_path / "people.sql"
    result = run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "500", "--output", str(out),
                     "--seed", "1", "--dialect", "sqlite", "--quiet")
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(":memory:")
    conn.executescript(out.read_text())
    assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 500
    shop = tmp_path / "shop.sql"
    result = run_cli("generate", "--schema", str(shop_file), "--output", str(shop), "--quiet", "--dialect", "mysql")
    assert result.returncode == 0, result.stderr
    assert sum(isinstance(s, exp.Create) for s in sqlglot.parse(shop.read_text(), read="mysql")) == 4
    result = run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "5", "--output", "-",
                     "--format", "sql", "--seed", "1", "--table", "bad name")
    assert result.returncode == 2 and "--table 'bad name' is not a table name" in result.stderr
    result = run_cli("generate", "--schema", "bench/customer_schema.json", "--rows", "5", "--output", "-",
                     "--format", "sql", "--seed", "1")
    assert result.returncode == 0 and result.stdout.startswith('CREATE TABLE "data"')
