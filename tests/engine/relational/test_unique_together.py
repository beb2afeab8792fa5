"""unique_together sets and composite keys of value fields: every combination at most once, the same
rows for any split into engine calls, clear problems when the set cannot hold."""

from __future__ import annotations

import pyarrow as pa
import pytest

from src.engine.relational import compile_relational
from src.errors import SchemaValidationError

DOC = {"tables": [
    {"name": "tags", "rows": 2000, "fields": [
        {"name": "id", "type": "sequence"},
        {"name": "country", "type": "country"},
        {"name": "category", "type": "product_category"},
        {"name": "active", "type": "boolean"},
        {"name": "score", "type": "integer", "constraints": {"min_value": 0, "max_value": 9}}],
     "primary_key": ["id"], "unique_together": [["country", "category"], ["active", "score"]]},
]}


def _rows(doc: dict, splits: list[int]) -> pa.Table:
    plan = compile_relational(doc, seed=77).tables[doc["tables"][0]["name"]]
    batches, start = [], 0
    for n in splits:
        batches.append(plan.generate_chunk(start, n))
        start += n
    return pa.Table.from_batches(batches)


def test_each_set_is_unique_and_the_same_for_any_split():
    small = {"tables": [{**DOC["tables"][0], "rows": 20,
                         "unique_together": [["country", "category"], ["active", "score"]]}]}
    one = _rows(small, [20])
    assert one.equals(_rows(small, [3, 9, 8]))
    pairs = list(zip(one.column("active").to_pylist(), one.column("score").to_pylist()))
    assert len(set(pairs)) == 20  # all 2 x 10 combinations, each once
    with pytest.raises(SchemaValidationError) as err:
        compile_relational({"tables": [{**DOC["tables"][0], "rows": 21}]}, seed=1)
    assert [p.loc for p in err.value.problems] == ["tables[0].unique_together[1]"]
    assert "only 20 distinct (active, score) combinations exist (2 active x 10 score) for 21 rows" \
        in err.value.problems[0].message


def test_pool_valued_members_combine_without_repeats():
    doc = {"tables": [{**DOC["tables"][0], "unique_together": [["country", "category"]]}]}
    table = _rows(doc, [700, 1300])
    pairs = set(zip(table.column("country").to_pylist(), table.column("category").to_pylist()))
    assert len(pairs) == 2000
    assert len(set(table.column("country").to_pylist())) > 200  # spread over the pool, not one corner


@pytest.mark.parametrize("members, message", [
    (["country"], "two or more different fields"),
    (["country", "nope"], "'nope' is not a field of this table"),
])
def test_bad_sets_are_named(members, message):
    doc = {"tables": [{**DOC["tables"][0], "unique_together": [members]}]}
    with pytest.raises(SchemaValidationError) as err:
        compile_relational(doc, seed=1)
    assert any(p.loc == "tables[0].unique_together[0]" and message in p.message for p in err.value.problems)


def test_a_set_with_a_name_makes_the_name_unique():
    doc = {"tables": [{"name": "people", "rows": 500, "fields": [
        {"name": "email", "type": "email"}, {"name": "team", "type": "enum",
                                              "constraints": {"enum_values": ["a", "b"]}}],
        "unique_together": [["team", "email"]]}]}
    table = _rows(doc, [500])
    assert len(set(table.column("email").to_pylist())) == 500
