"""Field reading, sixth round: classes of label and rule words, each in several domains and wordings of our own.

Codes shown by one example, lists of amounts, units after a range, people named by their role, moments named by
an event, sizes of groups, multipliers on both ends of a range, real words that are no typos."""

from __future__ import annotations

import re

import pytest

from src.engine import compile_schema
from src.extraction.field_meaning import correct_spelling
from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import bullets, fields_of, generate


# ----------------------------------------------------------------------------- codes shown by one example
@pytest.mark.parametrize("line, name, shape", [
    ("well id W-0001", "well_id", r"W-\d{4}"),
    ("meter id MTR-123456", "meter_id", r"MTR-\d{6}"),
    ("hole id DH001-001, unique", "hole_id", r"DH\d{3}-\d{3}"),
    ("batch no RB-0001", "batch_no", r"RB-\d{4}"),
    ("pass id: P-000123, unique", "pass_id", r"P-\d{6}"),
    ("batch no (RB-xxxx, 4 digits, uniq)", "batch_no", r"RB-\d{4}"),
    ("case ref CR-55012", "case_ref", r"CR-\d{5}"),
])
def test_a_code_shown_with_no_lead_word_keeps_its_fixed_parts(line, name, shape):
    values = generate(bullets(line, "notes"))[name]
    assert all(re.fullmatch(shape, v) for v in values), values[:3]


@pytest.mark.parametrize("line, name, shape", [
    ("run id: like RUN-2024-0001, unique", "run_id", r"RUN-2024-\d{4}"),
    ("invoice ref e.g. INV-2023-00042", "invoice_ref", r"INV-2023-\d{5}"),
    ("permit id like BP-1999-123", "permit_id", r"BP-1999-\d{3}"),
])
def test_a_year_after_a_code_prefix_stays_as_written(line, name, shape):
    values = generate(bullets(line))[name]
    assert all(re.fullmatch(shape, v) for v in values), values[:3]


@pytest.mark.parametrize("line, name, shape", [
    ("plot like A-01-01 (rows A-H)", "plot", r"[A-H]-\d{2}-\d{2}"),
    ("bin: aisle letter A-F then shelf, written like C-12", "bin", r"[A-F]-\d{2}"),
    ("seat like K-07, the row letter then the seat", "seat", r"[A-Z]-\d{2}"),
])
def test_a_one_letter_part_of_an_example_takes_the_stated_letters(line, name, shape):
    values = generate(bullets(line))[name]
    assert all(re.fullmatch(shape, v) for v in values), values[:3]
    assert len({v[0] for v in values}) > 1


@pytest.mark.parametrize("line, name, allowed", [
    ("chromosome: chr1..chr22 or chrX", "chromosome", {f"chr{i}" for i in range(1, 23)} | {"chrX"}),
    ("chrom is chr1 to chr22, chrX or chrY", "chrom", {f"chr{i}" for i in range(1, 23)} | {"chrX", "chrY"}),
    ("lane L1 to L8", "lane", {f"L{i}" for i in range(1, 9)}),
])
def test_a_numbered_run_of_codes_with_extra_letters_holds_exactly_those(line, name, allowed):
    values = generate(bullets(line))[name]
    assert set(values) <= allowed and len(set(values)) > len(allowed) // 2


@pytest.mark.parametrize("text, name", [
    (bullets("artist id (unique, e.g. A-01)", "artist name"), "artist_id"),
    (bullets("locker code: unique, like L-7", "size (small, large)", rows=900), "locker_code"),
    ("Make 2000 tickets: ticket no (unique, like T-001), seat and price.", "ticket_no"),
])
def test_a_unique_code_too_narrow_for_the_rows_is_widened_not_dropped(text, name):
    result = extract_offline(text)
    plan = compile_schema(result.schema)
    plan.check_row_count(result.total_rows)  # /jobs/create accepts it for the rows it extracted
    values = plan.generate_chunk(0, result.total_rows).to_pydict()[name]
    assert len(set(values)) == len(values)
    assert any("widened" in w for w in result.warnings)


# ----------------------------------------------------------------------------- lists of amounts
@pytest.mark.parametrize("line, name, values", [
    ("fine: $95 or $250", "fine", [95, 250]),
    ("fee: 45, 60, 95 or 250 dollars", "fee", [45, 60, 95, 250]),
    ("deposit €50, €100 or €200", "deposit", [50, 100, 200]),
    ("price either $9.99 or $14.99", "price", [9.99, 14.99]),
    ("dose 5, 10 or 20 mg", "dose", [5, 10, 20]),
])
def test_a_few_amounts_are_the_values_of_the_column(line, name, values):
    assert fields_of(bullets(line))[name]["enum_values"] == values


@pytest.mark.parametrize("text, name, values", [
    ("Make 300 parking tickets with a citation number, the violation (expired meter, no permit) and the fine, "
     "which is 45, 60, 95 or 250 dollars, and a paid flag.", "fine", [45, 60, 95, 250]),
    ("200 loans with a term of 12, 24 or 36 months, a deposit of either $50 or $100, and the amount from 1,000 to "
     "5,000", "term", [12, 24, 36]),
    ("300 lessons: lesson id, instructor, and scores of 5, 10 and 15 points", "scores", [5, 10, 15]),
])
def test_an_amount_list_in_prose_stays_one_column(text, name, values):
    fields = fields_of(text)
    assert fields[name]["enum_values"] == values
    assert not any(re.match(r"f_\d", n) for n in fields)  # no column named by the list's tail


@pytest.mark.parametrize("line", ["score between 10 and 15", "count: 10 and 15", "age 18 and 65"])
def test_two_numbers_joined_by_and_stay_a_range(line):
    field = next(iter(fields_of(bullets(line)).values()))
    assert "enum_values" not in field and (field.get("min_value"), field.get("max_value")) in ((10, 15), (18, 65))


# ----------------------------------------------------------------------------- units and multipliers
@pytest.mark.parametrize("line, name, low, high", [
    ("max altitude 10-120 m", "max_altitude", 10, 120),
    ("depth 0.5 to 3 m", "depth", 0.5, 3),
    ("rainfall 0-50 mm", "rainfall", 0, 50),
    ("market cap $2-8M", "market_cap", 2_000_000, 8_000_000),  # a capital after money still multiplies
])
def test_a_lower_case_unit_after_a_range_is_a_unit_not_a_million(line, name, low, high):
    field = fields_of(bullets(line))[name]
    assert (field.get("min_value", 0), field["max_value"]) == (low, high)


@pytest.mark.parametrize("line, name, low, high", [
    ("budget 2-10 million", "budget", 2_000_000, 10_000_000),
    ("revenue $5-10M", "revenue", 5_000_000, 10_000_000),
    ("population 3 to 8 thousand", "population", 3_000, 8_000),
    ("followers 1-10k", "followers", 1, 10_000),  # a letter 'k' may mean 1 to 10,000: it stays on its end
])
def test_a_multiplier_word_after_a_range_applies_to_both_ends(line, name, low, high):
    field = fields_of(bullets(line))[name]
    assert (field["min_value"], field["max_value"]) == (low, high)


# ----------------------------------------------------------------------------- people, moments, sizes
@pytest.mark.parametrize("label", ["skipper", "jockey", "plaintiff", "defendant", "goalkeeper", "beekeeper",
                                   "prosecutor", "surveyor"])
def test_a_person_named_by_role_is_a_full_name(label):
    assert fields_of(bullets(label, "notes"))[label]["type"] == "full_name"


@pytest.mark.parametrize("line, name", [
    ("opened", "opened"), ("closed: after opened", "closed"), ("obs start", "obs_start"),
    ("scheduled departure", "scheduled_departure"), ("lesson start within last 6 months", "lesson_start"),
    ("dispatched", "dispatched"), ("ts over the last 6 hours", "ts"),
])
def test_an_event_or_a_span_of_hours_is_a_moment_with_a_time_of_day(line, name):
    values = generate(bullets("opened", line) if name != "opened" else bullets(line))[name]
    assert len({(v.hour, v.minute) for v in values}) > 10


@pytest.mark.parametrize("line, name", [("contract start", "contract_start"), ("pay period end", "pay_period_end")])
def test_a_span_start_or_end_stays_a_day(line, name):
    assert fields_of(bullets(line))[name]["type"] == "date"


@pytest.mark.parametrize("line, name", [
    ("crew size 3 to 15 people", "crew_size"), ("party size 1-12", "party_size"), ("team size: 5 to 11", "team_size"),
    ("household size 1 to 8", "household_size"), ("litter size 1-9", "litter_size"),
])
def test_a_size_of_a_group_counts_whole_members(line, name):
    assert fields_of(bullets(line))[name]["type"] == "integer"


@pytest.mark.parametrize("word", ["auction", "station", "caution", "session", "version"])
def test_a_real_word_near_a_table_word_is_no_typo(word):
    assert correct_spelling([word]) == ([word], [])


def test_an_auction_house_keeps_its_listed_values():
    field = fields_of(bullets("auction house - Christie's, Sotheby's, Bonhams, Phillips"))["auction_house"]
    assert field["enum_values"] == ["Christie's", "Sotheby's", "Bonhams", "Phillips"]


# ----------------------------------------------------------------------------- rough row counts in the title
@pytest.mark.parametrize("text, rows", [
    ("restaurant health inspections - approx 2k. establishment name, score 0-100, grade (A, B, C)", 2000),
    ("employee engagement survey responses, 1.5k. resp id, dept (eng, ops), tenure yrs 0-35", 1500),
    ("ab test evts ~ 40k. user id (uuid), variant A/B, event ts within last 21 days", 40000),
    ("horse racing results,, around 4k. race id, track (Ascot / York), race date 2024", 4000),
    ("Our club wants to test its app with donations. I'd like about 1000. Each donation has a donor name and a "
     "gift amount between $5 and $500.", 1000),
    ("parcel scans, roughly 12k; parcel id, depot (north, south), scanned at", 12000),
])
def test_a_rough_count_closing_the_title_is_the_row_count(text, rows):
    assert extract_offline(text).total_rows == rows


@pytest.mark.parametrize("text", [
    "500 rows: budget around 5k. score 0-100, fee 60.",
    "200 orders with an amount from 1,000 to 5,000.",
])
def test_a_rough_amount_in_a_column_is_no_row_count(text):
    assert extract_offline(text).total_rows in (500, 200)


@pytest.mark.parametrize("line, low, high", [
    ("date of birth between 1820 and 1990", "1820-01-01", "1990-12-31"),
    ("dob: 1700-1800", "1700-01-01", "1800-12-31"),
    ("birth date between 1950 and 2000", "1950-01-01", "2000-12-31"),
])
def test_a_date_of_birth_between_two_years_is_born_in_those_years(line, low, high):
    values = generate(bullets(line, "surname"))[next(iter(fields_of(bullets(line, "surname"))))]
    assert low <= min(values).isoformat() and max(values).isoformat() <= high
