"""Relations stated in words, round 7, one class per group and many wordings and domains per class, checked on
generated rows: a column present only for some rows (every common form of the condition), formulas whose
operands are letters, short names or numbered ranges, one column ordered after another by their names, a range
per category ('depending on'), and a key to another row of the same table."""

from __future__ import annotations

import datetime as dt

import pytest

from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import as_date, fields_of, generate


def _present_exactly_when(rows: dict, column: str, test) -> None:
    filled = [value is not None for value in rows[column]]
    wanted = [bool(test(i)) for i in range(len(filled))]
    assert any(wanted) and not all(wanted), "the condition must hold on some rows, not all"
    assert filled == wanted


# --- a column present only for some values of another ----------------------------------------------------------

@pytest.mark.parametrize("text, column, other, present", [
    ("Court cases:\n- status: open, closed, dismissed\n- closed date, only if the case is closed",
     "closed_date", "status", {"closed"}),
    ("Patents:\n- status: pending, granted, abandoned\n- grant date (blank unless status = granted)",
     "grant_date", "status", {"granted"}),
    ("Claims:\n- decision: approved, partially approved, denied\n- approved amount 100-5000 only for approved or "
     "partially approved claims", "approved_amount", "decision", {"approved", "partially approved"}),
    ("Payments:\n- status: paid, late, missed\n- paid date when status is paid or late", "paid_date", "status",
     {"paid", "late"}),
    ("Loans:\n- decision: approved, declined, referred\n- interest rate 4.9-29.9 only for approved applications",
     "interest_rate", "decision", {"approved"}),
    ("Web events:\n- event: view, click, purchase\n- revenue $3-$400 only on purchase events", "revenue", "event",
     {"purchase"}),
    ("Analytics:\n- event type: view, add to cart, purchase\n- order value $5-$900, only on purchase (else blank)",
     "order_value", "event_type", {"purchase"}),
    ("Service calls:\n- status: open, closed, cancelled\n- closed at: only for closed/cancelled calls",
     "closed_at", "status", {"closed", "cancelled"}),
    ("Tickets:\n- state: new, in progress, resolved\n- resolved at: null otherwise; set when state is resolved",
     "resolved_at", "state", {"resolved"}),
    ("Orders:\n- status: pending, shipped, delivered\n- tracking number present for shipped and delivered orders; "
     "for the rest leave it empty", "tracking_number", "status", {"shipped", "delivered"}),
    ("Members:\n- plan: free, basic, pro\n- card expiry date, only for basic and pro members, empty otherwise",
     "card_expiry_date", "plan", {"basic", "pro"}),
    ("Claims:\n- decision: approved, partially approved, denied, under review\n- approved amount 0-5000; empty when "
     "the decision is denied or under review", "approved_amount", "decision", {"approved", "partially approved"}),
    ("Shipments:\n- carrier status: in transit, delivered, lost\n- delivered at: filled only if carrier status is "
     "delivered", "delivered_at", "carrier_status", {"delivered"}),
    ("Employees:\n- employment: active, terminated, on leave\n- termination date is only present for terminated "
     "employees", "termination_date", "employment", {"terminated"}),
    ("Flights:\n- flight status: on time, delayed, cancelled\n- delay minutes 5-300 recorded only when the flight "
     "status is delayed", "delay_minutes", "flight_status", {"delayed"}),
])
def test_a_column_is_present_exactly_for_the_values_its_condition_names(text, column, other, present):
    rows = generate(text)
    _present_exactly_when(rows, column, lambda i: rows[other][i] in present)


@pytest.mark.parametrize("text, column, other, test", [
    ("Courses:\n- progress 80-100\n- completed_at set only when progress is 100", "completed_at", "progress",
     lambda v: v == 100),
    ("Courses:\n- progress pct: integer 90-100\n- completed at: datetime, only when progress pct = 100",
     "completed_at", "progress_pct", lambda v: v == 100),
    ("Students:\n- score 0-100\n- scholarship amount $500-$5000 only when score is at least 85",
     "scholarship_amount", "score", lambda v: v >= 85),
    ("Sensors:\n- battery level 0-100\n- low battery alert time, only if battery level is below 20",
     "low_battery_alert_time", "battery_level", lambda v: v < 20),
    ("Tasks:\n- percent done 95-100\n- finished on: date, present only when percent done equals 100",
     "finished_on", "percent_done", lambda v: v == 100),
])
def test_a_numeric_condition_keeps_a_column_only_where_it_holds(text, column, other, test):
    rows = generate(text)
    _present_exactly_when(rows, column, lambda i: test(rows[other][i]))


@pytest.mark.parametrize("text, column, other, present", [
    ("Orders:\n- status: pending, shipped, delivered\n- if status is shipped then tracking number",
     "tracking_number", "status", {"shipped"}),
    ("Parking tickets:\n- citation number\n- fine 45-250\n- paid flag (yes/no)\n- If it was paid, the paid date, "
     "otherwise leave it empty.", "paid_date", "paid_flag", {"yes", True}),
    ("Court cases:\n- outcome: settled, dismissed, pending\n- if the outcome is pending there's no closed date",
     "closed_date", "outcome", {"settled", "dismissed"}),
    ("Repairs:\n- state: open, fixed, scrapped\n- when the state is fixed, a repair cost of $20-$400",
     "repair_cost", "state", {"fixed"}),
])
def test_a_condition_written_before_its_column_is_read_the_same(text, column, other, present):
    rows = generate(text)
    assert column in rows, sorted(rows)
    _present_exactly_when(rows, column, lambda i: rows[other][i] in present)


def test_a_condition_names_its_column_by_a_fuzzy_label():
    fields = fields_of("Admissions:\n- discharge disposition: home, transferred, still admitted\n"
                       "- discharge time: empty when the disposition is still admitted")
    assert fields["discharge_time"]["when"] == "discharge_disposition != 'still admitted'"


def test_given_or_known_means_the_other_column_is_not_empty():
    fields = fields_of("Visits:\n- referral source: optional, one of web, friend, ad\n"
                       "- referral bonus $5-$50, empty unless referral source is given")
    assert fields["referral_bonus"]["when"] == "referral_source IS NOT NULL"
    rows = generate("Visits:\n- referral source: optional, one of web, friend, ad\n"
                    "- referral bonus $5-$50, empty unless referral source is given")
    _present_exactly_when(rows, "referral_bonus", lambda i: rows["referral_source"][i] is not None)


def test_presence_words_are_not_part_of_the_label_nor_a_flag():
    fields = fields_of("Tickets:\n- state: new, resolved\n- resolved at set when state is resolved\n"
                       "- refund amount present only for resolved tickets")
    assert fields["resolved_at"]["type"] == "datetime" and "expression" not in fields["resolved_at"]
    assert "refund_amount" in fields and fields["refund_amount"]["when"] == "state = 'resolved'"


# --- formulas: operators in words and signs, letters and short names, numbered ranges, groups -------------------

@pytest.mark.parametrize("text, column, formula", [
    ("Taxi trips:\n- distance 0.5-30 miles\n- fare is a 2.50 flag drop plus 2.75 per mile (so fare = 2.5 + 2.75 * "
     "distance)", "fare", lambda r: 2.5 + 2.75 * r["distance"]),
    ("Rides:\n- distance km 1-40\n- fare = 2.50 + 2.75 per km", "fare", lambda r: 2.5 + 2.75 * r["distance_km"]),
    ("Meter reads:\n- consumption m3 0-60\n- bill amount - consumption x 2.15, rounded to cents", "bill_amount",
     lambda r: 2.15 * r["consumption_m3"]),
    ("Roasts:\n- green wt kg 5-60\n- loss pct 12-20\n- roasted wt = green wt x (1 - loss pct/100)", "roasted_wt",
     lambda r: r["green_wt_kg"] * (1 - r["loss_pct"] / 100)),
    ("Wells:\n- oil bbl 1-2500\n- water bbl 1-3000\n- water cut pct = water/(oil+water)*100 (1dp)", "water_cut_pct",
     lambda r: r["water_bbl"] / (r["oil_bbl"] + r["water_bbl"]) * 100),
    ("Survey:\n- q1..q5 each 1-5\n- avg score = mean of q1-q5 (2dp)", "avg_score",
     lambda r: sum(r[f"q{i}"] for i in range(1, 6)) / 5),
    ("Marks:\n- test1 0-20\n- test2 0-20\n- test3 0-20\n- test4 0-20\n- total = sum of test1 to test4", "total",
     lambda r: sum(r[f"test{i}"] for i in range(1, 5))),
    ("Dairy:\n- milk kg 8-55\n- fat pct 2.8-5.5\n- fat kg = m * f / 100", "fat_kg",
     lambda r: r["milk_kg"] * r["fat_pct"] / 100),
    ("Drone flights:\n- start % (s) 60-100\n- end % (e) 5-50\n- used = s - e", "used", lambda r: r["start"] - r["end"]),
    ("Batteries:\n- start charge 60-100\n- end charge 5-50\n- battery used = start - end", "battery_used",
     lambda r: r["start_charge"] - r["end_charge"]),
    ("Elections:\n- alice votes 0-5000\n- bob votes 0-5000\n- carol votes 0-5000\n- total votes = sum of the "
     "candidate votes", "total_votes", lambda r: r["alice_votes"] + r["bob_votes"] + r["carol_votes"]),
    ("Meter reads:\n- read_date in 2024\n- previous_read 0-99999\n- consumption 0-60\n- current_read - previous_read "
     "plus consumption", "current_read", lambda r: r["previous_read"] + r["consumption"]),
    ("Drill samples:\n- depth from m: 0-300\n- interval m: 0.5-2\n- depth to m = depth from m + interval m",
     "depth_to_m", lambda r: r["depth_from_m"] + r["interval_m"]),
])
def test_a_formula_in_words_holds_on_every_row(text, column, formula):
    rows = generate(text)
    assert column in rows, sorted(rows)
    for i in range(len(rows[column])):
        row = {name: values[i] for name, values in rows.items()}
        assert abs(row[column] - formula(row)) <= 0.06, (row, column)


def test_an_ambiguous_letter_names_no_column():
    result = extract_offline("Stock:\n- start price 10-20\n- start volume 100-900\n- change = s - 5")
    fields = {f.name: f.constraints.model_dump(exclude_none=True) for f in result.schema.fields}
    assert "start_price" not in (fields["change"].get("expression") or "")
    assert any("change" in w for w in result.warnings)


# --- one column after another: stated, or implied by the pair of names -----------------------------------------

@pytest.mark.parametrize("text, later, earlier", [
    ("Library loans:\n- borrowed date in the past year\n- returned date after borrowed date", "returned_date",
     "borrowed_date"),
    ("Library loans:\n- borrowed date in the past year\n- returned date (empty if not returned yet)", "returned_date",
     "borrowed_date"),
    ("Bike hire:\n- hired at: datetime in the last 30 days\n- returned at: datetime", "returned_at", "hired_at"),
    ("Patents:\n- filing date 2015-2022\n- grant date after filing date", "grant_date", "filing_date"),
    ("Patents:\n- filing date 2015-2022\n- grant date", "grant_date", "filing_date"),
    ("Grants:\n- application date in 2023\n- decision date", "decision_date", "application_date"),
    ("Payments:\n- due date in 2024\n- paid date on or after the due date", "paid_date", "due_date"),
    ("Passes:\n- valid from in 2024\n- valid to after valid from", "valid_to", "valid_from"),
    ("Passes:\n- valid from: date in 2024\n- valid to: date", "valid_to", "valid_from"),
    ("Contracts:\n- coverage start: date in 2024\n- coverage end: date", "coverage_end", "coverage_start"),
])
def test_a_later_date_is_on_or_after_the_earlier_on_every_row(text, later, earlier):
    rows = generate(text)
    pairs = [(a, b) for a, b in zip(rows[later], rows[earlier]) if a is not None and b is not None]
    assert pairs and all(as_date(a) >= as_date(b) for a, b in pairs)


@pytest.mark.parametrize("text, later, earlier", [
    ("Artworks:\n- year made 1800-1990\n- year acquired 1900-2024, not before year made", "year_acquired", "year_made"),
    ("Collection:\n- year made 1850-1990\n- year acquired 1860-2024", "year_acquired", "year_made"),
])
def test_a_later_year_is_never_before_the_earlier(text, later, earlier):
    rows = generate(text)
    assert all(a >= b for a, b in zip(rows[later], rows[earlier]))


def test_start_and_end_with_stated_ranges_that_cannot_be_ordered_stay_unordered():
    fields = fields_of("Batteries:\n- start charge 60-100\n- end charge 5-50")
    assert "after" not in fields["end_charge"] and "before" not in fields["end_charge"]


@pytest.mark.parametrize("text, column, start, months", [
    ("Loans:\n- origination date in 2023\n- term months: 12, 24, 36\n- maturity date = origination + term months",
     "maturity_date", "origination_date", "term_months"),
    ("Leases:\n- lease start: date in 2024\n- duration months 6-24\n- lease end = lease start + duration months",
     "lease_end", "lease_start", "duration_months"),
])
def test_a_date_plus_a_number_of_months_is_that_many_months_later(text, column, start, months):
    rows = generate(text)
    for end, begin, n in zip(rows[column], rows[start], rows[months]):
        assert abs((as_date(end) - as_date(begin)).days - 30.4 * n) <= 0.02 * 30.4 * n + 3


# --- a key to another row of the same table ---------------------------------------------------------------------

@pytest.mark.parametrize("text, role", [
    ("Staff list: employee id, name, email, reports to (an employee)", "manager_id"),
    ("Staff list: employee id, full name, hire date, manager_id - another employee's id", "manager_id"),
    ("Forum users: user id, username, mentor (another user)", "mentor_id"),
])
def test_a_column_naming_another_row_of_the_table_is_a_self_reference(text, role):
    from src.extraction.relational import extract_relational

    result = extract_relational(text)
    assert result is not None and len(result.schema.tables) == 1
    table = result.schema.tables[0]
    key = next(f.name for f in table.fields if f.constraints.primary_key)
    refs = {f.name: f.constraints.references for f in table.fields if f.constraints.references}
    assert refs == {role: f"{table.name}.{key}"}


def test_a_condition_prefers_the_column_whose_values_were_written():
    fields = fields_of("AB test events:\n- event ts within the last 21 days\n- event: view, click, add_to_cart, purchase\n"
                       "- revenue $3-$400, only on purchase (else blank)")
    assert fields["revenue"]["when"] == "event = 'purchase'"
