"""Round two of phrasings for the offline extractor, layout and values: constants in formulas, comma lists
after a sentence, bar- and tab-separated columns, code shapes, whole-number qualifiers, numeric lists
with a unit, 'one of' before any list, 'auto' as a value. Comparisons, header details and the same ideas
in other words are in test_offline_comparisons_round2.py."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import fields_of, generate

# ----------------------------------------------------------------------------- 1. constants and formulas


RIDES = """ride hailing trips x 5000
  trip id - unique
  driver name
  pickup time: last 7 days (with time)
  dropoff time: after pickup
  distance km: 0.5 - 45, 1 decimal
  base fare €2.50
  fare € = base fare + 1.20 * distance km, rounded to cents
  payment: card (mostly), cash, wallet"""


def test_a_currency_sign_before_equals_keeps_every_line_a_column():
    fields = fields_of(RIDES)
    assert list(fields) == ["trip_id", "driver_name", "pickup_time", "dropoff_time", "distance_km", "base_fare",
                            "fare", "payment"]
    assert extract_offline(RIDES).total_rows == 5000


def test_a_constant_line_is_a_fixed_value():
    base = fields_of(RIDES)["base_fare"]
    assert base["type"] == "decimal"
    assert base["min_value"] == base["max_value"] == 2.5


def test_a_formula_with_number_literals_becomes_an_expression():
    fare = fields_of(RIDES)["fare"]
    assert fare["expression"] == "round(base_fare + 1.20 * distance_km, 2)"
    table = generate(RIDES)
    for d, fare_value in zip(table["distance_km"], table["fare"]):
        assert float(fare_value) == pytest.approx(2.5 + 1.2 * d, abs=0.006)


def test_a_formula_may_start_with_a_constant():
    fields = fields_of("Trips, 300 rows: trip id, distance_km (0.5-45, 1 decimal), fare = 2.5 + 1.2 * distance_km")
    assert fields["fare"]["expression"] == "round(2.5 + 1.2 * distance_km, 2)"


def test_a_code_shape_with_a_plus_is_no_formula():
    fields = fields_of("Agents:\n- agent id\n- license number: 2 uppercase letters + 6 digits, unique")
    assert "expression" not in fields["license_number"]
    assert fields["license_number"]["pattern"] == r"[A-Z]{2}\d{6}"


def test_mostly_marks_the_usual_value():
    payment = fields_of(RIDES)["payment"]
    assert payment["enum_values"] == ["card", "cash", "wallet"]
    assert payment["weights"][0] > payment["weights"][1] == payment["weights"][2]
    rooms = fields_of("Hotel:\n- room type: Single / Double / Suite / Family (mostly Double)")["room_type"]
    assert rooms["enum_values"] == ["Single", "Double", "Suite", "Family"]
    assert max(rooms["weights"]) == rooms["weights"][1]


# ----------------------------------------------------------------------------- 2. comma list after a sentence; roles; teams


MATCHES = ("Football match results for a season: 380 matches. Match ID, Home Team, Away Team (different from home "
           "team), Home Score (0-7), Away Score (0-7), Kickoff (between 2025-08-15 and 2026-05-24, with time), "
           "Attendance 8k to 75k, Referee")


def test_a_comma_list_after_a_sentence_is_the_field_list():
    fields = fields_of(MATCHES)
    assert list(fields) == ["match_id", "home_team", "away_team", "home_score", "away_score", "kickoff",
                            "attendance", "referee"]
    assert extract_offline(MATCHES).total_rows == 380
    assert fields["kickoff"]["type"] == "datetime"
    assert fields["home_score"] == {**fields["home_score"], "type": "integer", "min_value": 0, "max_value": 7}


def test_an_intro_word_inside_brackets_starts_no_list():
    fields = fields_of("Events: 50 events. Event ID, Venue, Starts (next 30 days, with time), Capacity 100-500")
    assert list(fields) == ["event_id", "venue", "starts", "capacity"]


@pytest.mark.parametrize("label", ["Referee", "Umpire", "Coach", "Cashier", "Pilot"])
def test_role_nouns_are_person_names(label):
    fields = fields_of(f"Records: record id, {label}, amount (1-10)")
    assert fields[label.lower()]["type"] == "full_name"


def test_first_name_only_gives_first_names():
    fields = fields_of("QA checks:\n- check id\n- inspector (first name only)")
    assert fields["inspector"]["type"] == "first_name"


def test_teams_in_a_match_are_club_names():
    fields = fields_of(MATCHES)
    for name in ("home_team", "away_team"):
        assert fields[name]["type"] == "enum"
        values = fields[name]["enum_values"]
        assert len(values) >= 10 and all(re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)+", v) for v in values)
    table = generate(MATCHES)
    assert len(set(table["home_team"])) >= 10


def test_a_team_at_work_stays_a_department():
    fields = fields_of("Employees: employee id, full name, team")
    assert fields["team"]["type"] == "department"


# ----------------------------------------------------------------------------- 3. bars, tabs, paired weights


CHATS = ("Customer support chat transcripts: 2500 conversations.\n"
         "chat_id | agent name | customer email | started at (last 60 days) | duration in ms (between 5,000 and "
         "3,600,000) | message count: at least 2, max 60 | sentiment: positive/neutral/negative 60/30/10 | "
         "transcript (the conversation text)")


def test_bars_separate_columns():
    fields = fields_of(CHATS)
    assert list(fields) == ["chat_id", "agent_name", "customer_email", "started_at", "duration", "message_count",
                            "sentiment", "transcript"]
    assert fields["duration"]["type"] == "integer"
    assert (fields["duration"]["min_value"], fields["duration"]["max_value"]) == (5000, 3600000)
    assert (fields["message_count"]["min_value"], fields["message_count"]["max_value"]) == (2, 60)


def test_tabs_separate_columns():
    fields = fields_of("Contacts\nname\temail\tage (18-65)\tstatus: active, inactive")
    assert list(fields) == ["name", "email", "age", "status"]
    assert fields["status"]["enum_values"] == ["active", "inactive"]


def test_bars_between_values_stay_a_value_list():
    fields = fields_of("Plans:\n- plan id\n- tier: basic | pro | team")
    assert fields["tier"]["enum_values"] == ["basic", "pro", "team"]


def test_slash_values_pair_with_slash_weights():
    sentiment = fields_of(CHATS)["sentiment"]
    assert sentiment["enum_values"] == ["positive", "neutral", "negative"]
    assert sentiment["weights"] == [60.0, 30.0, 10.0]
    counts = Counter(generate(CHATS, 2000)["sentiment"])
    assert abs(counts["positive"] / 2000 - 0.6) < 0.05


# ----------------------------------------------------------------------------- 4. code shapes


LOANS = """Bank loan book: 1000 loans.
loan_id: 'LN' + 7 digits
borrower: full name
principal: 5k-300k EUR, whole euros
interest rate: 2.5% to 9.9% (annual, two decimals)
term: 12, 24, 36 or 60 months
monthly payment (standard amortised payment)
start date: 2020-01-01 .. 2026-10-31
defaulted? yes/no, mostly no"""


def test_quoted_prefix_plus_digits():
    assert fields_of(LOANS)["loan_id"]["pattern"] == r"LN\d{7}"
    assert all(re.fullmatch(r"LN\d{7}", v) for v in generate(LOANS)["loan_id"])


@pytest.mark.parametrize("phrase", ["unique 8-digit number", "8 digits", "an 8 digit number"])
def test_a_digit_count_makes_a_digit_code(phrase):
    text = f"Prescriptions (3,000). Each: rx number ({phrase}), patient name"
    rx = fields_of(text)["rx_number"]
    assert rx["type"] == "code" and rx["pattern"] == r"\d{8}"


def test_a_format_example_builds_the_pattern():
    fields = fields_of("Hotel reservations:\n• reservation code — unique, format like HTL-123456\n• guest name")
    assert fields["reservation_code"]["pattern"] == r"HTL-\d{6}"
    assert fields["reservation_code"]["unique"] is True


# ----------------------------------------------------------------------------- 5./6. qualifiers and numeric lists


def test_whole_currency_units_have_no_decimals():
    principal = fields_of(LOANS)["principal"]
    assert principal["type"] == "decimal" and principal["decimals"] == 0
    assert (principal["min_value"], principal["max_value"]) == (5000, 300000)
    assert all(float(v) == int(v) for v in generate(LOANS)["principal"])


def test_range_and_format_words_in_brackets_are_no_value_list():
    text = ("Online course enrolments, 2,400 rows. Columns: enrolment id (UUID), progress % (0-100, whole number), "
            "status - one of not started / in progress / completed")
    fields = fields_of(text)
    assert fields["progress"]["type"] == "integer"
    assert (fields["progress"]["min_value"], fields["progress"]["max_value"]) == (0, 100)
    rate = fields_of(LOANS)["interest_rate"]
    assert rate["type"] == "float" and rate["decimals"] == 2 and "enum_values" not in rate


def test_one_of_is_stripped_before_a_slash_list():
    text = "Enrolments: enrolment id, status - one of not started / in progress / completed"
    assert fields_of(text)["status"]["enum_values"] == ["not started", "in progress", "completed"]


def test_numbers_with_a_trailing_unit_list_numbers():
    term = fields_of(LOANS)["term"]
    assert term["type"] == "enum" and term["enum_values"] == [12, 24, 36, 60]
    dosage = fields_of("Prescriptions:\n- rx id\n- dosage: 5, 10, 20 or 40 mg")["dosage"]
    assert dosage["enum_values"] == [5, 10, 20, 40]


def test_auto_is_a_value_in_a_list():
    claim_type = fields_of("Insurance claims - 1800 rows\n- Claim ID (unique)\n- Claim type: auto, home, travel, health")[
        "claim_type"]
    assert claim_type["enum_values"] == ["auto", "home", "travel", "health"]
