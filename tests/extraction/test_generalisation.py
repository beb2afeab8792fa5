"""Classes of description the staged reader generalises over: each test states a rule a user relies on, on
the generated rows where it can, in words of its own (not the corpus cases)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from src.engine import compile_schema
from src.extraction.field_meaning import correct_spelling
from src.extraction.letter import strip_letter
from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import fields_of, generate

CORPUS = Path(__file__).parent / "corpus"


def test_a_letter_keeps_only_the_words_about_the_data_and_names_what_it_left_out():
    text = ("Hi all,\n\nplease make 300 rows of leads. We need the lead id (unique), company, contact email and a "
            "stage of new, qualified or won.\n\nMany thanks,\nJo")
    body, dropped = strip_letter(text)
    assert "Hi all" not in body and "Jo" not in body and dropped
    result = extract_offline(text)
    assert result.total_rows == 300
    assert [f.name for f in result.schema.fields] == ["lead_id", "company", "contact_email", "stage"]
    assert result.schema.fields[3].constraints.enum_values == ["new", "qualified", "won"]
    assert any("sign-off" in w for w in result.warnings)


@pytest.mark.parametrize("word", ["borrowed", "purchased", "published", "points"])
def test_an_inflected_word_is_no_typo(word):
    assert correct_spelling([word]) == ([word], [])


def test_a_typo_is_still_corrected():
    assert correct_spelling(["catagory"])[0] == ["category"]


def test_price_bars_keep_low_below_open_and_close_below_high_on_every_row():
    rows = generate("Candles for 3 coins, 600 rows: time, coin, open, high, low, close. Prices from 5 to 900.", 600)
    for o, h, lo, c in zip(rows["open"], rows["high"], rows["low"], rows["close"]):
        assert lo <= o <= h and lo <= c <= h
    assert min(rows["open"]) >= 5 and max(rows["open"]) <= 900


def test_a_pool_in_the_opening_text_bounds_the_named_column_or_adds_an_id():
    rows = generate("1000 sales from 9 shops and 25 cashiers: shop, cashier, amount 1-90.")
    assert len(set(rows["shop"])) <= 9 and len(set(rows["cashier"])) <= 25
    fields = fields_of("pump_log:\n  pumps: 6\n  interval: 10 minutes\n  columns:\n    - pressure_bar: 1-9\n    - on: yes/no")
    assert fields["pump_id"]["cardinality"] == 6
    assert fields["timestamp"]["step"] == "10m"


def test_a_yes_no_column_with_a_rule_is_derived_from_it():
    rows = generate("Quiz results, 400 rows: pupil name, points 0 to 40, passed (true when points are 20 or more).")
    assert all(p == (s >= 20) for p, s in zip(rows["passed"], rows["points"]))
    rows = generate("Stock: on hand 0-500, minimum level 20-200, low stock: true if on hand is below the minimum level")
    assert all(flag == (a < b) for flag, a, b in zip(rows["low_stock"], rows["on_hand"], rows["minimum_level"]))


@pytest.mark.parametrize("text, formula", [
    ("Rides: distance miles 1-30, fare: 2.00 plus 0.90 per mile", lambda r, i: 2.0 + 0.9 * r["distance_miles"][i]),
    ("Lines: net 10-500, tax is 7% of the net, gross is net plus tax",
     lambda r, i: round(r["net"][i] + r["tax"][i], 2)),
    ("Sales: price 1 to 50, quantity 1-9, total equal to price times quantity plus 10% tax",
     lambda r, i: r["price"][i] * r["quantity"][i] * 1.1),
])
def test_formulas_with_constants(text, formula):
    rows = generate(text)
    target = next(name for name in ("fare", "gross", "total") if name in rows)
    assert all(abs(rows[target][i] - formula(rows, i)) <= 0.011 for i in range(len(rows[target])))


def test_code_shapes_keep_the_separators_and_prefixes_they_name():
    fields = fields_of("Parts: 500 rows\npart code: 2 letters, a dash, then 4 digits\nbatch: LOT + 5 digits")
    assert fields["part_code"]["pattern"] == r"[A-Z]{2}-\d{4}"
    assert fields["batch"]["pattern"] == r"LOT\d{5}"
    rows = generate("Parts: 500 rows\npart code: 2 letters, a dash, then 4 digits")
    assert all(re.fullmatch(r"[A-Z]{2}-\d{4}", v) for v in rows["part_code"])


def test_a_rule_naming_a_code_type_sets_the_type():
    assert fields_of("Legs: 200 rows\nfrom: 3-letter airport code\nto: 3-letter airport code")["from"]["type"] == \
        "airport_code"


def test_value_lists_right_after_an_enum_label_and_after_of():
    fields = fields_of("Make 300 pets with a species dog, cat or rabbit, a visit type of routine, urgent or surgery, "
                       "and a weight 1 to 40")
    assert fields["species"]["enum_values"] == ["dog", "cat", "rabbit"]
    assert fields["visit_type"]["enum_values"] == ["routine", "urgent", "surgery"]


def test_skewed_after_a_range_sets_a_distribution_and_a_span_after_a_grid_sets_the_period():
    assert fields_of("Gifts: amount 1 to 900 (skewed), donor")["amount"]["distribution"]["kind"] == "lognormal"
    stamp = fields_of("Hourly loads for 10 days, 240 rows: timestamp, load mw 10-90")["timestamp"]
    assert (stamp["min_value"], stamp["step"]) == ("-10d", "1h")


def test_a_time_with_a_period_of_days_is_a_datetime():
    assert fields_of("Visits: visit time in the next 14 days, visitor name")["visit_time"]["type"] == "datetime"


def test_a_unique_code_with_fewer_values_than_rows_repeats_with_a_warning():
    result = extract_offline("2000 seats: seat code (unique, 1 letter then 1 digit), price 10-90")
    plan = compile_schema(result.schema)
    plan.check_row_count(2000)
    assert any("repeat" in w for w in result.warnings)


@pytest.mark.parametrize("name", ["tuning.json", "tuning_more.json"])
def test_every_tuning_description_gives_a_schema_jobs_accept_for_its_row_count(name):
    for case in json.loads((CORPUS / name).read_text()):
        result = extract_offline(case["text"])
        compile_schema(result.schema).check_row_count(min(result.total_rows or 1000, 10**6))


def test_a_line_after_fields_colon_is_the_column_list_and_a_note_after_it_is_named():
    text = ("TICKET-7: data for the renewal demo\n\nPlease generate 500 contracts. Fields:\n"
            "contract no (CT + 6 digits), client email, start date in 2025, end date one year after start, "
            "and a signed flag\n\nNote: keep it small.")
    result = extract_offline(text)
    assert [f.name for f in result.schema.fields] == ["contract_no", "client_email", "start_date", "end_date",
                                                     "signed_flag"]
    assert result.total_rows == 500
    assert result.schema.fields[3].constraints.expression == "date_add(start_date, 365)"
    assert any("keep it small" in w for w in result.warnings)
