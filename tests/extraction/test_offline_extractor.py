"""The offline extractor: many phrasings -> the schema document they ask for."""

from __future__ import annotations

import re
import time

import pytest

from src.extraction.offline import OfflineExtraction, extract_offline
from src.schemas import DatasetSchema, FieldSpec


def extract(text: str) -> OfflineExtraction:
    result = extract_offline(text)
    DatasetSchema.model_validate(result.schema.model_dump())  # the document round-trips
    return result


def field(result: OfflineExtraction, *words: str) -> FieldSpec:
    """The one field whose name holds all these words."""
    hits = [f for f in result.schema.fields if all(w in f.name.split("_") for w in words)]
    assert hits, f"no field named with {words} in {result.schema.field_names()}"
    return min(hits, key=lambda f: len(f.name))


def only(text: str) -> FieldSpec:
    """The single field a one-bullet description produces."""
    result = extract("Generate 100 rows with:\n- " + text)
    assert len(result.schema.fields) == 1, result.schema.field_names()
    return result.schema.fields[0]


# ----------------------------------------------------------------------------- row counts


@pytest.mark.parametrize("text, rows", [
    ("Generate 5000 orders with:\n- Order ID", 5000),
    ("Create 10k users with:\n- Email", 10_000),
    ("I need 250 products: name, price", 250),
    ("Give me customers with name and email", None),
])
def test_row_count(text, rows):
    assert extract(text).total_rows == rows


# ----------------------------------------------------------------------------- numbers


@pytest.mark.parametrize("bullet, ftype, low, high, decimals", [
    ("Age between 18-80", "age", 18, 80, None),
    ("Quantity (1-10)", "integer", 1, 10, None),
    ("Unit price ($10-500)", "decimal", 10, 500, 2),
    ("Account balance between $0-10000", "decimal", 0, 10000, 2),
    ("Temperature (-20 to 50 Celsius)", "float", -20, 50, 1),
    ("Humidity (0-100%)", "float", 0, 100, 1),
    ("Signal strength (RSSI: -100 to -30)", "integer", -100, -30, None),
    ("Salary ($20k-$300k)", "decimal", 20_000, 300_000, 2),
    ("Rating from 1.0 to 5.0", "float", 1.0, 5.0, 1),
    ("Profile completion percentage (0-100)", "float", 0, 100, 1),
    ("Pressure (900-1100 hPa)", "float", 900, 1100, 1),
    ("Number of floors (1-40)", "integer", 1, 40, None),
    ("Weight in kg (2.5-80.0)", "float", 2.5, 80.0, 1),
    ("Score 0 to 1000", "integer", 0, 1000, None),
    ("Discount (0-30%)", "float", 0, 30, 1),
    ("Fee: €1 - €99", "decimal", 1, 99, 2),
    ("Items in cart (up to 20)", "integer", 1, 20, None),
    ("Loyalty points (at least 100)", "integer", 100, 10_000, None),
    ("Interest rate 0.5-7.25%", "float", 0.5, 7.25, 2),
    ("Ticket price ($50-$2,000)", "decimal", 50, 2000, 2),
])
def test_numeric_ranges(bullet, ftype, low, high, decimals):
    spec = only(bullet)
    assert spec.type == ftype
    assert (spec.constraints.min_value, spec.constraints.max_value) == (low, high)
    assert spec.constraints.decimals == decimals


def test_integers_stay_integers():
    spec = only("Quantity (1-10)")
    assert isinstance(spec.constraints.min_value, int) and isinstance(spec.constraints.max_value, int)


def test_money_without_a_range_leaves_the_engines_default_by_meaning():
    spec = only("Salary")
    assert spec.type == "decimal" and spec.constraints.min_value is None and spec.constraints.max_value is None
    from src.engine import compile_schema

    plan = compile_schema({"fields": [spec.model_dump(exclude_none=True)]}, seed=3)
    salaries = plan.generate_chunk(0, 500).column(spec.name).to_pylist()
    assert 15000 <= min(salaries) and max(salaries) <= 500000 and 40000 < sorted(salaries)[250] < 90000
    assert all(round(s, 2) == s for s in salaries)


def test_explicit_decimals():
    spec = only("Score (0-10, 2 decimal places)")
    assert spec.type == "float"
    assert spec.constraints.decimals == 2


def test_normal_distribution():
    spec = only("Height normally distributed with mean 170 and std 10, between 140 and 210")
    assert spec.constraints.distribution.kind == "normal"
    assert spec.constraints.distribution.mean == 170 and spec.constraints.distribution.std == 10
    assert (spec.constraints.min_value, spec.constraints.max_value) == (140, 210)


# ----------------------------------------------------------------------------- dates and times


@pytest.mark.parametrize("bullet, ftype, low, high", [
    ("Order date (last 90 days)", "date", "-90d", "now"),
    ("Registration date from the last 2 years", "date", "-2y", "now"),
    ("Appointment date (next 60 days)", "date", "now", "+60d"),
    ("Invoice date in 2024", "date", "2024-01-01", "2024-12-31"),
    ("Timestamp (over the last 24 hours)", "datetime", "-24h", "now"),
    ("Signup date between 2020-01-01 and 2023-12-31", "date", "2020-01-01", "2023-12-31"),
    ("Date and time (last 6 months)", "datetime", "-6M", "now"),
    ("Created at (last 30 days)", "datetime", "-30d", "now"),
    ("Event time in 2023", "datetime", "2023-01-01", "2023-12-31T23:59:59"),
    ("Hire date since 2015", "date", "2015-01-01", "now"),
])
def test_periods(bullet, ftype, low, high):
    spec = only(bullet)
    assert spec.type == ftype
    assert (spec.constraints.min_value, spec.constraints.max_value) == (low, high)


def test_date_and_time_is_one_datetime_field():
    result = extract("Generate 10 rows:\n- Date and time (last 6 months)")
    assert [(f.name, f.type) for f in result.schema.fields] == [("date_time", "datetime")]


def test_time_grid():
    spec = only("Timestamp (last 7 days, every 5 minutes)")
    assert spec.type == "datetime"
    assert (spec.constraints.min_value, spec.constraints.step) == ("-7d", "5m")


def test_hourly_grid():
    assert only("Reading time (hourly, last 30 days)").constraints.step == "1h"


@pytest.mark.parametrize("bullet, low, high", [
    ("Date of birth (ages 18-80)", 18, 80),
    ("Birthday (aged 21 to 65)", 21, 65),
    ("DOB", 18, 80),
])
def test_date_of_birth_bounds_are_ages(bullet, low, high):
    spec = only(bullet)
    assert spec.type == "date_of_birth"
    assert (spec.constraints.min_value, spec.constraints.max_value) == (low, high)


def test_year_range_on_a_year_column_is_numeric():
    spec = only("Enrollment year (2018-2024)")
    assert spec.type == "integer"
    assert (spec.constraints.min_value, spec.constraints.max_value) == (2018, 2024)


# ----------------------------------------------------------------------------- categories


def test_status_values_as_written():
    spec = only("Status (online, offline, error)")
    assert spec.type == "enum"
    assert spec.constraints.enum_values == ["online", "offline", "error"]
    assert spec.constraints.weights is None


def test_payment_methods_keep_their_text():
    spec = only("Payment method (credit card, debit card, PayPal, crypto)")
    assert spec.constraints.enum_values == ["credit card", "debit card", "PayPal", "crypto"]


def test_shares_become_weights():
    spec = only("Cabin class (economy 70%, business 20%, first 10%)")
    assert spec.constraints.enum_values == ["economy", "business", "first"]
    assert spec.constraints.weights == [70, 20, 10]


@pytest.mark.parametrize("bullet, values", [
    ("Status: active, inactive or banned", ["active", "inactive", "banned"]),
    ("Gender (M/F)", ["M", "F"]),
    ("Priority - one of low, medium, high", ["low", "medium", "high"]),
    ("Currency (USD, EUR, GBP, JPY)", ["USD", "EUR", "GBP", "JPY"]),
    ("Subscribed (yes/no)", ["yes", "no"]),
])
def test_value_list_forms(bullet, values):
    spec = only(bullet)
    assert spec.type == "enum"
    assert spec.constraints.enum_values == values


def test_true_false_is_a_boolean():
    assert only("Graduated (true/false)").type == "boolean"


def test_category_without_values_gets_defaults_and_a_warning():
    result = extract("Generate 10 rows:\n- Shipping method")
    spec = result.schema.fields[0]
    assert spec.type == "enum" and "express" in spec.constraints.enum_values
    assert any("shipping method" in w.lower() for w in result.warnings)


def test_category_the_engine_knows_by_name_is_left_to_it():
    result = extract("Generate 10 rows:\n- Payment method")
    spec = result.schema.fields[0]
    assert spec.type == "string" and spec.name == "payment_method" and not spec.constraints.enum_values
    assert not any("payment method" in w.lower() for w in result.warnings)


def test_realistic_country_leaves_values_to_the_engine():
    spec = only("Country (realistic distribution)")
    assert spec.type == "country"
    assert spec.constraints.enum_values is None


# ----------------------------------------------------------------------------- text, ids, lengths


def test_username_unique_with_length():
    spec = only("Username (unique, 5-20 characters)")
    assert spec.type == "username"
    assert spec.constraints.unique is True
    assert (spec.constraints.min_length, spec.constraints.max_length) == (5, 20)


def test_uppercase_letters_become_a_pattern():
    spec = only("Booking reference (6 uppercase letters)")
    assert spec.type == "code"
    assert spec.constraints.pattern == "[A-Z]{6}"


def test_user_id_uuid():
    spec = only("User ID (UUID)")
    assert spec.type == "uuid"


@pytest.mark.parametrize("text, name, prefix", [
    ("Generate 5000 orders with:\n- Order ID", "order_id", "ORD-"),
    ("Create 200 transactions with:\n- Transaction ID", "transaction_id", "TXN-"),
])
def test_own_ids_are_unique_codes(text, name, prefix):
    spec = extract(text).schema.fields[0]
    assert spec.name == name and spec.type == "code" and spec.constraints.unique
    assert spec.constraints.pattern.startswith(prefix)
    digits = int(re.search(r"\\d\{(\d+)\}", spec.constraints.pattern)[1])
    assert 10 ** digits >= 1000 * 5000


def test_other_ids_repeat():
    result = extract("Generate 5000 orders with:\n- Order ID\n- Customer ID")
    assert field(result, "order", "id").constraints.unique
    customer = field(result, "customer", "id")
    assert not customer.constraints.unique and customer.constraints.cardinality


def test_pool_of_sensors():
    spec = only("Sensor ID (from 100 sensors)")
    assert spec.type == "code"
    assert spec.constraints.cardinality == 100 and not spec.constraints.unique
    assert 10 ** int(re.search(r"\\d\{(\d+)\}", spec.constraints.pattern)[1]) >= 100


def test_example_gives_the_pattern():
    assert only("Ticket ID (format TCK-000123)").constraints.pattern == r"TCK-\d{6}"


@pytest.mark.parametrize("label, ftype", [
    ("Email address (valid format)", "email"), ("Phone number (US format)", "phone"), ("IBAN", "iban"),
    ("IP address", "ipv4"), ("User agent", "user_agent"), ("Website URL", "url"), ("SKU", "code"),
    ("Departure airport code", "airport_code"), ("Username", "username"), ("Company name", "company"),
    ("Job title", "job_title"), ("Department", "department"), ("Product name", "product_name"),
    ("City", "city"), ("Country", "country"), ("State", "state"), ("Zip code", "postal_code"),
    ("Latitude", "latitude"), ("Longitude", "longitude"), ("Credit card number", "credit_card_number"),
    ("Currency", "currency_code"), ("Description", "sentence"), ("Comment", "sentence"),
    ("Customer review", "review"), ("Account number", "account_number"), ("Full name", "full_name"),
    ("Customer name", "full_name"), ("Merchant name", "company"), ("MAC address", "mac_address"),
    ("Is active", "boolean"), ("Gender", "gender"), ("Favorite color", "color"), ("Resolved at", "datetime"),
])
def test_meaning_from_the_label(label, ftype):
    assert only(label).type == ftype


def test_first_and_last_name_become_two_fields():
    result = extract("Create 10 users with:\n- First name and last name")
    assert [(f.name, f.type) for f in result.schema.fields] == [("first_name", "first_name"),
                                                                 ("last_name", "last_name")]


def test_field_names_are_snake_case_labels():
    result = extract("Generate 10 rows:\n- Unit price ($10-500)\n- Order ID\n- Profile completion percentage (0-100)")
    assert result.schema.field_names() == ["unit_price", "order_id", "profile_completion_percentage"]


def test_unknown_label_is_text_with_a_warning():
    result = extract("Generate 10 rows:\n- Favourite spaceship")
    spec = result.schema.fields[0]
    assert spec.type == "string" and "spaceship" in spec.description.lower()
    assert any("spaceship" in w.lower() for w in result.warnings)


def test_optional_and_null_share():
    assert only("Middle name (optional)").constraints.nullable is True
    spec = only("Notes (30% empty)")
    assert spec.constraints.nullable and spec.constraints.null_probability == 0.3


# ----------------------------------------------------------------------------- links between fields


def test_calculated_total_is_quantity_times_price():
    result = extract("Generate 10 orders:\n- Quantity (1-10)\n- Unit price ($10-500)\n- Total amount (calculated)")
    total = field(result, "total")
    assert total.constraints.expression == "round(quantity * unit_price, 2)"
    assert total.constraints.decimals == 2


@pytest.mark.parametrize("bullet, expression", [
    ("Total = quantity x price", "round(quantity * price, 2)"),
    ("Total (quantity times price)", "round(quantity * price, 2)"),
    ("Total (computed as price * quantity)", "round(price * quantity, 2)"),
    ("Total (sum of price and shipping fee)", "round(price + shipping_fee, 2)"),
    ("Net (price minus shipping fee)", "round(price - shipping_fee, 2)"),
    ("Tax (8% of price)", "round(0.08 * price, 2)"),
])
def test_named_formulas(bullet, expression):
    result = extract("Generate 10 rows:\n- Quantity (1-5)\n- Price ($1-100)\n- Shipping fee ($0-20)\n- " + bullet)
    assert result.schema.fields[-1].constraints.expression == expression


def test_total_of_subtotal_and_tax():
    result = extract("Generate 10 invoices:\n- Subtotal ($100-5000)\n- Tax ($0-400)\n- Total (calculated)")
    assert field(result, "total").constraints.expression == "round(subtotal + tax, 2)"


def test_condition_matches_an_enum_value():
    result = extract("Create 10 transactions:\n- Transaction type (deposit, withdrawal, transfer, payment)\n"
                     "- Merchant name (for payments)")
    assert field(result, "merchant").constraints.when == "transaction_type = 'payment'"


@pytest.mark.parametrize("bullet, when", [
    ("Card last four (only for card payments)", "payment_method IN ('credit card', 'debit card')"),
    ("Cancellation reason (if status is cancelled)", "status = 'cancelled'"),
    ("Bonus (when status = shipped)", "status = 'shipped'"),
])
def test_conditions(bullet, when):
    result = extract("Generate 10 rows:\n- Payment method (credit card, debit card, PayPal)\n"
                     "- Status (pending, shipped, cancelled)\n- " + bullet)
    assert result.schema.fields[-1].constraints.when == when


def test_explicit_date_order():
    result = extract("Generate 10 stays:\n- Admission date (last year)\n- Discharge date (after admission)")
    assert field(result, "discharge").constraints.after == "admission_date"


def test_implicit_date_order():
    result = extract("Generate 10 orders:\n- Order date (last 90 days)\n- Ship date\n- Delivery date")
    assert field(result, "ship").constraints.after == "order_date"
    assert field(result, "delivery").constraints.after == "ship_date"


def test_prose_description():
    result = extract("I need 500 employees with first name, last name, email, department (Sales, Engineering, HR), "
                     "salary between $40k and $150k, hire date in the last 5 years, and a unique employee ID.")
    assert result.total_rows == 500
    assert [f.type for f in result.schema.fields] == ["first_name", "last_name", "email", "enum", "decimal",
                                                      "date", "code"]
    assert field(result, "salary").constraints.min_value == 40_000
    assert field(result, "employee", "id").constraints.unique


def test_numbered_list_and_plain_lines():
    result = extract("Products:\n1. SKU\n2. Price ($5-50)\n3. Stock (0-100)")
    assert result.schema.field_names() == ["sku", "price", "stock"]
    result = extract("Columns:\nname\nemail\ncity")
    assert [f.type for f in result.schema.fields] == ["full_name", "email", "city"]


def test_locale_from_the_description():
    assert extract("Generate 10 rows:\n- Phone number (US format)").schema.locale == "en_US"
    assert extract("Generate 10 rows:\n- Phone").schema.locale is None


def test_nothing_recognisable_still_gives_a_valid_schema():
    result = extract("???")
    assert len(result.schema.fields) >= 4 and "value" not in result.schema.field_names()
    assert any("names no columns and no entity" in w for w in result.warnings)


# ----------------------------------------------------------------------------- any input


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PHRASE_PIECES = ["Age", "between 18-80", "$10-500", "(a, b, c)", "last 2 years", "every 5 minutes", "from 100 sensors",
                 "calculated", "for payments", "after order date", "5-20 characters", "-", "\n- ", ",", ":", "(", ")",
                 "unique", "70%", "Generate 100 rows with", "and", "=", "x", "1.0 to 5.0", "ID", "Status"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PHRASE_PIECES), st.text(max_size=12)), max_size=30))
def test_any_text_gives_a_valid_schema(pieces):
    result = extract_offline(" ".join(pieces) or "x")
    DatasetSchema.model_validate(result.schema.model_dump())
    assert result.total_rows is None or result.total_rows > 0


LONG_INPUTS = {  # each at a scale n: the test compares n with n / 8, so no machine speed is assumed
    "commas": (lambda n: "1," * n, 8000),
    "digit runs": (lambda n: "- " + "1" * n + " - " + "2" * n, 5000),
    "repeated requests": (lambda n: "Generate 9" * n, 3000),
    "bullets": (lambda n: "Generate 100 rows with:\n" + "- Field (a, b) between 1 and 9\n" * n, 600),
}


@pytest.mark.timeout(600)  # a guard against a hang only; the assertion below is relative to this machine
@pytest.mark.parametrize("name", list(LONG_INPUTS))
def test_long_inputs_grow_at_most_a_little_faster_than_their_length(name):
    build, n = LONG_INPUTS[name]

    def seconds(text: str) -> float:
        started = time.process_time()
        result = extract_offline(text)
        assert 1 <= len(result.schema.fields) <= 500
        return time.process_time() - started

    small = seconds(build(n // 8))
    large = seconds(build(n))
    # 8x the text in at most 24x the CPU (quadratic work would take 64x); tiny times are floored at 50 ms
    assert large <= 24 * max(small, 0.05), f"{name}: {large:.2f} s for n={n} vs {small:.2f} s for n={n // 8}"


# ----------------------------------------------------------------------------- more forms


@pytest.mark.parametrize("bullet, pattern", [
    ("Employee ID (EMP followed by 5 digits)", r"EMP\d{5}"),
    ("Invoice number (starts with INV-, 6 digits)", r"INV-\d{6}"),
    ("Plate (3 letters then 3 digits)", r"[A-Z]{3}\d{3}"),
    ("PIN (4-digit)", r"\d{4}"),
    ("Firmware version (e.g. v1.2.3)", r"v\d{1}\.\d{1}\.\d{1}"),
])
def test_code_patterns(bullet, pattern):
    spec = only(bullet)
    assert spec.type == "code" and spec.constraints.pattern == pattern


def test_boolean_share():
    spec = only("Is fraud (2% true)")
    assert spec.type == "boolean"
    assert spec.constraints.enum_values == [True, False] and spec.constraints.weights == [2, 98]


def test_yes_no_condition():
    result = extract("Generate 10 invoices:\n- Paid (yes/no)\n- Payment date (only if paid)")
    assert field(result, "payment", "date").constraints.when == "paid = 'yes'"


def test_boolean_condition():
    result = extract("Generate 10 users:\n- Is premium\n- Premium since (only for premium users)")
    assert field(result, "since").constraints.when == "is_premium = TRUE"


def test_numeric_condition():
    result = extract("Generate 10 orders:\n- Amount ($1-1000)\n- Review flag note (if amount > 500)")
    assert field(result, "note").constraints.when == "amount > 500"


def test_the_qualifier_can_name_the_meaning():
    assert only("Pickup spot (city)").type == "city"


def test_inline_qualifiers_without_parentheses():
    result = extract("Generate 10 orders:\n- Status (pending, shipped, cancelled)\n"
                     "- Cancellation reason if status is cancelled\n- Order date (last 30 days)\n"
                     "- Ship date after order date")
    assert field(result, "cancellation").constraints.when == "status = 'cancelled'"
    assert field(result, "ship").constraints.after == "order_date"


def test_several_fields_in_one_bullet():
    result = extract("Generate 10 rows:\n- Latitude and longitude\n- City, state and zip code")
    assert [f.type for f in result.schema.fields] == ["latitude", "longitude", "city", "state", "postal_code"]


def test_camel_and_snake_case_labels():
    result = extract("Generate 50 rows with customerId, firstName, lastName, emailAddress, createdAt, "
                     "total_spent ($0-$5000)")
    assert result.schema.field_names() == ["customer_id", "first_name", "last_name", "email_address", "created_at",
                                           "total_spent"]
    assert [f.type for f in result.schema.fields] == ["code", "first_name", "last_name", "email", "datetime",
                                                      "decimal"]


def test_typed_lines():
    result = extract("Dataset of 200 people:\n- name: string\n- age: integer between 18 and 65\n"
                     "- signup_date: date, last 1 year\n- is_premium: boolean\n- balance: float, 2 decimals, 0 to 1000")
    assert result.total_rows == 200
    assert [f.type for f in result.schema.fields] == ["full_name", "age", "date", "boolean", "decimal"]
    assert field(result, "age").constraints.max_value == 65
    assert field(result, "signup").constraints.min_value == "-1y"


def test_bmi_is_derived_from_weight_and_height():
    result = extract("Generate 10 patients:\n- Height cm (150-200)\n- Weight kg (45-120)\n- BMI (calculated)")
    assert field(result, "bmi").constraints.expression == \
        "round(weight_kg / ((height_cm / 100) * (height_cm / 100)), 2)"


def test_pool_on_an_unknown_label_makes_codes():
    spec = only("Station (from 25 stations)")
    assert spec.type == "code" and spec.constraints.cardinality == 25


def test_labels_ending_in_since_at_on_are_dates():
    result = extract("Generate 10 users:\n- Member since (last 5 years)\n- Active since 2020\n- Created on\n"
                     "- Hire date since 2015")
    assert [(f.name, f.type) for f in result.schema.fields] == [
        ("member_since", "date"), ("active_since", "date"), ("created_on", "date"), ("hire_date", "date")]
    assert field(result, "active").constraints.min_value == "2020-01-01"


def test_numeric_order():
    result = extract("Generate 10 days:\n- Min temperature (-10 to 20)\n- Max temperature (0 to 40)\n"
                     "- List price ($20-200)\n- Sale price (less than list price)")
    assert field(result, "max", "temperature").constraints.after == "min_temperature"
    assert field(result, "sale").constraints.before == "list_price"


def test_free_text_with_a_length_limit():
    spec = only("Notes: free text, up to 200 characters")
    assert spec.type == "sentence" and spec.constraints.max_length == 200 and spec.constraints.enum_values is None


def test_coordinates_become_latitude_and_longitude():
    result = extract("Generate 10 places:\n- GPS coordinates")
    assert [f.type for f in result.schema.fields] == ["latitude", "longitude"]


def test_is_and_has_labels_are_booleans():
    result = extract("Generate 10 rows:\n- Is refund (5% true)\n- Has children\n- Refund reason (only for refunds)")
    assert [f.type for f in result.schema.fields][:2] == ["boolean", "boolean"]
    assert field(result, "reason").constraints.when == "is_refund = TRUE"


def test_small_float_ranges_keep_two_decimals():
    spec = only("Conversion rate (0.0-1.0)")
    assert spec.type == "float" and spec.constraints.decimals == 2


def test_mean_written_as_around():
    spec = only("Score normally distributed around 70 (0-100)")
    assert spec.constraints.distribution.kind == "normal" and spec.constraints.distribution.mean == 70


def test_lists_of_ranges_are_categories():
    assert only("Age group (18-24, 25-34, 35-44, 45+)").constraints.enum_values == ["18-24", "25-34", "35-44", "45+"]
    assert only("Income bracket ($0-25k, $25k-50k, $50k+)").constraints.enum_values == ["$0-25k", "$25k-50k",
                                                                                         "$50k+"]


def test_a_range_on_a_category_label_makes_it_numeric():
    spec = only("Heading degrees (0-359)")
    assert spec.type == "integer" and (spec.constraints.min_value, spec.constraints.max_value) == (0, 359)


@pytest.mark.parametrize("bullet, ftype", [("Trading volume (1000-10000000)", "integer"),
                                           ("Cover letter", "paragraph"), ("Store (10 stores)", "company")])
def test_more_meanings(bullet, ftype):
    assert only(bullet).type == ftype


def test_pool_written_as_a_bare_count():
    assert only("Warehouse (5 warehouses)").constraints.cardinality == 5


def test_title_of_a_person_is_a_job_title():
    assert [f.type for f in extract("Fake data for 50 employees: name, title, salary").schema.fields] == [
        "full_name", "job_title", "decimal"]
    assert extract("Generate 20 blog posts: title, body").schema.fields[0].type == "sentence"


@pytest.mark.parametrize("text, names", [
    ("Generate 1000 customers. Include their name, email and age between 18 and 80.", ["name", "email", "age"]),
    ("I want 300 records where each record has an order id, a price from $5 to $50 and a purchase date in 2023.",
     ["order_id", "price", "purchase_date"]),
])
def test_prose_intros(text, names):
    assert extract(text).schema.field_names() == names


@pytest.mark.parametrize("bullet, ftype, pattern", [
    ("Zip code (5 digits)", "code", r"\d{5}"),
    ("Account number (10 digits)", "code", r"\d{10}"),
    ("Phone number (format: +1-XXX-XXX-XXXX)", "phone", None),
])
def test_explicit_digits_override_a_format_only_where_it_makes_sense(bullet, ftype, pattern):
    spec = only(bullet)
    assert spec.type == ftype and spec.constraints.pattern == pattern


def test_an_example_date_is_not_the_only_day():
    spec = only("Date (e.g. 2024-01-31)")
    assert spec.type == "date" and spec.constraints.min_value != "2024-01-31"
    assert only("Event date (on 2024-05-01)").constraints.max_value == "2024-05-01"


def test_time_spans_in_units_are_numbers():
    spec = only("Delivery time (1-5 days)")
    assert spec.type == "integer" and (spec.constraints.min_value, spec.constraints.max_value) == (1, 5)


def test_plain_lines_under_a_fields_heading_in_context():
    result = extract("Generate a CSV of 400 products.\nFields:\nproduct_id\nname\nprice\ncategory")
    assert result.total_rows == 400
    assert [(f.name, f.type) for f in result.schema.fields] == [
        ("product_id", "code"), ("name", "product_name"), ("price", "decimal"), ("category", "product_category")]


@pytest.mark.parametrize("bullet, low, high", [
    ("Birthdate (between 1950 and 2005)", "1950-01-01", "2005-12-31"),
    ("Date of birth (18+)", 18, 80),
    ("Date of birth (21-65)", 21, 65),
])
def test_date_of_birth_from_years_or_ages(bullet, low, high):
    spec = only(bullet)
    assert spec.type == "date_of_birth"
    assert (spec.constraints.min_value, spec.constraints.max_value) == (low, high)


@pytest.mark.parametrize("bullet, when", [
    ("Tracking code (null if not shipped)", "status = 'shipped'"),
    ("ETA (unless cancelled)", "status != 'cancelled'"),
    ("Follow up note (empty when pending)", "status != 'pending'"),
    ("Refund note (only if status is cancelled)", "status = 'cancelled'"),
])
def test_conditions_saying_when_the_value_is_absent(bullet, when):
    result = extract("Generate 10 orders:\n- Status (pending, shipped, cancelled)\n- " + bullet)
    assert result.schema.fields[-1].constraints.when == when


def test_locale_comes_from_formats_or_the_header_not_from_value_lists():
    assert extract("Generate 500 German customers with name, city").schema.locale == "de_DE"
    assert extract("Generate 10 rows:\n- Language (English, Spanish, French)").schema.locale is None
