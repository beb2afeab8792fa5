"""Relational text through the real API: POST /schema/extract answers a multi-table document that goes
unchanged into POST /jobs/create; the finished zip holds every table with each rule holding on every row."""

from __future__ import annotations

import pytest

from tests.api_server.relational_checks import check_tables, read_zip_tables

SHOP_TEXT = """## Customers (300)
- customer id
- full name
- email
- country
- signup date (last 2 years)

## Orders (1-4 per customer)
- order id
- customer id (references customers)
- customer name
- order date (after the customer's signup date)
- total ($10-900)

## Order lines (2-5 per order)
- line id
- order id (references orders)
- product name
- quantity (1-10)"""


def _extract(server, text: str) -> dict:
    response = server.client.post("/schema/extract", json={"user_input": text})
    assert response.status_code == 200, response.text
    return response.json()


def _run(server, extracted: dict, **body) -> dict[str, list[dict]]:
    job_id = server.create({"schema": extracted["schema"], "total_rows": extracted["total_rows"],
                            "chunk_size": 200, "output_format": "csv", **body})
    status = server.wait_for_status(job_id, {"completed", "failed"}, timeout=120)
    assert status["status"] == "completed", status
    response = server.client.get(f"/jobs/{job_id}/download")
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    tables = read_zip_tables(response.content)
    assert {n: t["rows"] for n, t in status["tables"].items()} == {n: len(r) for n, r in tables.items()}
    return tables


def test_a_section_per_table_extracts_to_related_tables_that_generate_exactly(live_server):
    extracted = _extract(live_server, SHOP_TEXT)
    doc = extracted["schema"]
    assert [t["name"] for t in doc["tables"]] == ["customers", "orders", "order_lines"]
    assert extracted["total_rows"] == 300 and extracted["provider"] == "offline"
    orders = doc["tables"][1]
    assert orders["rows_per_parent"] == {"parent": "customers", "min": 1, "max": 4}
    by_name = {f["name"]: f for f in orders["fields"]}
    assert by_name["customer_id"] == {"name": "customer_id", "type": "reference",
                                      "constraints": {"references": "customers.customer_id"}}
    assert by_name["order_date"]["constraints"]["after"] == "customers.signup_date"
    assert by_name["customer_name"]["constraints"] == {"expression": "customers.full_name"}
    assert "orders.order_date" in extracted["sources"]

    tables = _run(live_server, extracted, seed=11)
    rows = check_tables(doc, tables)
    assert rows["customers"] == 300 and 300 <= rows["orders"] <= 1200
    assert 2 * rows["orders"] <= rows["order_lines"] <= 5 * rows["orders"]


@pytest.mark.parametrize("text, table, role", [
    ("250 employees with their manager", "employees", "manager_id"),
    ("product categories in a hierarchy", "categories", "parent_id"),
])
def test_a_hierarchy_extracts_to_a_self_reference_that_generates(live_server, text, table, role):
    extracted = _extract(live_server, text)
    doc = extracted["schema"]
    assert [t["name"] for t in doc["tables"]] == [table]
    ref = next(f for f in doc["tables"][0]["fields"] if f["name"] == role)
    assert ref["type"] == "reference" and ref["constraints"]["nullable"] is True
    total = extracted["total_rows"] or 120
    tables = _run(live_server, {**extracted, "total_rows": total}, seed=3)
    check_tables(doc, tables)
    assert len(tables[table]) == total
    assert sum(r[role] != "" for r in tables[table]) > total // 2  # a hierarchy, not all roots


def test_prose_with_counts_and_a_cross_table_rule_generates_exactly(live_server):
    extracted = _extract(live_server, "Generate 400 customers with name, email, signup date and country, and their "
                                      "orders (0 to 5 per customer, poisson with mean 2) with order date after the "
                                      "customer's signup, amount $5-500 and status (paid, refunded)")
    doc = extracted["schema"]
    assert extracted["total_rows"] == 400
    assert doc["tables"][1]["rows_per_parent"] == {"parent": "customers", "max": 5, "distribution": "poisson",
                                                   "mean": 2.0}
    tables = _run(live_server, extracted, seed=5)
    check_tables(doc, tables)
    assert any(sum(1 for o in tables["orders"] if o["customer_id"] == c["customer_id"]) == 0
               for c in tables["customers"])  # min 0: some customers have no orders


def test_text_about_one_entity_stays_one_table(live_server):
    extracted = _extract(live_server, "customer records with their order count")
    assert "fields" in extracted["schema"] and "tables" not in extracted["schema"]


def test_extracted_tables_without_a_row_count_run_as_extracted_and_total_rows_replaces_it(live_server):
    extracted = _extract(live_server, "customers and their orders (1 to 5 per customer)")
    assert extracted["total_rows"] is None  # the text gives none: the document's default is named in warnings
    assert extracted["schema"]["tables"][0]["rows"] > 0 and any("no row count" in w for w in extracted["warnings"])
    job_id = live_server.create({"schema": extracted["schema"], "chunk_size": 100})  # accepted as extracted
    assert live_server.wait_for_status(job_id, {"completed", "failed"}, timeout=120)["status"] == "completed"
    job_id = live_server.create({"schema": extracted["schema"], "total_rows": 50, "chunk_size": 100})
    job = live_server.wait_for_status(job_id, {"completed", "failed"}, timeout=120)
    assert job["status"] == "completed" and 100 <= job["total_rows"] <= 300  # 50 customers, 1-5 orders each


def test_a_grandparent_read_generates_exactly_through_the_api(live_server):
    extracted = _extract(live_server, SHOP_TEXT)
    doc = extracted["schema"]
    doc["tables"][2]["fields"].append(
        {"name": "ship_country", "type": "country", "constraints": {"expression": "customers.country"}})
    tables = _run(live_server, {**extracted, "schema": doc}, seed=2)
    check_tables(doc, tables)  # order_lines.ship_country == its order's customer's country, every row
    assert len({line["ship_country"] for line in tables["order_lines"]}) > 1
