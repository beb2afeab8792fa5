"""The field reading stage (clause -> label, type, rules) on classes of wording it used to learn one phrasing of:
each class in several wordings and domains of its own, checked on the extracted schema and on generated rows."""

from __future__ import annotations

import re
import statistics
from collections import Counter

import pytest

from src.engine import compile_schema
from src.extraction.field_meaning import correct_spelling
from src.extraction.fields_values import parse_value_list
from src.extraction.offline import extract_offline
from src.extraction.shapes import find_code_range
from tests.extraction.offline_helpers import fields_of, generate


def only_field(text: str) -> dict:
    """The one field a one-column list names."""
    fields = fields_of(f"Test data, 400 rows:\n- {text}")
    assert len(fields) == 1, fields
    return next(iter(fields.values()))


def only_column(text: str, rows: int = 400, seed: int | None = None) -> list:
    """The generated values of the one field a one-column list names."""
    if seed is not None:  # a shape measured on a sample: the same rows on every run
        schema = extract_offline(f"Test data, {rows} rows:\n- {text}").schema
        columns = compile_schema(schema, seed=seed).generate_chunk(0, rows).to_pydict()
    else:
        columns = generate(f"Test data, {rows} rows:\n- {text}", rows)
    assert len(columns) == 1, list(columns)
    return next(iter(columns.values()))


# ----------------------------------------------------------------------------- skew words on decimal columns


@pytest.mark.parametrize("text, low, high", [
    ("donation: $5 to $5000, mostly small amounts, a few large", 5, 5000),
    ("claim amount 100-20000 (right-skewed)", 100, 20000),
    ("basket value between 2 and 900, typically small with the occasional big order", 2, 900),
    ("invoice amount 10 to 50000 EUR, long tail", 10, 50000),
    ("transfer amount $1-$10,000 with a handful of whales", 1, 10000),
])
def test_skew_words_pile_values_at_the_low_end_and_keep_the_whole_range(text, low, high):
    field = only_field(text)
    assert field["type"] == "decimal" and field["distribution"]["kind"] == "lognormal"
    values = only_column(text, rows=2000, seed=20261201)
    assert all(low <= v <= high for v in values)
    assert statistics.median(values) < low + (high - low) * 0.1  # most values are small
    assert max(values) - min(values) >= 0.3 * (high - low)  # and a few reach far up the range
    counts = sorted(Counter(values).values(), reverse=True)
    assert counts[0] >= 2 * statistics.median(counts)  # the common small amounts repeat, as real ones do


def test_a_stated_spread_is_kept_and_a_left_skew_is_no_long_tail():
    assert only_field("pay 10-90 normally distributed with mean 40")["distribution"]["mean"] == 40
    assert "distribution" not in only_field("exam mark 0-100, left-skewed")


# ----------------------------------------------------------------------------- plural count nouns are integers


@pytest.mark.parametrize("text", [
    "covers: number of guests, 1 to 12",
    "party: 2-8 guests",
    "basket size 1-40 items",
    "tables: how many tables are open, 2 to 30",
    "crew: the count of workers on site, 3-25",
    "duration_sec: 900-5400",
    "wait mins 0-90",
])
def test_counts_of_things_are_whole_numbers(text):
    field = only_field(text)
    assert field["type"] == "integer", field
    assert all(isinstance(v, int) for v in only_column(text))


@pytest.mark.parametrize("text, type_name", [
    ("parcel weight 1-20 kg", "float"),
    ("hours worked: 0.5 to 12 hours", "float"),
    ("fare 5-20 dollars", "decimal"),
])
def test_measures_and_money_stay_fractional(text, type_name):
    assert only_field(text)["type"] == type_name


# ----------------------------------------------------------------------------- code ranges


@pytest.mark.parametrize("text, first, last, count", [
    ("device: 60 pumps (PUMP-001 to PUMP-060)", "PUMP-001", "PUMP-060", 60),
    ("station_id (WS001 .. WS050)", "WS001", "WS050", 50),
    ("locker number L-01 through L-80", "L-01", "L-80", 80),
    ("gate A1 to A30", "A1", "A30", 30),
    ("bay: BAY-1 to BAY-12", "BAY-1", "BAY-12", 12),
])
def test_a_code_range_gives_exactly_those_codes(text, first, last, count):
    field = only_field(text)
    assert field["type"] == "code" and field["cardinality"] == count
    values = only_column(text)
    assert all(re.fullmatch(field["pattern"], v) for v in values)
    assert re.fullmatch(field["pattern"], first) and re.fullmatch(field["pattern"], last)
    assert count * 0.8 <= len(set(values)) <= count  # 400 rows reach nearly every code, never one outside


def test_a_code_range_pattern_holds_every_code_of_the_range_and_no_other():
    pattern, count, _ = find_code_range("rooms R095 to R310")
    assert count == 216
    inside = [f"R{n:03d}" for n in range(95, 311)]
    outside = ["R094", "R311", "R000", "R999", "R95", "R1000"]
    assert all(re.fullmatch(pattern, c) for c in inside)
    assert not any(re.fullmatch(pattern, c) for c in outside)
    assert find_code_range("rooms 101-450")[0] is None  # plain numbers are a number range


# ----------------------------------------------------------------------------- grids in words


@pytest.mark.parametrize("text, step, minutes", [
    ("scheduled_for: next 30 days, 20-minute slots", "20m", 20),
    ("reading time: every quarter hour over the last week", "15m", 15),
    ("logged at: on the hour, last 3 days", "1h", 60),
    ("start: half-hourly in 2024", "30m", 30),
    ("pickup: in 10-minute blocks over the next 2 weeks", "10m", 10),
    ("tee time: every 12 minute interval in June 2025", "12m", 12),
])
def test_a_grid_in_words_puts_every_time_on_it(text, step, minutes):
    field = only_field(text)
    assert field["type"] == "datetime" and field["step"] == step
    times = only_column(text)
    assert all(t.second == 0 and (t.hour * 60 + t.minute) % minutes == 0 for t in times)
    assert sum((t.hour, t.minute) != (0, 0) for t in times) > len(times) / 2  # times of day, not midnights


def test_a_quarter_is_still_three_months_when_it_is_no_quarter_hour():
    assert "step" not in only_field("created: every quarter in 2024")


# ----------------------------------------------------------------------------- scores with extra bounds


@pytest.mark.parametrize("text, low, high", [
    ("inspection score: out of 100 (minimum 60)", 60, 100),
    ("quiz grade: graded 0-10, never below 4", 4, 10),
    ("stars 1 to 5, never above 4", 1, 4),
    ("bid: 0 to 500, at least 20", 20, 500),
    ("load: 0-100, max 90", 0, 90),
    ("fee 0-50 (no higher than 45)", 0, 45),
])
def test_a_bound_beside_a_range_narrows_it(text, low, high):
    field = only_field(text)
    assert (field["min_value"], field["max_value"]) == (low, high)
    values = only_column(text)
    assert all(low <= v <= high for v in values)


def test_a_negated_bound_alone_is_the_other_side():
    assert only_field("depth: never below -10")["min_value"] == -10
    assert only_field("speed, never more than 130")["max_value"] == 130


def test_a_bound_outside_the_range_leaves_it_alone():
    field = only_field("score 0-100, minimum 500 points to pass")
    assert (field["min_value"], field["max_value"]) == (0, 100)


# ----------------------------------------------------------------------------- a pool size for a column


@pytest.mark.parametrize("text, column, size", [
    ("Tickets, 400 rows: ticket id, each ticket is assigned to one of 15 agents, opened in 2025", "agent", 15),
    ("Orders, 400 rows: order id, orders are shipped from one of 8 warehouses, total 5-90", "warehouse", 8),
    ("Shifts, 400 rows:\n- shift date in 2025\n- server: waiter first name, about 12 staff", "server", 12),
    ("Sales, 400 rows:\n- store: one of 40 stores\n- amount 1-90", "store", 40),
])
def test_a_pool_bounds_how_many_distinct_values_the_column_holds(text, column, size):
    fields = fields_of(text)
    assert fields[column]["cardinality"] == size
    assert 1 < len(set(generate(text)[column])) <= size


# ----------------------------------------------------------------------------- rules are no values, values no rules


@pytest.mark.parametrize("segment", [
    "IATA airport code, never the same as origin",
    "date, weekly cadence over the last 2 years",
    "waiter first name, about 15 staff",
    "how many tables, 2-30",
])
def test_words_that_describe_the_column_are_no_value_list(segment):
    assert parse_value_list(segment) is None


@pytest.mark.parametrize("segment, values", [
    ("yes 80%, no 20%", ["yes", "no"]),
    ("not sure, agree, disagree", ["not sure", "agree", "disagree"]),
    ("first class, business, economy", ["first class", "business", "economy"]),
])
def test_plain_values_stay_values(segment, values):
    assert [i.value for i in parse_value_list(segment)] == values


def test_a_clause_after_the_list_naming_the_usual_value_weights_it():
    field = only_field("plan: basic, plus, premium or family, with most people on basic (around 65%)")
    assert field["enum_values"] == ["basic", "plus", "premium", "family"]
    assert field["weights"][0] == 65
    counts = Counter(only_column("plan: basic, plus, premium or family, with most people on basic (around 65%)", 2000))
    assert 0.58 <= counts["basic"] / 2000 <= 0.72


def test_a_descriptive_rule_keeps_its_type():
    fields = fields_of("Flights, 400 rows:\n- origin: IATA airport code\n- destination: IATA airport code, never the "
                       "same as origin\n- published: date, weekly cadence over the last 2 years")
    assert fields["destination"]["type"] == "airport_code" or "enum_values" not in fields["destination"]
    assert fields["published"]["type"] == "date" and fields["published"]["step"] == "7d"


def test_a_code_shape_with_plus_is_no_sum():
    field = only_field("membership number (FF plus 8 digits)")
    assert field["type"] == "code" and field["pattern"] == r"FF\d{8}"


# ----------------------------------------------------------------------------- misspelt label words


@pytest.mark.parametrize("written, read", [
    ("ctiy", "city"), ("nmae", "name"), ("tpye", "type"), ("gendre", "gender"), ("prcie", "price"),
    ("sotre", "store"), ("catgory", "category"), ("quantitiy", "quantity"),
])
def test_a_misspelt_label_word_is_read_as_the_table_word(written, read):
    assert correct_spelling([written])[0] == [read]


@pytest.mark.parametrize("word", ["rate", "wage", "date", "age", "from", "sale", "unit", "team", "dat"])
def test_short_real_words_stay_as_written(word):
    assert correct_spelling([word]) == ([word], [])


def test_a_misspelt_column_is_named_in_the_warnings_and_typed_by_the_corrected_word():
    result = extract_offline("Customers, 400 rows:\n- ctiy\n- gendre: male, female\n- hourly rtae 10-40")
    types = {f.name: f.type for f in result.schema.fields}
    assert types["city"] == "city" and "gender" in types
    assert any("'ctiy' as 'city'" in w for w in result.warnings)


# ----------------------------------------------------------------------------- extras named by a noun


@pytest.mark.parametrize("label", ["personal training add-on", "towel service", "wifi add-on", "newsletter opt-in",
                                   "whether a reminder was sent"])
def test_an_extra_named_by_a_noun_is_a_yes_no_column(label):
    assert only_field(label)["type"] == "boolean"
    assert only_field("delivery service: courier, post or pickup")["type"] == "enum"


@pytest.mark.parametrize("text, values", [
    ("zone A, B, C or D", ["A", "B", "C", "D"]),
    ("line L1, L2 or L3", ["L1", "L2", "L3"]),
    ("shirt size S, M, L or XL", ["S", "M", "L", "XL"]),
])
def test_short_codes_after_a_label_are_its_values(text, values):
    field = only_field(text)
    assert field["type"] == "enum" and field["enum_values"] == values
    assert set(only_column(text)) <= set(values)


@pytest.mark.parametrize("label, type_name", [
    ("seats total: 100 to 350", "integer"), ("total guests 1-12", "integer"), ("tickets count 0-900", "integer"),
    ("total sales 10-900", "decimal"), ("order total 5-500", "decimal"),
])
def test_a_total_of_a_plural_noun_counts_unless_it_is_money(label, type_name):
    assert only_field(label)["type"] == type_name


def test_a_share_written_before_its_value_weights_it():
    field = only_field("result pass or fail (about 95% pass)")
    assert field["enum_values"] == ["pass", "fail"] and field["weights"] == [95.0, 5.0]


def test_a_condition_in_the_label_then_a_colon_and_the_values():
    fields = fields_of("Orders, 400 rows:\n- status: open, closed\n- note only when status is open: call back, "
                       "waiting, escalated")
    assert fields["note"]["enum_values"] == ["call back", "waiting", "escalated"]
    rows = generate("Orders, 400 rows:\n- status: open, closed\n- note only when status is open: call back, "
                    "waiting, escalated")
    assert all((n is not None) == (s == "open") for s, n in zip(rows["status"], rows["note"]))
