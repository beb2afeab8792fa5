"""Layout stage: markdown tables, lists followed by prose, and blocks that give no column."""

from __future__ import annotations

from src.extraction.layout import read_table, split_blocks
from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import fields_of, generate

SCHEMA_TABLE = """Generate 300 employees.

| Column | Type | Rule |
|---|---|---|
| employee_id | int | unique |
| name | string | full name |
| salary | decimal | 30000-150000 |
| dept | enum | Sales, IT, HR |"""


def test_blocks_follow_the_layout_changes():
    text = "Bike rentals, 3k rows.\nColumns:\n1. Rental ID\n2. Status (open, closed)\n| a | b |\n|---|---|\nAlso a note."
    assert [b.kind for b in split_blocks(text)] == ["prose", "list", "table", "prose"]


def test_a_table_of_columns_gives_one_column_per_row():
    fields = fields_of(SCHEMA_TABLE)
    assert list(fields) == ["employee_id", "name", "salary", "dept"]
    assert fields["name"]["type"] == "full_name"
    assert (fields["salary"]["min_value"], fields["salary"]["max_value"]) == (30000, 150000)
    assert fields["dept"]["enum_values"] == ["Sales", "IT", "HR"]
    assert extract_offline(SCHEMA_TABLE).total_rows == 300


def test_a_table_of_example_rows_gives_its_header_cells():
    assert read_table(["| name | email | age |", "|------|-------|-----|", "| Jane Doe | jane@x.com | 34 |"]) == [
        "name", "email", "age"]
    fields = fields_of("| name | email | age |\n|------|-------|-----|\n| Jane Doe | jane@x.com | 34 |")
    assert [f["type"] for f in fields.values()] == ["full_name", "email", "age"]


def test_prose_after_a_list_adds_columns():
    text = ("Generate 500 bike rentals.\n- Rental ID\n- Status (returned, late, lost)\n"
            "Also track the customer's age (18-75), the city they rented in, a membership tier of bronze, silver, "
            "gold or platinum, and the payment method, which should be card, cash or mobile wallet. "
            "Weather at pickup: sunny, cloudy, rainy. Notes should be a sentence written by staff.")
    result = extract_offline(text)
    fields = {f.name: f for f in result.schema.fields}
    assert list(fields) == ["rental_id", "status", "customer_age", "city", "membership_tier", "payment_method",
                            "weather_at_pickup", "notes"]
    assert fields["membership_tier"].constraints.enum_values == ["bronze", "silver", "gold", "platinum"]
    assert fields["payment_method"].constraints.enum_values == ["card", "cash", "mobile wallet"]
    assert fields["notes"].type == "sentence"
    rows = generate(text)
    assert all(18 <= a <= 75 for a in rows["customer_age"])
    assert result.sources["membership_tier"].startswith("membership tier")


def test_a_paragraph_after_a_list_that_names_no_column_is_reported():
    result = extract_offline("Orders:\n- Order ID\n- Amount ($5-50)\n| Column | Rule |\n|---|---|\n| Note | text |\n"
                             "Thanks so much for your help with this.")
    assert any("Thanks so much" in w for w in result.warnings)


def test_indented_properties_under_a_yaml_bullet_are_that_columns_rules():
    text = ("pump telemetry, 800 records\nfields:\n  - pump_id:\n      pool: 20 pumps\n  - read_at:\n"
            "      range: last 24 hours\n      step: every 10 minutes\n  - pressure_bar:\n      min: 1\n      max: 9\n"
            "  - mode:\n      values: [auto, manual, standby]\n")
    fields = {f.name: f for f in extract_offline(text).schema.fields}
    assert list(fields) == ["pump_id", "read_at", "pressure_bar", "mode"]
    assert fields["read_at"].constraints.step == "10m"
    rows = generate(text)
    assert len(set(rows["pump_id"])) <= 20
    assert all(1 <= v <= 9 for v in rows["pressure_bar"])
    assert set(rows["mode"]) == {"auto", "manual", "standby"}


def test_a_title_key_inside_a_column_list_is_a_column_and_a_subject_line_still_opens_a_letter():
    text = "movies:\n  rows: 200\n  columns:\n    film_id: unique\n    title: realistic film titles\n    rating: 1-5"
    assert [f.name for f in extract_offline(text).schema.fields] == ["film_id", "title", "rating"]
    listed = "Staff, 300 rows:\n- employee id\n- title: a job title that fits the team\n- salary 30000-90000"
    assert "title" in [f.name for f in extract_offline(listed).schema.fields]
    letter = ("Subject: demo leads\n\nHi all,\n\nplease make 300 rows of leads. We need the lead id (unique), company "
              "and a stage of new, qualified or won.\n\nMany thanks,\nJo")
    result = extract_offline(letter)
    assert [f.name for f in result.schema.fields] == ["lead_id", "company", "stage"] and result.total_rows == 300
