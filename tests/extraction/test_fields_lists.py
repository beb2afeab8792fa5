"""Value lists read before the other qualifier readers, and lines that only state the row count.

Each class is stated with new sentences (none copied from the corpora)."""

from __future__ import annotations

import pytest

from src.extraction.fields_label import draft_fields
from src.extraction.fields_lists import flatten_nested_notes, plain_list_span
from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import fields_of, generate


def values_of(item: str) -> list:
    draft = draft_fields(item, [])[0]
    return [i.value for i in draft.enum_items]


@pytest.mark.parametrize("item, values", [
    ("review state: accepted, rejected, under appeal", ["accepted", "rejected", "under appeal"]),
    ("fare class: adult, student, pensioner", ["adult", "student", "pensioner"]),
    ("severity: minor, normal, major, blocker", ["minor", "normal", "major", "blocker"]),
    ("placement: first, middle, last", ["first", "middle", "last"]),
    ("alert level: normal, elevated, severe (mostly normal)", ["normal", "elevated", "severe"]),
])
def test_a_listed_value_is_never_read_as_a_rule(item, values):
    assert values_of(item) == values


def test_a_list_opened_after_a_condition_keeps_both():
    draft = draft_fields("error code: only when outcome is failed, one of X11, X42, X97", [])[0]
    assert [i.value for i in draft.enum_items] == ["X11", "X42", "X97"]
    assert draft.condition_text == "outcome is failed"


def test_a_share_given_for_one_listed_value_weights_the_others_evenly():
    draft = draft_fields("grade: pass, merit, distinction, fail (fail about 4%)", [])[0]
    weights = {i.value: i.weight for i in draft.enum_items}
    assert weights["fail"] == 4.0 and weights["pass"] == weights["merit"] == 32.0


@pytest.mark.parametrize("item, values", [
    ("cabin (twin, double, loft (with skylight), dorm)", ["twin", "double", "loft", "dorm"]),
    ("screen (laptop (13 or 15 inch), phone, tablet)", ["laptop", "phone", "tablet"]),
])
def test_a_bracket_inside_a_value_list_is_that_value_s_note(item, values):
    assert values_of(item) == values


def test_flatten_nested_notes_only_drops_inner_brackets():
    assert flatten_nested_notes("(a, b (note), c)") == "(a, b, c)"
    assert flatten_nested_notes("a (b), c") == "a (b), c"


@pytest.mark.parametrize("text", ["timestamp, last 30 days", "uuid, unique, not null", "10-500, whole numbers, optional",
                                  "never more than the list price, only for sale items"])
def test_rules_written_with_commas_are_no_value_list(text):
    assert plain_list_span(text) is None


def test_every_listed_value_is_generated():
    rows = generate("Parcel lockers, 300 rows.\n- locker id\n- state: free, occupied, out of order, under repair")
    assert set(rows["state"]) == {"free", "occupied", "out of order", "under repair"}


@pytest.mark.parametrize("text, rows", [
    ("kiosk_sales:\n  n: 2500\n  kiosk: 9 kiosks\n  amount: 1-40", 2500),
    ("kiosk_sales:\n  number_of_rows: 1800\n  fields:\n    kiosk: 9 kiosks\n    amount: 1-40", 1800),
    ("Gym visits:\n- 4,200 visits\n- member email\n- minutes spent 10-120", 4200),
    ("- plate\n- minutes parked 5-600\n- fee paid $0 - $30\ncity car park stays. 2500.", 2500),
])
def test_a_line_that_only_states_the_row_count_is_no_column(text, rows):
    result = extract_offline(text)
    assert result.total_rows == rows
    names = [f.name for f in result.schema.fields]
    assert not any(n in ("n", "number_of_rows", "fields") or n[0].isdigit() or n.startswith("f_") for n in names)
    assert not any("no column could be read" in w for w in result.warnings)


def test_a_keyed_first_line_is_a_column_and_a_closing_request_is_the_scene():
    text = ("locker_code: 6 uppercase letters, unique\nopened_at: timestamp in the last week\n"
            "size: small, medium, large\nMake 700 of these rentals please.")
    result = extract_offline(text)
    assert result.total_rows == 700
    assert [f.name for f in result.schema.fields] == ["locker_code", "opened_at", "size"]


def test_a_title_line_with_a_count_is_still_the_scene():
    fields = fields_of("Ferry crossings: 900 trips.\nferry | departs at | passengers: 10-400 | weather: calm/rough")
    assert "ferry" in fields and not any("crossing" in n for n in fields)


@pytest.mark.parametrize("item, weights", [
    ("fare type: standard or discounted, about 65% standard", {"standard": 65.0, "discounted": 35.0}),
    ("licence: trial / paid, 20% trials", {"trial": 20.0, "paid": 80.0}),
])
def test_a_share_stated_after_the_list_weights_its_value(item, weights):
    draft = draft_fields(item, [])[0]
    assert {i.value: i.weight for i in draft.enum_items} == weights
