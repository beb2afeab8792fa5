"""Expressions on examples, operators, functions and column types (src.engine.expressions)."""

from __future__ import annotations

from datetime import date, datetime

import pyarrow as pa
import pytest

from src.engine.expressions import Expression, ExpressionError, parse_expression


from tests.engine.expression_helpers import evaluate


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
