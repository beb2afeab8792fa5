"""The offline extractor on periods, grids, dates of birth and date-like labels: phrasings -> the
schema they ask for."""

from __future__ import annotations

import pytest

from tests.extraction.offline_helpers import extract, field, only


@pytest.mark.parametrize("bullet, ftype, low, high", [
    ("Order date (last 90 days)", "date", "-90d", "now"),
    ("Registration date from the last 2 years", "date", "-2y", "now"),
    ("Appointment date (next 60 days)", "date", "now", "+60d"),
    ("Invoice date in 2024", "date", "2024-01-01", "2024-12-31"),
    ("Timestamp (over the last 24 hours)", "datetime", "-24h", "now"),
    ("Signup date between 2020-01-01 and 2023-12-31", "date", "2020-01-01", "2023-12-31"),
    ("Date and time (last 6 months)", "datetime", "-6M", "now"),
    ("Created at (last 30 days)", "datetime", "-30d", "now"),
    ("Event time in 2023", "datetime", "2023-01-01", "2023-12-31T23:59:59"),
    ("Hire date since 2015", "date", "2015-01-01", "now"),
])
def test_periods(bullet, ftype, low, high):
    spec = only(bullet)
    assert spec.type == ftype
    assert (spec.constraints.min_value, spec.constraints.max_value) == (low, high)


def test_date_and_time_is_one_datetime_field():
    result = extract("Generate 10 rows:\n- Date and time (last 6 months)")
    assert [(f.name, f.type) for f in result.schema.fields] == [("date_time", "datetime")]


def test_time_grid():
    spec = only("Timestamp (last 7 days, every 5 minutes)")
    assert spec.type == "datetime"
    assert (spec.constraints.min_value, spec.constraints.step) == ("-7d", "5m")


def test_hourly_grid():
    assert only("Reading time (hourly, last 30 days)").constraints.step == "1h"


@pytest.mark.parametrize("bullet, low, high", [
    ("Date of birth (ages 18-80)", 18, 80),
    ("Birthday (aged 21 to 65)", 21, 65),
    ("DOB", 18, 80),
])
def test_date_of_birth_bounds_are_ages(bullet, low, high):
    spec = only(bullet)
    assert spec.type == "date_of_birth"
    assert (spec.constraints.min_value, spec.constraints.max_value) == (low, high)


def test_year_range_on_a_year_column_is_numeric():
    spec = only("Enrollment year (2018-2024)")
    assert spec.type == "integer"
    assert (spec.constraints.min_value, spec.constraints.max_value) == (2018, 2024)


def test_labels_ending_in_since_at_on_are_dates():
    result = extract("Generate 10 users:\n- Member since (last 5 years)\n- Active since 2020\n- Created on\n"
                     "- Hire date since 2015")
    assert [(f.name, f.type) for f in result.schema.fields] == [
        ("member_since", "date"), ("active_since", "date"), ("created_on", "date"), ("hire_date", "date")]
    assert field(result, "active").constraints.min_value == "2020-01-01"


def test_an_example_date_is_not_the_only_day():
    spec = only("Date (e.g. 2024-01-31)")
    assert spec.type == "date" and spec.constraints.min_value != "2024-01-31"
    assert only("Event date (on 2024-05-01)").constraints.max_value == "2024-05-01"


@pytest.mark.parametrize("bullet, low, high", [
    ("Birthdate (between 1950 and 2005)", "1950-01-01", "2005-12-31"),
    ("Date of birth (18+)", 18, 80),
    ("Date of birth (21-65)", 21, 65),
])
def test_date_of_birth_from_years_or_ages(bullet, low, high):
    spec = only(bullet)
    assert spec.type == "date_of_birth"
    assert (spec.constraints.min_value, spec.constraints.max_value) == (low, high)
