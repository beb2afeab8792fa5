"""DDL with keys and checks -> schema (importer) -> 100k+ rows into PostgreSQL with every constraint on:
0 violations, exact row counts; then the same document through a SQL file."""

from __future__ import annotations

import json

import pytest

from src.engine.relational import compile_relational
from tests.databases.conftest import SHOP_SQL, shop_document
from tests.test_cli import run_cli

ROOT_ROWS = 12_500  # with 0-3 children per parent over four levels: a little over 100k rows


def violations(conn) -> dict[str, int]:
    """Rows breaking each CHECK and foreign key of the database, counted by queries of their own."""
    found = {}
    for table, name, definition in conn.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'c' AND connamespace = 'public'::regnamespace").fetchall():
        condition = definition.removeprefix("CHECK ")
        found[name] = conn.execute(f"SELECT count(*) FROM {table} WHERE NOT {condition}").fetchone()[0]
    for table, name, cols, parent, keys in conn.execute(
            "SELECT c.conrelid::regclass::text, c.conname, "
            "array(SELECT attname FROM pg_attribute WHERE attrelid = c.conrelid AND attnum = ANY(c.conkey)), "
            "c.confrelid::regclass::text, "
            "array(SELECT attname FROM pg_attribute WHERE attrelid = c.confrelid AND attnum = ANY(c.confkey)) "
            "FROM pg_constraint c WHERE contype = 'f'").fetchall():
        join = " AND ".join(f"p.{k} = t.{c}" for c, k in zip(cols, keys))
        present = " AND ".join(f"t.{c} IS NOT NULL" for c in cols)
        found[name] = conn.execute(f"SELECT count(*) FROM {table} t WHERE {present} AND NOT EXISTS "
                                   f"(SELECT 1 FROM {parent} p WHERE {join})").fetchone()[0]
    return found


@pytest.fixture(scope="module")
def big_shop(tmp_path_factory):
    doc = shop_document(ROOT_ROWS, children=(0, 3))
    path = tmp_path_factory.mktemp("roundtrip") / "shop.json"
    path.write_text(json.dumps(doc))
    rows = compile_relational(doc).rows_per_table
    assert sum(rows.values()) >= 100_000 and all(rows.values())
    return path, rows


def test_ddl_to_100k_rows_in_postgres_with_every_constraint(postgres_url, big_shop):
    import psycopg

    path, rows = big_shop
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(SHOP_SQL.read_text())  # the original DDL: SERIAL, IDENTITY, enum type, keys, checks
    result = run_cli("generate", "--schema", str(path), "--to", postgres_url, "--quiet")
    assert result.returncode == 0, result.stderr
    with psycopg.connect(postgres_url) as conn:
        assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in rows} == rows
        found = violations(conn)
        assert len(found) >= 10 and set(found.values()) == {0}, found


def test_the_same_document_through_a_sql_file(postgres_url, big_shop, tmp_path):
    import psycopg

    path, rows = big_shop
    script = tmp_path / "shop.sql"
    result = run_cli("generate", "--schema", str(path), "--output", str(script), "--quiet")
    assert result.returncode == 0, result.stderr
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(script.read_text())
        assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in rows} == rows
        found = violations(conn)
        assert len(found) >= 8 and set(found.values()) == {0}, found
