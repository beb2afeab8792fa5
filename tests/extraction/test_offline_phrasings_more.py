"""More phrasings for the offline extractor: slash lists, semicolon prose, row counts, labels inside
formulas, negated conditions, header details, business days, whole-number units, patterns, connectives."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from src.extraction import periods as pe
from src.extraction import shapes as sh
from src.extraction.offline import extract_offline
from src.extraction.scene import find_row_count
from tests.extraction.offline_helpers import fields_of, generate



def as_datetime(value) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return dt.datetime(value.year, value.month, value.day)


# ----------------------------------------------------------------------------- 1. spaced slash lists


@pytest.mark.parametrize("text, name, values", [
    ("Bugs: bug id, severity (minor / major / critical / blocker), reporter email", "severity",
     ["minor", "major", "critical", "blocker"]),
    ("Parcels with:\n- parcel id\n- state: at depot / out for delivery / signed for", "state",
     ["at depot", "out for delivery", "signed for"]),
    ("Accounts: account id, tier (basic / gold)", "tier", ["basic", "gold"]),
])
def test_spaced_slash_list_of_words_is_a_value_list(text, name, values):
    field = fields_of(text)[name]
    assert field["type"] == "enum"
    assert field["enum_values"] == values
    assert "expression" not in field


def test_spaced_slash_list_generates_only_its_values():
    table = generate("Bugs: bug id, severity (minor / major / critical / blocker), reporter email")
    assert set(table["severity"]) <= {"minor", "major", "critical", "blocker"}
    assert len(set(table["severity"])) == 4


def test_slash_between_numeric_columns_still_divides():
    fields = fields_of("Sessions: session id, page views (1-50), orders (0-10), conversion rate (orders / page views)")
    # a share of two columns keeps four decimals unless the text says otherwise: 1/37 is 0.027, not 0.03
    assert fields["conversion_rate"]["expression"] == "round(orders / page_views, 4)"
    table = generate("Sessions: session id, page views (1-50), orders (0-10), conversion rate (orders / page views)")
    for orders, views, rate in zip(table["orders"], table["page_views"], table["conversion_rate"]):
        assert rate == pytest.approx(orders / views, abs=0.000051)


# ----------------------------------------------------------------------------- 2. semicolon prose


LOANS = ("Loan applications, 900 records. applicant id (uuid); decision: approved, rejected, referred; "
         "product = Mortgage/Car/Personal; amount in USD 1000 to 50000; term months 12..60; "
         "rejection note only when decision is rejected (e.g. low score, high debt).")


def test_semicolons_separate_columns_and_keep_the_first_one():
    fields = fields_of(LOANS)
    assert list(fields) == ["applicant_id", "decision", "product", "amount", "term_months", "rejection_note"]
    assert fields["applicant_id"]["type"] == "uuid"
    assert fields["decision"]["enum_values"] == ["approved", "rejected", "referred"]
    assert fields["product"]["enum_values"] == ["Mortgage", "Car", "Personal"]
    assert fields["rejection_note"]["when"] == "decision = 'rejected'"


def test_semicolon_columns_generate_their_rules():
    table = generate(LOANS)
    assert set(table["decision"]) == {"approved", "rejected", "referred"}
    for decision, note in zip(table["decision"], table["rejection_note"]):
        assert (note is not None) == (decision == "rejected")
    assert all(12 <= t <= 60 for t in table["term_months"])


def test_label_then_semicolon_then_values_reads_like_a_colon():
    text = "Tickets sold x 800 --\n  ticket id\n  seat tier; stalls 50%, circle 30%, balcony 20%\n  price: $20 - $150"
    fields = fields_of(text)
    assert list(fields) == ["ticket_id", "seat_tier", "price"]
    assert fields["seat_tier"]["enum_values"] == ["stalls", "circle", "balcony"]
    assert fields["seat_tier"]["weights"] == [50.0, 30.0, 20.0]
    counts = Counter(generate(text, 2000)["seat_tier"])
    assert set(counts) == {"stalls", "circle", "balcony"}
    assert abs(counts["stalls"] / 2000 - 0.5) < 0.05


def test_semicolon_label_keeps_listed_values_instead_of_defaults():
    fields = fields_of("Flights x 100 --\n  flight number\n  travel class; economy, business\n  fare: $50 - $900")
    assert fields["travel_class"]["enum_values"] == ["economy", "business"]


# ----------------------------------------------------------------------------- 3. row counts


@pytest.mark.parametrize("text, count", [
    ("hotel stays x 3000 --", 3000),
    ("hotel stays × 1,200", 1200),
    ("Invoices (750 of them). Fields: invoice id", 750),
    ("Clickstream, anything goes. Please make 6000 rows.", 6000),
])
def test_row_count_phrasings(text, count):
    assert find_row_count(text) == count
    assert extract_offline(text + "\n  id\n  amount: $1 - $9").total_rows == count


def test_a_resolution_is_no_row_count():
    assert find_row_count("screenshots at 1920 x 1080") is None


# ----------------------------------------------------------------------------- 4. 'per' inside labels


def test_per_inside_a_column_label_is_no_division():
    text = ("Generate 300 fuel purchases:\n1. litres - 5 to 80\n2. price per litre - 1.20 to 2.10\n"
            "3. cost = litres x price per litre")
    fields = fields_of(text)
    assert fields["cost"]["expression"] == "round(litres * price_per_litre, 2)"
    table = generate(text)
    for litres, price, cost in zip(table["litres"], table["price_per_litre"], table["cost"]):
        assert float(cost) == pytest.approx(round(float(litres) * float(price), 2), abs=0.011)


def test_longest_label_wins_inside_a_formula():
    fields = fields_of("Lines: quantity (1-5), price ($1-$20), unit price ($1-$9), line total = quantity * unit price")
    assert fields["line_total"]["expression"] == "round(quantity * unit_price, 2)"


# ----------------------------------------------------------------------------- 5. negated conditions


@pytest.mark.parametrize("clause", ["isn't", "is not", "wasn't", "doesn't equal"])
def test_empty_if_status_is_not_value_means_present_only_then(clause):
    text = (f"Returns:\n- return id\n- stage: requested / approved / refunded\n"
            f"- refund date: empty if stage {clause} refunded")
    assert fields_of(text)["refund_date"]["when"] == "stage = 'refunded'"


@pytest.mark.parametrize("clause", ["aren't", "don't"])
def test_plural_contractions_negate_too(clause):
    text = f"Orders:\n- order id\n- state: open, paid\n- receipt - blank if orders {clause} paid"
    assert fields_of(text)["receipt"]["when"] == "state = 'paid'"


def test_negated_condition_generates_values_only_when_it_holds():
    table = generate("Returns:\n- return id\n- stage: requested / approved / refunded\n"
                     "- refund date: empty if stage isn't refunded")
    for stage, refunded in zip(table["stage"], table["refund_date"]):
        assert (refunded is not None) == (stage == "refunded")


# ----------------------------------------------------------------------------- 6. header details


BEEHIVES = ("Beehive scale log: 6000 rows across 30 hives, one sample every 10 minutes over the last 2 days. "
            "Columns -> hive id, sampled at, weight kg (10 to 80), and colony state (calm, swarming).")


def test_header_pool_and_grid_attach_to_the_id_and_the_timestamp():
    fields = fields_of(BEEHIVES)
    assert list(fields) == ["hive_id", "sampled_at", "weight_kg", "colony_state"]
    assert fields["hive_id"]["cardinality"] == 30
    assert not fields["hive_id"].get("unique")
    assert fields["sampled_at"]["step"] == "10m"
    assert (fields["sampled_at"]["min_value"], fields["sampled_at"]["max_value"]) == ("-2d", "now")


def test_header_details_show_in_the_data():
    table = generate(BEEHIVES)
    assert len(set(table["hive_id"])) <= 30
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)  # the anchor is taken while generating
    times = [as_datetime(t) for t in table["sampled_at"]]
    assert all(t.minute % 10 == 0 and t.second == 0 for t in times)
    assert all(now - dt.timedelta(days=2, hours=1) <= t <= now + dt.timedelta(minutes=1) for t in times)


def test_row_count_in_the_header_is_no_year():
    fields = fields_of("Make a table of 2000 orders with: order id, order date, amount")
    assert fields["order_date"]["min_value"] != "2000-01-01"


def test_header_period_needs_a_single_date_column():
    fields = fields_of("Trips over the last 3 days: trip id, start time, end time")
    assert fields["start_time"].get("min_value") != "-3d"


# ----------------------------------------------------------------------------- 7. business days


@pytest.mark.parametrize("text, start", [
    ("past 5 business days", "-7d"),
    ("last 10 trading days", "-14d"),
    ("previous 3 working days", "-5d"),
])
def test_business_days_become_calendar_days(text, start):
    period, _ = pe.find_period(text)
    assert (period.start, period.end) == (start, "now")


def test_business_days_with_time_is_a_recent_datetime():
    field = fields_of("Fills: fill id, filled at - past 5 business days, with time")["filled_at"]
    assert (field["type"], field["min_value"]) == ("datetime", "-7d")


# ----------------------------------------------------------------------------- 8. whole-number units


@pytest.mark.parametrize("text, name, low, high", [
    ("Stays: guest name, nights booked in nights (1 to 14)", "nights_booked", 1, 14),
    ("Visits: visit id, duration in days (2 to 40)", "duration", 2, 40),
    ("Downloads: file id, file size in bytes between 100 and 90000", "file_size", 100, 90000),
])
def test_whole_number_units_are_integers(text, name, low, high):
    field = fields_of(text)[name]
    assert (field["type"], field["min_value"], field["max_value"]) == ("integer", low, high)


def test_fractional_bounds_keep_a_float():
    assert fields_of("Visits: visit id, duration in days (0.5 to 4.5)")["duration"]["type"] == "float"


def test_whole_number_units_generate_integers():
    table = generate("Downloads: file id, file size in bytes between 100 and 90000")
    assert all(isinstance(v, int) and 100 <= v <= 90000 for v in table["file_size"])


# ----------------------------------------------------------------------------- 9. patterns


def test_no_pattern_on_semantic_types():
    fields = fields_of("Routes:\n- route id\n- from airport (3-letter IATA code)\n- currency (3-letter ISO code)")
    for name, field in fields.items():
        if field["type"] not in ("string", "code"):
            assert "pattern" not in field, name
    assert fields["from_airport"]["type"] == "airport_code"
    table = generate("Routes:\n- route id\n- from airport (3-letter IATA code)")
    assert all(len(v) == 3 and v.isupper() for v in table["from_airport"])


@pytest.mark.parametrize("text, pattern", [
    ("8 uppercase letters/digits", "[A-Z0-9]{8}"),
    ("6 letters or digits", "[A-Z0-9]{6}"),
    ("5 digits/letters", "[A-Z0-9]{5}"),
    ("2 letters followed by 4 digits", r"[A-Z]{2}\d{4}"),
])
def test_letters_or_digits_mix_both(text, pattern):
    rule, _ = sh.find_length(text)
    assert rule.pattern == pattern


def test_letters_digits_code_generates_mixed_codes():
    text = "Vouchers x 500 --\n  voucher code: 8 uppercase letters/digits, unique\n  value: $5 - $50"
    assert fields_of(text)["voucher_code"]["pattern"] == "[A-Z0-9]{8}"
    codes = generate(text, 500)["voucher_code"]
    assert all(len(c) == 8 and c.isalnum() and c.upper() == c for c in codes)
    assert any(any(ch.isdigit() for ch in c) for c in codes) and any(any(ch.isalpha() for ch in c) for c in codes)


# ----------------------------------------------------------------------------- 10. connective phrases


@pytest.mark.parametrize("tail", [
    "and it must come after opened at",
    "which must be after opened at",
    "and they always follow opened at",
])
def test_connective_phrase_attaches_to_the_previous_column(tail):
    text = f"Cases. Fields: case id, opened at (past 30 days), closed at -- only for closed cases, {tail}, priority (low, high)"
    fields = fields_of(text)
    assert list(fields) == ["case_id", "opened_at", "closed_at", "priority"]
    assert fields["closed_at"]["after"] == "opened_at"


def test_with_time_after_a_comma_is_no_column():
    fields = fields_of("Logins: user id, logged in at - last 7 days, with time, device (mobile, desktop)")
    assert list(fields) == ["user_id", "logged_in_at", "device"]
    assert fields["logged_in_at"]["type"] == "datetime"


def test_header_pool_names_a_foreign_id_and_a_rate_is_no_grid():
    fields = fields_of("Generate 1000 orders from 200 customers, about 50 orders per day: "
                       "order id, customer id, ordered at, amount")
    assert fields["order_id"]["unique"] is True
    assert fields["customer_id"]["cardinality"] == 200
    assert "step" not in fields["ordered_at"]


def test_times_sign_in_the_header_is_not_the_subject():
    fields = fields_of("Employees x 250: id, tenure in years (0 to 30)")
    assert fields["id"]["pattern"].startswith("EMP-")
