"""A rule reading a grandparent's field (order_lines reading customers.country through orders) is refused
by validation, naming the table, field, rule and the path, with the way to get the value exactly."""

from __future__ import annotations

import copy

import pytest

from src.engine.relational import compile_relational
from src.errors import SchemaValidationError

THREE = {"tables": [
    {"name": "customers", "rows": 20, "fields": [
        {"name": "customer_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "signup_date", "type": "date", "constraints": {"min_value": "-2y", "max_value": "-1y"}},
        {"name": "country", "type": "country"}]},
    {"name": "orders", "rows_per_parent": {"parent": "customers", "min": 1, "max": 3}, "fields": [
        {"name": "order_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "customer_id", "type": "reference", "constraints": {"references": "customers.customer_id"}},
        {"name": "customer_country", "type": "country", "constraints": {"expression": "customers.country"}}]},
    {"name": "order_lines", "rows_per_parent": {"parent": "orders", "min": 1, "max": 3}, "fields": [
        {"name": "line_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "order_id", "type": "reference", "constraints": {"references": "orders.order_id"}},
        {"name": "ship_country", "type": "country", "constraints": {"expression": "customers.country"}},
        {"name": "shipped_on", "type": "date", "constraints": {"after": "customers.signup_date",
                                                               "max_value": "now"}}]}]}


def test_grandparent_reads_are_refused_naming_field_rule_and_path():
    with pytest.raises(SchemaValidationError) as caught:
        compile_relational(THREE, seed=1)
    problems = {p.loc: p.message for p in caught.value.problems}
    assert set(problems) == {"tables[2].fields[2].constraints.expression", "tables[2].fields[3].constraints.after"}
    message = problems["tables[2].fields[2].constraints.expression"]
    assert "table 'order_lines': field 'ship_country' (expression)" in message
    assert "grandparent (order_lines -> orders -> customers)" in message
    assert "add a field to 'orders' with expression 'customers.country'" in message


def test_the_suggested_way_reads_the_grandparent_value_exactly():
    doc = copy.deepcopy(THREE)
    doc["tables"][2]["fields"] = doc["tables"][2]["fields"][:3]
    doc["tables"][2]["fields"][2]["constraints"]["expression"] = "orders.customer_country"
    plan = compile_relational(doc, seed=1)
    customers = plan.tables["customers"].plan.generate_chunk(0, 20).to_pylist()
    orders = plan.tables["orders"].plan.generate_chunk(0, plan.rows_per_table["orders"]).to_pylist()
    lines = plan.tables["order_lines"].plan.generate_chunk(0, plan.rows_per_table["order_lines"]).to_pylist()
    country = {c["customer_id"]: c["country"] for c in customers}
    order_country = {o["order_id"]: country[o["customer_id"]] for o in orders}
    assert lines and all(line["ship_country"] == order_country[line["order_id"]] for line in lines)


def test_a_table_that_is_no_ancestor_keeps_the_plain_message():
    doc = copy.deepcopy(THREE)
    doc["tables"].append({"name": "regions", "rows": 5, "fields": [
        {"name": "region_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "label", "type": "word"}]})
    doc["tables"][2]["fields"] = doc["tables"][2]["fields"][:2] + [
        {"name": "region", "type": "word", "constraints": {"expression": "regions.label"}}]
    with pytest.raises(SchemaValidationError, match="this table has no reference to 'regions'"):
        compile_relational(doc, seed=1)
