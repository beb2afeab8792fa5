"""Tests for src.engine.expressions: parsing, typing, vectorized evaluation and error messages."""

from __future__ import annotations

import math
import operator
from datetime import date, datetime

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from src.engine.expressions import Expression, ExpressionError, parse_expression


def evaluate(text: str, **columns: list | pa.Array) -> list:
    arrays = {name: values if isinstance(values, (pa.Array, pa.ChunkedArray)) else pa.array(values)
              for name, values in columns.items()}
    n_rows = len(next(iter(arrays.values()))) if arrays else 3
    result = parse_expression(text).evaluate(arrays, n_rows)
    assert len(result) == n_rows
    return result.to_pylist()


# --- examples from the schema documents ------------------------------------------------------

def test_product_of_two_columns_keeps_int_and_promotes_float():
    assert evaluate("quantity * unit_price", quantity=[2, 3], unit_price=[1.5, 2.0]) == [3.0, 6.0]
    result = parse_expression("quantity * units").evaluate(
        {"quantity": pa.array([2, 3]), "units": pa.array([4, 5])}, 2)
    assert result.type == pa.int64() and result.to_pylist() == [8, 15]


def test_round_of_a_product():
    assert evaluate("round(quantity * unit_price, 2)", quantity=[3, 1], unit_price=[0.335, 2.0049]) \
        == [1.01, 2.0]


def test_case_when_tiers():
    text = "CASE WHEN amount > 1000 THEN 'high' WHEN amount > 100 THEN 'medium' ELSE 'low' END"
    assert evaluate(text, amount=[5000.0, 500.0, 5.0, None]) == ["high", "medium", "low", "low"]


def test_case_without_else_gives_null():
    assert evaluate("CASE WHEN x > 1 THEN 'big' END", x=[2, 0]) == ["big", None]


def test_simple_case_form_compares_the_subject():
    text = "case status when 'a' then 1 when 'b' then 2 else 0 end"
    assert evaluate(text, status=["a", "b", "c", None]) == [1, 2, 0, 0]


def test_equality_condition():
    assert evaluate("transaction_type = 'payment'", transaction_type=["payment", "refund", None]) \
        == [True, False, None]


def test_in_list_and_condition():
    text = "status IN ('shipped', 'delivered') AND total > 0"
    assert evaluate(text, status=["shipped", "delivered", "new", "shipped", None],
                    total=[1.0, 0.0, 5.0, None, 3.0]) == [True, False, False, None, None]


def test_date_comparison_between_columns():
    admission = pa.array([date(2024, 1, 1), date(2024, 3, 1), None])
    discharge = pa.array([date(2024, 1, 5), date(2024, 2, 1), date(2024, 1, 1)])
    assert evaluate("discharge_date >= admission_date", discharge_date=discharge,
                    admission_date=admission) == [True, False, None]


# --- operators -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("1 + 2 * 3", 7),
    ("(1 + 2) * 3", 9),
    ("10 - 4 - 3", 3),
    ("-2 * -3", 6),
    ("- (2 + 3)", -5),
    ("7 / 2", 3.5),
    ("7 % 3", 1),
    ("-7 % 3", 2),
    ("7.5 % 2", 1.5),
    ("1 / 0", None),
    ("5 % 0", None),
    ("2 + 0.5", 2.5),
    ("1e3 + .5", 1000.5),
    ("'a' || 'b' || 1", "ab1"),
    ("'a' || NULL", None),
    ("NOT TRUE", False),
    ("NOT NULL", None),
    ("TRUE AND NULL", None),
    ("FALSE AND NULL", False),
    ("TRUE OR NULL", True),
    ("FALSE OR NULL", None),
    ("1 = 1.0", True),
    ("1 == 2", False),
    ("1 <> 2", True),
    ("1 != 1", False),
    ("'abc' < 'abd'", True),
    ("2 >= 2 AND 3 > 2 and 1 <= 1 AND 0 < 1", True),
    ("NULL = NULL", None),
    ("NULL IS NULL", True),
    ("1 IS NOT NULL", True),
    ("3 BETWEEN 1 AND 3", True),
    ("4 NOT BETWEEN 1 AND 3", True),
    ("2 IN (1, 2)", True),
    ("3 NOT IN (1, 2)", True),
    ("3 IN (1, NULL)", None),
    ("1 IN (1, NULL)", True),
    ("'it''s'", "it's"),
    ("\"double\"", "double"),
    ("not 1 = 2", True),
])
def test_operator_results_on_constants(text, expected):
    assert evaluate(text, unused=[0]) == [expected]


def test_constant_expression_is_repeated_for_every_row():
    result = parse_expression("1 + 2").evaluate({}, 4)
    assert result.to_pylist() == [3, 3, 3, 3] and result.type == pa.int64()


def test_keywords_are_case_insensitive():
    assert evaluate("x between 1 And 5 oR X iS nUlL", x=[3, 9, None], X=[1, 1, None]) == [True, False, True]


def test_backtick_identifier_allows_keywords_and_spaces():
    assert evaluate("`end` + `unit price`", **{"end": [1], "unit price": [2]}) == [3]


def test_concat_skips_nulls_but_pipe_operator_does_not():
    assert evaluate("concat(a, '-', b)", a=["x", None], b=[1, 2]) == ["x-1", "-2"]
    assert evaluate("a || '-' || b", a=["x", None], b=[1, 2]) == ["x-1", None]


def test_in_list_with_non_constant_items():
    assert evaluate("a IN (b, 5)", a=[1, 5, 2, None], b=[1, 0, None, 1]) == [True, True, None, None]


def test_not_in_with_null_operand_is_null():
    assert evaluate("s NOT IN ('a', 'b')", s=["a", "c", None]) == [False, True, None]


def test_integer_overflow_is_an_error_not_a_wrap():
    with pytest.raises(ExpressionError, match="overflow"):
        evaluate("a * 4", a=[2**62])


# --- functions -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("round(2.5)", 3.0),
    ("round(-2.5)", -3.0),
    ("round(1.2345, 2)", 1.23),
    ("round(-1.235, 1)", -1.2),
    ("round(1234.5, -2)", 1200.0),
    ("round(1250, -2)", 1300),
    ("round(7, 2)", 7),
    ("abs(-3)", 3),
    ("abs(-3.5)", 3.5),
    ("floor(2.7)", 2.0),
    ("ceil(2.1)", 3.0),
    ("ceiling(-2.1)", -2.0),
    ("floor(5)", 5),
    ("sqrt(16)", 4.0),
    ("sqrt(-1)", None),
    ("pow(2, 10)", 1024.0),
    ("power(4, 0.5)", 2.0),
    ("exp(0)", 1.0),
    ("ln(1)", 0.0),
    ("log(0)", None),
    ("least(3, 1, 2)", 1),
    ("min(3, 1.5)", 1.5),
    ("greatest(3, 1, 2)", 3),
    ("max('a', 'b')", "b"),
    ("greatest(1, NULL)", None),
    ("coalesce(NULL, NULL, 3)", 3),
    ("coalesce(NULL, 2.5, 3)", 2.5),
    ("concat('a', 1, true)", "a1true"),
    ("upper('abc')", "ABC"),
    ("lower('ÄBC')", "äbc"),
    ("length('héllo')", 5),
    ("substr('hello', 2, 3)", "ell"),
    ("substr('hello', 2)", "ello"),
    ("substring('hello', -3)", "llo"),
    ("substr('hello', -3, 2)", "ll"),
    ("IF(1 > 2, 'yes', 'no')", "no"),
    ("if(NULL, 1, 2)", 2),
])
def test_function_results_on_constants(text, expected):
    assert evaluate(text, unused=[0]) == [expected]


def test_date_functions():
    days = pa.array([date(2024, 2, 27), None])
    later = pa.array([date(2024, 3, 2), date(2024, 1, 1)])
    assert evaluate("date_add(d, 3)", d=days) == [date(2024, 3, 1), None]
    assert evaluate("date_add(d, -60)", d=days) == [date(2023, 12, 29), None]
    assert evaluate("days_between(a, b)", a=days, b=later) == [4, None]
    assert evaluate("year(d) * 10000 + month(d) * 100 + day(d)", d=days) == [20240227, None]


def test_timestamp_functions_and_comparison_with_a_date_literal():
    moments = pa.array([datetime(2024, 1, 31, 23, 30), datetime(2023, 6, 1, 8)], pa.timestamp("us"))
    assert evaluate("date_add(t, 1)", t=moments) == [datetime(2024, 2, 1, 23, 30), datetime(2023, 6, 2, 8)]
    assert evaluate("t >= '2024-01-01'", t=moments) == [True, False]
    assert evaluate("month(t)", t=moments) == [1, 6]
    assert evaluate("days_between(t, date_add(t, 3))", t=moments) == [3, 3]
    assert evaluate("d < t", d=pa.array([date(2024, 1, 31), date(2023, 6, 2)]), t=moments) == [True, False]


def test_date_compared_with_string_literal():
    days = pa.array([date(2024, 1, 1), date(2025, 1, 1)])
    assert evaluate("d BETWEEN '2024-01-01' AND '2024-12-31'", d=days) == [True, False]
    assert evaluate("d IN ('2025-01-01')", d=days) == [False, True]


# --- column types ----------------------------------------------------------------------------

def test_narrow_and_chunked_columns_are_normalized():
    narrow = pa.array([1, 2], pa.int16())
    chunked = pa.chunked_array([[1.5], [2.5]], pa.float32())
    result = parse_expression("a + b").evaluate({"a": narrow, "b": chunked}, 2)
    assert result.type == pa.float64() and result.to_pylist() == [2.5, 4.5]


def test_dictionary_column_compares_as_string():
    status = pa.array(["x", "y", "x"]).dictionary_encode()
    assert evaluate("s = 'x'", s=status) == [True, False, True]


def test_row_count_mismatch_is_reported():
    with pytest.raises(ExpressionError, match="has 2 rows, expected 3"):
        parse_expression("a + 1").evaluate({"a": pa.array([1, 2])}, 3)


# --- types without data ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("qty * price", pa.float64()),
    ("qty * qty", pa.int64()),
    ("qty / qty", pa.float64()),
    ("round(price, 2)", pa.float64()),
    ("name || '!'", pa.string()),
    ("qty > 3 AND name = 'x'", pa.bool_()),
    ("CASE WHEN qty > 1 THEN qty ELSE price END", pa.float64()),
    ("CASE WHEN qty > 1 THEN NULL ELSE 'a' END", pa.string()),
    ("date_add(day, 1)", pa.date32()),
    ("date_add(moment, 1)", pa.timestamp("ms")),
    ("days_between(day, moment)", pa.int64()),
    ("coalesce(day, moment)", pa.timestamp("ms")),
    ("NULL", pa.null()),
    ("length(name)", pa.int64()),
])
def test_inferred_types(text, expected):
    types = {"qty": pa.int32(), "price": pa.float64(), "name": pa.string(), "day": pa.date32(),
             "moment": pa.timestamp("ms")}
    assert parse_expression(text).infer_type(types) == expected


def test_inferred_type_matches_evaluated_type():
    columns = {"qty": pa.array([1, 2], pa.int32()), "day": pa.array([date(2024, 1, 1), None])}
    for text in ("qty * 2", "qty / 2", "date_add(day, qty)", "CASE WHEN qty > 1 THEN 'a' END", "NULL"):
        expression = parse_expression(text)
        result = expression.evaluate(columns, 2)
        assert result.type == expression.infer_type({k: v.type for k, v in columns.items()}), text


@pytest.mark.parametrize(("text", "message"), [
    ("name > 3", "cannot compare string with integer at position 5"),
    ("name + 1", "'+' needs numbers, got string and integer (join strings with || or concat()) at position 5"),
    ("day + 1", "use date_add() or days_between()"),
    ("qty AND TRUE", "AND needs true/false conditions, got integer at position 4"),
    ("NOT qty", "NOT needs a true/false condition, got integer at position 0"),
    ("-name", "unary '-' needs a number, got string at position 0"),
    ("CASE WHEN qty > 1 THEN 'a' ELSE 1 END", "results mix integer and string"),
    ("CASE WHEN qty THEN 1 END", "condition must be true/false, got integer at position 10"),
    ("sqrt(name)", "sqrt() needs a number, got string at position 0"),
    ("upper(qty)", "upper() argument 1 must be a string, got integer"),
    ("date_add(qty, 1)", "date_add() argument 1 must be a date or timestamp, got integer"),
    ("date_add(day, 1.5)", "date_add() argument 2 must be a whole number of days, got float"),
    ("coalesce(qty, name)", "coalesce() arguments mix integer and string"),
    ("missing + 1", "unknown field 'missing' at position 0"),
    ("day > 'not a date'", "'not a date' is not a valid date at position 6"),
    ("qty IN (1, 'a')", "cannot compare integer with string at position 11"),
    ("blob = 1", "field 'blob' has type binary, which expressions cannot use at position 0"),
])
def test_type_errors_name_the_problem_and_position(text, message):
    types = {"qty": pa.int64(), "name": pa.string(), "day": pa.date32(), "blob": pa.binary()}
    with pytest.raises(ExpressionError) as caught:
        parse_expression(text).infer_type(types)
    assert message in str(caught.value)


# --- parse errors ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "message", "position"), [
    ("", "empty expression", 0),
    ("1 +", "expected a value, found end of expression", 3),
    ("(1 + 2", "expected ')' to close '('", 6),
    ("1 2", "expected an operator or the end, found '2'", 2),
    ("a = = b", "expected a value, found '='", 4),
    ("1 < 2 < 3", "comparisons cannot be chained", 6),
    ("'abc", "unterminated string", 0),
    ("`abc", "unterminated identifier", 0),
    ("a # b", "unexpected character '#'", 2),
    ("a && b", "'&&' is not an operator; use AND", 2),
    ("!a", "'!' is not an operator; use NOT", 0),
    ("12abc", "malformed number", 0),
    ("frobnicate(1)", "unknown function 'frobnicate'", 0),
    ("rond(x, 2)", "unknown function 'rond' (did you mean round?)", 0),
    ("__import__('os')", "unknown function '__import__'", 0),
    ("round(1, 2, 3)", "round() takes 1 or 2 arguments, got 3", 0),
    ("abs()", "abs() takes 1 argument, got 0", 0),
    ("least(1)", "least() takes at least 2 arguments, got 1", 0),
    ("if(a, b)", "if() takes 3 arguments", 0),
    ("round(x, y)", "round() argument 2 must be a whole-number constant", 9),
    ("substr(s, 1.5)", "substr() argument 2 must be a whole-number constant", 10),
    ("CASE END", "expected WHEN after CASE, found 'end'", 5),
    ("CASE WHEN a THEN b", "expected END to close CASE, found end of expression", 18),
    ("CASE WHEN a b END", "expected THEN after the WHEN condition, found 'b'", 12),
    ("a BETWEEN 1 OR 2", "expected AND in BETWEEN ... AND ...", 12),
    ("a IN 1, 2", "expected '(' after IN", 5),
    ("a IS 3", "expected NULL after IS", 5),
    ("99999999999999999999", "integer literal does not fit in 64 bits", 0),
    ("1e999", "number literal is too large", 0),
    ("a,", "expected an operator or the end, found ','", 1),
])
def test_parse_errors_name_the_problem_and_position(text, message, position):
    with pytest.raises(ExpressionError) as caught:
        parse_expression(text)
    assert message in str(caught.value)
    assert caught.value.position == position
    assert str(caught.value).endswith(f"at position {position}")


def test_expression_error_is_a_value_error():
    assert issubclass(ExpressionError, ValueError)


# --- API -------------------------------------------------------------------------------------

def test_referenced_fields_lists_every_column_once():
    expression = parse_expression(
        "CASE WHEN a > b THEN round(c, 2) ELSE coalesce(`d e`, a) END || f IN (g) AND h IS NULL")
    assert expression.referenced_fields() == {"a", "b", "c", "d e", "f", "g", "h"}
    assert parse_expression("round(1.5)").referenced_fields() == set()


def test_expression_keeps_its_text():
    expression = parse_expression("a + 1")
    assert isinstance(expression, Expression) and expression.text == "a + 1"


def test_keyword_column_names_need_backticks():
    with pytest.raises(ExpressionError, match="expected a value, found 'end'"):
        parse_expression("end + 1")


def test_function_names_are_not_reserved_as_columns():
    assert evaluate("year + 1", year=[2020]) == [2021]


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
