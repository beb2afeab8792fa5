"""Columns prose names in passing, spec wording ('shall'), and line layouts: each class in several wordings and
domains of its own, asserted on the extracted schema and, where a rule holds on rows, on the generated rows."""

from __future__ import annotations

import re

import pytest

from src.extraction.clauses import name_whether, strip_request_lead
from src.extraction.offline import extract_offline
from src.extraction.scene import find_row_count
from tests.extraction.offline_helpers import fields_of, generate


@pytest.mark.parametrize("text, column", [
    ("Each order has an id and a total, and we also track the refund reason.", "refund_reason"),
    ("Every booking carries a guest name and a check-in date, and we also record the room type.", "room_type"),
    ("Give me 200 loans with a principal and a rate, and I also need the branch code.", "branch_code"),
    ("Each parcel has a tracking number and a weight, but we also log the courier.", "courier"),
])
def test_a_column_asked_for_mid_sentence_is_kept(text, column):
    names = list(fields_of(text))
    assert column in names, names
    assert not any(name.startswith(("we_", "i_")) or name in ("we", "i") for name in names), names


@pytest.mark.parametrize("piece, label", [
    ("and we also track the refund reason", "refund reason"),
    ("I'd like the seat number", "seat number"),
    ("we also need a coupon code", "coupon code"),
    ("we need 500 rows", "we need 500 rows"),  # a count is the scene, not a column: left for the row-count stage
])
def test_a_request_inside_a_list_names_its_column(piece, label):
    assert strip_request_lead(piece) == label


@pytest.mark.parametrize("piece, label", [
    ("whether the queen was seen", "queen seen (yes/no)"),
    ("whether a reminder was sent", "reminder sent (yes/no)"),
    ("a yes/no for whether the parcel was signed", "parcel signed (yes/no)"),
    ("a flag saying if the room is occupied", "room occupied (yes/no)"),
])
def test_a_yes_no_column_is_named_by_its_noun(piece, label):
    assert name_whether(piece) == label


def test_a_yes_no_asked_for_in_a_later_clause_is_a_boolean_column_of_its_noun():
    text = ("I need something like a log of our boat inspections, maybe 300 rows. Each row should have an inspection "
            "id and the inspector's full name. The hull grade should be good, fair or poor, and I'd like a yes/no for "
            "whether the engine was serviced.")
    result = extract_offline(text)
    names = [f.name for f in result.schema.fields]
    assert result.total_rows == 300
    assert names[:2] == ["inspection_id", "inspector_full_name"], names
    assert "hull_grade" in names and "engine_serviced" in names, names
    assert not {"something", "maybe"} & set(names)
    rows = generate(text)
    assert set(map(str, rows["engine_serviced"])) <= {"yes", "no", "True", "False", "true", "false"}


@pytest.mark.parametrize("opening", [
    "I need something like a ferry crossings table for a transport study, 3000 crossings.",
    "We want a spreadsheet of ferry crossings for a class project, 3000 crossings.",
    "I'd like some fake data for a ferry study, 3000 crossings.",
])
def test_a_sentence_naming_the_dataset_is_the_scene(opening):
    text = opening + " For each crossing list the vessel name, the route, and the passenger count from 0 to 450."
    result = extract_offline(text)
    names = [f.name for f in result.schema.fields]
    assert result.total_rows == 3000
    assert names == ["vessel_name", "route", "passenger_count"], names


@pytest.mark.parametrize("lead", ["For each crossing list", "For every crossing we record", "Per crossing, include"])
def test_for_each_row_leads_a_list_of_columns(lead):
    names = list(fields_of(f"Ferry data, 500 rows. {lead} the vessel name and the departure time."))
    assert names == ["vessel_name", "departure_time"], names


def test_spec_wording_with_shall_and_must_reads_each_sentence_as_a_column():
    text = ("4.3 Claims. The test set shall contain 2,000 insurance claim records. Each record shall carry a unique "
            "claim number and the claimant's full name. The claim type shall be one of auto, home, travel or pet. "
            "The claimed amount shall lie between 100 and 90,000 with two decimal places. The excess must equal 250. "
            "The filing date must fall between 1 March 2024 and 31 May 2024. The settled indicator shall be a boolean.")
    result = extract_offline(text)
    fields = {f.name: f for f in result.schema.fields}
    assert result.total_rows == 2000  # '4.3' numbers the section, it counts no rows
    assert fields["claim_type"].constraints.enum_values == ["auto", "home", "travel", "pet"]
    amount = fields["claimed_amount"].constraints
    assert (amount.min_value, amount.max_value, amount.decimals) == (100, 90000, 2)
    filing = fields["filing_date"].constraints
    assert (filing.min_value, filing.max_value) == ("2024-03-01", "2024-05-31")
    assert fields["settled_indicator"].type == "boolean"
    assert "claim_number" in fields and "claimant_full_name" in fields


@pytest.mark.parametrize("text, count", [
    ("2.1 Permit register. The register shall hold 1,800 permits.", 1800),
    ("3.2.1 Vehicles\nThe fleet file shall list 450 vehicles.", 450),
    ("Make 40 rows of books.", 40),
])
def test_a_section_number_is_not_a_row_count(text, count):
    assert find_row_count(text, header_only=True) == count


def test_values_start_right_after_the_modal_verb():
    fields = fields_of("Permits, 100 rows. The status shall be one of issued, under review or expired. "
                       "The kind could be extension, loft or garage.")
    assert fields["status"]["enum_values"] == ["issued", "under review", "expired"]
    assert fields["kind"]["enum_values"] == ["extension", "loft", "garage"]


@pytest.mark.parametrize("rule, low, high", [
    ("at least 500 and no more than 5,000,000", 500, 5_000_000),
    ("no less than 2 and at most 9", 2, 9),
    ("never below 10, at most 80", 10, 80),
])
def test_a_negated_bound_and_a_plain_bound_are_both_kept(rule, low, high):
    fields = fields_of(f"Projects, 50 rows. The project cost shall be {rule}.")
    assert (fields["project_cost"]["min_value"], fields["project_cost"]["max_value"]) == (low, high)


def test_lines_of_labels_with_bracketed_rules_and_an_arrow_to_the_row_count():
    text = ("sample_code (text, unique, 'SM' + 6 digits)\nsoil_type (clay 50%, loam 30%, sand 20%)\n"
            "ph_level (4.5 to 8.5)\nnitrogen_ppm (int, 5-90)\n-> 900 soil samples")
    result = extract_offline(text)
    names = [f.name for f in result.schema.fields]
    assert result.total_rows == 900
    assert names == ["sample_code", "soil_type", "ph_level", "nitrogen_ppm"], names
    rows = generate(text)
    assert len(set(rows["sample_code"])) == len(rows["sample_code"])
    assert all(5 <= v <= 90 for v in rows["nitrogen_ppm"])


def test_a_later_column_whose_verb_is_left_out_after_a_comma():
    fields = fields_of("Crossings, 200 rows. Passenger count goes from 0 to 450, vehicles from 0 to 80.")
    assert (fields["passenger_count"]["min_value"], fields["passenger_count"]["max_value"]) == (0, 450)
    assert (fields["vehicles"]["min_value"], fields["vehicles"]["max_value"]) == (0, 80)


def test_a_relative_which_after_the_label_is_not_part_of_its_name():
    fields = fields_of("Trips, 100 rows. Each trip has the route which is either north, south or east, and a fare.")
    assert fields["route"]["enum_values"] == ["north", "south", "east"]


@pytest.mark.parametrize("item", [
    "country: three-letter country code", "country (ISO alpha-3)", "nationality, a 3-letter code",
    "destination country as ISO 3166-1 alpha-3",
])
def test_a_three_letter_country_code_is_a_real_alpha3_code(item):
    rows = generate(f"Travellers, 100 rows. Columns: {item}, passenger name")
    column = next(iter(rows))
    assert all(len(v) == 3 and v.isupper() and v.isalpha() for v in rows[column])
    assert {"USA", "FRA", "JPN"} & set(rows[column])


@pytest.mark.parametrize("item", ["country (2-letter ISO code)", "nationality: alpha-2", "country of issue, two letters"])
def test_a_two_letter_country_is_the_country_code_type(item):
    fields = fields_of(f"Passports, 100 rows. Columns: {item}, holder name")
    assert next(iter(fields.values()))["type"] == "country_code"


@pytest.mark.parametrize("item", ["plate state: a two-letter code", "state (2-letter abbreviation)",
                                  "home state, two-letter", "state of residence as a USPS abbreviation"])
def test_a_two_letter_state_is_a_us_state_abbreviation(item):
    rows = generate(f"Drivers, 100 rows. Columns: {item}, driver name")
    values = rows[next(iter(rows))]
    assert all(len(v) == 2 and v.isupper() for v in values) and {"CA", "TX", "NY"} & set(values)


def test_a_two_letter_language_is_an_iso_639_code():
    rows = generate("Users, 100 rows. Columns: user id, language (two-letter code)")
    assert all(len(v) == 2 and v.islower() for v in rows["language"]) and "en" in rows["language"]


@pytest.mark.parametrize("text, column", [
    ("Themes, 50 rows. Columns: theme name, accent colour (hex colour)", "accent_colour"),
    ("Brands, 50 rows. Columns: brand, primary color as a hex code", "primary_color"),
    ("Palettes, 50 rows. Columns: palette id, hex color", "hex_color"),
])
def test_a_hex_colour_is_a_hash_and_six_hex_digits(text, column):
    rows = generate(text)
    assert all(re.fullmatch(r"#[0-9A-F]{6}", v) for v in rows[column]), rows[column][:3]


@pytest.mark.parametrize("item", ["version (semver)", "app version: semantic versioning",
                                  "release, a semantic version", "firmware version (major.minor.patch)"])
def test_a_semantic_version_has_three_numbers(item):
    rows = generate(f"Releases, 80 rows. Columns: build id, {item}")
    values = rows[list(rows)[1]]
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in values), values[:3]


@pytest.mark.parametrize("item, digits", [("PIN: 4-digit", 4), ("door code, a six digit PIN", 6)])
def test_an_n_digit_pin_has_n_digits(item, digits):
    rows = generate(f"Lockers, 80 rows. Columns: locker number, {item}")
    values = rows[list(rows)[1]]
    assert all(re.fullmatch(rf"\d{{{digits}}}", str(v)) for v in values), values[:3]


@pytest.mark.parametrize("text, named, template_rule", [
    ("500 invoices with a due date and an amount", "due_date", "expression"),
    ("Hotel stays, 200 rows. Guests have an email and a nightly rate.", "nightly_rate", "min_value"),
    ("300 flights with a departure time and a flight number", "departure_time", None),
])
def test_a_column_named_without_rules_takes_the_templates_rules_and_says_so(text, named, template_rule):
    result = extract_offline(text)
    fields = {f.name: f for f in result.schema.fields}
    assert named in fields and len(fields) >= 5, list(fields)
    assert any("template" in w for w in result.warnings)
    if template_rule:
        assert getattr(fields[named].constraints, template_rule) is not None
        assert "rules from template" in result.sources[named]


def test_a_column_named_with_its_own_rules_keeps_them_over_the_template():
    fields = fields_of("pets with species one of dog, cat, rabbit or hamster, and an owner email")
    assert fields["species"]["enum_values"] == ["dog", "cat", "rabbit", "hamster"]


def test_note_lines_under_a_header_line_each_open_with_their_column():
    text = ("sample_id,site,depth_cm,ph,texture\nnotes:\nsite is north, south or east\ndepth_cm 5 - 120\n"
            "ph 4.5-8.5, texture clay, loam or sand\nsample_id unique\n3000 samples")
    result = extract_offline(text)
    fields = {f.name: f for f in result.schema.fields}
    assert result.total_rows == 3000
    assert list(fields) == ["sample_id", "site", "depth_cm", "ph", "texture"]
    assert fields["site"].constraints.enum_values == ["north", "south", "east"]
    assert (fields["depth_cm"].constraints.min_value, fields["depth_cm"].constraints.max_value) == (5, 120)
    assert fields["sample_id"].constraints.unique


def test_a_title_whose_last_word_is_also_a_verb_names_no_column():
    names = list(fields_of("Hotel stays, 200 rows. Each stay has a guest name, a check-in date and a room type."))
    assert "hotel" not in names and names[:1] == ["guest_name"], names


@pytest.mark.parametrize("sub, values, weights", [
    (["  - bronze: 60%", "  - silver: 30%", "  - gold: 10%"], ["bronze", "silver", "gold"], [60, 30, 10]),
    (["    * pending (about a third)", "    * shipped (half)", "    * cancelled (the rest)"],
     ["pending", "shipped", "cancelled"], [33.33, 50, 16.67]),
    (["   - card - 70%", "   - cash (the rest)"], ["card", "cash"], [70, 30]),
    (["  - dog", "  - cat", "  - rabbit"], ["dog", "cat", "rabbit"], None),
])
def test_sub_bullets_under_a_column_are_its_values_and_their_shares(sub, values, weights):
    text = "\n".join(["Records, 400 rows.", "- record id", "- kind:", *sub, "- created date"])
    fields = fields_of(text)
    assert list(fields) == ["record_id", "kind", "created_date"], list(fields)
    assert fields["kind"]["enum_values"] == values
    assert (fields["kind"].get("weights") and [round(w, 2) for w in fields["kind"]["weights"]]) == weights


def test_sub_bullets_that_name_columns_stay_columns():
    text = "Customers, 100 rows\n- name\n- address\n   - street\n   - city\n   - zip code\n- email"
    assert list(fields_of(text)) == ["name", "address", "street", "city", "zip_code", "email"]


def test_shares_from_sub_bullets_hold_on_the_rows():
    text = "Orders, 4000 rows\n- order id\n- status\n  * pending (a quarter)\n  * shipped (the rest)"
    rows = generate(text, 4000)
    share = rows["status"].count("pending") / 4000
    assert 0.21 < share < 0.29


def test_a_closing_sentence_that_adds_columns_after_finally_add():
    names = list(fields_of("Water bills, 500 rows. Every bill has an account number and a billing date. "
                           "Finally, add a paid flag (yes/no) and a late fee of $15."))
    assert names[-2:] == ["paid_flag", "late_fee"], names


def test_a_range_after_a_comma_with_anywhere_stays_with_its_column():
    fields = fields_of("Race results, 500 rows. Each runner has a bib number and a full name. Finish time is stored "
                       "in seconds, anywhere from 7,200 to 21,600.")
    assert list(fields) == ["bib_number", "full_name", "finish_time"], list(fields)
    assert (fields["finish_time"]["min_value"], fields["finish_time"]["max_value"]) == (7200, 21600)


def test_a_wish_for_a_sample_with_a_row_count_is_the_scene():
    result = extract_offline("we'd like a general ledger sample with 1,500 lines. Each line should have a journal "
                             "id and a posting date.")
    assert [f.name for f in result.schema.fields] == ["journal_id", "posting_date"]
    assert result.total_rows == 1500
