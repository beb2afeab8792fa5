"""Invalid documents are refused with every problem named (field and rule)."""

import pytest

from src.engine import compile_schema
from src.errors import SchemaValidationError


def problems_of(doc) -> list[str]:
    with pytest.raises(SchemaValidationError) as info:
        compile_schema(doc)
    return [str(p) for p in info.value.problems]


def test_brief_example_is_accepted_unchanged():
    doc = {"fields": [
        {"name": "customer_id", "type": "uuid", "description": "Unique customer identifier"},
        {"name": "full_name", "type": "string", "description": "Customer full name"},
        {"name": "email", "type": "email", "description": "Customer email address"},
        {"name": "age", "type": "integer", "description": "Customer age",
         "constraints": {"min_value": 18, "max_value": 80}}]}
    batch = compile_schema(doc).generate_chunk(0, 100).to_pydict()
    assert all(18 <= a <= 80 for a in batch["age"])


@pytest.mark.parametrize("doc, expected", [
    ({"fields": []}, "fields: List should have at least 1 item"),
    ({"fields": [{"name": "x", "type": "blob"}]}, "fields[0].type"),
    ({"fields": [{"name": "a", "type": "integer"}, {"name": "a", "type": "email"}]}, "duplicate field names: a"),
    ({"fields": [{"name": "age", "type": "integer", "constraints": {"min_value": 80, "max_value": 18}}]},
     "min_value (80) is greater than max_value (18)"),
    ({"fields": [{"name": "s", "type": "enum", "constraints": {"enum_values": ["a", "b"], "weights": [1]}}]},
     "weights has 1 entries but enum_values has 2"),
    ({"fields": [{"name": "t", "type": "decimal", "constraints": {"expression": "qty * price"}}]},
     "names unknown field(s): price, qty"),
    ({"fields": [{"name": "a", "type": "integer", "constraints": {"expression": "b + 1"}},
                 {"name": "b", "type": "integer", "constraints": {"expression": "a + 1"}}]}, "dependency cycle"),
    ({"fields": [{"name": "c", "type": "code", "constraints": {"pattern": "(a)\\1"}}]}, "cannot generate pattern"),
    ({"fields": [{"name": "x", "type": "integer", "constraints": {"colour": "red"}}]},
     "fields[0].constraints.colour: unknown constraint 'colour'; known: min_value, max_value"),
    ({"fields": [{"name": "bad name", "type": "integer"}]}, "must start with a letter"),
    ({"fields": [{"name": "d", "type": "date", "constraints": {"min_value": "yesterdayish"}}]}, "cannot read"),
    ({"fields": [{"name": "m", "type": "company", "constraints": {"when": "kind = 'x'"}}]},
     "names unknown field(s): kind"),
    ({"fields": [{"name": "d", "type": "date", "constraints": {"after": "nothing"}}]},
     "'nothing' is not a field of this schema"),
    ({"fields": [{"name": "e", "type": "enum"}]}, "an enum needs enum_values"),
])
def test_each_invalid_document_names_its_problem(doc, expected):
    messages = problems_of(doc)
    assert any(expected in m for m in messages), messages


def test_every_problem_is_reported_at_once():
    messages = problems_of({"fields": [
        {"name": "a", "type": "integer", "constraints": {"expression": "nope + 1"}},
        {"name": "b", "type": "code", "constraints": {"pattern": "(?=x)"}},
        {"name": "c", "type": "enum"}]})
    assert [m.split(":")[0] for m in messages] == [
        "fields[0].constraints.expression", "fields[1].constraints.pattern", "fields[2].constraints.enum_values"]


def test_type_aliases_are_accepted():
    plan = compile_schema({"fields": [{"name": "n", "type": "int"}, {"name": "when", "type": "timestamp"},
                                      {"name": "ok", "type": "bool"}, {"name": "tel", "type": "phone_number"}]})
    assert plan.field_kinds == {"n": "integer", "when": "datetime", "ok": "boolean", "tel": "phone"}


def test_expression_type_errors_name_the_field():
    messages = problems_of({"fields": [
        {"name": "label", "type": "enum", "constraints": {"enum_values": ["a", "b"]}},
        {"name": "n", "type": "integer"},
        {"name": "bad", "type": "integer", "constraints": {"expression": "label * n"}}]})
    assert messages[0].startswith("fields[2].constraints.expression: field 'bad'")


@pytest.mark.parametrize("doc, expected", [
    ({"fields": [{"name": "d", "type": "date", "constraints": {"min_value": "-9999999999d"}}]}, "outside the years"),
    ({"fields": [{"name": "n", "type": "integer", "constraints": {"min_value": 1e308}}]}, "numeric bounds lie within"),
    ({"fields": [{"name": "s", "type": "sequence", "constraints": {"min_value": 2**70}}]}, "numeric bounds lie within"),
    ({"fields": [{"name": "c", "type": "code", "constraints": {"cardinality": 10**12}}]},
     "less than or equal to 1000000"),
    ({"fields": [{"name": "t", "type": "sentence", "constraints": {"min_length": 10**7}}]},
     "less than or equal to 10000"),
    ({"fields": [{"name": "x", "type": "integer"}], "locale": "../../etc"}, "locale"),
    ({"fields": [{"name": "a", "type": "integer"},
                 {"name": "b", "type": "integer", "constraints": {"expression": "(" * 3000 + "a" + ")" * 3000}}]},
     "fields[1].constraints.expression"),
])
def test_extreme_inputs_are_refused_not_crashed(doc, expected):
    messages = problems_of(doc)
    assert any(expected in m for m in messages), messages


@pytest.mark.parametrize("constraints, expected", [
    ({"decimal": 2}, "fields[0].constraints.decimal: unknown constraint 'decimal' (did you mean 'decimals'?)"),
    ({"maximum": 9}, "fields[0].constraints.maximum: unknown constraint 'maximum' (did you mean 'max_value'?)"),
    ({"mean": 10}, "fields[0].constraints.mean: unknown constraint 'mean': it belongs inside distribution"),
    ({"distribution": {"kind": "normal", "avg": 3}},
     "fields[0].constraints.distribution.avg: unknown distribution key 'avg'; known: kind, mean, std"),
])
def test_an_unknown_constraint_names_the_one_meant(constraints, expected):
    found = problems_of({"fields": [{"name": "n", "type": "integer", "constraints": constraints}]})
    assert len(found) == 1 and found[0].startswith(expected)


def test_a_share_of_nulls_makes_the_field_nullable_and_the_share_holds():
    doc = {"fields": [{"name": "n", "type": "integer", "constraints": {"null_probability": 0.5}}]}
    values = compile_schema(doc, seed=4).generate_chunk(0, 4000).to_pydict()["n"]
    assert 0.45 < sum(v is None for v in values) / len(values) < 0.55
    refused = {"fields": [{"name": "n", "type": "integer", "constraints": {"null_probability": 0.5, "nullable": False}}]}
    assert problems_of(refused) == ["fields[0].constraints.null_probability: null_probability 0.5 asks for nulls "
                                    "but nullable is false: set nullable to true or drop null_probability"]
