"""Derived values and comparisons between columns stated in words: each class in several wordings and
domains, checked on the extracted rule and on generated rows (every rule holds on every row)."""

from __future__ import annotations

import datetime as dt

import pytest

from src.engine import compile_schema
from src.extraction.offline import extract_offline


def extract(text: str) -> dict[str, dict]:
    result = extract_offline(text)
    return {f.name: {"type": f.type, **f.constraints.model_dump(exclude_none=True)} for f in result.schema.fields}


def rows(text: str, n: int = 300) -> dict[str, list]:
    result = extract_offline(text)
    plan = compile_schema(result.schema.model_dump(exclude_none=True), seed=11)
    return plan.generate_chunk(0, n).to_pydict()


@pytest.mark.parametrize("text, column, a, b, scale, decimals", [
    ("Make 800 polling stations. registered_voters 300 to 5000. ballots_cast must not exceed registered_voters. "
     "turnout_pct = ballots_cast / registered_voters * 100, rounded to 1 decimal.",
     "turnout_pct", "ballots_cast", "registered_votes", 100, 1),
    ("Basketball box scores: 1,000 player-game rows. Field goals attempted range from 1 to 25, field goals made "
     "never exceed attempts, and the field goal percentage is made divided by attempted times 100, rounded to one "
     "decimal.", "field_goal_percentage", "field_goals_made", "field_goals_attempted", 100, 1),
    ("The flight dataset shall comprise 6,000 flights. Seats offered must be between 70 and 330, and seats sold "
     "must not exceed seats offered. Load factor shall be computed as seats sold divided by seats offered, expressed "
     "as a percentage rounded to one decimal place.", "load_factor", "seats_sold", "seats_offered", 100, 1),
    ("Daily ad stats, one row per campaign. Impressions run between 1,000 and 100,000 and clicks never exceed "
     "impressions. The click-through rate is clicks divided by impressions.",
     "click_through_rate", "clicks", "impressions", 1, 4),
    ("Newsletter sends: emails sent 500-20000, opens cannot exceed emails sent, open rate = opens / emails sent",
     "open_rate", "opens", "emails_sent", 1, 4),
])
def test_ratios_and_percentages_of_two_columns(text, column, a, b, scale, decimals):
    fields = extract(text)
    written = f"{a} / {b}" + (f" * {scale}" if scale != 1 else "")
    assert fields[column]["expression"] == f"round({written}, {decimals})"
    assert fields[a]["type"] == "integer" and fields[a]["before"] == b  # the count bounded by the other
    table = rows(text)
    for x, y, value in zip(table[a], table[b], table[column]):
        assert x <= y
        assert value == pytest.approx(round(x / y * scale, decimals), abs=10 ** -decimals)


@pytest.mark.parametrize("text, column, expression", [
    ("Generate 500 records with target 100-500, actual 50-600, deviation in % from the target = "
     "(actual - target) / target * 100", "deviation_in_from_target", "round((actual - target) / target * 100, 2)"),
    ("Generate 500 rows with revenue 100-10000, cost 50-8000, margin percent = (revenue - cost) / revenue * 100, "
     "rounded to 2 decimals", "margin_percent", "round((revenue - cost) / revenue * 100, 2)"),
    ("Generate 500 rows with height cm 150-200, weight kg 50-120, bmi = weight kg / (height cm / 100)^2 rounded to "
     "one decimal", "bmi", "round(weight_kg / ((height_cm / 100) * (height_cm / 100)), 1)"),
    ("need ~2k catch logs. boat name, landing date last 3 mo, catch wt approx 50-3000 kg, price per kg 1.2-6.5 eur, "
     "value = wt x price/kg (2dp), port: Peterhead or Lerwick", "value", "round(catch_wt_approx * price_per_kg, 2)"),
    ("Generate 500 records with exam1 0-100, exam2 0-100, exam3 0-100, average score = average of the three exams, "
     "rounded to 1 decimal", "average_score", "round((exam1 + exam2 + exam3) / 3, 1)"),
    ("Generate 500 rows with home goals 0-9, away goals 0-9, mean goals is the mean of home goals and away goals",
     "mean_goals", "round((home_goals + away_goals) / 2, 2)"),
    ("Generate 500 records with q1 sales 0-1000, q2 sales 0-1000, q3 sales 0-1000, q4 sales 0-1000, annual sales "
     "is the sum of q1 sales, q2 sales, q3 sales and q4 sales", "annual_sales",
     "round(q1_sales + q2_sales + q3_sales + q4_sales, 2)"),
    ("Generate 500 records with subtotal 10-1000, tax is 8% of subtotal, discount 0-20, total = subtotal + tax - "
     "discount", "total", "round(subtotal + tax - discount, 2)"),
])
def test_formulas_with_brackets_averages_sums_and_written_units(text, column, expression):
    fields = extract(text)
    assert fields[column]["expression"] == expression
    assert len(rows(text, 50)[column]) == 50  # the engine takes it


@pytest.mark.parametrize("text, column, early, late", [
    ("Generate 500 records with check-in date in 2024, check-out date 1-14 days after check-in, nights = check-out "
     "minus check-in", "nights", "check_in_date", "check_out_date"),
    ("Orders: order date in the last year, delivery date 2-9 days after the order date, transit days = days between "
     "order date and delivery date", "transit_days", "order_date", "delivery_date"),
])
def test_differences_of_dates_are_whole_days(text, column, early, late):
    fields = extract(text)
    assert fields[column] == {"type": "integer", "expression": f"days_between({early}, {late})",
                              **{k: v for k, v in fields[column].items() if k not in ("type", "expression")}}
    table = rows(text)
    for start, end, days in zip(table[early], table[late], table[column]):
        as_date = (lambda v: v.date() if isinstance(v, dt.datetime) else v)
        assert days == (as_date(end) - as_date(start)).days and days >= 1


@pytest.mark.parametrize("text, column, direction, other", [
    ("Generate 300 rows with price 10-500, discount never exceeds price", "discount", "before", "price"),
    ("Generate 300 rows with credit limit 1000-20000, balance must not exceed credit limit", "balance", "before",
     "credit_limit"),
    ("Generate 300 rows with capacity 50-500, attendees cannot exceed capacity", "attendees", "before", "capacity"),
    ("Generate 300 rows with reserve price 100-900, final bid must not be less than reserve price", "final_bid",
     "after", "reserve_price"),
    ("Generate 300 rows with max temp -10 to 40, min temp -20 to 30, max_temp is at least min_temp", "max_temp",
     "after", "min_temp"),
])
def test_comparisons_between_columns_hold_on_every_row(text, column, direction, other):
    fields = extract(text)
    assert fields[column].get(direction) == other
    table = rows(text)
    for x, y in zip(table[column], table[other]):
        assert (x <= y) if direction == "before" else (x >= y)


@pytest.mark.parametrize("text, column, expression, type_", [
    ("Generate 500 records with price 10-500, discount 0-50 (never more than price), discount pct = discount as a "
     "percentage of price", "discount_pct", "round(discount / price * 100, 2)", "decimal"),
    ("Generate 300 rows with sales 100-5000, returns never exceed sales, return share is returns as a share of sales",
     "return_share", "round(returns / sales, 4)", "float"),
    ("Generate 300 rows with spend 50-5000 dollars, clicks 1-500, cost per click is spend divided by clicks",
     "cost_per_click", "round(spend / clicks, 2)", "decimal"),
])
def test_one_column_as_a_share_or_per_unit_of_another(text, column, expression, type_):
    fields = extract(text)
    assert fields[column]["expression"] == expression
    assert fields[column]["type"] == type_  # money over a count stays money; a share of like things is a float


@pytest.mark.parametrize("text, column, other", [
    ("Generate 500 records with start date in 2024, end date on or after start date", "end_date", "start_date"),
    ("Generate 500 records with ordered at in the last year, shipped at on or after ordered at", "shipped_at",
     "ordered_at"),
])
def test_on_or_after_leaves_the_label_whole(text, column, other):
    fields = extract(text)
    assert fields[column]["after"] == other
    table = rows(text)
    assert all(late >= early for late, early in zip(table[column], table[other]))
