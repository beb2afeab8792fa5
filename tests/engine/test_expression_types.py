"""Expressions: types inferred without data, and the errors of wrong types and bad syntax."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest

from src.engine.expressions import ExpressionError, parse_expression




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
