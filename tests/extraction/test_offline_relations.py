"""The offline extractor on nulls, formulas, conditions and order between fields: phrasings -> the
schema they ask for."""

from __future__ import annotations

import pytest

from tests.extraction.offline_helpers import extract, field, only


def test_optional_and_null_share():
    assert only("Middle name (optional)").constraints.nullable is True
    spec = only("Notes (30% empty)")
    assert spec.constraints.nullable and spec.constraints.null_probability == 0.3


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


def test_yes_no_condition():
    result = extract("Generate 10 invoices:\n- Paid (yes/no)\n- Payment date (only if paid)")
    assert field(result, "payment", "date").constraints.when == "paid = 'yes'"


def test_boolean_condition():
    result = extract("Generate 10 users:\n- Is premium\n- Premium since (only for premium users)")
    assert field(result, "since").constraints.when == "is_premium = TRUE"


def test_numeric_condition():
    result = extract("Generate 10 orders:\n- Amount ($1-1000)\n- Review flag note (if amount > 500)")
    assert field(result, "note").constraints.when == "amount > 500"


def test_bmi_is_derived_from_weight_and_height():
    result = extract("Generate 10 patients:\n- Height cm (150-200)\n- Weight kg (45-120)\n- BMI (calculated)")
    assert field(result, "bmi").constraints.expression == \
        "round(weight_kg / ((height_cm / 100) * (height_cm / 100)), 2)"


def test_numeric_order():
    result = extract("Generate 10 days:\n- Min temperature (-10 to 20)\n- Max temperature (0 to 40)\n"
                     "- List price ($20-200)\n- Sale price (less than list price)")
    assert field(result, "max", "temperature").constraints.after == "min_temperature"
    assert field(result, "sale").constraints.before == "list_price"


@pytest.mark.parametrize("bullet, when", [
    ("Tracking code (null if not shipped)", "status = 'shipped'"),
    ("ETA (unless cancelled)", "status != 'cancelled'"),
    ("Follow up note (empty when pending)", "status != 'pending'"),
    ("Refund note (only if status is cancelled)", "status = 'cancelled'"),
])
def test_conditions_saying_when_the_value_is_absent(bullet, when):
    result = extract("Generate 10 orders:\n- Status (pending, shipped, cancelled)\n- " + bullet)
    assert result.schema.fields[-1].constraints.when == when
