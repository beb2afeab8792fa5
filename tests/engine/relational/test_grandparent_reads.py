"""`table.field` of a grandparent (order_lines reading customers.country through orders) reads exactly the
value of the row reached through the first reference of each table on the way, on every row and for any
chunking; a path that cannot be exact (a table on the way draws its parent at random) is refused by
validation, naming the field, the rule and the path."""

from __future__ import annotations

import copy

import pyarrow as pa
import pytest

from src.engine.relational import compile_relational
from src.errors import SchemaValidationError

THREE = {"tables": [
    {"name": "customers", "rows": 60, "fields": [
        {"name": "customer_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "signup_date", "type": "date", "constraints": {"min_value": "-3y", "max_value": "-1y"}},
        {"name": "country", "type": "country"}]},
    {"name": "orders", "rows_per_parent": {"parent": "customers", "min": 0, "max": 4}, "fields": [
        {"name": "order_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "customer_id", "type": "reference", "constraints": {"references": "customers.customer_id"}}]},
    {"name": "order_lines", "rows_per_parent": {"parent": "orders", "min": 1, "max": 5}, "fields": [
        {"name": "line_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "order_id", "type": "reference", "constraints": {"references": "orders.order_id"}},
        {"name": "ship_country", "type": "country", "constraints": {"expression": "customers.country"}},
        {"name": "shipped_on", "type": "date", "constraints": {"after": "customers.signup_date",
                                                               "max_value": "now"}},
        {"name": "domestic", "type": "boolean", "constraints": {"expression": "customers.country = 'France'"}}]}]}


def _all(plan, name):
    return plan.tables[name].plan.generate_chunk(0, plan.rows_per_table[name]).to_pylist()


def _check(doc, seed=1):
    plan = compile_relational(doc, seed=seed)
    customers = {c["customer_id"]: c for c in _all(plan, "customers")}
    orders = {o["order_id"]: o for o in _all(plan, "orders")}
    lines = _all(plan, "order_lines")
    assert lines
    for line in lines:
        order = orders[line["order_id"]]
        if order["customer_id"] is None:
            assert line["ship_country"] is None
            continue
        customer = customers[order["customer_id"]]
        assert line["ship_country"] == customer["country"]
        if "shipped_on" in line:
            assert line["shipped_on"] > customer["signup_date"]
            assert line["domestic"] == (customer["country"] == "France")
    return plan


def test_a_grandparent_is_read_exactly_on_every_row():
    _check(THREE)


def test_the_last_hop_may_draw_its_parent_at_random_or_be_null():
    doc = copy.deepcopy(THREE)
    doc["tables"][1] = {"name": "orders", "rows": 150, "fields": [
        {"name": "order_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "customer_id", "type": "reference",
         "constraints": {"references": "customers.customer_id", "nullable": True, "null_probability": 0.2}}]}
    doc["tables"][2]["fields"] = doc["tables"][2]["fields"][:3]  # no after: a null customer has no date
    plan = _check(doc)
    assert any(o["customer_id"] is None for o in _all(plan, "orders"))


def test_grandparent_values_do_not_depend_on_the_chunking():
    plan = compile_relational(THREE, seed=9)
    lines = plan.tables["order_lines"]
    whole = lines.plan.generate_chunk(0, lines.rows)
    pieces = [lines.plan.generate_chunk(s, min(37, lines.rows - s)) for s in range(0, lines.rows, 37)]
    assert pa.Table.from_batches(pieces).equals(pa.Table.from_batches([whole]))


def test_a_random_link_on_the_way_is_refused_naming_field_rule_and_path():
    doc = copy.deepcopy(THREE)
    doc["tables"][2] = {"name": "order_lines", "rows": 100, "fields": [
        {"name": "line_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "order_id", "type": "reference", "constraints": {"references": "orders.order_id"}},
        {"name": "ship_country", "type": "country", "constraints": {"expression": "customers.country"}}]}
    with pytest.raises(SchemaValidationError) as caught:
        compile_relational(doc, seed=1)
    [problem] = caught.value.problems
    assert problem.loc == "tables[2].fields[2].constraints.expression"
    assert "field 'ship_country' (expression)" in problem.message
    assert "order_lines -> orders -> customers" in problem.message and "at random" in problem.message


def test_a_table_that_is_no_ancestor_keeps_the_plain_message():
    doc = copy.deepcopy(THREE)
    doc["tables"].append({"name": "regions", "rows": 5, "fields": [
        {"name": "region_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "label", "type": "word"}]})
    doc["tables"][2]["fields"] = doc["tables"][2]["fields"][:2] + [
        {"name": "region", "type": "word", "constraints": {"expression": "regions.label"}}]
    with pytest.raises(SchemaValidationError, match="this table has no reference to 'regions'"):
        compile_relational(doc, seed=1)
