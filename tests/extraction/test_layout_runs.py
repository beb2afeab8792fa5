"""Layout stage: messy one-line runs (a title closed by its row count, then columns with no verb), 'label - values'
lines, and several columns written with no comma between them."""

from __future__ import annotations

import pytest

from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import fields_of, generate


@pytest.mark.parametrize("text, rows, columns", [
    ("kayak rentals 3k, kayak type (single, tandem), hours 1-8, deposit paid yes/no",
     3000, ["kayak_type", "hours", "deposit_paid"]),
    ("greenhouse sensor log, about 900 readings. zone (A, B, C), humidity 30-95 pct, soil temp 5-30",
     900, ["zone", "humidity", "soil_temp"]),
    ("library fines, 12k-ish. member email, fine amount 0.5-40, paid on within last yr",
     12000, ["member_email", "fine_amount", "paid_on"]),
    ("vinyl record sales ~ 800 orders. genre (jazz, soul, punk), price 8-60, condition mint/good/fair",
     800, ["genre", "price", "condition"]),
    ("ferry tickets, roughly 2,500 bookings. cabin (none, inside, outside), passengers 1-6, fare 20-300",
     2500, ["cabin", "passengers", "fare"]),
])
def test_a_title_closed_by_its_count_then_a_verbless_run_gives_the_rows_and_each_column(text, rows, columns):
    result = extract_offline(text)
    assert result.total_rows == rows
    assert [f.name for f in result.schema.fields] == columns


def test_a_verbless_run_keeps_each_columns_rules():
    fields = fields_of("vinyl record sales ~ 800 orders. genre (jazz, soul, punk), price 8-60, condition mint/good/fair")
    assert fields["genre"]["enum_values"] == ["jazz", "soul", "punk"]
    assert (fields["price"]["min_value"], fields["price"]["max_value"]) == (8, 60)
    assert fields["condition"]["enum_values"] == ["mint", "good", "fair"]
    data = generate("kayak rentals 3k, kayak type (single, tandem), hours 1-8, deposit paid yes/no")
    assert set(data["kayak_type"]) <= {"single", "tandem"} and all(1 <= h <= 8 for h in data["hours"])
    assert set(data["deposit_paid"]) <= {True, False, "yes", "no"}  # a two-valued flag, however it is stored


@pytest.mark.parametrize("text", [
    "Hourly loads for 10 days, 240 rows: timestamp, load mw 10-90",  # a span, not the title's count
    "Generate 1000 customers, name, email, age 18-80",  # a request, not a title
    "bike share rides, 10k rows. ride id (uuid). station: Central, Riverside. duration mins 2-180.",  # one per sentence
])
def test_text_that_is_no_titled_run_keeps_its_own_reader(text):
    names = [f.name for f in extract_offline(text).schema.fields]
    assert not any(name.startswith(("hourly", "generate", "bike_share")) for name in names), names


@pytest.mark.parametrize("text, column, values", [
    ("Subscriptions:\nuser_id - uuid\nplan - Free, Plus, Pro\nrenewed_on - 2024-01-01 to 2025-06-30", "plan",
     ["Free", "Plus", "Pro"]),
    ("Menu items\ndish – Soup, Salad, Stew, Pie\nprice – 4 to 19\nvegan – yes/no", "dish", ["Soup", "Salad", "Stew", "Pie"]),
    ("Boats\nhull id - unique code\nmaterial — wood, steel, fibreglass\nlength m - 4-30", "material",
     ["wood", "steel", "fibreglass"]),
    ("Tickets\nseverity - low, medium, high, critical\nopened - last 90 days", "severity",
     ["low", "medium", "high", "critical"]),
    ("Pets\nspecies - cat, dog, ferret\nweight kg - 0.5 to 40\nowner - full name", "species", ["cat", "dog", "ferret"]),
])
def test_a_label_dash_values_line_is_one_column_with_those_values(text, column, values):
    fields = fields_of(text)
    assert fields[column]["type"] == "enum" and fields[column]["enum_values"] == values
    assert not any(v.lower() in fields for v in values[1:])  # the values are no columns of their own


def test_label_dash_rule_lines_keep_their_ranges_and_dates():
    fields = fields_of("Subscriptions:\nuser_id - uuid\nplan - Free, Plus, Pro\nrenewed_on - 2024-01-01 to 2025-06-30")
    assert fields["user_id"]["type"] == "uuid"
    assert (fields["renewed_on"]["min_value"], fields["renewed_on"]["max_value"]) == ("2024-01-01", "2025-06-30")
    boats = fields_of("Boats\nhull id - unique code\nmaterial — wood, steel, fibreglass\nlength m - 4-30")
    assert (boats["length_m"]["min_value"], boats["length_m"]["max_value"]) == (4, 30)


@pytest.mark.parametrize("text, columns", [
    ("Snack orders, 500 rows. Columns: snack (chips, soda, candy) qty 1-6, price 1-9",
     {"snack": None, "qty": (1, 6), "price": (1, 9)}),
    ("Fasteners, 400 rows. Columns: bolt length 10-120 mm weight 1-50 g, finish (zinc, black)",
     {"bolt_length": (10, 120), "weight": (1, 50), "finish": None}),
    ("Gym visits, 300 rows. Columns: member id, duration 10-120 calories 50-900",
     {"member_id": None, "duration": (10, 120), "calories": (50, 900)}),
    ("Cheese wheels, 200 rows. Columns: variety (brie, gouda) age months 1-36 price 5-80",
     {"variety": None, "age_months": (1, 36), "price": (5, 80)}),
    ("Weather, 600 rows. Columns: station, temp -10 to 35 humidity 20-100",
     {"station": None, "temp": (-10, 35), "humidity": (20, 100)}),
])
def test_several_columns_with_no_comma_between_them_are_each_read(text, columns):
    fields = fields_of(text)
    assert list(fields) == list(columns)
    for name, bounds in columns.items():
        if bounds:
            assert (fields[name]["min_value"], fields[name]["max_value"]) == bounds


def test_a_weighted_value_list_is_not_cut_into_columns():
    fields = fields_of("orders (2500): order no, qty 1-20, status delivered 85% returned 10% lost 5%")
    assert fields["status"]["enum_values"] == ["delivered", "returned", "lost"]


def test_a_full_stop_inside_brackets_ends_no_column():
    fields = fields_of("cowork desk bookings, 5k-ish. member email, desk (D-001 .. D-120), seat type (hot, fixed)")
    assert list(fields) == ["member_email", "desk", "seat_type"]
    assert fields["desk"]["cardinality"] == 120
