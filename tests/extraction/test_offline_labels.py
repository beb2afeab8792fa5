"""The offline extractor on labels, their meanings and qualifiers, layouts and locales: phrasings ->
the schema they ask for."""

from __future__ import annotations

import pytest

from tests.extraction.offline_helpers import extract, field, only


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


def test_coordinates_become_latitude_and_longitude():
    result = extract("Generate 10 places:\n- GPS coordinates")
    assert [f.type for f in result.schema.fields] == ["latitude", "longitude"]


def test_is_and_has_labels_are_booleans():
    result = extract("Generate 10 rows:\n- Is refund (5% true)\n- Has children\n- Refund reason (only for refunds)")
    assert [f.type for f in result.schema.fields][:2] == ["boolean", "boolean"]
    assert field(result, "reason").constraints.when == "is_refund = TRUE"


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


def test_plain_lines_under_a_fields_heading_in_context():
    result = extract("Generate a CSV of 400 products.\nFields:\nproduct_id\nname\nprice\ncategory")
    assert result.total_rows == 400
    assert [(f.name, f.type) for f in result.schema.fields] == [
        ("product_id", "code"), ("name", "product_name"), ("price", "decimal"), ("category", "product_category")]


def test_locale_comes_from_formats_or_the_header_not_from_value_lists():
    assert extract("Generate 500 German customers with name, city").schema.locale == "de_DE"
    assert extract("Generate 10 rows:\n- Language (English, Spanish, French)").schema.locale is None
