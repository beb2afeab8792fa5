"""The notes stage: words after a column list that qualify columns already listed fold into those columns
(never a column of their own), checked on the generated rows where the rule shows there."""

from __future__ import annotations

import re

import pytest

from src.extraction.notes import fold_notes, split_named_columns, split_ranged_columns, split_shared_rule
from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import as_date, fields_of, generate


@pytest.mark.parametrize("text, column, values", [
    ("Support tickets, 500 rows:\n- ticket id\n- status\n- priority\n- opened at\n"
     "Status values: open, closed, pending.", "status", ["open", "closed", "pending"]),
    ("Library loans, 800 rows.\n- loan id\n- genre\n- loan date\nGenre options: fiction, history, science, poetry.",
     "genre", ["fiction", "history", "science", "poetry"]),
    ("Crop plots\n- plot id\n- soil type\n- area 1-40\nSoil type can be one of clay, loam or sand.",
     "soil_type", ["clay", "loam", "sand"]),
    ("Helpdesk export:\n- ticket id\n- priority\n- opened at\nPriority is one of low, medium, high.",
     "priority", ["low", "medium", "high"]),
])
def test_a_value_note_after_the_list_gives_the_listed_column_its_values(text, column, values):
    result = extract_offline(text)
    fields = {f.name: f for f in result.schema.fields}
    assert fields[column].type == "enum" and fields[column].constraints.enum_values == values
    assert not any(name.startswith((column + "_", "status_values", "genre_options")) for name in fields)
    assert any("as a note on" in w for w in result.warnings)
    assert set(generate(text)[column]) == set(values)


@pytest.mark.parametrize("text, members, others", [
    ("Invoices:\n- invoice number\n- subtotal\n- tax\n- total\nAll amounts are in USD between 5 and 400.",
     ["subtotal", "tax", "total"], ["invoice_number"]),
    ("Fleet service records:\n- vehicle id\n- service type (oil, tyres, brakes)\n- labour cost\n- parts cost\n"
     "- service date\nAll costs are in EUR, between 5 and 400.", ["labour_cost", "parts_cost"], ["vehicle_id"]),
])
def test_a_note_on_a_kind_of_column_reaches_every_column_of_that_kind(text, members, others):
    fields = fields_of(text)
    rows = generate(text)
    for name in members:
        assert fields[name]["min_value"] == 5 and fields[name]["max_value"] == 400
        assert all(5 <= v <= 400 for v in rows[name])
    assert set(fields) == set(members) | set(others) | {"service_type", "service_date"} & set(fields)


@pytest.mark.parametrize("text, dated, year", [
    ("Flights: flight number, departure date, arrival date, seats. Both dates in 2025.",
     ["departure_date", "arrival_date"], 2025),
    ("Hotel stays\n- booking ref\n- check-in date\n- check-out date\n- guests 1-4\nBoth dates fall in 2023.",
     ["check_in_date", "check_out_date"], 2023),
])
def test_both_dates_after_the_list_bound_both_date_columns(text, dated, year):
    rows = generate(text)
    for name in dated:
        assert {as_date(v).year for v in rows[name]} == {year}


@pytest.mark.parametrize("text, optional, required", [
    ("Patient visits\n- patient id\n- visit date\n- diagnosis\n- allergies\n- notes\nThe last two are optional.",
     ["allergies", "notes"], ["patient_id", "visit_date", "diagnosis"]),
    ("Contacts:\n- name\n- email\n- phone\n- company\nThe last three columns are optional.",
     ["email", "phone", "company"], ["name"]),
    ("Staff list\n- staff id\n- desk\n- extension\n- badge colour\nthe first two are unique.", [], ["extension"]),
])
def test_a_note_by_position_reaches_the_columns_it_counts(text, optional, required):
    result = extract_offline(text)
    fields = {f.name: f for f in result.schema.fields}
    assert not any("last" in name or "first" in name for name in fields)
    for name in optional:
        assert fields[name].constraints.nullable
    for name in required:
        assert not fields[name].constraints.nullable
    if "unique" in text:
        assert fields["staff_id"].constraints.unique and fields["desk"].constraints.unique


def test_columns_named_together_share_the_rule():
    text = ("Employee directory\n- employee id\n- department\n- office phone\n- mobile phone\n"
            "Office phone and mobile phone are optional.")
    fields = {f.name: f for f in extract_offline(text).schema.fields}
    assert list(fields) == ["employee_id", "department", "office_phone", "mobile_phone"]
    assert fields["office_phone"].constraints.nullable and fields["mobile_phone"].constraints.nullable
    assert split_shared_rule("the pickup and the dropoff time are optional") is None or \
        all(": optional" in c for c in split_shared_rule("the pickup and the dropoff time are optional"))
    assert split_shared_rule("date and time is required") is None  # one column: its meaning spans the 'and'


@pytest.mark.parametrize("item, names, pattern", [
    ("order_id / invoice_id: 5-digit codes", ["order_id", "invoice_id"], r"\d{5}"),
    ("student_id, course_id: 6 digits", ["student_id", "course_id"], r"\d{6}"),
    ("sender account & receiver account: 8 digits", ["sender_account", "receiver_account"], r"\d{8}"),
])
def test_one_format_stated_for_several_columns_reaches_each(item, names, pattern):
    text = f"Records, 200 rows:\n- {item}\n- amount 10-500"
    rows = generate(text, rows=200)
    for name in names:
        assert all(re.fullmatch(pattern, str(v)) for v in rows[name]), name


def test_a_joined_phrase_is_not_split_into_columns():
    assert split_named_columns("date and time: in the last week") == ["date and time: in the last week"]
    assert split_named_columns("status: open, closed") == ["status: open, closed"]


@pytest.mark.parametrize("text, low, high", [
    ("Vitals:\n- systolic BP 80-200, diastolic BP 40-120, systolic always higher than diastolic\n- pulse 40-180",
     "diastolic_bp", "systolic_bp"),
    ("Sensor export\n- inlet temp 10-40, outlet temp 20-60, outlet temp always higher than inlet temp\n- flow 0-5",
     "inlet_temp", "outlet_temp"),
    ("Ad stats, 300 rows: campaign (Alpha, Beta, Gamma), impressions 1000-100000, clicks 0-5000, clicks never "
     "exceed impressions, spend 50-5000.", "clicks", "impressions"),
    ("Daily ad performance for campaigns. Impressions run between 1,000 and 100,000 and clicks never exceed "
     "impressions. Spend ranges from 50 to 5,000 dollars. Campaign is one of Alpha, Beta or Gamma.",
     "clicks", "impressions"),
])
def test_a_relation_clause_is_its_own_columns_rule(text, low, high):
    result = extract_offline(text)
    names = [f.name for f in result.schema.fields]
    assert low in names and high in names and not any(n.endswith("_2") for n in names)
    rows = generate(text)
    assert all(a <= b for a, b in zip(rows[low], rows[high]))


def test_a_bullet_of_several_ranged_columns_is_split_but_a_single_column_is_kept():
    assert split_ranged_columns("inlet temp 10-40, outlet temp 20-60") == ["inlet temp 10-40", "outlet temp 20-60"]
    assert split_ranged_columns("weight 2-30 kg, rounded to 1 decimal") == ["weight 2-30 kg, rounded to 1 decimal"]
    assert split_ranged_columns("status: a, b, c") == ["status: a, b, c"]


def test_a_note_names_no_column_and_a_column_is_never_folded():
    warnings: list[str] = []
    items = fold_notes(["name", "start date", "end date", "cost 5-50"], warnings)
    assert items == ["name", "start date", "end date", "cost 5-50"] and not warnings
    items = fold_notes(["name", "start date", "end date", "all dates: in 2024"], warnings)
    assert items == ["name", "start date (in 2024)", "end date (in 2024)"] and len(warnings) == 1


@pytest.mark.parametrize("text, column, pool", [
    ("We need 1,000 tickets. The ticket number is unique, and the channel is email, phone or chat. Each ticket is "
     "assigned to one of 15 agents. The status should be new, open or closed.", "agent", 15),
    ("Course sessions, 300 rows. Each session is taught by one of 12 instructors. The room is A1, A2 or B1, and the "
     "attendance goes from 5 to 40.", "instructor", 12),
    ("Parcel scans, 900 rows. Every parcel belongs to one of 40 depots. The weight is between 0.1 and 30 kg.",
     "depot", 40),
])
def test_a_row_linked_to_one_of_n_things_gets_that_things_column(text, column, pool):
    result = extract_offline(text)
    names = [f.name for f in result.schema.fields]
    assert column in names and not any(n in ("ticket", "session", "parcel") for n in names)
    assert len(set(generate(text, rows=600)[column])) <= pool


def test_a_row_linked_to_two_things_names_both_with_their_own_rules():
    text = ("Harvest records, 2,000 rows. Each record belongs to one of 25 plots (plot codes like P-12) and one "
            "crop: oats, rye or flax. The harvest date is between June 2 and September 30, 2024.")
    rows = generate(text)
    assert len(set(rows["plot_code"])) <= 25 and all(re.fullmatch(r"P-\d{2}", v) for v in rows["plot_code"])
    assert set(rows["crop"]) == {"oats", "rye", "flax"}
    assert all(dt_from(2024, 6, 2) <= as_date(v) <= dt_from(2024, 9, 30) for v in rows["harvest_date"])


def test_a_date_range_with_month_names_stays_one_column_in_a_comma_list():
    text = ("Parcels, 500 rows. Record the delivery date between March 3 and April 20, 2025, the parcel weight (1 to 20) "
            "and the courier.")
    fields = fields_of(text)
    assert fields["delivery_date"]["min_value"] == "2025-03-03" and fields["delivery_date"]["max_value"] == "2025-04-20"
    assert "april" not in " ".join(fields)


@pytest.mark.parametrize("text, column", [
    ("Inspections, 500 rows. The score is out of 100, defects range 0 to 12, and the inspector is one of 9 people.",
     "defects"),
    ("Shop audits, 200 rows. Errors go from 0 to 7, and the outcome is pass or fail.", "errors"),
])
def test_a_plural_given_a_whole_number_range_counts_those_things(text, column):
    fields = fields_of(text)
    assert fields[column]["type"] == "integer"


def dt_from(year: int, month: int, day: int):
    import datetime as dt
    return dt.date(year, month, day)
