"""Distributions named in words, with their parameters: log-normal + median, exponential + mean, normal + sd."""

from __future__ import annotations

import statistics

import pytest

from tests.extraction.offline_helpers import fields_of, generate


@pytest.mark.parametrize("text, column, kind", [
    ("1000 API requests with endpoint, status code and response time log-normal, median 120", "response_time",
     "lognormal"),
    ("trips with distance km lognormal with a median of 8 and fare", "distance_km", "lognormal"),
    ("queue calls with wait seconds exponential, mean 45, and agent name", "wait_seconds", "exponential"),
    ("students with exam score normally distributed, mean 65, sd 12", "exam_score", "normal"),
    ("parcels with weight uniform between 1 and 5 and a courier name", "weight", "uniform"),
    ("web orders: basket value right-skewed; coupon code", "basket_value", "lognormal"),
])
def test_the_distribution_name_sets_the_kind_and_stays_out_of_the_label(text, column, kind):
    fields = fields_of(text)
    assert column in fields, sorted(fields)
    assert fields[column]["distribution"]["kind"] == kind
    assert not any(word in name for name in fields for word in ("normal", "median", "exponential", "uniform"))


def test_a_stated_median_is_the_median_of_the_rows():
    values = generate("1000 API requests with response time log-normal, median 120 and endpoint", 4000)["response_time"]
    assert statistics.median(values) == pytest.approx(120, rel=0.1)


def test_a_stated_mean_is_the_mean_of_exponential_rows():
    text = "queue calls with wait seconds between 0 and 3000 exponential, mean 45, and agent name"
    assert fields_of(text)["wait_seconds"]["distribution"] == {"kind": "exponential", "scale": 45}
    assert statistics.mean(generate(text, 4000)["wait_seconds"]) == pytest.approx(45, rel=0.12)


def test_a_lognormal_spread_becomes_its_shape():
    dist = fields_of("orders with order total lognormal, median 40, sd 30 and quantity 1-5")["order_total"]["distribution"]
    assert dist["kind"] == "lognormal" and dist["median"] == 40 and 0.4 < dist["sigma"] < 0.8


def test_spread_words_in_brackets_list_no_values():
    field = fields_of("900 donations: donor id, gift 5 to 900 (strongly skewed, most gifts are small), given at")["gift"]
    assert field["type"] in ("integer", "decimal") and "enum_values" not in field
    assert field["distribution"]["kind"] == "lognormal"


@pytest.mark.parametrize("text, expected", [
    ("normal, mean 20 ± 5", {"kind": "normal", "mean": 20.0, "std": 5.0}),
    ("normal mean 20 +/- 5", {"kind": "normal", "mean": 20.0, "std": 5.0}),
    ("normal, mean 50, spread 5%", {"kind": "normal", "mean": 50.0}),
    ("log-normal, typically 40", {"kind": "lognormal", "median": 40.0}),
    ("typically 3 items", None),
])
def test_spread_signs_relative_spreads_and_typical_values(text, expected):
    from src.extraction.fields_numbers import find_distribution

    assert find_distribution(text)[0] == expected
