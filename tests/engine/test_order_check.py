"""`after`/`before` with the field's own bound: every row keeps both rules, or the schema is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from src.engine import compile_schema
from src.engine.relational import compile_relational
from src.errors import SchemaValidationError

ANCHOR = dt.datetime(2026, 6, 1, 12, 0, 0)


def one_table(rule: str, bounds: dict, other=("-3y", "now")) -> dict:
    return {"fields": [
        {"name": "a", "type": "date", "constraints": {"min_value": other[0], "max_value": other[1]}},
        {"name": "b", "type": "date", "constraints": {rule: "a", **bounds}}]}


@pytest.mark.parametrize("rule, bounds, loc", [
    ("after", {"max_value": "-1y"}, "fields[1].constraints.after"),
    ("before", {"min_value": "-90d"}, "fields[1].constraints.before"),
])
def test_a_bound_the_other_field_passes_is_refused_naming_the_rule(rule, bounds, loc):
    with pytest.raises(SchemaValidationError) as err:
        compile_schema(one_table(rule, bounds), seed=1, anchor=ANCHOR)
    problem = err.value.problems[0]
    assert problem.loc == loc and "'a' can be as" in problem.message


@pytest.mark.parametrize("rule, bounds", [
    ("after", {"max_value": "now"}), ("after", {"min_value": "-90d", "max_value": "now"}),
    ("before", {"min_value": "-5y"}), ("before", {}), ("after", {}),
])
def test_feasible_bounds_hold_with_the_order_on_every_row(rule, bounds):
    plan = compile_schema(one_table(rule, bounds), seed=1, anchor=ANCHOR)
    rows = plan.generate_chunk(0, 5000).to_pylist()
    lo = plan.fields["b"].lo if "min_value" in bounds else None
    hi = plan.fields["b"].hi if "max_value" in bounds else None
    epoch = dt.date(1970, 1, 1)
    for row in rows:
        assert row["b"] >= row["a"] if rule == "after" else row["b"] <= row["a"]
        seconds = (row["b"] - epoch).days * 86400
        assert (lo is None or seconds >= lo) and (hi is None or seconds <= hi)


def test_a_parent_column_that_passes_the_bound_is_refused_across_tables():
    doc = {"tables": [
        {"name": "customers", "rows": 50, "fields": [
            {"name": "customer_id", "type": "sequence", "constraints": {"primary_key": True}},
            {"name": "signup", "type": "date", "constraints": {"min_value": "-3y", "max_value": "now"}}]},
        {"name": "orders", "rows_per_parent": {"parent": "customers", "min": 1, "max": 3}, "fields": [
            {"name": "order_id", "type": "sequence", "constraints": {"primary_key": True}},
            {"name": "customer_id", "type": "reference", "constraints": {"references": "customers.customer_id"}},
            {"name": "ordered", "type": "date",
             "constraints": {"after": "customers.signup", "max_value": "-1y"}}]}]}
    with pytest.raises(SchemaValidationError) as err:
        compile_relational(doc, seed=1, anchor=ANCHOR)
    assert "customers.signup" in str(err.value.problems[0].message)
    doc["tables"][1]["fields"][2]["constraints"]["max_value"] = "now"
    plan = compile_relational(doc, seed=1, anchor=ANCHOR)
    customers = {r["customer_id"]: r for r in plan.tables["customers"].plan.generate_chunk(0, 50).to_pylist()}
    orders = plan.tables["orders"].plan.generate_chunk(0, plan.rows_per_table["orders"]).to_pylist()
    assert orders and all(o["ordered"] >= customers[o["customer_id"]]["signup"] for o in orders)


@pytest.mark.parametrize("own, other, words", [
    ("date", "string", "'s' is a string"),
    ("date", "integer", "'s' is a number"),
    ("time", "datetime", "'s' is a date or datetime"),
    ("integer", "email", "'s' is an email"),
    ("string", "date", "this field is a string"),
])
def test_an_order_between_fields_that_cannot_be_ordered_is_refused_naming_the_rule(own, other, words):
    schema = {"fields": [{"name": "s", "type": other},
                         {"name": "d", "type": own, "constraints": {"after": "s"}}]}
    with pytest.raises(SchemaValidationError) as err:
        compile_schema(schema, seed=1, anchor=ANCHOR)
    problem = err.value.problems[0]
    assert problem.loc == "fields[1].constraints.after" and words in problem.message


@pytest.mark.parametrize("own, other", [("date", "datetime"), ("datetime", "date_of_birth"),
                                        ("decimal", "integer"), ("price", "float"), ("time", "time")])
def test_orders_between_kinds_that_compare_hold_on_every_row(own, other):
    schema = {"fields": [{"name": "a", "type": other},
                         {"name": "b", "type": own, "constraints": {"after": "a"}},
                         {"name": "c", "type": own, "constraints": {"before": "a"}}]}
    rows = compile_schema(schema, seed=2, anchor=ANCHOR).generate_chunk(0, 3000).to_pylist()

    def seconds(value):
        if isinstance(value, dt.datetime):
            return value.timestamp()
        if isinstance(value, dt.date):
            return dt.datetime.combine(value, dt.time()).timestamp()
        if isinstance(value, dt.time):
            return value.hour * 3600 + value.minute * 60 + value.second
        return value

    assert all(seconds(r["c"]) <= seconds(r["a"]) <= seconds(r["b"]) for r in rows)
    assert len({r["b"] for r in rows}) > 100  # spread out, not pinned to the other field


def test_a_time_of_day_bound_the_other_time_passes_is_refused():
    schema = {"fields": [{"name": "opens", "type": "time"},
                         {"name": "closes", "type": "time", "constraints": {"after": "opens", "max_value": "22:00"}}]}
    with pytest.raises(SchemaValidationError) as err:
        compile_schema(schema, seed=1, anchor=ANCHOR)
    assert "23:59:59" in err.value.problems[0].message
