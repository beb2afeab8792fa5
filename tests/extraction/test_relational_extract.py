"""Relational extraction, stage by stage: child counts in words, link words, keys and links, and the
document through extract_schema (offline)."""

from __future__ import annotations

import asyncio

import pytest

from src.engine.relational import compile_relational
from src.extraction import extract_schema
from src.extraction.relational import extract_relational
from src.extraction.relational.counts import read_count
from src.extraction.relational.links import read_links
from tests.llm.gemini_stand_in import make_settings


@pytest.mark.parametrize("words, expected", [
    ("1 to 5 per customer", (1, 5, "uniform", None)),
    ("between 2 and 10", (2, 10, "uniform", None)),
    ("up to 4", (0, 4, "uniform", None)),
    ("at least 2", (2, 6, "uniform", None)),
    ("on average 4 per user", (0, 12, "poisson", 4.0)),
    ("0 to 5 per customer, poisson with mean 2", (0, 5, "poisson", 2.0)),
    ("0-20 per product, skewed", (1, 20, "zipf", None)),
    ("exactly 3 per author", (3, 3, "fixed", None)),
    ("several", (2, 6, "uniform", None)),
    ("one to five", (1, 5, "uniform", None)),
])
def test_child_counts_in_words(words, expected):
    count = read_count(words)
    assert (count.min, count.max, count.distribution, count.mean) == expected


@pytest.mark.parametrize("words", ["name and email", "a to b", "the customer"])
def test_words_without_a_count_give_none(words):
    assert read_count(words) is None


@pytest.mark.parametrize("text, links", [
    ("customers and their orders", [("customer", "order")]),
    ("invoices with 2-10 line items each", [("invoice", "line item")]),
    ("each order belongs to a customer", [("customer", "order")]),
    ("employees with their manager", [("employee", "employee")]),
    ("customers with their email addresses", []),
    ("users with their last login", []),
    ("prices with 2 decimals", []),
    ("students with their average grade", []),
])
def test_link_words(text, links):
    assert [(link.parent, link.child) for link in read_links(text).links] == links


def _generate(doc: dict) -> dict[str, list[dict]]:
    plan = compile_relational(doc, seed=2, root_rows=None if doc["tables"][0].get("rows") else 60)
    return {name: t.plan.generate_chunk(0, plan.rows_per_table[name]).to_pylist() for name, t in plan.tables.items()}


def test_a_cross_table_order_holds_on_every_row_whatever_the_child_bounds_said():
    text = ("## Customers (80)\n- customer id\n- signup date (last 3 years)\n\n## Orders (1-3 per customer)\n"
            "- order id\n- order date (last 90 days, after the customer's signup date)\n- amount ($5-50)")
    doc = extract_relational(text).schema.model_dump(mode="json", exclude_defaults=True)
    order_date = next(f for f in doc["tables"][1]["fields"] if f["name"] == "order_date")["constraints"]
    assert order_date["after"] == "customers.signup_date" and "min_value" not in order_date
    tables = _generate(doc)
    signup = {c["customer_id"]: c["signup_date"] for c in tables["customers"]}
    assert len(tables["customers"]) == 80
    assert all(o["order_date"] > signup[o["customer_id"]] for o in tables["orders"])


def test_keys_links_and_parent_copies():
    doc = extract_relational("customers and their orders (2-3 per customer)").schema
    customers, orders = doc.tables
    assert customers.key_columns() == ["customer_id"] and orders.key_columns() == ["order_id"]
    assert orders.field("customer_id").type == "reference"
    assert [f.name for f in orders.fields][:2] == ["order_id", "customer_id"]
    assert orders.field("customer_name").constraints.expression == "customers.full_name"
    tables = _generate(doc.model_dump(mode="json", exclude_defaults=True))
    names = {c["customer_id"]: c["full_name"] for c in tables["customers"]}
    per_customer = {}
    for o in tables["orders"]:
        assert o["customer_name"] == names[o["customer_id"]]
        per_customer[o["customer_id"]] = per_customer.get(o["customer_id"], 0) + 1
    assert set(per_customer) == set(names) and set(per_customer.values()) <= {2, 3}


def test_many_to_many_and_defaults_are_named_in_warnings():
    result = extract_relational("A school with students, courses and enrollments")
    names = [t.name for t in result.schema.tables]
    assert names[0] == "students" and names.index("courses") < names.index("enrollments")
    enrollments = result.schema.table("enrollments")
    assert enrollments.rows_per_parent.parent == "students"
    assert enrollments.field("course_id").constraints.references == "courses.course_id"
    assert result.schema.table("courses").rows == 100
    assert any("no row count; used 100" in w for w in result.warnings)
    assert any("no count per student; used 1-5" in w for w in result.warnings)


def test_extract_schema_answers_tables_and_the_root_count_offline():
    result = asyncio.run(extract_schema("3000 customers and their orders (1 to 5 per customer)",
                                        make_settings(None, llm_provider="offline")))
    dumped = result.model_dump(by_alias=True, mode="json")
    assert result.total_rows == 3000 and dumped["schema"]["tables"][0]["rows"] == 3000
    assert dumped["schema"]["tables"][1]["rows_per_parent"] == {"parent": "customers", "min": 1, "max": 5}
    assert "orders.order_date" in dumped["sources"]


def test_one_entity_stays_one_table_through_extract_schema():
    result = asyncio.run(extract_schema("customer records with their order count",
                                        make_settings(None, llm_provider="offline")))
    assert "fields" in result.model_dump(by_alias=True, mode="json")["schema"]
