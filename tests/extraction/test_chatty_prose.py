"""Chatty prose and spec paragraphs: columns named in passing, in sentences written by people, not lists.

Each class is stated with new sentences in several domains (none copied from the corpora)."""

from __future__ import annotations

import re

import pytest

from src.extraction.chatty import (drop_function_labels, is_function_label, is_qualified_container, qualifies_previous,
                                    read_spec_clause, strip_lead)
from src.extraction.drafts import FieldDraft
from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import fields_of, generate

JUNK = re.compile(r"^(?:we|i|you|they|it|per_.*|if_.*|then_.*|so_.*|which.*|and_.*|oh.*)$")


def assert_no_junk(fields: dict) -> None:
    assert not [name for name in fields if JUNK.match(name)], list(fields)


# --- lead-ins that open a column list ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, body", [
    ("For every delivery I want the driver name, the van plate and the drop time", "driver name, the van plate and "
                                                                                    "the drop time"),
    ("For each tasting we need the wine, the score and the taster", "wine, the score and the taster"),
    ("We also track whether the tyre was replaced (yes/no)", "whether the tyre was replaced (yes/no)"),
    ("I'd also like the booking channel and the party size", "booking channel and the party size"),
    ("Oh and the cabin class, economy or business", "cabin class, economy or business"),
    ("Then the referee, the venue and the kickoff time", "referee, the venue and the kickoff time"),
    ("Each record shall carry a batch number and a lot size", "batch number and a lot size"),
    ("Each shipment must have a tracking code", "tracking code"),
    ("Also include the pallet weight", "pallet weight"),
])
def test_lead_ins_give_the_column_list(sentence, body):
    assert strip_lead(sentence) == body


@pytest.mark.parametrize("sentence", [
    "We operate three warehouses in Ohio",
    "I'd like about 2,000 rows",
    "Records whose status is closed shall have no reopen date",
    "Thanks a lot",
])
def test_sentences_that_set_the_scene_have_no_lead(sentence):
    assert strip_lead(sentence) is None


def test_a_chatty_paragraph_keeps_every_column_it_names():
    text = ("Hi! I'm building a demo for our cycling club and need some fake ride logs. Maybe 500 rides across 30 "
            "members, so each member shows up a few times. For every ride I want the ride date sometime in 2023, the "
            "rider's full name, and the distance in km, between 5 and 180. We also track whether the route was hilly "
            "(yes/no) and the weather, which is sunny, cloudy or rainy - most should be sunny, like 60%, with 30% "
            "cloudy and 10% rainy. Oh and average speed in km/h, anywhere from 12 to 38 with one decimal.")
    result = extract_offline(text)
    fields = {f.name: f for f in result.schema.fields}
    assert result.total_rows == 500
    assert not {"ip_address", "http_method", "user_agent"} & set(fields)  # 'ride logs' is no web log
    assert_no_junk(fields)
    assert fields["ride_date"].type == "date"
    assert fields["ride_date"].constraints.min_value.startswith("2023")
    assert any(f.type == "full_name" for f in fields.values())
    distance = next(f for n, f in fields.items() if n.startswith("distance"))
    assert (distance.constraints.min_value, distance.constraints.max_value) == (5, 180)
    assert fields["weather"].constraints.enum_values == ["sunny", "cloudy", "rainy"]
    assert fields["weather"].constraints.weights == [60, 30, 10]
    speed = next(f for n, f in fields.items() if n.startswith("average_speed"))
    assert (speed.constraints.min_value, speed.constraints.max_value, speed.constraints.decimals) == (12, 38, 1)
    assert any(n.startswith("route_hilly") for n in fields)


def test_a_request_for_court_records_with_a_code_example_and_a_long_value_list():
    text = ("Could you generate some tenancy dispute records? Around 900 disputes. Each one needs a claim number "
            "formatted like TD-2022-00317 (TD, the year, then five digits), unique per dispute, and the hearing date "
            "between March 2022 and June 2024. Then the dispute type (deposit, repairs, rent arrears, eviction), the "
            "landlord and the tenant, and the ruling, which is one of upheld, partly upheld, referred to a mediator "
            "panel, or adjourned.")
    fields = fields_of(text)
    assert_no_junk(fields)
    claim = next(v for n, v in fields.items() if n.startswith("claim_number"))
    assert claim.get("unique") and "enum_values" not in claim
    assert fields["ruling"]["enum_values"] == ["upheld", "partly upheld", "referred to a mediator panel", "adjourned"]
    assert fields["dispute_type"]["enum_values"] == ["deposit", "repairs", "rent arrears", "eviction"]
    assert {"landlord", "tenant", "hearing_date"} <= set(fields)


def test_a_passive_label_and_a_filler_word_before_a_range():
    fields = fields_of("We catalogue old maps, about 300 of them. Every map gets a title. Then the cartographer's "
                       "full name, the year it was printed somewhere between 1600 and 1900, and the sheet width in cm, "
                       "anywhere from 20 to 150.")
    assert fields["year_printed"]["type"] == "integer"
    assert (fields["year_printed"]["min_value"], fields["year_printed"]["max_value"]) == (1600, 1900)
    width = next(v for n, v in fields.items() if n.startswith("sheet_width"))
    assert (width["min_value"], width["max_value"]) == (20, 150)
    assert_no_junk(fields)


@pytest.mark.parametrize("piece, yes", [
    ("unique per case", True), ("unique, of course", False), ("of course", True), ("anywhere from 0 to 35", True),
    ("-10 to 75 C", True), ("like 70%", True), ("with one decimal", True), ("the plaintiff", False),
    ("unit price", False),
])
def test_pieces_that_only_qualify_the_column_before(piece, yes):
    assert qualifies_previous(piece) is yes


@pytest.mark.parametrize("label, junk", [
    ("we", True), ("per case", True), ("if case", True), ("then", True), ("which", True), ("course", False),
    ("I need the member name", False), ("case", False), ("if case", True),
    ("case type", False), ("queen seen", False), ("per diem", False), ("unit", False),
])
def test_function_word_labels_are_junk(label, junk):
    assert is_function_label(label) is junk


# --- spec paragraphs ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("clause, item", [
    ("The ward shall be one of Cardiology, Oncology, Maternity", "ward: Cardiology, Oncology, Maternity"),
    ("Length of stay in days must be an integer from 0 to 60", "Length of stay in days: an integer from 0 to 60"),
    ("The patient's age at admission shall be between 0 and 104 inclusive", "patient age at admission: between 0 and 104"),
    ("The return date shall not precede the loan date", "return date: on or after the loan date"),
    ("The settlement time, where present, shall not precede the trade time",
     "settlement time: on or after the trade time, optional"),
    ("An alert level must be provided with values low, high and critical", "alert level: low, high and critical"),
    ("The signer must be recorded by initials", "signer: initials"),
    ("The reading time shall fall within the last 30 days", "reading time: within the last 30 days"),
    ("and the grade one of A, B or C", "grade: A, B or C"),
])
def test_spec_clauses_give_label_and_rule(clause, item):
    assert read_spec_clause(clause) == item


@pytest.mark.parametrize("clause", [
    "The test file shall contain 4,000 records",
    "Samples must be taken every 10 minutes for 3 days",
])
def test_spec_clauses_about_the_rows_name_no_column(clause):
    assert read_spec_clause(clause) == ""


def test_a_spec_paragraph_reads_every_shall_clause():
    text = ("5.1 Warranty claims extract. The test file shall contain 1,500 warranty claim records. Each record shall "
            "carry a claim number, which must be unique and consist of the letters WC followed by six digits. The "
            "claim date shall fall within the last 12 months, and the repair date, where present, shall not precede "
            "the claim date. The product line shall be one of Washers, Dryers, Ovens, Fridges. The labour hours "
            "must be an integer from 0 to 40. The refund amount shall be between 0 and 2,500, the parts cost "
            "between 5 and 900, and the channel one of phone, web or store.")
    result = extract_offline(text)
    fields = {f.name: f for f in result.schema.fields}
    assert result.total_rows == 1500
    assert_no_junk(fields)
    assert fields["claim_number"].constraints.unique
    assert fields["product_line"].constraints.enum_values == ["Washers", "Dryers", "Ovens", "Fridges"]
    assert fields["labour_hours"].type == "integer"
    assert (fields["labour_hours"].constraints.min_value, fields["labour_hours"].constraints.max_value) == (0, 40)
    assert (fields["refund_amount"].constraints.min_value, fields["refund_amount"].constraints.max_value) == (0, 2500)
    assert (fields["parts_cost"].constraints.min_value, fields["parts_cost"].constraints.max_value) == (5, 900)
    assert fields["channel"].constraints.enum_values == ["phone", "web", "store"]
    assert "repair_date" in fields and "test_file" not in fields
    rows = generate(text)
    assert all(re.fullmatch(r"WC\d{6}", v) for v in rows["claim_number"])
    assert all(r is None or r >= c for r, c in zip(rows["repair_date"], rows["claim_date"]))


def test_a_spec_paragraph_with_modal_verbs_in_another_domain():
    fields = fields_of("Requirement R-7. The tutoring test set shall include 600 sessions. The tutor shall be a full "
                       "name. The subject shall be one of maths, physics, chemistry. Session length in minutes must be "
                       "an integer from 30 to 120. The student's grade level shall be between 6 and 12.")
    assert fields["subject"]["enum_values"] == ["maths", "physics", "chemistry"]
    length = next(v for n, v in fields.items() if n.startswith("session_length"))
    assert (length["type"], length["min_value"], length["max_value"]) == ("integer", 30, 120)
    grade = next(v for n, v in fields.items() if n.startswith("student_grade"))
    assert (grade["min_value"], grade["max_value"]) == (6, 12)
    assert fields["tutor"]["type"] == "full_name"
    assert_no_junk(fields)


# --- templates and junk labels -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, phrase, qualified", [
    ("fake hive inspection logs", "log", True), ("court case records please", "record", True),
    ("some fake logs", "log", False), ("2000 logs", "log", False), ("web server logs", "web server", False),
])
def test_a_container_word_after_a_noun_is_that_nouns_rows(text, phrase, qualified):
    assert is_qualified_container(phrase, text) is qualified


def test_a_qualified_log_request_keeps_its_columns_and_gets_no_web_log_columns():
    fields = fields_of("For our garage I need fake tractor maintenance logs, about 300. Each one has the mechanic's "
                       "full name, the service date in 2024 and the labour cost between 40 and 900.")
    assert not {"ip_address", "http_method", "user_agent", "url"} & set(fields)
    assert {"service_date", "labour_cost"} <= set(fields)
    assert fields["labour_cost"]["min_value"] == 40


def test_a_bare_log_request_still_gets_the_web_log_template():
    assert {"ip_address", "http_method"} <= set(fields_of("2000 logs"))


def test_function_word_drafts_are_dropped_with_a_warning():
    drafts = [FieldDraft(label="we", type="string", source="We"), FieldDraft(label="then title of work", type="string"),
              FieldDraft(label="per case", type="string")]
    warnings: list[str] = []
    kept = drop_function_labels(drafts, warnings)
    assert [d.label for d in kept] == ["title of work"]
    assert len(warnings) == 2 and all("names no column" in w for w in warnings)


def test_a_label_written_with_its_colon_is_kept_even_when_it_is_a_function_word():
    drafts = [FieldDraft(label="from", type="string", source="from: 3-letter airport code")]
    assert drop_function_labels(drafts, []) == drafts


@pytest.mark.parametrize("text, columns", [
    ("We need 1200 employee records: the employee id (unique), full name, work email and hire date since 2015.",
     {"employee_id", "full_name", "work_email", "hire_date"}),
    ("Student records (500): student number made of 2 uppercase letters followed by 6 digits, full name, gpa 0.0 "
     "to 4.0, enrolled yes or no.", {"student_number", "full_name", "gpa", "enrolled"}),
    ("Parcels, about 400: the tracking code, the sender's full name, the weight in kg between 0.1 and 30.",
     {"tracking_code", "weight"}),
])
def test_a_bare_full_name_after_a_column_is_a_column_of_its_own(text, columns):
    fields = fields_of(text)
    assert columns <= {name.split("_in_")[0] if name.startswith("weight") else name for name in fields}
    assert sum(1 for v in fields.values() if v["type"] == "full_name") == 1
