"""Unique values come from a keyed permutation, not the row order; a condition that is null is not
true (SQL), so `when` gives null on rows where it reads a null."""

from __future__ import annotations

import pytest

from tests.engine.conftest import generate


def ascending_share(values: list) -> float:
    """Share of neighbouring pairs that go up: ~0.5 for a shuffled column, 1.0 in row order."""
    pairs = list(zip(values, values[1:]))
    return sum(b > a for a, b in pairs) / len(pairs)


@pytest.mark.parametrize("constraints", [
    {"min_value": 1, "max_value": 2000, "unique": True},
    {"min_value": 1, "max_value": 10**9, "unique": True},
    {"min_value": 0, "max_value": 10**6, "step": "5", "unique": True},
])
def test_unique_integers_are_not_in_row_order(constraints):
    values = generate([{"name": "n", "type": "integer", "constraints": constraints}], rows=2000)["n"]
    assert len(set(values)) == 2000
    assert 0.4 < ascending_share(values) < 0.6
    assert values[:3] != [constraints["min_value"] + i * int(constraints.get("step", 1)) for i in range(3)]


@pytest.mark.parametrize("pattern", [r"INV-\d{6}", r"[A-Z]{2}\d{3}", r"ORD-\d{2,8}"])
def test_unique_codes_are_not_in_row_order(pattern):
    values = generate([{"name": "c", "type": "code", "constraints": {"pattern": pattern, "unique": True}}],
                      rows=2000)["c"]
    assert len(set(values)) == 2000
    assert 0.4 < ascending_share(values) < 0.6
    assert values[:2] != ["INV-000000", "INV-000001"]


def test_unique_values_stay_shuffled_in_a_later_chunk():
    values = generate([{"name": "c", "type": "code", "constraints": {"pattern": r"INV-\d{6}", "unique": True}}],
                      rows=2000, start=500_000)["c"]
    assert 0.4 < ascending_share(values) < 0.6


def _when_rows(condition: str) -> list[tuple]:
    cols = generate([{"name": "a", "type": "integer",
                      "constraints": {"min_value": -10, "max_value": 10, "nullable": True, "null_probability": 0.4}},
                     {"name": "b", "type": "integer", "constraints": {"min_value": 1, "max_value": 9,
                                                                       "when": condition}}], rows=3000)
    return list(zip(cols["a"], cols["b"]))


def test_when_over_a_null_value_gives_null():
    rows = _when_rows("a > 0")
    assert sum(a is None for a, _ in rows) > 900
    for a, b in rows:
        assert (b is not None) == (a is not None and a > 0), (a, b)


def test_when_with_not_over_a_null_value_still_gives_null():
    """NOT of an unknown is unknown: the value stays null where `a` is null."""
    for a, b in _when_rows("NOT (a > 0)"):
        assert (b is not None) == (a is not None and a <= 0), (a, b)


def test_when_that_tests_for_null_keeps_the_value_there():
    for a, b in _when_rows("a IS NULL OR a > 5"):
        assert (b is not None) == (a is None or a > 5), (a, b)
