"""Prose paragraphs: where a sentence's clauses start and which words name a column.

Each class is stated with new sentences (none copied from the corpora)."""

from __future__ import annotations

import pytest

from src.extraction.fields_label import draft_fields
from src.extraction.field_meaning import correct_spelling
from src.extraction.prose_sentences import read_sentence, split_clauses
from src.extraction.sentence_forms import move_relative_clauses
from src.extraction.listing import split_description
from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import fields_of


def test_a_sentence_opened_by_a_row_having_columns_lists_them():
    fields = fields_of("I need 300 boat rentals for a demo. A rental has a skipper name, a boat from Aurora, Breeze "
                       "or Comet, and the hourly rate, which should be between 40 and 95.")
    assert list(fields) == ["skipper_name", "boat", "hourly_rate"]
    assert fields["boat"]["enum_values"] == ["Aurora", "Breeze", "Comet"]


@pytest.mark.parametrize("verb", ["holds", "contains", "lists", "stores"])
def test_other_verbs_of_having(verb):
    fields = fields_of(f"Hourly readings for 40 beehives. Each reading {verb} the hive weight between 10 and 80, "
                       f"the inside temperature and the humidity.")
    assert {"hive_weight", "inside_temperature", "humidity"} <= set(fields)


def test_a_second_column_whose_verb_is_left_out():
    assert split_clauses("Floors go from 1 to 30 and lifts from 1 to 6") == ["Floors go from 1 to 30",
                                                                           "lifts from 1 to 6"]


def test_semicolons_end_a_clause():
    assert split_clauses("the grade is A, B or C; the tutor comes from a pool of 9 people") == [
        "the grade is A, B or C", "the tutor comes from a pool of 9 people"]


def test_a_label_with_its_values_and_no_verb():
    assert read_sentence("Noise level quiet/normal/loud.", split_description) == ["Noise level: quiet/normal/loud"]


def test_scene_words_before_where_do_not_hide_the_columns():
    items = read_sentence("Create 90 shifts where the shift date is in the last week, and the nurse is one of 12 people",
                          split_description)
    assert items == ["shift date: in the last week", "nurse: one of 12 people"]
    assert draft_fields(items[1], [])[0].pool == 12


@pytest.mark.parametrize("sentence, moved", [
    ("the door through which a visitor entered is north, south or east", "the door is north, south or east"),
    ("Tip, which we only know for some orders, is between 0 and 20",
     "Tip is between 0 and 20 (optional)"),
])
def test_a_relative_clause_between_a_column_and_its_verb(sentence, moved):
    assert " ".join(move_relative_clauses(sentence).split()) == moved


def test_ranges_over_a_list():
    assert read_sentence("Tier ranges over T1, T2 and T3", split_description) == ["Tier: T1, T2 and T3"]


def test_nothing_else_is_no_column():
    assert read_sentence("Nothing else is needed", split_description) == []


def test_two_letters_changed_in_place_are_another_word_not_a_typo():
    assert correct_spelling(["violation"])[1] == []
    assert correct_spelling(["temprature"])[1] == [("temprature", "temperature")]  # a dropped letter still is


@pytest.mark.parametrize("item, pattern", [
    ("badge: BDG followed by five digits", r"BDG\d{5}"),
    ("voucher: 12-character uppercase alphanumeric", "[A-Z0-9]{12}"),
    ("pin: four digits", r"\d{4}"),
])
def test_code_lengths_written_in_words(item, pattern):
    assert draft_fields(item, [])[0].constraints["pattern"] == pattern


def test_the_list_before_its_summary():
    fields = fields_of("A rating between 1 and 5, a reviewer name, a cuisine out of thai, greek, mexican, italian, "
                       "and a visit date in the last year: that is what each of the 900 reviews has.")
    assert list(fields) == ["rating", "reviewer_name", "cuisine", "visit_date"]
    assert fields["cuisine"]["enum_values"] == ["thai", "greek", "mexican", "italian"]
    assert extract_offline("A rating between 1 and 5, a reviewer name and a visit date in the last year: that is what "
                           "each of the 900 reviews has.").total_rows == 900


def test_a_column_added_in_passing_with_too():
    assert read_sentence("A loyalty number too, unique", split_description) == ["loyalty number (unique)"]


def test_a_title_then_the_rows_scene_is_no_column():
    fields = fields_of("Cold room monitoring: a reading every 5 minutes for the last day. Temperature -30 to -10, "
                       "door open count 0 to 9, and an alarm flag.")
    assert "cold_room_monitoring" not in fields
    assert {"temperature", "door_open_count", "alarm_flag"} <= set(fields)
    assert fields["timestamp"]["step"] == "5m"


def test_a_verbless_run_of_columns_with_numbers_is_read_as_a_list():
    items = read_sentence("Tables in service 0-40, covers seated 0 to 160, and a kitchen open flag", split_description)
    assert len(items) == 3 and items[0].startswith("Tables in service") and items[2].endswith("kitchen open flag")


@pytest.mark.parametrize("text, column, kind", [
    ("Visits, 300 rows. Each visit has a pet name, a follow-up date in 2026 and a weight 1-40.", "follow_up_date", "date"),
    ("Flights, 300 rows. Each flight has a flight number and a take-off time in March 2026.", "take_off_time", "datetime"),
    ("Groceries, 300 rows. Each item has a product name and a use-by date in 2026.", "use_by_date", "date"),
    ("Projects, 300 rows. Each project has a code and a go-live date in 2025.", "go_live_date", "date"),
    ("Fields, 300 rows. Each plot has a plot id and a run-off volume between 0 and 40.", "run_off_volume", "integer"),
])
def test_a_verb_inside_a_hyphenated_word_is_no_verb(text, column, kind):
    fields = fields_of(text)
    assert fields[column]["type"] == kind
    assert not {"a", "each"} & set(fields)
