"""One rule for several columns: numbered runs ('q1..q5 each 1-5'), 'A and B each <rule>', a head shared by
words ending in a preposition ('valid from / valid to dates in 2025'); runs inside a formula are written out."""

from __future__ import annotations

import pytest

from src.extraction.shared_columns import expand_shared_columns
from tests.extraction.offline_helpers import fields_of, generate

EXPANDED = [
    ("q1..q5 each 1-5 likert", [f"q{n} 1-5 likert" for n in range(1, 6)]),
    ("q1-q5 (1-5 scale)", [f"q{n} (1-5 scale)" for n in range(1, 6)]),
    ("Q1 to Q4: yes/no", [f"Q{n}: yes/no" for n in range(1, 5)]),
    ("item_1..item_3 score 0-10", ["item_1 score 0-10", "item_2 score 0-10", "item_3 score 0-10"]),
    ("height and width each 10-200 cm", ["height 10-200 cm", "width 10-200 cm"]),
    ("Height and width in centimetres, 10 to 400 each", ["Height in centimetres, 10 to 400",
                                                        "width in centimetres, 10 to 400"]),
    ("length, width and depth in mm, 1 to 50 each", ["length in mm, 1 to 50", "width in mm, 1 to 50",
                                                     "depth in mm, 1 to 50"]),
    ("valid from / valid to dates in 2025", ["valid_from (date in 2025)", "valid_to (date in 2025)"]),
    ("open from and open until times on the hour", ["open_from (time on the hour)", "open_until (time on the hour)"]),
]


@pytest.mark.parametrize(("item", "expected"), EXPANDED)
def test_one_clause_per_column_named_with_one_rule(item, expected):
    assert expand_shared_columns(item) == expected


@pytest.mark.parametrize("item", ["age 18-65", "q1-5 score", "first name and last name", "price 5-50 each",
                                  "pickup and dropoff", "weight each 2-5 kg", "the home and away scores, each 0-9"])
def test_one_column_or_no_shared_rule_stays_whole(item):
    assert expand_shared_columns(item) == [item]


SHARED_IN_TEXT = [
    ("Generate 300 artworks. Columns: title, height and width each 10-200 cm, medium", ["height", "width"], (10, 200)),
    ("800 objects. Every object gets a title. Height and width in centimetres, 10 to 400 each. Finally the medium "
     "(oil, bronze).", ["height", "width"], (10, 400)),
    ("Survey responses:\n- respondent id\n- q1-q5 (1-5 scale)\n- comment", [f"q{n}" for n in range(1, 6)], (1, 5)),
    ("employee survey, 1.5k. resp id, q1..q5 each 1-7, comment text optional", [f"q{n}" for n in range(1, 6)], (1, 7)),
    ("Boxes: box id, width and depth each 1 to 50 cm, weight", ["width", "depth"], (1, 50)),
]


@pytest.mark.parametrize(("text", "names", "bounds"), SHARED_IN_TEXT)
def test_every_column_named_with_a_shared_rule_keeps_that_rule(text, names, bounds):
    fields = fields_of(text)
    rows = generate(text)
    for name in names:
        assert (fields[name]["min_value"], fields[name]["max_value"]) == bounds, fields[name]
        assert all(bounds[0] <= v <= bounds[1] for v in rows[name])


def test_a_date_pair_sharing_its_head_gives_both_dates_in_the_period():
    fields = fields_of("Contracts: contract id, valid from / valid to dates in 2025, amount 100-900")
    assert [fields[n]["min_value"] for n in ("valid_from", "valid_to")] == ["2025-01-01", "2025-01-01"]


def test_a_run_of_numbered_columns_inside_a_formula_names_each():
    text = "Survey:\n- resp id\n- q1..q5 each 1-5 likert\n- avg score = mean of q1-q5 (2dp)"
    assert fields_of(text)["avg_score"]["expression"] == "round((q1 + q2 + q3 + q4 + q5) / 5, 2)"
    rows = generate(text)
    assert all(abs(a - round(sum(q) / 5, 2)) < 1e-9 for a, *q in
               zip(rows["avg_score"], *(rows[f"q{n}"] for n in range(1, 6))))
