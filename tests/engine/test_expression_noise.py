"""random(), uniform(a, b), normal(mu, sd) in expressions and hidden fields, in the engine: a pure
function of (seed, field, row), independent per call site, the same for any split."""

from __future__ import annotations

import pyarrow as pa
import pytest

from src.engine import compile_schema
from src.engine.relational import compile_relational
from src.errors import SchemaValidationError

SCHEMA = {"fields": [
    {"name": "a", "type": "float", "constraints": {"expression": "random()", "decimals": 6}},
    {"name": "b", "type": "float", "constraints": {"expression": "random()", "decimals": 6}},
    {"name": "pair", "type": "float", "constraints": {"expression": "random() - random()", "decimals": 6}},
    {"name": "g", "type": "float", "constraints": {"expression": "uniform(a, a + 1)", "decimals": 6}},
]}


def test_noise_is_the_same_for_any_split_and_seeded():
    plan = compile_schema(SCHEMA, seed=9)
    whole = plan.generate_chunk(0, 5000)
    parts = pa.Table.from_batches([plan.generate_chunk(0, 2047), plan.generate_chunk(2047, 2), plan.generate_chunk(2049, 2951)])
    assert pa.Table.from_batches([whole]).equals(parts)
    assert compile_schema(SCHEMA, seed=10).generate_chunk(0, 50).column("a") != whole.column("a").slice(0, 50)
    a, b, pair = (whole.column(n).to_pylist() for n in ("a", "b", "pair"))
    assert a != b  # each field draws its own noise
    assert sum(1 for v in pair if v == 0) < 5  # the two calls of one expression are independent
    assert all(0 <= v < 1 for v in a)
    assert all(x <= g <= x + 1 for x, g in zip(a, whole.column("g").to_pylist()))


def test_a_when_with_random_nulls_a_share_of_rows():
    doc = {"fields": [{"name": "id", "type": "sequence"},
                      {"name": "note", "type": "sentence", "constraints": {"when": "random() < 0.3"}}]}
    notes = compile_schema(doc, seed=2).generate_chunk(0, 10_000).column("note")
    assert 0.27 < (len(notes) - notes.null_count) / len(notes) < 0.33


@pytest.mark.parametrize("expression, words", [
    ("random(2)", "random"), ("uniform(1)", "uniform"), ("normal(1, 'x')", "must be a number"),
])
def test_bad_calls_name_the_rule(expression, words):
    doc = {"fields": [{"name": "x", "type": "float", "constraints": {"expression": expression}}]}
    with pytest.raises(SchemaValidationError) as err:
        compile_schema(doc, seed=1)
    (problem,) = err.value.problems
    assert problem.loc == "fields[0].constraints.expression" and words in problem.message


def test_a_hidden_parent_field_is_read_by_a_child_but_never_written():
    doc = {"tables": [
        {"name": "products", "rows": 20, "fields": [
            {"name": "sku", "type": "sequence", "constraints": {"unique": True}},
            {"name": "cost", "type": "price", "hidden": True, "constraints": {"min_value": 5, "max_value": 50}}]},
        {"name": "lines", "rows": 200, "fields": [
            {"name": "sku", "type": "reference", "constraints": {"references": "products.sku"}},
            {"name": "price", "type": "price", "constraints": {"expression": "round(products.cost * 1.5, 2)"}}]}]}
    plan = compile_relational(doc, seed=3)
    assert plan.tables["products"].arrow_schema.names == ["sku"]
    prices = plan.tables["lines"].generate_chunk(0, 200).column("price").to_pylist()
    assert all(7.5 <= p <= 75 for p in prices)
    doc["tables"][0]["fields"][0]["hidden"] = True
    with pytest.raises(SchemaValidationError) as err:
        compile_relational(doc, seed=3)
    assert any("not a key" in p.message for p in err.value.problems)
