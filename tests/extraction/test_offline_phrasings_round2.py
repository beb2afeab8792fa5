"""Round two of phrasings for the offline extractor: constants in formulas, comma lists after a sentence,
bar- and tab-separated columns, code shapes, whole-number qualifiers, numeric lists with a unit,
amortised payments, '..' ranges, yes/no questions with a usual answer, 'one of' before any list,
'auto' as a value, comparisons with later columns, bracketed row counts, header pools, day-naming labels."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import fields_of, generate



def as_date(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


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


# ----------------------------------------------------------------------------- 7./8./9. payments, '..' ranges, questions


def test_monthly_payment_is_the_amortised_formula():
    payment = fields_of(LOANS)["monthly_payment"]
    assert payment["expression"] == ("round(principal * (interest_rate / 1200) / "
                                     "(1 - pow(1 + (interest_rate / 1200), -term)), 2)")
    table = generate(LOANS)
    for p, r, n, m in zip(table["principal"], table["interest_rate"], table["term"], table["monthly_payment"]):
        want = float(p) * (r / 1200) / (1 - (1 + r / 1200) ** (-n))
        assert float(m) == pytest.approx(want, abs=0.011)


def test_double_dot_date_range():
    start = fields_of(LOANS)["start_date"]
    assert (start["min_value"], start["max_value"]) == ("2020-01-01", "2026-10-31")
    days = [as_date(v) for v in generate(LOANS)["start_date"]]
    assert min(days) >= dt.date(2020, 1, 1) and max(days) <= dt.date(2026, 10, 31)
    assert (max(days) - min(days)).days > 365


def test_a_question_label_with_a_usual_answer_is_one_column():
    fields = fields_of(LOANS)
    assert "defaulted" in fields and not any("mostly" in name for name in fields)
    defaulted = fields["defaulted"]
    assert defaulted["enum_values"] == ["yes", "no"]
    assert defaulted["weights"][1] > defaulted["weights"][0]
    counts = Counter(generate(LOANS, 1000)["defaulted"])
    assert counts["no"] > counts["yes"]


# ----------------------------------------------------------------------------- 12. comparisons, null shares, offsets


EMAILS = ("Marketing email campaign stats, 600 rows: campaign name, send date (2026), sent count 1k-50k, "
          "opened (no more than sent), clicked (no more than opened), unsubscribes 0-200, "
          "channel segment = Newsletter/Promo/Transactional")


def test_no_more_than_is_before_and_types_the_column_like_its_reference():
    fields = fields_of(EMAILS)
    assert fields["opened"]["type"] == "integer" and fields["opened"]["before"] == "sent_count"
    assert fields["clicked"]["type"] == "integer" and fields["clicked"]["before"] == "opened"
    table = generate(EMAILS)
    assert all(s >= o >= c >= 0 for s, o, c in zip(table["sent_count"], table["opened"], table["clicked"]))


def test_a_reference_to_a_later_column_resolves():
    fields = fields_of("Stats: clicked (no more than opened), opened (no more than sent), sent 100-1000")
    assert fields["clicked"]["before"] == "opened"
    assert fields["opened"]["before"] == "sent"
    assert fields["clicked"]["type"] == fields["opened"]["type"] == "integer"


def test_never_more_than_spans_the_other_range():
    text = ("Insurance claims - 1800 rows\n- Policy limit: £5,000 to £250,000\n"
            "- Claim amount in £ (never more than the policy limit)")
    amount = fields_of(text)["claim_amount"]
    assert amount["before"] == "policy_limit"
    assert amount["max_value"] == 250000


LIBRARY = ("library book loans, 2,000 of them. fields: Loan ID; ISBN (13 digits); Book Title; Member Name; "
           "Loan Date (past 90 days); Due Date (14 days after the loan date); Returned At (optional, about 30% "
           "empty, never before the loan date); Late Fee £0.00-£15.00")


def test_never_before_means_after_and_about_reads_the_share():
    returned = fields_of(LIBRARY)["returned_at"]
    assert returned["after"] == "loan_date" and "before" not in returned
    assert returned["null_probability"] == pytest.approx(0.3)


def test_days_after_another_date_is_date_add():
    due = fields_of(LIBRARY)["due_date"]
    assert due["expression"] == "date_add(loan_date, 14)"
    table = generate(LIBRARY)
    assert all((as_date(d) - as_date(l)).days == 14 for d, l in zip(table["due_date"], table["loan_date"]))
    assert all(r is None or as_date(r) >= as_date(l) for r, l in zip(table["returned_at"], table["loan_date"]))


# ----------------------------------------------------------------------------- 13./14./15. header details, day labels


@pytest.mark.parametrize("text, rows", [
    ("Pharmacy prescriptions (3,000). Each: rx number, patient name, drug name", 3000),
    ("App crash reports (7000):\n- crash id: UUID\n- os: iOS, Android", 7000),
    ("Real estate agents directory (500):\n- agent id\n- name", 500),
])
def test_a_count_in_brackets_after_the_title_is_the_row_count(text, rows):
    assert extract_offline(text).total_rows == rows


def test_a_bracketed_shape_is_no_row_count():
    assert extract_offline("Codes (6 letters):\n- code\n- label").total_rows is None


def test_the_last_noun_of_the_pool_names_the_id():
    text = ("Parking occupancy sensor feed. 12000 readings from 200 parking spots, one reading every 10 minutes. "
            "Columns: spot id, reading time, occupied (boolean), zone (North, South, East, West)")
    spot = fields_of(text)["spot_id"]
    assert spot["cardinality"] == 200 and not spot.get("unique")
    assert len(set(generate(text, 2000)["spot_id"])) <= 200


def test_a_label_naming_a_day_is_a_date():
    text = "PAYROLL export - 1,500 rows\n* Employee ID\n* Pay Period End: last day of each month in 2026\n* Gross Pay"
    period_end = fields_of(text)["pay_period_end"]
    assert period_end["type"] == "date"
    assert (period_end["min_value"], period_end["max_value"]) == ("2026-01-01", "2026-12-31")


# ----------------------------------------------------------------------------- the same ideas in other words


TAXI = """Taxi rides, 2000 rows
- ride id
- distance in miles: 1-30
- flag fall $3.00
- total fare $ = flag fall + 2.75 * distance in miles
- tip % (0-30, whole number)"""


def test_a_money_constant_is_an_amount_whatever_its_label_suggests():
    fields = fields_of(TAXI)
    assert fields["flag_fall"]["type"] == "decimal"
    assert fields["flag_fall"]["min_value"] == fields["flag_fall"]["max_value"] == 3
    assert fields["total_fare"]["expression"] == "round(flag_fall + 2.75 * distance_in_miles, 2)"


def test_a_percent_sign_in_the_label_with_whole_number_is_an_integer_percent():
    tip = fields_of(TAXI)["tip"]
    assert tip["type"] == "integer" and (tip["min_value"], tip["max_value"]) == (0, 30)


def test_true_false_with_a_usual_answer_is_a_weighted_boolean():
    churned = fields_of("Subscriptions (1,200):\n- sub id\n- churned? true/false, mostly false")["churned"]
    assert churned["type"] == "boolean"
    assert churned["enum_values"] == [True, False] and churned["weights"][1] > churned["weights"][0]


def test_a_sentence_list_may_start_lowercase_and_keep_numbers_with_or():
    text = ("Mortgages: 400 rows. loan number (10-digit), principal 100k-900k, rate 1.5%-6.5%, "
            "term in years: 10, 15, 20, 25 or 30 years, monthly repayment")
    fields = fields_of(text)
    assert list(fields) == ["loan_number", "principal", "rate", "term_in_years", "monthly_repayment"]
    assert fields["term_in_years"]["enum_values"] == [10, 15, 20, 25, 30]
    assert fields["loan_number"]["pattern"] == r"\d{10}"
    assert "(term_in_years * 12)" in fields["monthly_repayment"]["expression"]


def test_invoice_no_with_a_prefix_is_the_rows_own_unique_code():
    invoice = fields_of("Invoices\ninvoice no: 'INV-' + 6 digits\namount: 100-9000 USD, integer")["invoice_no"]
    assert invoice["pattern"] == r"INV-\d{6}" and invoice["unique"] is True


def test_a_bare_time_column_under_a_header_step_is_a_timestamp():
    fields = fields_of("Sensor readings: 5000 readings from 40 weather stations every 15 minutes. "
                       "Columns: station id, time, temp c (-10 to 35)")
    assert fields["time"]["type"] == "datetime" and fields["time"]["step"] == "15m"
    assert fields["station_id"]["cardinality"] == 40


def test_an_unknown_column_ordered_after_a_timestamp_is_a_timestamp():
    fields = fields_of("Flights (600). Each: flight no, departure (next 60 days, with time), arrival (after departure)")
    assert fields["arrival"]["type"] == "datetime" and fields["arrival"]["after"] == "departure"


def test_days_after_gives_an_expression_and_no_extra_order():
    text = ("Subscriptions (1,200):\n- sub id\n- renewal date (30 days after start date)\n"
            "- start date: 2024-01-01..2024-12-31")
    renewal = fields_of(text)["renewal_date"]
    assert renewal["expression"] == "date_add(start_date, 30)"
    assert "after" not in renewal and "before" not in renewal
    extraction = extract_offline(text)
    assert not [w for w in extraction.warnings if "renewal" in w]


def test_a_percent_sign_after_a_number_list_keeps_the_list():
    text = ("Generate 500 orders with order id, quantity (1-10), unit price ($5-$100), total = quantity x unit price, "
            "discount: 0, 5, 10 or 15 %")
    fields = fields_of(text)
    assert fields["discount"]["enum_values"] == [0, 5, 10, 15]
    assert fields["total"]["expression"] == "round(quantity * unit_price, 2)"


def test_a_span_of_days_after_a_date_is_an_order_not_a_count():
    text = ("Orders: order id, created at, shipped at (2 to 5 days after created at), "
            "delivered (no earlier than shipped at)")
    fields = fields_of(text)
    assert fields["shipped_at"]["type"] == "datetime" and fields["delivered"]["type"] == "datetime"
    assert fields["delivered"]["after"] == "shipped_at"
    rows = generate(text)  # the span holds on every row, and is not one fixed distance
    gaps = {(s - c).days for s, c in zip(rows["shipped_at"], rows["created_at"])}
    assert gaps == {2, 3, 4, 5}
    assert all(d >= s for d, s in zip(rows["delivered"], rows["shipped_at"]))


def test_a_calculated_column_carries_no_value_list():
    bmi = fields_of("Patients: patient id, weight kg (40-150), height cm (140-200), bmi = weight / (height/100)^2")["bmi"]
    assert "expression" in bmi and "enum_values" not in bmi


def test_a_numeric_value_list_can_feed_a_formula():
    text = ("Retail basket lines. 10,000 lines from 800 baskets. basket id, product, qty: 1, 2, 3 or 4, "
            "price €0.50-€80, line total = qty * price")
    fields = fields_of(text)
    assert fields["qty"]["enum_values"] == [1, 2, 3, 4]
    assert fields["line_total"]["expression"] == "round(qty * price, 2)"
    assert fields["basket_id"]["cardinality"] == 800
    table = generate(text)
    for q, p, t in zip(table["qty"], table["price"], table["line_total"]):
        assert float(t) == pytest.approx(q * float(p), abs=0.006)


def test_a_person_word_before_no_names_a_code():
    fields = fields_of("Students (900):\nstudent no | name | advisor | credits (0-180, integer)")
    assert fields["student_no"]["type"] == "code" and fields["student_no"]["unique"] is True
    assert fields["advisor"]["type"] == "full_name"
    assert fields["credits"]["type"] == "integer"


def test_a_share_of_zeros_is_no_mean_and_no_value_list():
    rain = fields_of("Weather obs x 8760\n  station id\n  rain mm (0-40, about 70% zero)")["rain_mm"]
    assert "enum_values" not in rain and "distribution" not in rain
    assert (rain["min_value"], rain["max_value"]) == (0, 40)


def test_a_known_label_before_a_comma_keeps_the_rest_as_its_description():
    fields = fields_of("App crash reports (7000):\n- crash id: UUID\n- app version, semantic versioning like 3.12.1")
    assert "app_version" in fields
    assert re.fullmatch(fields["app_version"]["pattern"], "3.12.1")


def test_mostly_after_a_comma_in_prose_stays_with_its_column():
    text = ("Energy bills, 2000 rows: account no, kwh used 50-900, unit rate £0.28, standing charge £0.45, "
            "bill = kwh used * unit rate + 30 * standing charge, paid? yes/no, mostly yes")
    fields = fields_of(text)
    assert list(fields) == ["account_no", "kwh_used", "unit_rate", "standing_charge", "bill", "paid"]
    assert fields["paid"]["weights"][0] > fields["paid"]["weights"][1]
    assert fields["bill"]["expression"] == "round(kwh_used * unit_rate + 30 * standing_charge, 2)"
    table = generate(text)
    for k, b in zip(table["kwh_used"], table["bill"]):
        assert float(b) == pytest.approx(k * 0.28 + 30 * 0.45, abs=0.006)


@pytest.mark.parametrize("line, name, values, weights", [
    ("channel: email, phone, chat 50/30/20", "channel", ["email", "phone", "chat"], [50.0, 30.0, 20.0]),
    ("tier: gold | silver | bronze (10/30/60)", "tier", ["gold", "silver", "bronze"], [10.0, 30.0, 60.0]),
    ("escalated? (yes/no, mostly no)", "escalated", ["yes", "no"], [30.0, 70.0]),
])
def test_other_spellings_of_weighted_lists(line, name, values, weights):
    field = fields_of(f"Tickets: 100 rows\n- ticket id\n- {line}")[name]
    assert field["enum_values"] == values and field["weights"] == weights


def test_a_qualifier_after_a_comma_in_a_cell_stays_with_its_column():
    text = "Drivers | 400 rows\ndriver id | licence no: 'DL' + 8 digits | points 0-12, integer | rating 1.0-5.0"
    fields = fields_of(text)
    assert list(fields) == ["driver_id", "licence_no", "points", "rating"]
    assert fields["licence_no"]["pattern"] == r"DL\d{8}"
    assert fields["points"]["type"] == "integer"


@pytest.mark.parametrize("text, names", [
    ("I need a dataset of customers for testing our CRM.\nEach customer should have: a name, an email address, "
     "a phone number and a signup date within the last two years.",
     ["name", "email_address", "phone_number", "signup_date"]),
    ("Please create 300 rows of sales data.\nColumns: region (north, south), rep name, amount between 100 and 5000 "
     "dollars, closed date in 2024", ["region", "rep_name", "amount", "closed_date"]),
    ("Generate product data\nThe fields are: sku, product name, category (toys, books, games), price from $5 to $60",
     ["sku", "product_name", "category", "price"]),
])
def test_one_long_intro_line_still_lists_the_columns(text, names):
    assert list(fields_of(text)) == names


def test_an_earlier_noun_of_the_pool_phrase_names_the_id_when_the_last_does_not():
    fields = fields_of("Footfall counts: 5000 rows across 12 retail store locations. "
                       "Columns: store id, counted at (hourly), visitors 0-500")
    assert fields["store_id"]["cardinality"] == 12 and not fields["store_id"].get("unique")
