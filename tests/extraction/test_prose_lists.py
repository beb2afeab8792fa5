"""Sentences that carry more columns than their subject: a list after ', plus ...', an aside between a label and
its verb, and verbless runs of ruled parts. Each case is in words of its own (not the corpus cases)."""

from __future__ import annotations

import pytest

from tests.extraction.offline_helpers import fields_of, generate


@pytest.mark.parametrize("text, first, listed", [
    ("We want 500 rows. Ticket numbers are unique integers from 1 to 90000, plus the holder's full name, the seat "
     "class (economy, business or first) and the fare paid.", "ticket_number", ["seat_class", "fare_paid"]),
    ("About 800 recipes. Each cook time is between 5 and 240 minutes, as well as the cuisine (thai, greek, mexican) "
     "and the number of servings.", "cook_time", ["cuisine"]),
    ("Give me 300 parcels. The weight should be 0.1 to 30 kg, along with the destination city and the courier "
     "(dhl, ups or fedex).", "weight", ["destination_city", "courier"]),
])
def test_a_list_after_plus_adds_its_columns(text, first, listed):
    fields = fields_of(text)
    assert first in fields
    for name in listed:
        assert name in fields, (name, list(fields))
    assert len(fields) >= 1 + len(listed)


def test_the_first_column_keeps_its_rule_and_the_listed_ones_theirs():
    rows = generate("We want 500 rows. Ticket numbers are unique integers from 1 to 90000, plus the holder's full name "
                    "and the seat class (economy, business or first).", 500)
    assert len(set(rows["ticket_number"])) == 500 and min(rows["ticket_number"]) >= 1 \
        and max(rows["ticket_number"]) <= 90000
    assert set(rows["seat_class"]) <= {"economy", "business", "first"}


@pytest.mark.parametrize("text", [
    "Fares: distance 1-40 km, and the fare is 2.50 plus 1.10 per km.",
    "Orders: net 5-500; the gross is the net, plus the tax of 8%.",
])
def test_plus_in_a_formula_is_no_list(text):
    fields = fields_of(text)
    assert not any(name.startswith(("km", "tax_of", "the_")) for name in fields), list(fields)


def test_an_aside_between_a_column_and_its_verb_keeps_the_rule():
    fields = fields_of("Race results for 2,000 finishers. The finish time is between 7200 and 25200 seconds. "
                       "The half split, also in seconds, has to be less than the finish time.")
    assert fields["half_split"].get("before") == "finish_time" or fields["half_split"].get("max_value", 0) <= 25200
    rows = generate("Race results for 2,000 finishers. The finish time is between 7200 and 25200 seconds. "
                    "The half split, also in seconds, has to be less than the finish time.")
    assert all(h < f for h, f in zip(rows["half_split"], rows["finish_time"]))


@pytest.mark.parametrize("text, names", [
    ("bakery log ~2k rows. pastry (croissant, scone, bagel, muffin, eclair) for each sale, unit cost 1-6, "
     "total = qty x unit cost.", ["pastry", "unit_cost", "total"]),
    ("kiosk sales, 900 rows. drink (latte, mocha, flat white, chai, espresso) in each order, size small/medium/large, "
     "price 2-7.", ["drink", "size", "price"]),
])
def test_a_verbless_run_of_ruled_parts_names_each_column(text, names):
    fields = fields_of(text)
    assert list(fields) == names
    assert len(fields[names[0]]["enum_values"]) == 5
