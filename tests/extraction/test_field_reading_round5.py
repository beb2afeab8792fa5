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
