"""Chat messages: shorthand ('b/w', 'w/'), requests with their subject left out, equal shares after a list."""

from __future__ import annotations

import pytest

from src.extraction.shorthand import expand_shorthand
from tests.extraction.offline_helpers import fields_of, only


def test_shorthand_is_written_out_and_nothing_else_changes():
    assert expand_shorthand("qty b/w 1 and 5 w/ cents, w/o nulls") == "qty between 1 and 5 with cents, without nulls"
    assert expand_shorthand("path a/b/w/x and km/h") == "path a/b/w/x and km/h"


def test_a_range_written_with_b_w_keeps_a_clean_label():
    fields = fields_of("200 rows: unit price b/w $2 and $80 w/ cents, qty b/w 1 and 9")
    assert fields["unit_price"]["min_value"] == 2 and fields["unit_price"]["max_value"] == 80
    assert fields["unit_price"]["decimals"] == 2
    assert fields["qty"]["max_value"] == 9


@pytest.mark.parametrize("lead", ["need", "also need", "want", "gotta have"])
def test_a_request_with_no_subject_lists_its_columns(lead):
    fields = fields_of(f"hey can u make ~300 rows of bike rentals for a demo? {lead} rental id, bike type "
                       "(road, mountain, e-bike), minutes 5-240, rented at in the last 30 days. thx")
    assert {"bike_type", "minutes"} <= set(fields)
    assert fields["bike_type"]["enum_values"] == ["road", "mountain", "e-bike"]
    assert fields["minutes"]["max_value"] == 240


@pytest.mark.parametrize("rule", ["placebo, low_dose, high_dose — about a third each",
                                  "placebo, low_dose, high_dose - roughly equal",
                                  "placebo, low_dose, high_dose, split evenly",
                                  "placebo, low_dose, high_dose (equal shares)",
                                  "placebo, low_dose or high_dose, equally likely"])
def test_equal_shares_after_a_list_leave_the_values_unweighted(rule):
    field = only(f"arm: {rule}")
    assert field.type == "enum" and field.constraints.enum_values == ["placebo", "low_dose", "high_dose"]
    assert field.constraints.weights is None


def test_a_note_after_a_dash_weights_the_list_and_equal_stays_a_value():
    assert only("plan: basic, plus, pro — mostly basic").constraints.weights[0] > 50
    assert only("comparison: less, equal, greater").constraints.enum_values == ["less", "equal", "greater"]
