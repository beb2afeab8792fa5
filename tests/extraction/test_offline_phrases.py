"""The phrase parsers of the offline extractor: numbers, ranges, periods, steps, lengths, pools, lists."""

from __future__ import annotations

import pytest

from src.extraction import periods as pe
from src.extraction import phrases as ph
from src.extraction import shapes as sh
from src.extraction.fields_values import parse_value_list
from src.extraction.listing import split_description
from src.extraction.scene import find_row_count


@pytest.mark.parametrize("text, low, high, money, percent", [
    ("between 18-80", 18, 80, False, False),
    ("$0-10000", 0, 10000, True, False),
    ("(1-10)", 1, 10, False, False),
    ("-20 to 50 Celsius", -20, 50, False, False),
    ("RSSI: -100 to -30", -100, -30, False, False),
    ("$20k-$300k", 20_000, 300_000, True, False),
    ("from 1.0 to 5.0", 1.0, 5.0, False, False),
    ("0-100%", 0, 100, False, True),
    ("between $1,000 and $2,500.50", 1000, 2500.5, True, False),
    ("ranging from 5 to 15", 5, 15, False, False),
    ("€10 – €90", 10, 90, True, False),
    ("1.5M to 3M", 1_500_000, 3_000_000, False, False),
])
def test_two_sided_ranges(text, low, high, money, percent):
    found, rest = ph.find_numeric_range(text)
    assert found is not None
    assert (found.low.value, found.high.value) == (low, high)
    assert found.is_money is money
    assert found.is_percent is percent


def test_range_decimals_come_from_the_spelling():
    found, _ = ph.find_numeric_range("from 1.0 to 5.0")
    assert found.decimals == 1
    found, _ = ph.find_numeric_range("0.25 - 0.75")
    assert found.decimals == 2


@pytest.mark.parametrize("text, low, high", [
    ("up to 500", None, 500),
    ("at least 1", 1, None),
    ("max $2,500", None, 2500),
    ("minimum of 3", 3, None),
    ("no more than 40", None, 40),
    ("18+", 18, None),
])
def test_one_sided_ranges(text, low, high):
    found, _ = ph.find_numeric_range(text)
    assert found is not None
    assert (found.low.value if found.low else None) == low
    assert (found.high.value if found.high else None) == high


def test_text_without_numbers_has_no_range():
    assert ph.find_numeric_range("valid format")[0] is None


PERIODS = [
    ("last 2 years", "-2y", "now"),
    ("last 90 days", "-90d", "now"),
    ("next 60 days", "now", "+60d"),
    ("in 2024", "2024-01-01", "2024-12-31"),
    ("over the last 24 hours", "-24h", "now"),
    ("between 2020-01-01 and 2023-12-31", "2020-01-01", "2023-12-31"),
    ("last 6 months", "-6M", "now"),
    ("from the last 2 years", "-2y", "now"),
    ("past week", "-7d", "now"),
    ("last 3 weeks", "-21d", "now"),
    ("in the past year", "-1y", "now"),
    ("since 2020", "2020-01-01", "now"),
    ("Q2 2023", "2023-04-01", "2023-06-30"),
    ("2019-2021", "2019-01-01", "2021-12-31"),
    ("March 2024", "2024-03-01", "2024-03-31"),
    ("within the next two weeks", "now", "+14d"),
    ("last quarter", "-3M", "now"),
    ("5 wks ago", "-35d", "now"),
    ("over the next 2 quarters", "now", "+6M"),
    ("in the past decade", "-10y", "now"),
    ("Feb 2024", "2024-02-01", "2024-02-29"),
    ("Feb 2023", "2023-02-01", "2023-02-28"),
]


@pytest.mark.parametrize("text, start, end", PERIODS)
def test_periods(text, start, end):
    period, _ = pe.find_period(text)
    assert period is not None
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("text", [text for text, _, _ in PERIODS])
def test_periods_are_bounds_the_engine_reads(text):
    import datetime as dt

    from src.engine.timeutil import parse_time_bound

    period, _ = pe.find_period(text)
    anchor = dt.datetime(2026, 6, 15)
    assert parse_time_bound(period.start, anchor) <= parse_time_bound(period.end, anchor)


@pytest.mark.parametrize("text, step", [("every 3600 seconds", "1h"), ("every 120 seconds", "2m"),
                                        ("every 2 weeks", "14d"), ("every 3 months", None)])
def test_steps_in_whole_units_the_engine_reads(text, step):
    from src.engine.timeutil import parse_step_seconds

    assert pe.find_step(text)[0] == step
    if step is not None:
        assert parse_step_seconds(step) > 0


@pytest.mark.parametrize("text, step", [
    ("every 5 minutes", "5m"), ("every hour", "1h"), ("hourly", "1h"), ("daily", "1d"),
    ("15-minute intervals", "15m"), ("every 30 seconds", "30s"), ("every 2 hours", "2h"),
])
def test_steps(text, step):
    assert pe.find_step(text)[0] == step


@pytest.mark.parametrize("text, min_length, max_length, pattern", [
    ("5-20 characters", 5, 20, None),
    ("up to 200 characters", 1, 200, None),
    ("6 uppercase letters", None, None, "[A-Z]{6}"),
    ("8 digits", None, None, r"\d{8}"),
    ("2 letters followed by 4 digits", None, None, r"[A-Z]{2}\d{4}"),
    ("10 alphanumeric characters", None, None, "[A-Z0-9]{10}"),
])
def test_lengths(text, min_length, max_length, pattern):
    rule, _ = sh.find_length(text)
    assert rule is not None
    assert (rule.min_length, rule.max_length, rule.pattern) == (min_length, max_length, pattern)


@pytest.mark.parametrize("text, size", [
    ("from 100 sensors", 100), ("50 unique stores", 50), ("across 20 warehouses", 20), ("pool of 500", 500),
])
def test_pools(text, size):
    assert ph.find_pool(text)[0] == size


def test_a_period_is_no_pool():
    assert ph.find_pool("from the last 7 days")[0] is None


@pytest.mark.parametrize("example, pattern", [
    ("ORD-12345", r"ORD-\d{5}"), ("XX-9999", r"[A-Z]{2}-\d{4}"), ("v1.2.3", r"v\d{1}\.\d{1}\.\d{1}"),
])
def test_patterns_from_examples(example, pattern):
    assert sh.pattern_from_example(example) == pattern


@pytest.mark.parametrize("text, count", [
    ("Generate 5000 orders with:", 5000),
    ("Create 10k user profiles", 10_000),
    ("I need 1,500 rows of sales data", 1500),
    ("Make 2.5 million events", 2_500_000),
    ("A dataset of 300 records about cars", 300),
    ("Generate orders from the last 2 years", None),
    ("Generate a thousand customers", 1000),
])
def test_row_counts(text, count):
    assert find_row_count(text) == count


def test_value_lists_keep_the_text_as_written():
    items = parse_value_list("credit card, debit card, PayPal, crypto")
    assert [i.value for i in items] == ["credit card", "debit card", "PayPal", "crypto"]
    assert all(i.weight is None for i in items)


def test_value_lists_with_shares():
    items = parse_value_list("economy 70%, business 20%, first 10%")
    assert [(i.value, i.weight) for i in items] == [("economy", 70), ("business", 20), ("first", 10)]
    items = parse_value_list("60% male, 40% female")
    assert [(i.value, i.weight) for i in items] == [("male", 60), ("female", 40)]


@pytest.mark.parametrize("segment, values", [
    ("M/F", ["M", "F"]),
    ("one of: low, medium or high", ["low", "medium", "high"]),
    ("red, green and blue", ["red", "green", "blue"]),
    ("1, 2, 3, 5, 8", [1, 2, 3, 5, 8]),
])
def test_value_list_forms(segment, values):
    assert [i.value for i in parse_value_list(segment)] == values


@pytest.mark.parametrize("segment", ["unique, 5-20 characters", "valid format", "last 7 days, every 5 minutes",
                                     "for payments"])
def test_qualifiers_are_no_value_list(segment):
    assert parse_value_list(segment) is None


def test_bullets_and_prose_split_into_items():
    header, items = split_description("Generate 10 rows with:\n- Name\n* Email\n1. Age (18-30)")
    assert header.startswith("Generate 10 rows")
    assert items == ["Name", "Email", "Age (18-30)"]
    header, items = split_description("Generate staff with name, age between 20 and 60, and status (a, b)")
    assert items == ["name", "age between 20 and 60", "status (a, b)"]
