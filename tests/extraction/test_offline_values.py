"""The offline extractor on categories, value lists, ids, codes, pools and lengths: phrasings -> the
schema they ask for."""

from __future__ import annotations

import re

import pytest

from tests.extraction.offline_helpers import extract, field, only


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


def test_pool_on_an_unknown_label_makes_codes():
    spec = only("Station (from 25 stations)")
    assert spec.type == "code" and spec.constraints.cardinality == 25


def test_free_text_with_a_length_limit():
    spec = only("Notes: free text, up to 200 characters")
    assert spec.type == "sentence" and spec.constraints.max_length == 200 and spec.constraints.enum_values is None


def test_lists_of_ranges_are_categories():
    assert only("Age group (18-24, 25-34, 35-44, 45+)").constraints.enum_values == ["18-24", "25-34", "35-44", "45+"]
    assert only("Income bracket ($0-25k, $25k-50k, $50k+)").constraints.enum_values == ["$0-25k", "$25k-50k",
                                                                                         "$50k+"]


def test_pool_written_as_a_bare_count():
    assert only("Warehouse (5 warehouses)").constraints.cardinality == 5


@pytest.mark.parametrize("bullet, ftype, pattern", [
    ("Zip code (5 digits)", "code", r"\d{5}"),
    ("Account number (10 digits)", "code", r"\d{10}"),
    ("Phone number (format: +1-XXX-XXX-XXXX)", "phone", None),
])
def test_explicit_digits_override_a_format_only_where_it_makes_sense(bullet, ftype, pattern):
    spec = only(bullet)
    assert spec.type == ftype and spec.constraints.pattern == pattern
