"""An expression that some rows would push past 64-bit integers is refused at compile time, whatever the
seed; one that cannot overflow is accepted and then computes on every row."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from src.engine import compile_schema
from src.errors import SchemaValidationError
from tests.input_strategies import rule_documents


def ranged(name: str, low, high, kind: str = "integer") -> dict:
    return {"name": name, "type": kind, "constraints": {"min_value": low, "max_value": high}}


def derived(name: str, expression: str, kind: str = "integer", **more) -> dict:
    return {"name": name, "type": kind, "constraints": {"expression": expression, **more}}


def power(name: str, times: int) -> str:
    return " * ".join([name] * times)


@pytest.mark.parametrize("seed", range(12))
def test_a_product_that_overflows_only_at_the_extremes_is_refused_for_every_seed(seed):
    doc = {"fields": [ranged("a", -5, 5), ranged("c", 0, 1000), derived("out", "c * " + power("a", 24))]}

    with pytest.raises(SchemaValidationError) as caught:
        compile_schema(doc, seed=seed)

    [problem] = caught.value.problems
    assert problem.loc == "fields[2].constraints.expression"
    assert "'out'" in problem.message and ("overflow" in problem.message or "64-bit" in problem.message)


def test_the_same_product_in_range_is_accepted_and_computes_on_every_row():
    doc = {"fields": [ranged("a", -5, 5), derived("out", power("a", 19))]}

    plan = compile_schema(doc, seed=3)
    out = plan.generate_chunk(0, 20_000).column("out").to_pylist()

    assert max(out) == 5 ** 19 and min(out) == -(5 ** 19)  # the extremes are reached, no overflow


def test_a_float_result_too_big_for_an_integer_field_is_refused_but_a_float_field_takes_it():
    big = ranged("b", -1e15, 1e15, kind="float")

    with pytest.raises(SchemaValidationError, match="'o'.*(64-bit integers|cannot hold)"):
        compile_schema({"fields": [big, derived("o", "b * b")]}, seed=1)
    plan = compile_schema({"fields": [big, derived("o", "b * b", kind="float")]}, seed=1)
    assert plan.generate_chunk(0, 100).num_rows == 100


def test_overflow_in_a_when_condition_and_through_a_derived_field_is_found():
    a = ranged("a", -9, 9)
    with pytest.raises(SchemaValidationError) as caught:
        compile_schema({"fields": [a, ranged("n", 0, 10, kind="integer") | {"constraints": {
            "min_value": 0, "max_value": 10, "when": power("a", 21) + " > 0"}}]}, seed=1)
    assert caught.value.problems[0].loc == "fields[1].constraints.when"

    chained = [a, derived("a10", power("a", 10)), derived("a20", "a10 * a10 * a")]
    with pytest.raises(SchemaValidationError) as caught:
        compile_schema({"fields": chained}, seed=1)
    assert caught.value.problems[0].loc == "fields[2].constraints.expression"


def test_case_abs_and_modulo_bounds_do_not_refuse_what_stays_in_range():
    doc = {"fields": [ranged("a", -1000, 1000), ranged("m", 1, 7),
                      derived("o", "CASE WHEN a > 0 THEN abs(a) * 1000000 ELSE (a % m) * a END"),
                      derived("p", "greatest(a, m) * least(a, 0) * 1000000000")]}

    plan = compile_schema(doc, seed=2)
    assert plan.generate_chunk(0, 5_000).num_rows == 5_000


LIVE = settings(max_examples=120, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@LIVE
@given(doc=rule_documents(), seed=st.integers(0, 2**63 - 1))
def test_a_document_the_compiler_accepts_generates_every_row(doc, seed):
    try:
        plan = compile_schema(doc, seed=seed)
    except (SchemaValidationError, ValueError):
        return
    for start in range(0, 3_000, 1_000):
        plan.generate_chunk(start, 1_000)  # never raises: what could fail was refused above
