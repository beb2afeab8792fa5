"""Cross-table rules and counts in words: an order rule lands on the table whose column it names (reading the
parent's column), a section line that links tables may go on to list columns, and a table counted at a later
mention ('employees with their manager, 300 employees') keeps its count."""

from __future__ import annotations

import pytest

from src.engine.relational import compile_relational
from src.extraction.relational import extract_relational


def _tables(text: str) -> dict[str, dict]:
    result = extract_relational(text)
    assert result is not None, text
    return {t["name"]: t for t in result.schema.model_dump(mode="json", exclude_defaults=True)["tables"]}


def _rows(text: str) -> dict[str, list[dict]]:
    doc = extract_relational(text).schema.model_dump(mode="json", exclude_defaults=True)
    plan = compile_relational(doc, seed=5, root_rows=None if doc["tables"][0].get("rows") else 40)
    return {name: t.plan.generate_chunk(0, plan.rows_per_table[name]).to_pylist() for name, t in plan.tables.items()}


def _field(table: dict, name: str) -> dict:
    return next(f for f in table["fields"] if f["name"] == name)


@pytest.mark.parametrize("text, child, column, parent_column", [
    ("Customers with name and signup date. Each customer has 1-5 orders; each order has 1-4 order lines with "
     "product and quantity. Order date after the customer's signup.", "orders", "order_date", "customers.signup_date"),
    ("Users with name and signup date. Each user has 1-3 sessions with a session date and a device; each session has "
     "0-6 events with event type and value. Session date after the user's signup date.", "sessions", "session_date",
     "users.signup_date"),
    ("Patients:\n- name\n- registration date\n\nVisits (1-4 per patient):\n- visit date\n- reason\n\n"
     "Prescriptions (1-2 per visit):\n- drug name\n- visit date after the patient's registration date", "visits",
     "visit_date", "patients.registration_date"),
])
def test_an_order_rule_lands_on_the_table_whose_column_it_names(text, child, column, parent_column):
    tables = _tables(text)
    assert _field(tables[child], column)["constraints"]["after"] == parent_column
    parent_table, parent_field = parent_column.split(".")
    rows = _rows(text)
    parents = {row[next(iter(rows[parent_table][0]))]: row for row in rows[parent_table]}
    ref = next(f["name"] for f in tables[child]["fields"] if f["type"] == "reference")
    for row in rows[child]:
        assert row[column] >= parents[row[ref]][parent_field]


def test_a_link_line_that_goes_on_to_list_columns_keeps_them():
    tables = _tables("Members: name, email, joined date.\nLoans: each member has 0-4 loans, with a loan date after the "
                     "member's joined date, a due date and a fine 0-20.")
    names = [f["name"] for f in tables["loans"]["fields"]]
    assert {"loan_date", "due_date", "fine"} <= set(names)
    assert _field(tables["loans"], "loan_date")["constraints"]["after"] == "members.joined_date"


@pytest.mark.parametrize("text, table, rows", [
    ("employees with their manager, 300 employees", "employees", 300),
    ("a table of staff members, each with a supervisor who is another staff member; about 250 staff members in total",
     "members", 250),
    ("customers with name and signup date, and their orders (1-5 per customer); 400 customers", "customers", 400),
])
def test_a_root_table_counted_at_a_later_mention_keeps_its_count(text, table, rows):
    result = extract_relational(text)
    assert _tables(text)[table]["rows"] == rows and result.total_rows == rows
