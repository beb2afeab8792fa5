"""Field reading: the words of a label. A column's name is the words that name it, never its rule words; short
and misspelt words are read for their meaning while the user's name is kept; values written straight after
the label, then the share of one of them, are a weighted list. Each class in several domains and wordings."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import bullets, fields_of, generate


# ----------------------------------------------------------------------------- rule words stay out of the label
@pytest.mark.parametrize("line, name, shape", [
    ("baggage tag number consisting of exactly ten digits, which must be unique", "baggage_tag_number", r"\d{10}"),
    ("locker code consisting of three letters", "locker_code", r"[A-Z]{3}"),
    ("request number of the form SR- followed by eight digits", "request_number", r"SR-\d{8}"),
    ("permit ref of the form BP- followed by 5 digits", "permit_ref", r"BP-\d{5}"),
    ("a production lot identified by LOT- followed by six digits", "production_lot", r"LOT-\d{6}"),
    ("a shelf identified by SH- followed by 4 digits", "shelf", r"SH-\d{4}"),
])
def test_a_code_shape_said_after_the_label_is_no_part_of_its_name(line, name, shape):
    values = generate(bullets(line, "notes"))[name]
    assert all(re.fullmatch(shape, v) for v in values), values[:3]


@pytest.mark.parametrize("line, name", [
    ("lesson id uniq", "lesson_id"),
    ("voucher code unique", "voucher_code"),
    ("badge number uniq", "badge_number"),
    ("parcel ref distinct", "parcel_ref"),
    ("serial no uniq", "serial_no"),
])
def test_a_unique_flag_after_the_label_makes_it_unique_and_leaves_the_name(line, name):
    fields = fields_of(bullets(line, "notes", rows=300))
    assert name in fields, list(fields)
    assert fields[name]["unique"] is True
    assert len(set(generate(bullets(line, "notes"), rows=300)[name])) == 300


@pytest.mark.parametrize("line, name, low", [
    ("batch number just counts up from 1", "batch_number", 1),
    ("ticket no simply counts up from 100", "ticket_no", 100),
    ("invoice number increments by 1 from 5000", "invoice_number", 5000),
    ("run number counts up from 1", "run_number", 1),
    ("order seq just counts up from 10", "order_seq", 10),
])
def test_a_counter_said_after_the_label_counts_from_its_start(line, name, low):
    values = generate(bullets(line, "notes"), rows=50)[name]
    assert [int(v) for v in values] == list(range(low, low + 50))


@pytest.mark.parametrize("sentence, name", [
    ("Each record shall reference a policy number, POL followed by 7 digits.", "policy_number"),
    ("Each shipment must carry a tracking code, TRK followed by 9 digits.", "tracking_code"),
    ("Every sample shall have a barcode, BC followed by 10 digits.", "barcode"),
    ("Each claim must have a claim reference, CL followed by 6 digits.", "claim_reference"),
    ("Each loan shall hold a contract number, CN followed by 8 digits.", "contract_number"),
])
def test_a_spec_sentence_verb_is_no_part_of_the_name(sentence, name):
    text = f"Generate 200 rows. {sentence} Each row also has a note."
    names = extract_offline(text).schema.field_names()
    assert name in names, names
    assert not any(n.startswith(("shall", "must")) for n in names), names


# ----------------------------------------------------------------------------- short and misspelt words
@pytest.mark.parametrize("line, name, values", [
    ("roast lvl light/medium/dark", "roast_lvl", ["light", "medium", "dark"]),
    ("skill lvl beginner/intermediate/expert", "skill_lvl", ["beginner", "intermediate", "expert"]),
    ("payment cash or card", "payment", ["cash", "card"]),
    ("meal chicken/fish/veg", "meal", ["chicken", "fish", "veg"]),
    ("fuel petrol or diesel", "fuel", ["petrol", "diesel"]),
    ("rsvp yes/no/maybe", "rsvp", ["yes", "no", "maybe"]),
])
def test_values_written_after_an_abbreviated_or_choice_label_are_its_values(line, name, values):
    fields = fields_of(bullets(line, "notes"))
    assert name in fields, list(fields)
    assert fields[name]["type"] == "enum"
    assert fields[name]["enum_values"] == values


# ----------------------------------------------------------------------------- the share of one listed value
@pytest.mark.parametrize("line, name, favourite, share", [
    ("paymnt cash/card/app, card like 55 pct", "payment", "card", 0.55),
    ("payment method: cash/card/app, card 55%", "payment_method", "card", 0.55),
    ("membership basic or premium, premium about 20%", "membership", "premium", 0.20),
    ("seat class: economy/business/first, economy 80 percent", "seat_class", "economy", 0.80),
    ("channel web/phone/store; web roughly 60%", "channel", "web", 0.60),
])
def test_a_share_after_a_value_list_weights_that_value(line, name, favourite, share):
    values = generate(bullets(line, "notes"), rows=2000)[name]
    counts = Counter(values)
    assert favourite in counts and len(counts) >= 2, counts
    assert abs(counts[favourite] / len(values) - share) < 0.05, counts


# ----------------------------------------------------------------------------- 'is a yes/no field'
@pytest.mark.parametrize("line, name", [
    ("Pets allowed is a yes/no field", "pets_allowed"),
    ("paid is a yes/no flag", "paid"),
    ("smoker: a yes or no value", "smoker"),
    ("refund requested is a true/false column", "refund_requested"),
    ("gift wrapped is a y/n field", "gift_wrapped"),
])
def test_a_yes_no_field_said_as_a_sentence_holds_two_answers(line, name):
    values = {str(v).lower() for v in generate(bullets(line, "notes"))[name]}
    assert len(values) == 2 and values in ({"yes", "no"}, {"true", "false"}, {"y", "n"}), values


@pytest.mark.parametrize("line, name, low, high", [
    ("average speed in km/h, anywhere from 12 to 38", "average_speed", 12, 38),
    ("flow in l/min, between 2 and 40", "flow", 2, 40),
    ("dose in mg/kg, from 1 to 5", "dose", 1, 5),
    ("fuel economy in km/l, 8 to 25", "fuel_economy", 8, 25),
    ("pressure in kg/cm2, 1-10", "pressure", 1, 10),
])
def test_a_unit_with_a_slash_before_a_range_is_no_value_list(line, name, low, high):
    fields = fields_of(bullets(line, "notes"))
    assert fields[name]["type"] in ("integer", "float", "decimal"), fields[name]
    assert (fields[name]["min_value"], fields[name]["max_value"]) == (low, high)
