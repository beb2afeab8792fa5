"""Expressions against Python row by row (hypothesis), and a million rows exactly."""

from __future__ import annotations

import math
import operator

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from src.engine.expressions import parse_expression




# --- properties ------------------------------------------------------------------------------

ints = st.one_of(st.none(), st.integers(-10**9, 10**9))
floats = st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False))


def python_arithmetic(op: str, a, b):
    if a is None or b is None:
        return None
    if op in "/%" and b == 0:
        return None
    return {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
            "%": operator.mod}[op](a, b)


@settings(max_examples=60, deadline=None)
@given(op=st.sampled_from("+-*/%"),
       rows=st.lists(st.tuples(ints, st.one_of(ints, floats)), min_size=1, max_size=40))
def test_arithmetic_matches_python_row_by_row(op, rows):
    a = pa.array([r[0] for r in rows], pa.int64())
    right = [r[1] for r in rows]
    is_float = any(isinstance(v, float) for v in right)
    b = pa.array(right, pa.float64() if is_float else pa.int64())
    result = parse_expression(f"a {op} b").evaluate({"a": a, "b": b}, len(rows))
    expected_type = pa.float64() if is_float or op == "/" else pa.int64()
    assert result.type == expected_type
    for got, (x, y) in zip(result.to_pylist(), rows):
        want = python_arithmetic(op, x, float(y) if is_float and y is not None else y)
        if want is None:
            assert got is None
        else:
            assert got == pytest.approx(want, rel=1e-12, abs=1e-9)
            assert type(got) is type(want)


@settings(max_examples=60, deadline=None)
@given(values=st.lists(st.one_of(st.none(), st.floats(-1e9, 1e9, allow_nan=False)), min_size=1,
                       max_size=50),
       digits=st.integers(0, 6))
def test_round_gives_the_nearest_decimal_exactly_representable(values, digits):
    result = parse_expression(f"round(x, {digits})").evaluate({"x": pa.array(values, pa.float64())},
                                                             len(values)).to_pylist()
    step = 10.0 ** -digits
    for got, x in zip(result, values):
        if x is None:
            assert got is None
            continue
        assert got == float(f"{got:.{digits}f}")  # exactly the double nearest k / 10**digits
        assert abs(got - x) <= step / 2 + abs(x) * 1e-15
        scaled = abs(x) * 10**digits
        if abs(scaled - math.floor(scaled) - 0.5) > 1e-6:  # away from ties both rules agree
            assert got == round(x, digits)


bools = st.sampled_from([True, False, None])


def kleene_and(a, b):
    if a is False or b is False:
        return False
    if a is None or b is None:
        return None
    return True


def kleene_or(a, b):
    if a is True or b is True:
        return True
    if a is None or b is None:
        return None
    return False


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(bools, bools), min_size=1, max_size=20))
def test_three_valued_logic(rows):
    columns = {"p": pa.array([r[0] for r in rows], pa.bool_()), "q": pa.array([r[1] for r in rows], pa.bool_())}
    n = len(rows)
    both = parse_expression("p AND q").evaluate(columns, n).to_pylist()
    either = parse_expression("p OR q").evaluate(columns, n).to_pylist()
    negated = parse_expression("NOT p").evaluate(columns, n).to_pylist()
    assert both == [kleene_and(a, b) for a, b in rows]
    assert either == [kleene_or(a, b) for a, b in rows]
    assert negated == [None if a is None else not a for a, _ in rows]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(ints, ints), min_size=1, max_size=30),
       op=st.sampled_from(["=", "!=", "<", "<=", ">", ">="]))
def test_comparisons_match_python_and_propagate_nulls(rows, op):
    columns = {"a": pa.array([r[0] for r in rows], pa.int64()), "b": pa.array([r[1] for r in rows], pa.int64())}
    result = parse_expression(f"a {op} b").evaluate(columns, len(rows)).to_pylist()
    python_op = {"=": "__eq__", "!=": "__ne__", "<": "__lt__", "<=": "__le__", ">": "__gt__", ">=": "__ge__"}[op]
    expected = [None if x is None or y is None else getattr(x, python_op)(y) for x, y in rows]
    assert result == expected


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(ints, ints), min_size=1, max_size=30))
def test_null_propagates_through_nested_arithmetic_and_functions(rows):
    columns = {"a": pa.array([r[0] for r in rows], pa.int64()), "b": pa.array([r[1] for r in rows], pa.int64())}
    result = parse_expression("abs(a - b) + greatest(a, b) * 2").evaluate(columns, len(rows)).to_pylist()
    expected = [None if x is None or y is None else abs(x - y) + max(x, y) * 2 for x, y in rows]
    assert result == expected


# --- a million rows --------------------------------------------------------------------------

def test_round_of_product_on_a_million_rows_matches_decimal_rounding():
    """Correctness at scale (speed is measured by bench/bench_primitives.py, not asserted here)."""
    rng = np.random.default_rng(1)
    quantity = rng.integers(1, 100, 1_000_000)
    unit_price = np.round(rng.random(1_000_000) * 100, 3)
    unit_price[::1000] = np.nan  # nulls every 1,000 rows
    columns = {"quantity": pa.array(quantity), "unit_price": pa.array(unit_price, from_pandas=True)}
    result = parse_expression("round(quantity * unit_price, 2)").evaluate(columns, 1_000_000)
    assert result.type == pa.float64() and len(result) == 1_000_000 and result.null_count == 1000
    got = result.to_numpy(zero_copy_only=False)
    product = quantity * unit_price
    valid = ~np.isnan(product)
    scaled = np.abs(product[valid]) * 100
    expected = np.copysign(np.floor(scaled) + ((scaled - np.floor(scaled)) >= 0.5), product[valid]) / 100
    assert np.array_equal(got[valid], expected)
    assert np.all(np.abs(got[valid] - product[valid]) <= 0.005 + 1e-9)
    sample = np.flatnonzero(valid)[::9973]
    assert all(got[i] == float(f"{got[i]:.2f}") for i in sample)  # the double nearest k / 100
