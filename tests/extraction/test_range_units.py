"""Numbers followed by a unit: lengths are no multipliers ('1,500 m', '40 mm'), and a unit after the low end of a
range ('from 5 mm to 120 mm') keeps the range."""

from __future__ import annotations

import pytest

from src.extraction import phrases as ph
from tests.extraction.offline_helpers import fields_of


@pytest.mark.parametrize("text, low, high", [
    ("elevation gain between 50 and 1,500 m", 50, 1500),
    ("rainfall 0-40 mm", 0, 40),
    ("winter accumulation between 0 and 3,000 mm water equivalent", 0, 3000),
    ("bolt length from 5 mm to 120 mm", 5, 120),
    ("weight between 2 kg and 9 kg", 2, 9),
    ("temperature from -5 °C to 30 °C", -5, 30),
    ("revenue 1-3M", 1_000_000, 3_000_000),
    ("visits 100-3M", 100, 3_000_000),
    ("budget 2 to 9 million", 2_000_000, 9_000_000),
    ("turnover 1-2B", 1_000_000_000, 2_000_000_000),
    ("sales 5k-20k", 5_000, 20_000),
])
def test_a_range_reads_its_ends_and_only_capitals_multiply(text, low, high):
    found, _ = ph.find_numeric_range(text)
    assert (found.low.value, found.high.value) == (low, high)


def test_lengths_in_a_description_stay_lengths_and_the_next_column_keeps_its_own_range():
    fields = fields_of("400 parts with bolt length from 5 mm to 120 mm, weight 1-50 g and a maker")
    assert (fields["bolt_length"]["min_value"], fields["bolt_length"]["max_value"]) == (5, 120)
    assert (fields["weight"]["min_value"], fields["weight"]["max_value"]) == (1, 50)
