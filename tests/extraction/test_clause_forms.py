"""Clause forms: one 'name (rules)' line per column after 'with these fields:', the kind of a value list
('category:', 'enum:') that is no value, a row count with what a row is before the columns, lists of numbers
given in a relative clause or with a unit after the last one."""

from __future__ import annotations

import pytest

from tests.extraction.offline_helpers import fields_of, generate

FIELD_LINES = [
    ("Create 2,400 race entries with these fields:\nentry_id (string, unique, E + 6 digits)\n"
     "race_date (date, 2023-03-01 to 2024-10-31)\njockey (string, full name)\ndraw (int, 1-20)\n"
     "odds_decimal (float, 1.5-50)", ["entry_id", "race_date", "jockey", "draw", "odds_decimal"]),
    ("Make 500 rows of library loans. The fields:\nloan_id (unique)\nborrower: full name\nborrowed_on (date in 2024)\n"
     "renewals (0-3)", ["loan_id", "borrower", "borrowed_on", "renewals"]),
    ("Generate 300 sensor readings with the following columns:\nsensor_id (S + 4 digits)\nreading_time (datetime, last 7 days)\n"
     "temperature_c (-10 to 40)\nbattery_pct (0-100)", ["sensor_id", "reading_time", "temperature_c", "battery_pct"]),
]


@pytest.mark.parametrize(("text", "names"), FIELD_LINES)
def test_one_column_per_line_after_an_intro_is_every_column(text, names):
    assert list(fields_of(text)) == names


KIND_PREFIXES = [
    ("track (category: Ascot, Epsom, York)", "track", ["Ascot", "Epsom", "York"]),
    ("status (enum: open, closed, lost)", "status", ["open", "closed", "lost"]),
    ("level (values: low or high)", "level", ["low", "high"]),
    ("grade (options - A, B, C)", "grade", ["A", "B", "C"]),
    ("roast (choices: light, medium, dark)", "roast", ["light", "medium", "dark"]),
]


@pytest.mark.parametrize(("line", "name", "values"), KIND_PREFIXES)
def test_the_kind_of_a_value_list_is_not_one_of_its_values(line, name, values):
    fields = fields_of(f"Generate 100 rows with these fields:\nrow_id (unique)\n{line}\nnotes (free text)")
    assert fields[name]["enum_values"] == values


COUNTED_LEADS = [
    ("We're modelling parking tickets. I need roughly 5000 citations: the citation number, which is unique and "
     "9 digits, the violation (expired meter, no permit) and the officer's badge number from 1000 to 1999.",
     "citation_number"),
    ("For the gym I want 800 visits, each with a member id, the check-in time in the last month and the "
     "duration in minutes from 10 to 180.", "member_id"),
    ("I'd like about 2k shipments: the tracking number (unique), the carrier (DHL, UPS or FedEx) and the "
     "weight in kg from 0.1 to 30.", "tracking_number"),
]


@pytest.mark.parametrize(("text", "first"), COUNTED_LEADS)
def test_a_row_count_and_what_a_row_is_before_a_colon_are_no_column(text, first):
    names = list(fields_of(text))
    assert names[0] == first
    assert not any(ch.isdigit() for name in names for ch in name)


NUMBER_LISTS = [
    ("I need 300 citations with a ticket id and the fine, which is 45, 60, 95 or 250 dollars.", "fine", [45, 60, 95, 250]),
    ("Rooms: room id, floor, which is 1, 2 or 3, and a rate.", "floor", [1, 2, 3]),
    ("Columns: course id, credits: 5, 10 or 20 points, title", "credits", [5, 10, 20]),
    ("Generate 200 rows with a plan id and a term, which can be 12, 24 or 36 months.", "term", [12, 24, 36]),
]


@pytest.mark.parametrize(("text", "name", "values"), NUMBER_LISTS)
def test_a_list_of_numbers_in_a_relative_clause_or_with_a_unit_is_the_columns_values(text, name, values):
    fields = fields_of(text)
    assert fields[name]["enum_values"] == values
    assert set(generate(text)[name]) <= set(values)
