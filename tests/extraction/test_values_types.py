"""Values and types in everyday words: dates written with month names, and the other classes of this file.

Each class is stated with new sentences (none copied from the corpora)."""

from __future__ import annotations

import pytest

from src.extraction.periods import write_dates_as_iso
from tests.extraction.offline_helpers import fields_of, generate


@pytest.mark.parametrize("words, iso", [
    ("from 4 February 2023 to 19 June 2023", "from 2023-02-04 to 2023-06-19"),
    ("between the 1st of May, 2026 and 2nd of June 2026", "between the 2026-05-01 and 2026-06-02"),
    ("Oct 7th, 2022 until Nov 30 2022", "2022-10-07 until 2022-11-30"),
    ("31 February 2024", "31 February 2024"),  # no such day: left as written
])
def test_days_written_with_month_names_read_as_dates(words, iso):
    assert write_dates_as_iso(words) == iso


def test_a_date_column_between_two_written_days():
    field = fields_of("Exam sittings, 200 rows.\n- exam day: weekdays between 6 January 2025 and 14 March 2025\n"
                      "- room: A1, B2, C3")["exam_day"]
    assert (field["type"], field["min_value"], field["max_value"]) == ("date", "2025-01-06", "2025-03-14")


TABLE = ("Refunds, 300 rows.\n\n| Column | Type | Rule |\n|---|---|---|\n| refund_no | int | auto-increment starting at 1 |\n"
         "| refund_value | money | $3 - $450 |\n| parcels | int | 1 to 9 |\n")


def test_a_table_s_type_cell_gives_the_type():
    fields = fields_of(TABLE)
    assert fields["refund_value"]["type"] == "decimal"
    assert (fields["refund_value"]["min_value"], fields["refund_value"]["max_value"]) == (3, 450)
    assert fields["parcels"]["type"] == "integer"
    assert fields["refund_no"]["type"] == "sequence"
    refunds = generate(TABLE)["refund_no"]
    assert refunds[:3] == [1, 2, 3] and len(set(refunds)) == len(refunds)


@pytest.mark.parametrize("item", ["visit no: sequential integer", "line no (auto-incremented)", "batch: serial number"])
def test_counters_in_words_are_sequences(item):
    text = f"Visits, 120 rows.\n- {item}"
    [field] = fields_of(text).values()
    [values] = generate(text).values()
    assert field["type"] == "sequence" and len(set(values)) == len(values)
