"""A single table's DDL -> schema -> 10k generated rows -> loaded into the real database with every
constraint on (CHECK, NOT NULL, UNIQUE, PRIMARY KEY, VARCHAR lengths in PostgreSQL): 0 violations."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from src.engine import compile_schema
from src.importers.ddl import import_ddl
from tests.importers.conftest import read_fixture

ROWS = 10_000


def _generate(fixture: str, dialect: str):
    result = import_ddl(read_fixture(fixture), dialect)
    (table,) = result.document["tables"]
    plan = compile_schema({"fields": table["fields"]}, seed=20261201)
    plan.check_row_count(ROWS)
    return result, table, plan.generate_chunk(0, ROWS)


def _sqlite_value(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def test_the_only_check_not_honoured_exactly_is_reported():
    result, table, _ = _generate("payments_postgres.sql", "postgres")
    assert result.warnings == [
        "table payments, column tiny: its CHECKs allow several separate ranges; values come from (-3, 0) only"]
    assert table["rows"] == 1000 and table["primary_key"] == ["id"]


@pytest.mark.parametrize("fixture", ["payments_sqlite.sql"])
def test_generated_rows_load_into_sqlite_with_every_constraint_on(tmp_path, fixture):
    _, table, batch = _generate(fixture, "sqlite")
    connection = sqlite3.connect(tmp_path / "payments.db")
    connection.executescript(read_fixture(fixture))
    names = batch.schema.names
    rows = [tuple(_sqlite_value(row[n]) for n in names) for row in batch.to_pylist()]
    with connection:  # one transaction: any refused row raises IntegrityError and fails the test
        connection.executemany(f"INSERT INTO payments ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                               rows)
    assert connection.execute("SELECT count(*) FROM payments").fetchone()[0] == ROWS
    # The conditional rules really shape the data, they are not vacuous.
    assert connection.execute("SELECT count(*) FROM payments WHERE refunded_at IS NOT NULL").fetchone()[0] > 0
    assert connection.execute("SELECT count(*) FROM payments WHERE kind <> 'card' AND refunded_at IS NOT NULL"
                              ).fetchone()[0] == 0
    assert connection.execute("SELECT count(*) FROM payments WHERE settled_on IS NOT NULL").fetchone()[0] > 0
    assert connection.execute("SELECT min(amount) > 0, max(fee < amount) FROM payments").fetchone() == (1, 1)
    connection.close()


def test_generated_rows_load_into_postgresql_with_every_constraint_on(postgres_url):
    import psycopg

    _, table, batch = _generate("payments_postgres.sql", "postgres")
    names = batch.schema.names
    with psycopg.connect(postgres_url) as connection:
        connection.execute(read_fixture("payments_postgres.sql"))
        with connection.cursor() as cursor:
            with cursor.copy(f"COPY payments ({', '.join(names)}) FROM STDIN") as copy:
                for row in batch.to_pylist():
                    copy.write_row([row[n] for n in names])
        count, refunded, non_card_refunded, longest_email = connection.execute(
            "SELECT count(*), count(refunded_at), count(*) FILTER (WHERE kind <> 'card' AND refunded_at IS NOT NULL),"
            " max(length(payer_email)) FROM payments").fetchone()
    assert count == ROWS
    assert refunded > 0 and non_card_refunded == 0
    assert longest_email <= 60
