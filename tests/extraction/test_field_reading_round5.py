"""Single-field reading, round five: each class of rule in its own words, in several domains."""

from __future__ import annotations

import re

import pytest

from src.engine import compile_schema
from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import fields_of, generate


@pytest.mark.parametrize(("text", "column", "pattern", "sample"), [
    ("Warehouse bins, 300 rows: bin_code (W + 4 digits, unique), aisle 1-20", "bin_code", r"W\d{4}", "W0042"),
    ("Library members, 200 rows:\n- member code: M followed by 7 digits\n- name: full name", "member_code",
     r"M\d{7}", "M1234567"),
    ("Boarding passes, 500 rows:\n- pass ref: BP plus eight digits, unique\n- gate: A1, A2, B1", "pass_ref",
     r"BP\d{8}", "BP12345678"),
    ("Permits, 250 rows:\n- permit number: PRM-2026- followed by five digits\n- issued: last 90 days", "permit_number",
     r"PRM-2026-\d{5}", "PRM-2026-00017"),
    ("Support cases, 400 rows:\n- case ref: unique, in TKT-000001 format\n- opened: last 30 days", "case_ref",
     r"TKT-\d{6}", "TKT-004211"),
])
def test_a_literal_prefix_then_a_digit_count_is_the_code(text, column, pattern, sample):
    field = fields_of(text)[column]
    assert field["type"] == "code"
    assert field["pattern"] == pattern
    assert re.fullmatch(field["pattern"], sample)


def test_a_prefix_followed_by_a_number_is_a_code_of_digits_not_a_quantity():
    field = fields_of("Change requests, 300 rows:\n- ticket: CR- followed by a number, unique\n- owner: full name")["ticket"]
    assert field["type"] == "code"
    values = generate("Change requests, 300 rows:\n- ticket: CR- followed by a number, unique\n- owner: full name")["ticket"]
    assert all(re.fullmatch(r"CR-\d+", v) for v in values)


def test_a_digit_count_starting_with_digits_counts_the_whole_code():
    text = "SIM cards, 300 rows:\n- iccid: 12 digits starting with 8944\n- activated: last 60 days"
    values = generate(text)["iccid"]
    assert all(v.isdigit() and len(v) == 12 and v.startswith("8944") for v in values)


@pytest.mark.parametrize(("text", "column", "digits"), [
    ("Gym access log, 300 rows. The membership card number is 10 digits. Entry time is in the last week.",
     "membership_card_number", 10),
    ("Loyalty sign-ups, 300 rows: the rewards card is a 13-digit number, joined in the last year", "rewards_card", 13),
    ("Exam sittings, 300 rows: Candidate IDs are 9 digits, and the score runs from 0 to 100", "candidate_ids", 9),
])
def test_a_stated_digit_count_makes_a_code_of_that_many_digits(text, column, digits):
    values = generate(text)[column]
    assert all(str(v).isdigit() and len(str(v)) == digits for v in values)


def test_a_unique_integer_given_no_range_has_room_for_every_row():
    text = "Racing results, 2,000 rows:\n- car_id: unique integer\n- driver: full name\n- laps: 0 to 70"
    result = extract_offline(text)
    plan = compile_schema(result.schema)
    plan.check_row_count(result.total_rows)  # /jobs/create accepts the rows it extracted
    ids = plan.generate_chunk(0, 2000).column("car_id").to_pylist()
    assert len(set(ids)) == 2000


def test_a_unique_integer_with_too_narrow_a_range_is_widened_with_a_warning():
    result = extract_offline("Raffle entries, 800 rows:\n- ticket number: unique, 1 to 500\n- buyer: full name")
    field = next(f for f in result.schema.fields if f.name == "ticket_number")
    assert field.constraints.min_value == 1 and field.constraints.max_value >= 800
    assert any("ticket number" in w and "widened" in w for w in result.warnings)


def test_a_misspelt_head_word_wins_over_a_qualifying_word_before_it():
    fields = fields_of("Vendor list, 100 rows: vendor name, billing emial, region (north, south)")
    assert fields["billing_email"]["type"] == "email"


# ----------------------------------------------------------------------------- times and periods


@pytest.mark.parametrize(("text", "column", "low"), [
    ("Door sensor events, 500 rows:\n- opened: last 2 days, with seconds\n- door: front, back, garage", "opened", "-2d"),
    ("Taxi trips, 400 rows: pickup (last 3 wks, w/ time), fare 5-80", "pickup", "-21d"),
    ("Server heartbeats, 600 rows:\n- beat: every 5 mins over last 12h\n- host: web1, web2, db1", "beat", "-12h"),
    ("Returns log, 300 rows:\n- returned: last qtr\n- reason: damaged, wrong size, changed mind", "returned", "-3M"),
])
def test_periods_in_shorthand_give_a_moment_in_that_span(text, column, low):
    field = fields_of(text)[column]
    assert field["type"] in ("date", "datetime") and field["min_value"] == low and field["max_value"] == "now"
    if "with" in text or "w/" in text:
        assert field["type"] == "datetime"


@pytest.mark.parametrize(("text", "column", "low", "high"), [
    ("Tram inspections, 300 rows. The inspection date is in 2026, between March 3 and September 20.",
     "inspection_date", "2026-03-03", "2026-09-20"),
    ("Harvest log, 200 rows:\n- picked: in 2025 from 1 July to 15 October\n- crop: wheat, barley, oats",
     "picked", "2025-07-01", "2025-10-15"),
    ("Camp bookings, 200 rows:\n- arrival: between 5 June and 28 August 2026\n- nights: 1 to 7",
     "arrival", "2026-06-05", "2026-08-28"),
])
def test_days_of_a_year_stated_once_bound_the_dates(text, column, low, high):
    field = fields_of(text)[column]
    assert field["min_value"] == low and str(field["max_value"]).startswith(high)
    days = {as_day(v) for v in generate(text)[column]}
    assert min(days).isoformat() >= low and max(days).isoformat() <= high


def as_day(value):
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def test_a_time_after_a_date_and_time_is_a_moment_too():
    fields = fields_of("Bike hires, 300 rows:\n- taken at: date and time in the last 10 days\n"
                       "- dropped off time: after taken at\n- station: north, south, east")
    assert fields["dropped_off_time"]["type"] == "datetime"


# ----------------------------------------------------------------------------- value lists


def test_values_with_a_trailing_minus_keep_it():
    field = fields_of("Antibody screens, 300 rows:\n- rh group: A+ 40%, A- 10%, B+ 30%, B- 20%")["rh_group"]
    assert field["enum_values"] == ["A+", "A-", "B+", "B-"]


def test_a_value_with_a_count_and_a_dash_is_a_value():
    field = fields_of("Ferry tickets, 300 rows:\n- ticket: single, 5-trip, 10-trip, monthly\n- price: 3 to 90")["ticket"]
    assert field["enum_values"] == ["single", "5-trip", "10-trip", "monthly"]


def test_a_bracketed_yaml_list_lists_values():
    text = "kiosks:\n  rows: 200\n  columns:\n    - kiosk: [K1, K2, K3]\n    - uptime_pct: {min: 90, max: 100}"
    assert fields_of(text)["kiosk"]["enum_values"] == ["K1", "K2", "K3"]


def test_values_before_a_rule_are_the_list_and_the_rule_still_applies():
    text = ("Parcel returns, 400 rows:\n- refunded: yes/no\n"
            "- refund method: card, voucher or cash, only if refunded is yes")
    field = fields_of(text)["refund_method"]
    assert field["enum_values"] == ["card", "voucher", "cash"] and field["when"] == "refunded = 'yes'"


def test_shares_for_every_value_including_a_dotted_name_weight_them():
    text = "Web orders, 300 rows:\n- referrer: google, bing.com or direct, with 60% google, 25% bing.com and 15% direct"
    field = fields_of(text)["referrer"]
    assert field["enum_values"] == ["google", "bing.com", "direct"] and field["weights"] == [60, 25, 15]


def test_a_type_label_followed_by_two_kinds_of_people_lists_them():
    field = fields_of("Pool visits, 400 rows: visitor type adult or child with about 70% adults, entry time")[
        "visitor_type"]
    assert field["enum_values"] == ["adult", "child"] and field["weights"][0] == 70


def test_a_column_divided_by_a_constant_is_a_formula_not_a_list():
    text = "Salaries, 300 rows:\n- yearly pay: 30000 to 90000\n- weekly pay: yearly pay / 52, 2 decimals"
    field = fields_of(text)["weekly_pay"]
    assert "enum_values" not in field and "/ 52" in field["expression"]


# ----------------------------------------------------------------------------- flags


def test_a_flag_word_with_a_wide_range_counts():
    field = fields_of("Car parks, 200 rows:\n- spaces free: 0 to 450\n- open: yes/no")["spaces_free"]
    assert field["type"] == "integer" and field["max_value"] == 450


def test_a_type_written_in_braces_is_read():
    text = "pumps:\n  rows: 100\n  columns:\n    - heater_on: {type: boolean}\n    - flow: {min: 0, max: 20}"
    assert fields_of(text)["heater_on"]["type"] == "boolean"


def test_how_often_a_value_repeats_names_no_column():
    result = extract_offline("Visits, 300 rows:\n- patient ref: P + 6 digits (a patient can come more than once)")
    assert not any("once" in w for w in result.warnings)


def test_one_of_a_counted_pool_with_an_example_lists_no_values():
    field = fields_of("Delivery fleet, 300 rows:\n- van: one of 15 vans, with names like Blue Comet\n- stops: 5 to 40")["van"]
    assert "enum_values" not in field and field["cardinality"] == 15
