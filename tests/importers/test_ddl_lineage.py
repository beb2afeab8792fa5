"""DDL: a child's dates come after its parent row's creation date, on every generated row."""

from __future__ import annotations

import datetime as dt

import pytest

from src.engine.relational import compile_relational
from src.importers.ddl import import_ddl


def _tables(ddl: str, dialect: str = "postgres", rows: int = 400) -> tuple[dict, dict, list[str]]:
    result = import_ddl(ddl, dialect)
    plan = compile_relational(result.document, seed=5, root_rows=rows)
    data = {name: t.generate_chunk(0, t.rows).to_pylist() for name, t in plan.tables.items()}
    return result.document, data, result.warnings


def _moment(value) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())


CASES = [
    ("customers", "customer_id", "created_at TIMESTAMP NOT NULL DEFAULT now()", "created_at",
     "orders", "created_at TIMESTAMP NOT NULL, shipped_on DATE"),
    ("users", "user_id", "signup_date DATE NOT NULL", "signup_date",
     "sessions", "started_at TIMESTAMP, ended_at TIMESTAMP, CHECK (ended_at >= started_at)"),
    ("accounts", "account_id", "registered_on DATE, name VARCHAR(40)", "registered_on",
     "payments", "paid_at TIMESTAMP NOT NULL, booked_on DATE NOT NULL"),
    ("members", "member_id", "birth_date DATE, joined_at TIMESTAMP NOT NULL", "joined_at",
     "visits", "visit_date DATE NOT NULL"),
]


@pytest.mark.parametrize("parent,key,parent_cols,created,child,child_cols", CASES)
def test_child_dates_follow_the_parent_rows_creation(parent, key, parent_cols, created, child, child_cols):
    ddl = (f"CREATE TABLE {parent} ({key} SERIAL PRIMARY KEY, {parent_cols});\n"
           f"CREATE TABLE {child} (id SERIAL PRIMARY KEY, {key} INTEGER NOT NULL REFERENCES {parent}({key}), "
           f"{child_cols});")
    document, data, warnings = _tables(ddl)
    assert not any("may come before" in w or "not ordered after" in w for w in warnings), warnings
    parents = {row[key]: row for row in data[parent]}
    child_fields = [f for t in document["tables"] if t["name"] == child for f in t["fields"]]
    dates = [f["name"] for f in child_fields if f["type"] in ("date", "datetime")]
    assert any(f["constraints"].get("after") == f"{parent}.{created}" for f in child_fields)
    checked = 0
    for row in data[child]:
        born = parents[row[key]][created]
        for name in dates:
            if row[name] is not None and born is not None:
                assert _moment(row[name]) >= _moment(born).replace(hour=0, minute=0, second=0) \
                    if isinstance(row[name], dt.date) and not isinstance(row[name], dt.datetime) \
                    else _moment(row[name]) >= _moment(born), (name, row, born)
                checked += 1
    assert checked > 500
    # The child's dates spread between the parent's date and now, not piled on the parent's.
    first = dates[0]
    gaps = [(_moment(r[first]) - _moment(parents[r[key]][created])).days for r in data[child]
            if r[first] and parents[r[key]][created]]
    assert max(gaps) > 30


def test_a_parent_without_a_creation_date_and_a_birth_date_are_left_alone():
    ddl = ("CREATE TABLE people (id SERIAL PRIMARY KEY, birth_date DATE);\n"
           "CREATE TABLE loans (id SERIAL PRIMARY KEY, person_id INTEGER REFERENCES people(id), due_on DATE);")
    document, _, warnings = _tables(ddl)
    loans = next(t for t in document["tables"] if t["name"] == "loans")
    assert "after" not in next(f for f in loans["fields"] if f["name"] == "due_on").get("constraints", {})
    assert not any("after" in f.get("constraints", {}) for t in document["tables"] for f in t["fields"])
