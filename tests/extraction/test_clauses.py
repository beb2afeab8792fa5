"""Clause stage: comma pieces joined into one column's value list, columns joined by 'plus', relative labels."""

from __future__ import annotations

import pytest

from src.extraction.clauses import join_value_lists, split_joined_columns, spread_ratio, trim_relative_label
from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import fields_of, generate


@pytest.mark.parametrize(("parts", "joined"), [
    (["a membership tier of bronze", "silver", "gold or platinum"], ["a membership tier: bronze, silver, gold, platinum"]),
    (["the payment method", "which should be card", "cash or mobile wallet"],
     ["the payment method: card, cash, mobile wallet"]),
    (["plan such as free", "basic", "and pro", "signup date"], ["plan: free, basic, pro", "signup date"]),
    (["number of guests", "price", "date"], ["number of guests", "price", "date"]),  # no closing 'or'/'and'
    (["name", "email", "age"], ["name", "email", "age"]),
])
def test_value_lists_introduced_by_a_word_are_one_clause(parts, joined):
    assert join_value_lists(parts) == joined


def test_plus_and_as_well_as_join_two_columns():
    assert split_joined_columns("Customer full name, plus their email address") == ["Customer full name",
                                                                                     "email address"]
    assert split_joined_columns("name as well as a phone (US format)") == ["name", "phone (US format)"]


def test_a_pronoun_clause_after_a_label_is_not_part_of_its_name():
    assert trim_relative_label("the city they rented in") == "the city"
    assert trim_relative_label("status: it is open") == "status: it is open"


def test_a_value_list_closed_by_or_ends_right_before_the_next_column():
    fields = fields_of("Generate 100 members with a tier of bronze, silver or gold, an email and a signup date")
    assert list(fields) == ["tier", "email", "signup_date"]
    assert fields["tier"]["enum_values"] == ["bronze", "silver", "gold"]


@pytest.mark.parametrize("text, first, second, low, high", [
    ("Shifts, 300 rows. Columns: nurse id, start and end times in March 2026, ward", "start_time", "end_time",
     "2026-03-01", "2026-03-31"),
    ("Rentals, 300 rows. Columns: bike id, pickup + dropoff dates in 2025, fee 5-40", "pickup_date", "dropoff_date",
     "2025-01-01", "2025-12-31"),
    ("Trades, 300 rows. Columns: ticker, buy and sell prices between 10 and 500, qty 1-100", "buy_price", "sell_price",
     10, 500),
    ("Matches, 300 rows. Columns: home and away scores 0-9, venue", "home_score", "away_score", 0, 9),
    ("Flights, 300 rows. Columns: flight no, origin and destination airports, departure and arrival times in 2026",
     "departure_time", "arrival_time", "2026-01-01", "2026-12-31"),
])
def test_two_columns_sharing_a_head_both_take_the_rule_after_it(text, first, second, low, high):
    fields = fields_of(text)
    for name in (first, second):
        assert fields[name]["min_value"] == low
        assert str(fields[name]["max_value"]).startswith(str(high)), fields[name]


@pytest.mark.parametrize("text, names", [
    ("Visits, 300 rows. Columns: visit id, arrival and departure times in 2025, both on the hour",
     ["arrival_time", "departure_time"]),
    ("Trades, 300 rows. Columns: ticker, open price 10-50, close price 10-50, both rounded to 2 decimals",
     ["open_price", "close_price"]),
    ("Loans, 300 rows. Columns: loan id, signed on, paid on, both in 2024", ["signed_on", "paid_on"]),
    ("Depots, 300 rows. Columns: origin depot, destination depot, both picked from a pool of 12 depots",
     ["origin_depot", "destination_depot"]),
    ("Contacts, 300 rows. Columns: name, office phone, mobile phone, both optional", ["office_phone", "mobile_phone"]),
])
def test_a_both_note_qualifies_the_two_columns_before_it(text, names):
    result = extract_offline(text)
    assert [f.name for f in result.schema.fields][-2:] == names
    assert any("both" in w and "note" in w for w in result.warnings)


def test_a_pool_for_both_columns_bounds_each_of_them():
    data = generate("Depots, 300 rows. Columns: origin depot, destination depot, both picked from a pool of 12 depots")
    assert len(set(data["origin_depot"])) <= 12 and len(set(data["destination_depot"])) <= 12


@pytest.mark.parametrize("text, column, values", [
    ("300 trips with trip id, duration 2-100 and whether the rider is a member or casual", "rider", ["member", "casual"]),
    ("Calls:\n- call id\n- whether the call was inbound or outbound", "call", ["inbound", "outbound"]),
    ("Sales, 300 rows: sale id, amount 1-90, whether the payment is cash or card", "payment", ["cash", "card"]),
    ("Games:\n- game id\n- whether the match was home or away\n- goals 0-9", "match", ["home", "away"]),
    ("I need 300 orders with an order id, a total of 5-90, and whether the customer is new or returning", "customer",
     ["new", "returning"]),
])
def test_whether_it_is_one_thing_or_another_is_a_choice_of_the_two(text, column, values):
    assert fields_of(text)[column]["enum_values"] == values


def test_whether_with_one_state_stays_a_yes_no_column():
    fields = fields_of("Reminders:\n- reminder id\n- whether the reminder was sent")
    assert fields["whether_reminder_was_sent"]["type"] == "boolean"


@pytest.mark.parametrize("text, column, values, weights", [
    ("Trips, 500 rows. Bike type should be classic or electric, roughly 70/30.", "bike_type",
     ["classic", "electric"], [70, 30]),
    ("Commutes, 500 rows. Mode should be walk, bike or car, about 50/30/20.", "mode", ["walk", "bike", "car"], [50, 30, 20]),
    ("Orders:\n- order id\n- channel: web or store, 80/20", "channel", ["web", "store"], [80, 20]),
    ("Patients:\n- patient id\n- sex: female or male, ~ 55/45", "sex", ["female", "male"], [55, 45]),
    ("Tests:\n- test id\n- result: pass, fail or retest 85/10/5", "result", ["pass", "fail", "retest"], [85, 10, 5]),
])
def test_a_ratio_after_a_value_list_weights_the_values_in_order(text, column, values, weights):
    field = fields_of(text)[column]
    assert field["enum_values"] == values and field["weights"] == weights


def test_a_ratio_that_does_not_match_the_values_is_left_alone():
    for item in ("channel: web, store or phone, 80/20", "grade: pass or fail, 70/20", "size: S, M or L"):
        assert spread_ratio(item) == item
