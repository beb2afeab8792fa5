"""DDL: a one-sided CHECK keeps the meaning's spread; a constant DEFAULT is the most frequent value."""

from __future__ import annotations

import statistics

import pytest

from src.engine import compile_schema
from src.importers.ddl import import_ddl

ROWS = 20_000


def _rows(ddl: str, dialect: str = "postgres") -> tuple[dict, dict[str, list]]:
    result = import_ddl(ddl, dialect)
    (table,) = result.document["tables"]
    batch = compile_schema({"fields": table["fields"]}, seed=9).generate_chunk(0, ROWS)
    return {f["name"]: f for f in table["fields"]}, {n: batch.column(n).to_pylist() for n in batch.schema.names}


@pytest.mark.parametrize("dialect,amount_type", [("postgres", "NUMERIC(10,2)"), ("mysql", "DECIMAL(12,2)"),
                                                 ("sqlite", "NUMERIC(10,2)")])
def test_one_sided_checks_keep_the_meanings_distribution(dialect, amount_type):
    ddl = (f"CREATE TABLE orders (id INTEGER PRIMARY KEY, total_amount {amount_type} NOT NULL "
           "CHECK (total_amount >= 0), unit_price NUMERIC(8,2) CHECK (unit_price > 0), "
           "quantity INTEGER NOT NULL CHECK (quantity > 0), weight_kg NUMERIC(6,1) CHECK (weight_kg <= 500))")
    fields, rows = _rows(ddl, dialect)
    amounts = rows["total_amount"]
    assert min(amounts) >= 0 and max(amounts) <= 99_999_999.99
    # lognormal, not uniform over 0-10000: the median sits far below the mean of a uniform range
    assert statistics.median(amounts) < 500 and sum(a < 200 for a in amounts) > ROWS / 2
    prices = [p for p in rows["unit_price"] if p is not None]
    assert min(prices) >= 0.01 and statistics.median(prices) < 200
    quantities = rows["quantity"]
    assert min(quantities) >= 1 and max(quantities) <= 30
    assert sum(q <= 3 for q in quantities) > ROWS / 2  # small and skewed
    weights = [w for w in rows["weight_kg"] if w is not None]
    assert max(weights) <= 500
    assert fields["total_amount"]["constraints"]["distribution"]["kind"] == "lognormal"


def test_a_check_far_from_the_meaning_stays_a_plain_range():
    fields, rows = _rows("CREATE TABLE t (id INTEGER PRIMARY KEY, amount NUMERIC(12,2) CHECK (amount >= 1000000))")
    assert "distribution" not in fields["amount"]["constraints"]
    assert min(a for a in rows["amount"] if a is not None) >= 1_000_000


def test_a_constant_default_is_the_most_frequent_value():
    ddl = ("CREATE TABLE orders (id INTEGER PRIMARY KEY, "
           "discount NUMERIC(5,2) NOT NULL DEFAULT 0 CHECK (discount >= 0 AND discount <= 50), "
           "status VARCHAR(20) NOT NULL DEFAULT 'pending' CHECK (status IN ('paid', 'pending', 'shipped')), "
           "gift BOOLEAN NOT NULL DEFAULT FALSE, express BOOLEAN DEFAULT TRUE, "
           "retries INTEGER NOT NULL DEFAULT 3 CHECK (retries >= 0), "
           "fee NUMERIC(6,2) DEFAULT 5 CHECK (fee > 10))")
    fields, rows = _rows(ddl)
    share = {name: sum(v == default for v in rows[name]) / sum(v is not None for v in rows[name])
             for name, default in (("discount", 0), ("status", "pending"), ("gift", False), ("express", True),
                                   ("retries", 3))}
    assert all(0.55 < s < 0.65 for s in share.values()), share
    discounts = rows["discount"]
    assert min(discounts) >= 0 and max(discounts) <= 50 and len(set(discounts)) > 10
    assert {"paid", "shipped"} <= set(rows["status"])
    assert sum(rows["gift"]) > ROWS * 0.3  # the others are true
    fees = [f for f in rows["fee"] if f is not None]
    assert min(fees) > 10  # DEFAULT 5 breaks the CHECK: not made frequent
    assert "enum_values" not in fields["fee"].get("constraints", {})
