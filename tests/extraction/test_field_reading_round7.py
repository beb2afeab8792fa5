"""Field reading, round 7: lists closed by the sentence's end, shares after a list, units in brackets,
yes/no written with an article, and meanings (phone numbers named msisdn, wind direction in degrees)."""

from __future__ import annotations

import pytest

from src.extraction.comma_list import split_prose_items
from src.extraction.fields_label import draft_field
from src.engine.semantics import infer_string_kind


def read(label: str, rest: str):
    warnings: list[str] = []
    return draft_field(label, rest, warnings)


@pytest.mark.parametrize("sentence, label, values", [
    ("Carrier must be one of DHL, UPS, FedEx Ground", "Carrier", ["DHL", "UPS", "FedEx Ground"]),
    ("The cuisine should be one of thai, mexican, italian, greek.", "cuisine", ["thai", "mexican", "italian", "greek"]),
    ("Phase shall be one of not begun, under way, finished, paused", "Phase",
     ["not begun", "under way", "finished", "paused"]),
])
def test_a_list_after_one_of_runs_to_the_end_of_its_sentence(sentence, label, values):
    items = split_prose_items(sentence)
    assert items == [f"{label}: {', '.join(values)}"]


def test_a_list_running_to_the_end_stops_at_a_column_name():
    assert len(split_prose_items("the kind such as name, email, phone")) == 3


@pytest.mark.parametrize("label, rest, weights", [
    ("tier", "bronze, silver, gold (50 / 35 / 15)", [50, 35, 15]),
    ("verb", "GET (60%), POST (30%), PATCH and DELETE (5% each)", [60, 30, 5, 5]),
    ("seat", "window (40%), middle, aisle or exit row (20% each)", [40, 20, 20, 20]),
])
def test_shares_after_or_inside_a_list_weight_its_values(label, rest, weights):
    draft = read(label, rest)
    assert draft.type == "enum"
    assert draft.constraints["weights"] == weights


@pytest.mark.parametrize("rest, rare", [
    ("is calm, breezy or stormy; stormy should be rare (about 4%)", "stormy"),
    ("low, medium or severe; severe is uncommon (around 3%)", "severe"),
])
def test_a_semicolon_closes_the_list_and_the_note_after_it_gives_a_share(rest, rare):
    draft = read("condition", rest)
    values = draft.constraints["enum_values"]
    assert len(values) == 3 and rare in values
    shares = dict(zip(values, draft.constraints["weights"]))
    assert shares[rare] < 5


@pytest.mark.parametrize("label, rest", [("gold grade", "(g/t) between 0 and 35"), ("wind", "(km/h) 0 to 110"),
                                         ("discharge", "(m3/s) from 0.5 to 900")])
def test_a_unit_written_as_a_ratio_is_no_value_list(label, rest):
    draft = read(label, rest)
    assert draft.type in ("float", "integer")
    assert draft.constraints["max_value"] > 30


@pytest.mark.parametrize("rest", ["is a yes/no", "is a yes or no", "an yes/no"])
def test_yes_no_with_an_article_lists_yes_and_no(rest):
    draft = read("explicit", rest)
    assert [str(v).lower() for v in draft.constraints["enum_values"]] == ["yes", "no"]


def test_a_range_and_its_spread_are_no_frequency_list():
    draft = read("page views", "20-900000, skewed (a few huge pages)")
    assert draft.type == "integer"
    assert (draft.constraints["min_value"], draft.constraints["max_value"]) == (20, 900000)


@pytest.mark.parametrize("name", ["msisdn", "caller_number", "callee number", "subscriber_msisdn"])
def test_telephone_labels_mean_a_phone(name):
    assert infer_string_kind(name) == "phone"


@pytest.mark.parametrize("label", ["wind direction", "wind_dir", "wind_dir_deg", "heading"])
def test_wind_direction_is_whole_degrees(label):
    from src.engine.numeric_meanings import numeric_default

    draft = read(label, "")
    assert draft.type == "integer"
    assert numeric_default(label)[:2] == (0, 359)
