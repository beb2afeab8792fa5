"""Numbers: distribution parameters are absolute values, bounded draws never pile onto min/max,
a field with no range gets a default from its meaning, and `decimals` holds in text output."""

import json

import numpy as np
import pytest

from src.engine import compile_schema
from src.engine.writers import write_table_bytes
from tests.engine.conftest import ANCHOR, generate

ROWS = 20_000


def values(constraints, type_="integer", name="x", rows=ROWS):
    return np.array(generate([{"name": name, "type": type_, "constraints": constraints}], rows=rows)[name],
                    dtype=float)


@pytest.mark.parametrize("type_", ["integer", "float", "decimal"])
def test_normal_parameters_are_values_not_slots(type_):
    v = values({"min_value": 40, "max_value": 160, "distribution": {"kind": "normal", "mean": 100, "std": 15}},
               type_)
    assert abs(v.mean() - 100) < 5 and 13.5 < v.std() < 16.5


@pytest.mark.parametrize("type_", ["integer", "float"])
def test_normal_mean_off_centre_is_kept(type_):
    v = values({"min_value": 1000, "max_value": 2000, "distribution": {"kind": "normal", "mean": 1300}}, type_)
    assert abs(v.mean() - 1300) < 0.05 * 1300
    assert (v == 2000).mean() < 0.001


@pytest.mark.parametrize("type_", ["integer", "decimal"])
def test_lognormal_median_is_the_median(type_):
    v = values({"min_value": 5000, "max_value": 2_000_000,
                "distribution": {"kind": "lognormal", "median": 60000, "sigma": 0.6}}, type_)
    assert abs(np.median(v) - 60000) < 0.05 * 60000


def test_exponential_scale_is_the_mean_distance_above_min():
    v = values({"min_value": 10, "max_value": 10_000, "distribution": {"kind": "exponential", "scale": 50}}, "float")
    assert abs((v - 10).mean() - 50) < 0.05 * 50


@pytest.mark.parametrize("dist", [{"kind": "normal", "mean": 50, "std": 40},
                                  {"kind": "lognormal", "median": 80, "sigma": 1.5},
                                  {"kind": "exponential", "scale": 60}])
def test_bounded_draws_do_not_pile_up_on_min_or_max(dist):
    """Clipping would put every out-of-range draw on a bound: a bound would hold far more rows than
    its neighbour. A truncated distribution gives each bound about its neighbour's share."""
    v = values({"min_value": 0, "max_value": 100, "distribution": dist})
    for bound, neighbour in ((0, 1), (100, 99)):
        on_bound, next_to = (v == bound).mean(), (v == neighbour).mean()
        assert on_bound <= 1.5 * next_to + 0.002, (bound, on_bound, next_to)
    f = values({"min_value": 0, "max_value": 100, "distribution": dist}, "float")
    assert ((f == 0) | (f == 100)).mean() < 0.002


def test_values_stay_in_range_even_far_in_a_tail():
    v = values({"min_value": 0, "max_value": 10, "distribution": {"kind": "normal", "mean": 10, "std": 1e-4}},
               "float")
    assert v.min() >= 9.99 and v.max() <= 10


MEANING_CASES = [
    # name, type, (lo, hi), check
    ("rating", "integer", (1, 5), lambda v: v.mean() > 3.3),
    ("heart_rate", "integer", (50, 120), lambda v: 65 < np.median(v) < 85),
    ("age", "integer", (18, 90), lambda v: 35 < v.mean() < 55),
    ("completion_percentage", "float", (0, 100), lambda v: True),
    ("quantity", "integer", (1, 20), lambda v: np.median(v) <= 3),
    ("unit_price", "decimal", (0.5, 5000), lambda v: np.median(v) < 100 and v.max() > 300),
    ("annual_salary", "decimal", (15000, 500000), lambda v: abs(np.median(v) - 60000) < 3000),
    ("year", "integer", (ANCHOR.year - 25, ANCHOR.year), lambda v: v.max() == ANCHOR.year),
    ("body_temperature", "float", (35.5, 40), lambda v: abs(v.mean() - 36.9) < 0.2),
    ("credit_score", "integer", (300, 850), lambda v: 650 < v.mean() < 730),
    ("bmi", "float", (15, 45), lambda v: 24 < v.mean() < 29),
]


@pytest.mark.parametrize("name,type_,bounds,check", MEANING_CASES, ids=[c[0] for c in MEANING_CASES])
def test_a_field_without_a_range_gets_a_default_from_its_meaning(name, type_, bounds, check):
    v = values({}, type_, name=name)
    assert bounds[0] <= v.min() and v.max() <= bounds[1]
    assert v.max() - v.min() >= 0.5 * (bounds[1] - bounds[0]) or name in ("unit_price", "annual_salary")
    assert check(v)


def test_an_explicit_range_or_distribution_wins_over_the_meaning():
    v = values({"min_value": 0, "max_value": 10}, "integer", name="rating")
    assert v.max() == 10 and abs(v.mean() - 5) < 0.3  # uniform, as asked
    v = values({"distribution": {"kind": "normal", "mean": 2, "std": 0.5}}, "integer", name="rating")
    assert abs(v.mean() - 2) < 0.2


def test_a_meaning_is_read_from_the_description_too():
    fields = [{"name": "c7", "type": "integer", "description": "Heart rate of the patient at rest"}]
    v = np.array(generate(fields, rows=2000)["c7"])
    assert v.min() >= 50 and v.max() <= 120


def test_decimals_are_written_exactly_in_csv_and_json():
    fields = [{"name": "price", "type": "decimal", "constraints": {"min_value": 0, "max_value": 1000,
                                                                   "decimals": 2, "step": 0.5}},
              {"name": "whole", "type": "float", "constraints": {"min_value": 0, "max_value": 9, "decimals": 0}},
              {"name": "total", "type": "decimal", "constraints": {"expression": "price * 2", "decimals": 2}}]
    plan = compile_schema({"fields": fields}, seed=1, anchor=ANCHOR)
    batch = plan.generate_chunk(0, 400)
    csv_rows = write_table_bytes("csv", [batch], plan.arrow_schema).decode().splitlines()[1:]
    prices = [row.split(",")[0] for row in csv_rows]
    assert all(len(p.split(".")[1]) == 2 for p in prices) and any(p.endswith(".00") for p in prices)
    assert any(p.endswith(".50") for p in prices)
    assert all("." not in row.split(",")[1] for row in csv_rows)
    assert all(len(row.split(",")[2].split(".")[1]) == 2 for row in csv_rows)
    for fmt in ("json", "jsonl"):
        text = write_table_bytes(fmt, [batch], plan.arrow_schema).decode()
        assert '"price":' in text and all(
            len(part.split(",")[0].split(".")[1]) == 2 for part in text.split('"price":')[1:])
        parsed = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
        assert [r["price"] for r in parsed] == batch.column("price").to_pylist()


@pytest.mark.parametrize("locale,currency", [("ja_JP", "JPY"), ("ko_KR", "KRW"), ("vi_VN", "VND"),
                                             ("es_CL", "CLP"), ("is_IS", "ISK"), ("hu_HU", "HUF")])
def test_money_in_a_zero_decimal_currency_is_whole(locale, currency):
    """A price in yen has no cents: written '1388', not '1388.00', and its default range is in yen."""
    fields = [{"name": "currency", "type": "currency_code"}, {"name": "unit_price", "type": "decimal"},
              {"name": "total", "type": "float", "constraints": {"min_value": 100, "max_value": 5000}},
              {"name": "rating", "type": "float"}]
    plan = compile_schema({"fields": fields, "locale": locale}, seed=3, anchor=ANCHOR)
    batch = plan.generate_chunk(0, 2000)
    rows = batch.to_pydict()
    assert set(rows["currency"]) == {currency}
    assert all(v == int(v) for v in rows["unit_price"] + rows["total"])
    assert np.median(rows["unit_price"]) > 1000  # ~$10 in units worth far less than a dollar
    assert 100 <= min(rows["total"]) and max(rows["total"]) <= 5000  # a range the user gave is kept
    assert any(v != int(v) for v in rows["rating"])  # not money: keeps its decimals
    csv = write_table_bytes("csv", [batch], plan.arrow_schema).decode()
    assert not any(cell.endswith(".00") for line in csv.splitlines()[1:] for cell in line.split(",")[1:3])


def test_money_keeps_cents_in_euro_and_when_decimals_are_given():
    rows = generate([{"name": "price", "type": "decimal"}], rows=500, locale="de_DE")["price"]
    assert any(v != int(v) for v in rows)
    rows = generate([{"name": "price", "type": "decimal", "constraints": {"decimals": 2}}], rows=500,
                    locale="ja_JP")["price"]
    assert any(v != int(v) for v in rows)


@pytest.mark.parametrize("locale", [None, "ja_JP"])
def test_money_with_one_bound_gets_the_other_from_its_default(locale):
    """A DDL `price CHECK (price > 0)` gives only a minimum: the maximum comes from the default."""
    extra = {"locale": locale} if locale else {}
    rows = generate([{"name": "price", "type": "decimal", "constraints": {"min_value": 0.01}},
                     {"name": "refund", "type": "decimal", "constraints": {"max_value": 50}}], rows=500, **extra)
    assert min(rows["price"]) >= 0.01 and max(rows["price"]) > 1
    assert max(rows["refund"]) <= 50


def test_a_stated_distribution_in_a_zero_decimal_currency_is_kept_in_that_currency():
    """`price` normal mean ¥2,000 in ja_JP was refused: the default range had moved into yen, the mean not."""
    rows = generate([{"name": "price", "type": "float", "constraints": {
        "distribution": {"kind": "normal", "mean": 2000, "std": 300}}}], rows=2000, locale="ja_JP")["price"]
    assert abs(np.mean(rows) - 2000) < 100 and all(v == int(v) for v in rows)
    low = generate([{"name": "price", "type": "float", "constraints": {"min_value": 10}}], rows=2000,
                   locale="ja_JP")["price"]
    assert min(low) >= 10 and max(low) > 10_000  # the missing top is the default moved into yen
