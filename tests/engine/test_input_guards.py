"""Abusive documents (deep nesting, huge numbers, NaN) are refused with SchemaValidationError naming the
field and the rule, never a RecursionError, overflow or numpy message."""

from __future__ import annotations

import threading

import pytest

from src.engine import compile_schema
from src.engine.expressions import MAX_DEPTH, MAX_NESTING
from src.engine.patterns import MAX_GROUP_DEPTH
from src.errors import SchemaValidationError

NESTED_GROUPS = "(" * 250 + "a" + ")" * 250
CHAIN_330 = " + ".join(["a"] * 330)
NOT_490 = "NOT " * 490 + "a"

ABUSES = [
    pytest.param({"fields": [{"name": "c", "type": "code", "constraints": {"pattern": NESTED_GROUPS}}]},
                 "fields[0].constraints.pattern", "nest more than", id="250-nested-pattern-groups"),
    pytest.param({"fields": [{"name": "a", "type": "integer"},
                             {"name": "b", "type": "integer", "constraints": {"expression": CHAIN_330}}]},
                 "fields[1].constraints.expression", "operations deep", id="330-term-chain"),
    pytest.param({"fields": [{"name": "a", "type": "boolean"},
                             {"name": "b", "type": "boolean", "constraints": {"when": NOT_490}}]},
                 "fields[1].constraints.when", "nests more than", id="490-nots"),
    pytest.param({"fields": [{"name": "s", "type": "integer", "constraints": {"step": "nan"}}]},
                 "fields[0].constraints.step", "positive number", id="step-nan"),
    pytest.param({"fields": [{"name": "s", "type": "float", "constraints": {"step": "inf"}}]},
                 "fields[0].constraints.step", "positive number", id="step-inf"),
    pytest.param({"fields": [{"name": "s", "type": "float", "constraints": {"step": "1e-300"}}]},
                 "fields[0].constraints.step", "2**53", id="step-too-fine"),
    pytest.param({"fields": [{"name": "t", "type": "datetime", "constraints": {"step": "0"}}]},
                 "fields[0].constraints", "positive", id="time-step-zero"),
    pytest.param({"fields": [{"name": "t", "type": "datetime", "constraints": {"step": "9" * 30}}]},
                 "fields[0].constraints", "10,000 years", id="time-step-huge"),
    pytest.param({"fields": [{"name": "c", "type": "code",
                              "constraints": {"pattern": r"(\w?){500}\d{500}", "unique": True}}]},
                 "fields[0].constraints.pattern", "too complex", id="unique-pattern-too-complex"),
    pytest.param({"fields": [{"name": "c", "type": "code", "constraints": {"pattern": "(((){1000}){1000}){1000}"}}]},
                 "fields[0].constraints.pattern", "parts", id="empty-repeats-a-billion-times"),
    pytest.param({"fields": [{"name": "s", "type": "enum",
                              "constraints": {"enum_values": ["x", "y"], "weights": [float("nan"), 1]}}]},
                 "fields[0].constraints.weights", "finite", id="weight-nan"),
    pytest.param({"fields": [{"name": "n", "type": "float",
                              "constraints": {"distribution": {"kind": "normal", "mean": float("inf")}}}]},
                 "fields[0].constraints.distribution.mean", "finite", id="mean-inf"),
]


@pytest.mark.parametrize(("doc", "loc", "message"), ABUSES)
def test_abusive_documents_are_refused_naming_field_and_rule(doc, loc, message):
    with pytest.raises(SchemaValidationError) as info:
        compile_schema(doc, seed=1).check_row_count(1000)
    problems = info.value.problems
    assert any(p.loc.startswith(loc) and message in p.message for p in problems), problems
    assert not any("repeats may not" in p.message or "NaN" in p.message for p in problems)


def test_refused_in_a_worker_thread_too():
    """The API compiles on a worker thread: the guards must not depend on the main thread's stack."""
    outcome: list[BaseException] = []

    def run():
        try:
            compile_schema({"fields": [{"name": "c", "type": "code", "constraints": {"pattern": NESTED_GROUPS}}]})
        except BaseException as err:  # noqa: BLE001 - the test inspects what escaped
            outcome.append(err)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert len(outcome) == 1 and isinstance(outcome[0], SchemaValidationError), outcome


def test_huge_weights_are_relative_frequencies():
    doc = {"fields": [{"name": "s", "type": "enum",
                       "constraints": {"enum_values": ["x", "y"], "weights": [1e308, 1e308]}}]}
    values = compile_schema(doc, seed=3).generate_chunk(0, 20_000).column("s").to_pylist()
    assert set(values) == {"x", "y"}
    assert abs(values.count("x") / len(values) - 0.5) < 0.02


def test_boolean_weights_cannot_overflow():
    doc = {"fields": [{"name": "b", "type": "boolean",
                       "constraints": {"enum_values": [True, False], "weights": [1e308, 1e308]}}]}
    values = compile_schema(doc, seed=3).generate_chunk(0, 20_000).column("b").to_pylist()
    assert abs(sum(values) / len(values) - 0.5) < 0.02


def test_limits_are_inclusive():
    """Just inside each bound still works, so the limits refuse abuse, not real schemas."""
    chain = " + ".join(["a"] * MAX_DEPTH)
    nested = "(" * (MAX_NESTING - 1) + "a" + ")" * (MAX_NESTING - 1)
    group = "(" * MAX_GROUP_DEPTH + "x" + ")" * MAX_GROUP_DEPTH
    doc = {"fields": [{"name": "a", "type": "integer", "constraints": {"min_value": 1, "max_value": 1}},
                      {"name": "b", "type": "integer", "constraints": {"expression": chain}},
                      {"name": "c", "type": "integer", "constraints": {"expression": nested}},
                      {"name": "d", "type": "code", "constraints": {"pattern": group}}]}
    row = compile_schema(doc).generate_chunk(0, 3).to_pylist()[0]
    assert (row["b"], row["c"], row["d"]) == (MAX_DEPTH, 1, "x")


def test_sequence_that_would_leave_int64_is_refused_for_the_row_count():
    doc = {"fields": [{"name": "id", "type": "sequence",
                       "constraints": {"min_value": 10**15, "step": "1000000000000000"}}]}
    plan = compile_schema(doc)
    plan.check_row_count(1000)
    with pytest.raises(SchemaValidationError) as info:
        plan.check_row_count(10_000)
    assert info.value.problems[0].loc == "fields[0].constraints.step"
