"""The SQL front end of expressions (src/engine/expressions/): sqlglot in the project dialect, the
allow-list, the raw-text bounds, and DDL conditions written back in the engine's dialect."""

from __future__ import annotations

import threading

import pyarrow as pa
import pytest
import sqlglot

from src.engine import compile_schema
from src.engine.expressions import MAX_LENGTH, MAX_NESTING, ExpressionError, parse_expression, render_sql
from src.engine.expressions.function_types import FUNCTION_TYPES
from src.engine.expressions.functions import SIGNATURES
from src.engine.expressions.kernels import KERNELS
from src.errors import SchemaValidationError


def evaluate(text: str, **columns: list) -> list:
    arrays = {name: pa.array(values) for name, values in columns.items()}
    return parse_expression(text).evaluate(arrays, len(next(iter(arrays.values())))).to_pylist()


def test_every_allowed_function_has_a_type_rule_and_a_kernel():
    assert set(SIGNATURES) == set(FUNCTION_TYPES) == set(KERNELS)


@pytest.mark.parametrize(("text", "construct"), [
    ("a LIKE 'x%'", "LIKE"), ("cast(a as int)", "AS"), ("a IN (SELECT 1)", "SELECT"),
    ("d + INTERVAL '1 day'", "INTERVAL"), ("(a, b)", "a bracketed list"), ("count(*)", "'*'"),
    ("x.y.z", "table.field"), ("a ; b", "';'"), ("a::int", "':'"), ("a[1]", "'['"),
    ("extract(year from d)", "FROM"), ("a IS TRUE", "expected NULL after IS"), ("sum(a)", "unknown function 'sum'"),
])
def test_sql_outside_the_allow_list_is_refused_naming_the_construct(text, construct):
    with pytest.raises(ExpressionError) as caught:
        parse_expression(text)
    assert construct in str(caught.value)


def test_an_unsupported_construct_is_a_schema_problem_naming_field_and_construct():
    doc = {"fields": [{"name": "a", "type": "string"},
                      {"name": "b", "type": "boolean", "constraints": {"when": "a LIKE 'x%'"}}]}
    with pytest.raises(SchemaValidationError) as caught:
        compile_schema(doc, seed=1)
    problem = caught.value.problems[0]
    assert problem.loc == "fields[1].constraints.when" and "LIKE is not allowed" in problem.message


def test_only_the_expression_keywords_are_reserved():
    """Fields named like SQL keywords (date, year, order, select, left) read as columns, as before."""
    assert evaluate("order + left * year", order=[1], left=[2], year=[3]) == [7]
    assert evaluate("select || date", select=["a"], date=["b"]) == ["ab"]


def test_today_quoting_and_operators_keep_their_meaning():
    assert evaluate("a --b", a=[5], b=[2]) == [7]  # no comments: minus minus, as it always was
    assert evaluate("\"it\"\"s\" || 'it''s' || `x y`", **{"x y": ["!"]}) == ["it\"sit's!"]
    assert evaluate("a == 1 AND a <> 2 AND a != 3", a=[1]) == [True]
    assert evaluate("`t`.f + t.f", **{"t.f": [2]}) == [4]


def test_raw_text_bounds_come_before_parsing():
    with pytest.raises(ExpressionError, match="longer than"):
        parse_expression("a + " * (MAX_LENGTH // 4) + "a")
    with pytest.raises(ExpressionError, match="nests more than"):
        parse_expression("abs(" * (MAX_NESTING + 1) + "a" + ")" * (MAX_NESTING + 1))
    # brackets inside quotes are text, not nesting
    assert evaluate("a || '" + "(" * 200 + "'", a=["x"]) == ["x" + "(" * 200]
    with pytest.raises(ExpressionError, match="unterminated string"):
        parse_expression("a = 'it''")


def _nested_calls() -> str:
    return "abs(" * (MAX_NESTING - 1) + "a" + ")" * (MAX_NESTING - 1)


def test_the_deepest_allowed_nesting_parses_from_a_deep_caller_stack():
    """sqlglot recurses ~25 frames a level: a caller already deep in its stack still gets an answer."""
    outcome = []

    def descend(levels: int, tail: str) -> None:
        if levels:
            descend(levels - 1, tail)
        else:
            outcome.append(parse_expression(_nested_calls() + tail))  # a new text: not cached

    descend(850, " + 0")
    thread = threading.Thread(target=descend, args=(850, " - 0"))
    thread.start()
    thread.join()
    assert [e.evaluate({"a": pa.array([-3])}, 1).to_pylist() for e in outcome] == [[3], [3]]


def test_ddl_conditions_are_written_in_the_engine_dialect():
    """A CHECK read in the DDL's own dialect: a quoted column stays a column (not a string)."""
    check = sqlglot.parse_one('"Order Status" = \'it\'\'s\' AND "total" > 0', read="postgres")
    text = render_sql(check)
    assert text == "`Order Status` = 'it''s' AND total > 0"
    assert parse_expression(text).referenced_fields() == {"Order Status", "total"}
