"""POST /schema/sample against a real uvicorn server: a few rows of a schema, without a job."""

from __future__ import annotations

import pytest

AGES = {"fields": [{"name": "age", "type": "integer", "constraints": {"min_value": 30, "max_value": 35}},
                   {"name": "joined", "type": "date", "constraints": {"min_value": "2024-01-01",
                                                                       "max_value": "2024-01-31"}},
                   {"name": "price", "type": "decimal", "constraints": {"min_value": 1, "max_value": 9,
                                                                         "decimals": 2}}]}


def test_sample_rows_obey_the_schema_and_repeat_for_the_same_schema(live_server):
    response = live_server.client.post("/schema/sample", json={"schema": AGES, "rows": 5})
    assert response.status_code == 200, response.text
    rows = response.json()["rows"]
    assert len(rows) == 5 and "tables" not in response.json()
    assert all(30 <= row["age"] <= 35 and "2024-01-01" <= row["joined"] <= "2024-01-31" for row in rows)
    assert all(round(float(row["price"]), 2) == float(row["price"]) for row in rows)
    assert response.json()["decimals"] == {"price": 2}  # what files write: 3.10, where JSON has 3.1
    again = live_server.client.post("/schema/sample", json={"schema": AGES, "rows": 5}).json()["rows"]
    assert again == rows
    other = live_server.client.post("/schema/sample", json={"schema": AGES, "rows": 5, "seed": 99}).json()
    assert other["rows"] != rows


def test_sample_of_related_tables_gives_each_table(live_server):
    doc = {"tables": [
        {"name": "customers", "rows": 4, "fields": [
            {"name": "customer_id", "type": "sequence", "constraints": {"primary_key": True}}]},
        {"name": "orders", "rows_per_parent": {"parent": "customers", "min": 1, "max": 2}, "fields": [
            {"name": "order_id", "type": "uuid", "constraints": {"primary_key": True}},
            {"name": "total", "type": "price"},
            {"name": "customer_id", "type": "reference",
             "constraints": {"references": "customers.customer_id"}}]}]}
    body = live_server.client.post("/schema/sample", json={"schema": doc, "rows": 3}).json()
    assert body["decimals"] == {"orders.total": 2}  # a price's default
    assert list(body["tables"]) == ["customers", "orders"]
    keys = {row["customer_id"] for row in body["tables"]["customers"]}
    assert body["rows"] == body["tables"]["customers"] and len(keys) == 3
    assert 1 <= len(body["tables"]["orders"]) <= 3


@pytest.mark.parametrize("body, loc", [
    ({"schema": AGES, "rows": 0}, "rows"),
    ({"schema": AGES, "rows": 21}, "rows"),
    ({"schema": {"fields": [{"name": "x", "type": "integr"}]}}, "type"),
    ({"schema": {"fields": [{"name": "x", "type": "integer", "constraints": {"expression": "nope +"}}]}},
     "expression"),
])
def test_bad_sample_requests_name_the_field_and_rule(live_server, body, loc):
    response = live_server.client.post("/schema/sample", json=body)
    assert response.status_code == 422, response.text
    problems = response.json()["problems"]
    assert any(loc in problem["loc"] for problem in problems), problems
