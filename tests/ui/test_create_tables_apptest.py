"""Adding and removing related tables on the Create page, through AppTest (the fake client runs the real
engine for samples, so a document the page makes is one that generates)."""

from __future__ import annotations


import pytest

from app_pages.schema_table import normalize_schema
from app_pages.table_actions import add_table

from .apptest_helpers import click_button, current_doc, load, start_app, texts, widget
from .schema_docs import PEOPLE, SHOP


def fill_add_form(app, name=None, parent=None, low=None, high=None):
    if name is not None:
        widget(app.text_input, "New table name").set_value(name)
    if parent is not None:
        widget(app.selectbox, "Child of").set_value(parent)
    app.run()
    if low is not None:
        widget(app.number_input, "Min children").set_value(low)
    if high is not None:
        widget(app.number_input, "Max children").set_value(high)
    return click_button(app, "Add the table")


def tab_labels(app):
    return [tab.label for tab in app.tabs][3:]


def test_a_one_table_schema_becomes_two_related_tables(fake_client):
    app = load(start_app(fake_client), PEOPLE)
    assert widget(app.text_input, "New table name").value == "table_2"
    fill_add_form(app, parent="table_1", low=2, high=5)
    doc = current_doc(app)
    assert [t["name"] for t in doc["tables"]] == ["table_1", "table_2"]
    people, child = doc["tables"]
    # The first table had no key: one is added, and the new table references it.
    assert people["fields"][0] == {"name": "table_1_id", "type": "sequence", "constraints": {"primary_key": True}}
    assert [f["name"] for f in people["fields"][1:]] == ["person_id", "age", "status"]
    assert child["fields"] == [
        {"name": "table_2_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "table_1_id", "type": "reference", "constraints": {"references": "table_1.table_1_id"}}]
    assert child["rows_per_parent"] == {"parent": "table_1", "min": 2, "max": 5}
    assert tab_labels(app) == ["Table table_1", "Table table_2", "JSON"]
    assert not [text for text in texts(app.error) if "problem" in text]  # it validates ...
    orders_samples = app.data_editor[1].value["samples"]
    assert all(orders_samples)  # ... and the engine makes rows of both tables
    assert any("Added the table 'table_2'" in text for text in texts(app.info))
    assert widget(app.number_input, "Max per table_1").value == 5


def test_add_a_child_of_a_table_with_a_key_and_a_table_of_its_own(fake_client):
    app = load(start_app(fake_client), SHOP)
    assert widget(app.text_input, "New table name").value == "table_3"
    fill_add_form(app, name="payments", parent="orders")
    payments = current_doc(app)["tables"][2]
    assert payments["fields"][1] == {"name": "order_id", "type": "reference",
                                     "constraints": {"references": "orders.order_id"}}
    assert payments["rows_per_parent"] == {"parent": "orders", "min": 1, "max": 3}
    assert [f["name"] for f in current_doc(app)["tables"][1]["fields"]] == ["order_id", "customer_id", "total"]
    fill_add_form(app, name="warehouses")
    warehouses = current_doc(app)["tables"][3]
    assert warehouses == {"name": "warehouses", "rows": 100, "fields": [
        {"name": "warehouses_id", "type": "sequence", "constraints": {"primary_key": True}}]}
    assert tab_labels(app)[-2:] == ["Table warehouses", "JSON"]
    normalize_schema(current_doc(app))  # a valid document


@pytest.mark.parametrize(("name", "message"), [
    ("orders", "Cannot add the table: there is already a table named 'orders'."),
    ("2nd table", "Cannot add the table: table name '2nd table' must start with a letter or _"),
    ("", "Cannot add the table: table name '' must start with a letter or _"),
])
def test_a_duplicate_or_invalid_name_is_refused(fake_client, name, message):
    app = load(start_app(fake_client), SHOP)
    before = current_doc(app)
    fill_add_form(app, name=name)
    assert any(text.startswith(message) for text in texts(app.error)), texts(app.error)
    assert current_doc(app) == before


def test_children_counts_out_of_order_are_refused(fake_client):
    app = load(start_app(fake_client), SHOP)
    before = current_doc(app)
    fill_add_form(app, name="lines", parent="orders", low=4, high=2)
    assert "Cannot add the table: min per orders (4) is greater than max (2)." in texts(app.error)
    assert current_doc(app) == before


def test_remove_a_table_after_the_confirmation(fake_client):
    app = load(start_app(fake_client), SHOP)
    fill_add_form(app, name="warehouses")
    remove_buttons = [b for b in app.button if b.label == "Remove table"]
    assert len(remove_buttons) == 3
    remove_buttons[2].click().run()
    assert any("Remove the table **warehouses** and its 1 fields" in text for text in texts(app.warning))
    assert len(current_doc(app)["tables"]) == 3  # nothing removed before the confirmation
    click_button(app, "Keep it")
    assert len(current_doc(app)["tables"]) == 3 and not texts(app.warning)
    [b for b in app.button if b.label == "Remove table"][2].click().run()
    click_button(app, "Remove it")
    assert [t["name"] for t in current_doc(app)["tables"]] == ["customers", "orders"]
    assert tab_labels(app) == ["Table customers", "Table orders", "JSON"]
    assert "Removed the table 'warehouses'." in texts(app.info)


def test_a_table_others_depend_on_is_not_removed_and_the_last_two_become_one(fake_client):
    app = load(start_app(fake_client), SHOP)
    [b for b in app.button if b.label == "Remove table"][0].click().run()
    assert any(text.startswith("Cannot remove 'customers': orders depend on it") for text in texts(app.error))
    assert not texts(app.warning) and len(current_doc(app)["tables"]) == 2
    [b for b in app.button if b.label == "Remove table"][1].click().run()
    click_button(app, "Remove it")
    # One table left: a plain document, whose rows are the job's.
    assert current_doc(app) == normalize_schema({"fields": SHOP["tables"][0]["fields"]})
    assert app.number_input(key="rows_input").value == 50
    assert tab_labels(app) == ["Table", "JSON"]
    assert not [b for b in app.button if b.label == "Remove table"]


def test_add_table_keeps_the_documents_seed_and_name():
    doc, done = add_table({"seed": 7, "name": "people", **PEOPLE}, "visits", "table_1", 0, 2)
    assert doc["seed"] == 7 and doc["name"] == "people" and "fields" not in doc
    assert done.startswith("Added the table 'visits' with its primary key 'visits_id', a reference")
    normalize_schema(doc)
