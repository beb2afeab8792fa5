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


NAMED_WANTS = [
    ("For a hospital model I want 2500 admissions. Things I need: an admission ID, the ward (ICU, general), and the "
     "admission time in the last 60 days. Triage level is an integer from 1 to 5. Also, the length of stay in days, "
     "between 0 and 45.", ["admission_id", "ward", "admission_time", "triage_level", "length_of_stay"]),
    ("We run a bakery. What we want to track: the loaf type (sourdough, rye), the bake date in 2024 and the "
     "weight in grams from 400 to 1200. Price is between 2 and 9.", ["loaf_type", "bake_date", "weight", "price"]),
    ("Here's what I need: a booking id, the guest's full name and the number of nights from 1 to 14. The room "
     "type is single, double or suite.", ["booking_id", "guest_full_name", "number_of_nights", "room_type"]),
]


@pytest.mark.parametrize(("text", "names"), NAMED_WANTS)
def test_a_noun_phrase_of_wants_before_a_colon_opens_the_column_list(text, names):
    assert [n for n in fields_of(text)] == names


SCENE_PIECES = [
    ("daily prod data for ~40 wells, last 90 days, 1 row/well/day. well_id like W-0001. oil 0-2500. uptime hrs "
     "0-24. status: flowing / shut-in", {"well_id", "oil", "uptime_hrs", "status"}),
    ("test data for 12 sensors, past 30 days, one row per sensor per hour. sensor_code like S-01. temp_c -5 to 40. "
     "humidity 0-100.", {"sensor_code", "temp_c", "humidity"}),
]


@pytest.mark.parametrize(("text", "names"), SCENE_PIECES)
def test_pieces_that_say_what_the_rows_are_are_no_columns_and_short_column_sentences_are(text, names):
    from src.extraction.offline import extract_offline
    result = extract_offline(text)
    assert {f.name for f in result.schema.fields} >= names
    assert not any(name.startswith(("daily", "last", "f_1", "hourly", "past")) for name in
                   (f.name for f in result.schema.fields))


LIST_NOTES = [
    ("Survey: dept (eng, sales, ops, hr - use those exact labels), score 1-5", "dept", ["eng", "sales", "ops", "hr"]),
    ("Orders: order id, channel (web, phone, shop — keep these spellings), amount 5-50", "channel",
     ["web", "phone", "shop"]),
]


@pytest.mark.parametrize(("text", "name", "values"), LIST_NOTES)
def test_a_note_after_a_dash_inside_a_value_list_is_no_value_and_no_formula(text, name, values):
    assert fields_of(text)[name]["enum_values"] == values


def test_between_with_an_ampersand_is_a_range():
    fields = fields_of("Responses: resp id, submitted at - between 2024-10-01 & 2024-10-21, score 1-5")
    assert (fields["submitted_at"]["min_value"], fields["submitted_at"]["max_value"][:10]) == ("2024-10-01", "2024-10-21")


def test_scene_pieces_are_taken_out_of_the_column_items_and_named():
    from src.extraction.scene_pieces import split_scene_pieces
    warnings: list[str] = []
    scene, items = split_scene_pieces(["daily prod data for ~40 wells", "last 90 days", "1 row/well/day", "well_id",
                                       "one row per store per week", "records for 12 stores", "last login date",
                                       "data source"], warnings)
    assert scene == ["daily prod data for ~40 wells", "last 90 days", "records for 12 stores"]
    assert items == ["well_id", "last login date", "data source"]
    assert len(warnings) == 5 and all("the scene" in w for w in warnings)


SPEC_SENTENCES = [
    ("Functional requirement FR-12 (test data). The test set shall include 2,500 applications. The term shall be one "
     "of 12, 24 or 36 months. The decision shall be approved or declined; the interest rate (APR, percent, 4.9 to "
     "29.9) shall be present only for approved applications.",
     {"term": [12, 24, 36]}, "interest_rate", (4.9, 29.9)),
    ("Section 7 - Data. The store shall hold 900 parcels. The parcel weight shall be between 1 and 30, and the "
     "service one of express, standard or economy. The insured value (USD, 10 to 500) must be present only for "
     "express parcels.", {"service": ["express", "standard", "economy"]}, "insured_value", (10, 500)),
]


@pytest.mark.parametrize(("text", "lists", "noted", "bounds"), SPEC_SENTENCES)
def test_spec_sentences_titles_one_of_clauses_and_notes_before_the_verb(text, lists, noted, bounds):
    fields = fields_of(text)
    assert not any(name.startswith(("functional", "section", "requirement")) for name in fields)
    for name, values in lists.items():
        assert fields[name]["enum_values"] == values
    assert (fields[noted]["min_value"], fields[noted]["max_value"]) == bounds
    assert fields[noted]["when"]


INNER_REQUESTS = [
    ("Each row has a block name. Sugar level is measured in Brix and sits between 18 and 27, and we also need pH "
     "which is 3.0 to 3.9.", {"sugar_level": (18, 27), "ph": (3, 3.9)}),
    ("Each lot has a lot id. The price is in euros and falls between 5 and 50, and we also track the rating from "
     "1 to 5.", {"price": (5, 50), "rating": (1, 5)}),
    ("Each dive has a dive id. The depth is in metres and lies between 5 and 40, and I also need the water "
     "temperature from 4 to 30.", {"depth": (5, 40), "water_temperature": (4, 30)}),
]


@pytest.mark.parametrize(("text", "bounds"), INNER_REQUESTS)
def test_a_verb_after_and_stays_with_its_column_and_an_inner_request_names_one_more(text, bounds):
    fields = fields_of(text)
    assert not any(name in ("sits", "falls", "lies", "we") for name in fields)
    for name, (low, high) in bounds.items():
        assert (fields[name]["min_value"], fields[name]["max_value"]) == (low, high), fields[name]
