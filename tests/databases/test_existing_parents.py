"""The rows of a parent only in the target, as read from a real PostgreSQL: key order, the engine's
types, the columns rules read, and sub-second times rounded the way the rule that reads them needs."""

from __future__ import annotations

import datetime as dt
import uuid

import psycopg
import pyarrow as pa

from src.databases.existing_parents import embed_given_rows, resolve_existing_parents, split_given_rows
from src.databases.targets import open_backend, parse_target
from tests.importers.conftest import postgres_server, postgres_url  # noqa: F401 - shared fixtures


def test_keys_and_read_columns_come_back_in_the_engines_types(postgres_url):
    uids = [uuid.UUID(int=i * 7919 + 3) for i in range(5)]
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("SET TIME ZONE 'Europe/Paris'")
        conn.execute("CREATE TABLE users (uid UUID PRIMARY KEY, joined TIMESTAMP(6), left_at TIMESTAMPTZ, "
                     "score NUMERIC(6,2), active BOOLEAN, note TEXT)")
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO users VALUES (%s, %s, %s, %s, %s, NULL)", [
                (u, dt.datetime(2024, 1, 1 + i, 10, 0, 0, 250_000), dt.datetime(2024, 6, 1, 12, 0, 0, 900_000,
                 tzinfo=dt.timezone(dt.timedelta(hours=2))), 1.25 * i, i % 2 == 0) for i, u in enumerate(uids)])
    doc = {"tables": [{"name": "logins", "rows": 5, "fields": [
        {"name": "uid", "type": "reference", "constraints": {"references": "users.uid"}},
        {"name": "at", "type": "datetime", "constraints": {"after": "users.joined"}},
        {"name": "until", "type": "datetime", "constraints": {"before": "users.left_at"}},
        {"name": "points", "type": "float", "constraints": {"expression": "users.score * 2"}},
        {"name": "flag", "type": "string", "constraints": {"when": "users.active AND users.note IS NULL"}}]}]}
    backend = open_backend(parse_target(postgres_url))
    try:
        found = resolve_existing_parents(doc, backend)
    finally:
        backend.close()
    assert found.names == ["users"] and [t["name"] for t in found.doc["tables"]] == ["logins", "users"]
    rows = found.fixed["users"]
    assert rows.column_names == ["uid", "joined", "left_at", "score", "active", "note"]
    assert rows.schema.field("joined").type == pa.timestamp("s") and rows.schema.field("score").type == pa.float64()
    assert rows.column("uid").to_pylist() == sorted(str(u) for u in uids)  # key order, as text
    by_uid = dict(zip(rows.column("uid").to_pylist(), range(rows.num_rows)))
    first = by_uid[str(uids[0])]
    assert rows.column("joined")[first].as_py() == dt.datetime(2024, 1, 1, 10, 0, 1)  # after: rounded up
    assert rows.column("left_at")[first].as_py() == dt.datetime(2024, 6, 1, 10, 0, 0)  # before: down, in UTC
    assert rows.column("score").to_pylist()[by_uid[str(uids[2])]] == 2.5
    assert rows.column("note").null_count == rows.num_rows
    stand_in = {f["name"]: f for f in found.doc["tables"][1]["fields"]}
    assert stand_in["uid"]["type"] == "uuid" and stand_in["joined"]["type"] == "datetime"
    assert stand_in["score"]["constraints"] == {"min_value": 0.0, "max_value": 5.0}

    stored, given = split_given_rows(embed_given_rows(found))  # what a job keeps, and compiles from
    assert stored == found.doc and given["users"].equals(rows)


def test_max_rows_caps_the_parent_rows_read_from_a_sqlite_target(tmp_path):
    import sqlite3

    import pytest

    from src.databases.targets import TargetError

    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE accounts (a INT, b TEXT, tier TEXT, PRIMARY KEY (a, b))")
        conn.executemany("INSERT INTO accounts VALUES (?, ?, ?)", [(i % 4, f"k{i}", "gold") for i in range(12)])
    doc = {"tables": [{"name": "notes", "rows": 30, "foreign_keys": [{"columns": ["a", "b"], "references": "accounts"}],
                       "fields": [{"name": "a", "type": "reference", "constraints": {"references": "accounts.a"}},
                                  {"name": "b", "type": "reference", "constraints": {"references": "accounts.b"}},
                                  {"name": "x", "type": "integer", "constraints": {"when": "accounts.tier = 'gold'"}}]}]}
    backend = open_backend(parse_target(f"sqlite:///{path}"))
    try:
        assert resolve_existing_parents(doc, backend, max_rows=12).fixed["accounts"].num_rows == 12
        assert resolve_existing_parents(doc, backend).fixed["accounts"].num_rows == 12  # the CLI: no cap
        with pytest.raises(TargetError, match=r"table 'accounts' in the target has more than 11 rows with \(a, b\) "
                                              r"set.*MAX_TARGET_PARENT_ROWS=11"):
            resolve_existing_parents(doc, backend, max_rows=11)
    finally:
        backend.close()
