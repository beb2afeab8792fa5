"""Domain templates: the catalog, choosing one from a request's entity, and merging it with named columns."""

from __future__ import annotations

import pytest

from src.engine import compile_schema
from src.extraction.catalog import list_template_schemas
from src.extraction.offline import extract_offline
from src.extraction.templates import find_template, load_templates
from tests.extraction.offline_helpers import generate

ENTITIES_ASKED_FOR = ["customers", "orders", "order_lines", "products", "employees", "departments", "transactions",
                      "invoices", "students", "grades", "patients", "appointments", "sensor_readings", "web_logs",
                      "tickets", "shipments", "flights", "hotels", "matches", "players"]

SHORT_REQUESTS = {
    "sales data": "sales",
    "1000 orders": "orders",
    "students and grades": "grades",
    "employees and their managers": "employees",
    "temperature readings every hour for a week": "sensor_readings",
    "web server logs": "web_logs",
    "500 patients": "patients",
    "flight bookings": "flights",
    "support tickets": "tickets",
    "football matches and players": "matches",
    "hotel reservations": "hotels",
    "order lines for an online shop": "order_lines",
    "bank transactions": "transactions",
}


def test_the_catalog_holds_at_least_sixty_entities_with_unique_keys():
    templates = load_templates()
    keys = [t.key for t in templates]
    assert len(keys) >= 60 and len(set(keys)) == len(keys)
    assert set(ENTITIES_ASKED_FOR) <= set(keys)


@pytest.mark.parametrize("entry", list_template_schemas(), ids=lambda e: e.key)
def test_every_template_is_a_realistic_schema_the_engine_runs(entry):
    fields = entry.schema.fields
    assert len(fields) >= 5 and "value" not in entry.schema.field_names()
    # each template column was read into a specific field: no unread column falls back to bare text
    written = [f for f in fields if not f.hidden]  # a hidden helper (templates' rules) is no column
    assert len(written) == len([c for c in load_templates() if c.key == entry.key][0].columns)
    plan = compile_schema(entry.schema)
    plan.check_row_count(5000)
    batch = plan.generate_chunk(0, 200).to_pydict()
    assert all(len(values) == 200 for values in batch.values())


@pytest.mark.parametrize(("text", "key"), SHORT_REQUESTS.items())
def test_a_short_request_is_completed_from_the_template_of_its_entity(text, key):
    assert find_template(text).template.key == key
    result = extract_offline(text)
    names = [f.name for f in result.schema.fields if not f.hidden]
    assert len(names) >= 5 and "value" not in names
    assert any(f"'{key}' template" in w for w in result.warnings)  # the user is told where the columns came from
    assert all(result.sources[n].startswith(f"template '{key}'") for n in names)
    compile_schema(result.schema).check_row_count(result.total_rows or 1000)


def test_the_request_own_time_grid_and_period_win_over_the_template():
    schema = extract_offline("temperature readings every hour for a week").schema
    stamp = next(f for f in schema.fields if f.type == "datetime")
    assert stamp.constraints.step == "1h" and stamp.constraints.min_value == "-7d"
    rows = compile_schema(schema).generate_chunk(0, 100).to_pydict()[stamp.name]
    assert all(r.minute == 0 and r.second == 0 for r in rows)


def test_named_columns_are_kept_and_replace_the_template_field_they_stand_for():
    result = extract_offline("1000 orders with a coupon code and status (new, paid, refunded)")
    fields = {f.name: f for f in result.schema.fields}
    assert result.total_rows == 1000
    assert "coupon_code" in fields and "order_id" in fields and "unit_price" in fields
    statuses = [f for f in fields.values() if f.name.endswith("status")]
    assert len(statuses) == 1 and statuses[0].constraints.enum_values == ["new", "paid", "refunded"]
    assert result.sources["coupon_code"] == "coupon code"
    assert "keeping" in " ".join(result.warnings)


def test_a_written_list_is_taken_as_all_the_columns_wanted():
    result = extract_offline("Create 10 users with:\n- First name and last name")
    assert result.schema.field_names() == ["first_name", "last_name"]


def test_a_misspelt_entity_finds_the_nearest_template():
    result = extract_offline("Generate 200 invioces")
    assert "invoice_number" in result.schema.field_names() and result.total_rows == 200


def test_an_unknown_request_gets_a_clear_warning_and_a_usable_schema():
    result = extract_offline("give me something nice")
    assert len(result.schema.fields) >= 4
    assert any("GET /schema/templates" in w for w in result.warnings)
    compile_schema(result.schema).check_row_count(1000)


def test_the_ui_example_reads_age_as_a_range_and_status_as_its_own_enum():
    text = ("Generate 1000 customer records with full name, email address, age between 18-80 and account status "
            "(active, inactive, suspended)")
    result = extract_offline(text)
    fields = {f.name: f for f in result.schema.fields}
    assert fields["age"].type == "age"
    assert (fields["age"].constraints.min_value, fields["age"].constraints.max_value) == (18, 80)
    assert fields["account_status"].constraints.enum_values == ["active", "inactive", "suspended"]
    rows = generate(text)
    assert all(18 <= a <= 80 for a in rows["age"])
    assert set(rows["account_status"]) == {"active", "inactive", "suspended"}
