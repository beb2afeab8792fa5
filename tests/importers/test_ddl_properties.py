"""Random single-table DDL with random CHECKs (comparisons, BETWEEN, IN, IS [NOT] NULL, AND/OR/NOT,
orderings between columns): whenever the importer reports nothing it could not honour, 2000 rows
generated from its schema load into SQLite with every CHECK on."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

from src.engine import compile_schema
from src.importers.ddl import import_ddl

SEEDS = range(120)
ROWS = 2000


def sqlite_value(v):
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, dt.datetime):
        return v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


NUMERIC_TYPES = ("INTEGER", "NUMERIC(8,2)", "REAL")
TYPES = NUMERIC_TYPES + ("DATE", "TEXT")


def random_ddl(rng: random.Random) -> str:
    """CREATE TABLE t with 2-5 typed columns and 1-4 random CHECKs."""
    columns = [(f"c{i}", rng.choice(TYPES)) for i in range(rng.randint(2, 5))]
    defs = [f"{name} {sql_type}{' NOT NULL' if rng.random() < 0.5 else ''}" for name, sql_type in columns]

    def constant(sql_type: str) -> str:
        if sql_type == "DATE":
            return f"'{dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2000))}'"
        if sql_type == "TEXT":
            return f"'{rng.choice('abcd')}'"
        if sql_type == "INTEGER":
            return str(rng.randint(-50, 50))
        return f"{rng.uniform(-50, 50):.2f}"

    def atom(name: str, sql_type: str) -> str:
        k = rng.random()
        if sql_type == "TEXT":
            values = ", ".join(constant(sql_type) for _ in range(rng.randint(1, 3)))
            return f"{name} IN ({values})" if k < 0.7 else f"{name} = {constant(sql_type)}"
        if k < 0.3:
            return f"{name} {rng.choice(['>', '>=', '<', '<=', '<>'])} {constant(sql_type)}"
        if k < 0.5:
            low, high = sorted([constant(sql_type), constant(sql_type)],
                               key=(lambda v: v) if sql_type == "DATE" else float)
            return f"{name} BETWEEN {low} AND {high}"
        if k < 0.6:
            return f"{name} IS NULL"
        if k < 0.7:
            return f"{name} IS NOT NULL"
        if k < 0.8:
            return f"{name} IN ({', '.join(constant(sql_type) for _ in range(3))})"
        same_kind = [other for other, t in columns if other != name and (
            t == sql_type or (t in NUMERIC_TYPES and sql_type in NUMERIC_TYPES))]
        if same_kind:
            return f"{name} {rng.choice(['>', '>=', '<', '<='])} {rng.choice(same_kind)}"
        return f"{name} > {constant(sql_type)}"

    def condition(depth: int = 0) -> str:
        name, sql_type = rng.choice(columns)
        if depth < 2 and rng.random() < 0.4:
            return f"({condition(depth + 1)} {rng.choice(['AND', 'OR'])} {condition(depth + 1)})"
        if depth < 2 and rng.random() < 0.1:
            return f"NOT ({condition(depth + 1)})"
        return atom(name, sql_type)

    checks = [f"CHECK ({condition()})" for _ in range(rng.randint(1, 4))]
    return "CREATE TABLE t (" + ", ".join(defs + checks) + ")"


def test_random_checks_hold_on_every_row_or_are_reported():
    honoured = 0
    for seed in SEEDS:
        rng = random.Random(seed)
        ddl = random_ddl(rng)
        result = import_ddl(ddl, "sqlite")
        if result.warnings:
            continue
        honoured += 1
        (table,) = result.document["tables"]
        batch = compile_schema({"fields": table["fields"]}, seed=seed).generate_chunk(0, ROWS)
        connection = sqlite3.connect(":memory:")
        connection.execute(ddl)
        names = batch.schema.names
        rows = [tuple(sqlite_value(row[n]) for n in names) for row in batch.to_pylist()]
        try:
            with connection:
                connection.executemany(f"INSERT INTO t ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                                       rows)
        except sqlite3.IntegrityError as err:
            raise AssertionError(f"seed {seed}: {ddl}\n{table['fields']}\n{err}") from None
        assert connection.execute("SELECT count(*) FROM t").fetchone()[0] == ROWS
    assert honoured >= len(SEEDS) // 5  # most random DDLs are fully honoured, not skipped
