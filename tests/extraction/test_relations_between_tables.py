"""Relationships between tables named by verbs other than 'has', sentences about an entity spread over a
paragraph, and section layouts (a title line first, a bare heading over bullets, a count in the heading):
each case is a description a user could write, in several domains, read into tables, parents and counts."""

from __future__ import annotations

import pytest

from src.engine.relational import compile_relational
from src.extraction.relational import extract_relational


def read_tables(text: str) -> dict[str, dict]:
    """Each table's parent, count per parent and column names; the document must compile."""
    found = extract_relational(text)
    assert found is not None, "read as one table"
    compile_relational(found.schema.model_dump(exclude_none=True), seed=1, root_rows=20)
    tables = {}
    for table in found.schema.tables:
        rpp = table.rows_per_parent
        tables[table.name] = {"parent": rpp.parent if rpp else None,
                              "count": (rpp.min, rpp.max) if rpp and rpp.min is not None else None,
                              "columns": [f.name for f in table.fields], "rows": table.rows}
    return tables


@pytest.mark.parametrize("text, parent, child, count", [
    ("A blog: 200 authors with name and email. Each author writes 1-3 posts, with title and published date.",
     "authors", "posts", (1, 3)),
    ("500 customers with name and city; every customer places up to 5 orders with order date and amount 10-500.",
     "customers", "orders", (0, 5)),
    ("30 teachers with full name and subject. A teacher teaches several classes, each with room number and start time.",
     "teachers", "classes", (2, 6)),
    ("Posts with title and body; a post receives 0-20 comments with comment text and created date.",
     "posts", "comments", (0, 20)),
    ("Each borrower shall have one to three loans. Each borrower has a full name and credit score 300-850. "
     "Each loan has a principal between 1000 and 5000.", "borrowers", "loans", (1, 3)),
    ("40 landlords with a name and phone. Every landlord owns 1 to 4 buildings, with address and monthly rent.",
     "landlords", "buildings", (1, 4)),
    ("Each patient books 2-6 appointments; patients have a full name and date of birth; appointments have a "
     "start time and a reason.", "patients", "appointments", (2, 6)),
    ("Each member borrows up to 8 loans, with a due date. Members have a name and a join date.",
     "members", "loans", (0, 8)),
])
def test_verbs_of_owning_link_a_parent_to_counted_children(text, parent, child, count):
    tables = read_tables(text)
    assert tables[child]["parent"] == parent
    assert tables[child]["count"] == count
    assert f"{parent[:-1]}_id" in tables[child]["columns"] or any(
        c.startswith(parent[:-1]) for c in tables[child]["columns"])


@pytest.mark.parametrize("text, parent, child, child_columns", [
    ("200 projects with a code, a name, a budget and a start date. Each task belongs to a project and has a title "
     "and due date.",
     "projects", "tasks", {"title", "due_date"}),
    ("50 support agents with a name; each ticket is assigned to an agent, with a subject and opened date.",
     "agents", "tickets", {"subject", "opened_date"}),
    ("100 courses with a title and credits 1-6. Each lesson is part of a course, with a topic and duration "
     "minutes 30-90.", "courses", "lessons", {"topic", "duration_minutes"}),
])
def test_belongs_to_and_is_assigned_to_keep_the_childs_own_words(text, parent, child, child_columns):
    tables = read_tables(text)
    assert tables[child]["parent"] == parent
    assert child_columns <= set(tables[child]["columns"])
    assert not child_columns & set(tables[parent]["columns"]), "the child's words went to the parent"


def test_the_sentence_that_opens_the_link_leaves_no_column_behind():
    tables = read_tables("500 customers with name and city; every customer places up to 5 orders with an order "
                         "date and amount 10-500.")
    assert "customer" not in tables["customers"]["columns"]
    tables = read_tables("300 employees with name, salary and hire date; each employee reports to another employee.")
    assert "employee" not in tables["employees"]["columns"]
    assert any(c in tables["employees"]["columns"] for c in ("manager_id", "parent_id"))


def test_an_entity_mentioned_first_without_columns_takes_its_later_sentence():
    tables = read_tables("For a stats site I need teams and their matches. There are teams, each with a team id, team "
                         "name and region (NA, EU, APAC). Then each team has 5 to 20 matches, with a match id, the "
                         "match date in the last year and kills from 0 to 60.")
    assert {"team_name", "region"} <= set(tables["teams"]["columns"])
    assert tables["matches"]["parent"] == "teams" and tables["matches"]["count"] == (5, 20)
    assert {"match_date", "kills"} <= set(tables["matches"]["columns"])


def test_an_identifier_named_identifier_is_the_key():
    tables = read_tables("Each borrower has a unique borrower identifier and a full name. Each borrower has one to "
                         "three loans, each with a principal between 1000 and 5000.")
    assert tables["borrowers"]["columns"][0] == "borrower_identifier"
    assert "borrower_id" not in tables["borrowers"]["columns"]


@pytest.mark.parametrize("text, parent, child, count", [
    ("Excavation database with sites and finds.\n\nSites:\n- site code\n- site name\n\nFinds (each site 10-60 "
     "finds):\n- find number, unique\n- material: ceramic, bone, metal", "sites", "finds", (10, 60)),
    ("A practice wants two linked tables.\n\nPatients\n- patient id\n- patient name\n\nVisits — each patient has 2 "
     "to 10\n- visit id\n- visit date (last 2 years)", "patients", "visits", (2, 10)),
    ("Shop data\nStores\n- store name\n- city\nSales (for each store 50 to 100)\n- sale date\n- amount 5-500",
     "stores", "sales", (50, 100)),
])
def test_section_layouts_with_a_title_first_and_bare_headings(text, parent, child, count):
    tables = read_tables(text)
    assert tables[child]["parent"] == parent
    assert tables[child]["count"] == count


def test_markdown_tables_under_section_headings_are_read_as_tables():
    tables = read_tables("School data:\n\n### classes\n| column | rule |\n|---|---|\n| homeroom_teacher | full name |\n"
                         "| room | 100 - 350 |\n\n### students (20-30 per class)\n| column | rule |\n|---|---|\n"
                         "| student_id | unique |\n| first_name | |\n| birth_date | students aged 12 to 18 |")
    assert {"homeroom_teacher", "room"} <= set(tables["classes"]["columns"])
    assert {"first_name", "birth_date"} <= set(tables["students"]["columns"])
    assert tables["students"]["count"] == (20, 30)
