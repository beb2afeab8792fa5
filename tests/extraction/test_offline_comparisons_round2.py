"""Round two of phrasings for the offline extractor, relations and headers: amortised payments, '..'
ranges, yes/no questions with a usual answer, comparisons with later columns, bracketed row counts,
header pools, day-naming labels, and the same ideas in other words."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import as_date, fields_of, generate
from tests.extraction.test_offline_phrasings_round2 import LOANS  # the loan book the code-shape tests read


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
