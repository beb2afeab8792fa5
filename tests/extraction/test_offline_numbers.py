"""The offline extractor on row counts, ranges, decimals, distributions and numbers by meaning:
phrasings -> the schema they ask for."""

from __future__ import annotations

import pytest

from tests.extraction.offline_helpers import extract, only


@pytest.mark.parametrize("text, rows", [
    ("Generate 5000 orders with:\n- Order ID", 5000),
    ("Create 10k users with:\n- Email", 10_000),
    ("I need 250 products: name, price", 250),
    ("Give me customers with name and email", None),
])
def test_row_count(text, rows):
    assert extract(text).total_rows == rows


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


def test_small_float_ranges_keep_two_decimals():
    spec = only("Conversion rate (0.0-1.0)")
    assert spec.type == "float" and spec.constraints.decimals == 2


def test_mean_written_as_around():
    spec = only("Score normally distributed around 70 (0-100)")
    assert spec.constraints.distribution.kind == "normal" and spec.constraints.distribution.mean == 70


def test_a_range_on_a_category_label_makes_it_numeric():
    spec = only("Heading degrees (0-359)")
    assert spec.type == "integer" and (spec.constraints.min_value, spec.constraints.max_value) == (0, 359)


@pytest.mark.parametrize("bullet, ftype", [("Trading volume (1000-10000000)", "integer"),
                                           ("Cover letter", "paragraph"), ("Store (10 stores)", "company")])
def test_more_meanings(bullet, ftype):
    assert only(bullet).type == ftype


def test_time_spans_in_units_are_numbers():
    spec = only("Delivery time (1-5 days)")
    assert spec.type == "integer" and (spec.constraints.min_value, spec.constraints.max_value) == (1, 5)
