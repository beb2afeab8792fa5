"""A numeric distribution without min/max sets the range itself: the asked median or mean holds."""

import numpy as np
import pytest

from src.engine import compile_schema


def _values(field_type: str, constraints: dict, rows: int = 20_000) -> np.ndarray:
    plan = compile_schema({"fields": [{"name": "amount_x", "type": field_type, "constraints": constraints}]},
                          seed=11)
    return plan.generate_chunk(0, rows).column(0).to_numpy()


@pytest.mark.parametrize("field_type", ["integer", "float"])
def test_lognormal_median_holds_without_a_range(field_type):
    values = _values(field_type, {"distribution": {"kind": "lognormal", "median": 60000}})
    assert abs(np.median(values) / 60000 - 1) < 0.05
    assert values.max() > 100_000  # not cut to the 0..1000 default


@pytest.mark.parametrize("field_type", ["integer", "float"])
def test_normal_mean_holds_without_a_range(field_type):
    values = _values(field_type, {"distribution": {"kind": "normal", "mean": 5000, "std": 300}})
    assert abs(values.mean() / 5000 - 1) < 0.05
    assert 4 * 300 > values.std() > 0.8 * 300


def test_exponential_mean_holds_without_a_range():
    values = _values("float", {"distribution": {"kind": "exponential", "scale": 250}})
    assert abs(values.mean() / 250 - 1) < 0.05


def test_one_bound_given_takes_the_other_from_the_distribution():
    values = _values("integer", {"min_value": 1000, "distribution": {"kind": "lognormal", "median": 60000}})
    assert values.min() >= 1000
    assert abs(np.median(values) / 60000 - 1) < 0.05


def test_stated_bounds_still_cut():
    values = _values("integer", {"min_value": 0, "max_value": 1000,
                                 "distribution": {"kind": "lognormal", "median": 60000}})
    assert values.max() <= 1000


def test_age_from_a_normal_stays_non_negative():
    values = _values("age", {"distribution": {"kind": "normal", "mean": 30, "std": 15}})
    assert values.min() >= 0
    assert abs(values.mean() / 30 - 1) < 0.1
