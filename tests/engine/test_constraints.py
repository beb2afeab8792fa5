"""Each constraint holds on every row."""

import datetime as dt
import re
import statistics

import pytest

from src.engine import compile_schema
from src.errors import SchemaValidationError
from tests.engine.conftest import ANCHOR, generate


def test_integer_and_float_ranges_hold_and_spread():
    cols = generate([{"name": "age", "type": "integer", "constraints": {"min_value": 18, "max_value": 80}},
                     {"name": "temp", "type": "float", "constraints": {"min_value": -20, "max_value": 50}},
                     {"name": "rssi", "type": "integer", "constraints": {"min_value": -100, "max_value": -30}}],
                    rows=3000)
    assert min(cols["age"]) == 18 and max(cols["age"]) == 80
    assert all(-20 <= v <= 50 for v in cols["temp"]) and max(cols["temp"]) - min(cols["temp"]) > 60
    assert all(-100 <= v <= -30 for v in cols["rssi"])


def test_decimals_round_values_without_leaving_the_range():
    values = generate([{"name": "amount", "type": "decimal",
                        "constraints": {"min_value": 1, "max_value": 10000, "decimals": 2}}], rows=3000)["amount"]
    assert all(1 <= v <= 10000 and abs(round(v, 2) - v) < 1e-9 for v in values)
    with pytest.raises(SchemaValidationError, match="decimals"):
        compile_schema({"fields": [{"name": "x", "type": "float",
                                    "constraints": {"min_value": 0.01, "max_value": 0.02, "decimals": 1}}]})


def test_enum_weights_are_followed():
    values = generate([{"name": "tier", "type": "enum", "constraints": {
        "enum_values": ["economy", "business", "first"], "weights": [70, 20, 10]}}], rows=20000)["tier"]
    share = {v: values.count(v) / len(values) for v in set(values)}
    assert set(share) == {"economy", "business", "first"}
    assert abs(share["economy"] - 0.7) < 0.02 and abs(share["first"] - 0.1) < 0.02


def test_unique_integers_fill_their_range_exactly():
    values = generate([{"name": "n", "type": "integer",
                        "constraints": {"min_value": 1, "max_value": 1000, "unique": True}}], rows=1000)["n"]
    assert sorted(values) == list(range(1, 1001))


def test_unique_strings_hold_across_chunks():
    from src.engine import compile_schema

    plan = compile_schema({"fields": [
        {"name": "email", "type": "email", "constraints": {"unique": True}},
        {"name": "user", "type": "username", "constraints": {"unique": True, "min_length": 5, "max_length": 20}},
        {"name": "code", "type": "code", "constraints": {"pattern": "INV-\\d{6}", "unique": True}},
        {"name": "city", "type": "city", "constraints": {"unique": True}},
    ]}, seed=3, anchor=ANCHOR)
    rows = {name: [] for name in ("email", "user", "code", "city")}
    for start in range(0, 30000, 7000):
        batch = plan.generate_chunk(start, min(7000, 30000 - start)).to_pydict()
        for name in rows:
            rows[name] += batch[name]
    for name, values in rows.items():
        assert len(set(values)) == 30000, name
    assert all(5 <= len(u) <= 20 for u in rows["user"])
    assert all(re.fullmatch(r"INV-\d{6}", c) for c in rows["code"])


def test_unique_beyond_capacity_is_refused_for_the_row_count():
    plan = compile_schema({"fields": [{"name": "n", "type": "integer",
                                       "constraints": {"min_value": 1, "max_value": 10, "unique": True}}]})
    plan.check_row_count(10)
    with pytest.raises(SchemaValidationError, match=r"fields\[0\].constraints.unique.*only 10 distinct"):
        plan.check_row_count(11)


def test_nullable_fields_have_about_the_asked_share_of_nulls():
    values = generate([{"name": "note", "type": "sentence",
                        "constraints": {"nullable": True, "null_probability": 0.25}}], rows=8000)["note"]
    share = sum(v is None for v in values) / len(values)
    assert 0.22 < share < 0.28


def test_length_limits_hold_for_text_and_usernames():
    cols = generate([{"name": "bio", "type": "paragraph", "constraints": {"max_length": 60}},
                     {"name": "tag", "type": "word", "constraints": {"min_length": 12}},
                     {"name": "user", "type": "username", "constraints": {"min_length": 8, "max_length": 10}}],
                    rows=1000)
    assert all(len(v) <= 60 for v in cols["bio"])
    assert all(len(v) >= 12 for v in cols["tag"])
    assert all(8 <= len(v) <= 10 for v in cols["user"])


def test_text_cut_or_padded_to_its_length_window_ends_on_a_whole_word():
    from src.engine import vocab

    fields = [{"name": "note", "type": "string"}, {"name": "tag", "type": "word"}]
    free = generate(fields, rows=1000)
    fields[0]["constraints"] = {"min_length": 20, "max_length": 30}
    fields[1]["constraints"] = {"min_length": 12}
    cut = generate(fields, rows=1000)
    filler = set(vocab.LOREM_WORDS)
    for column in ("note", "tag"):
        for value, source in zip(cut[column], free[column]):
            # the source cut where it has a word boundary, then (if short) whole filler words
            words = value.split(" ")
            kept = max(k for k in range(len(words) + 1) if source.startswith(" ".join(words[:k])))
            head = " ".join(words[:kept])
            assert len(source) == len(head) or not source[len(head)].isalnum(), (value, source)
            assert set(words[kept:]) <= filler and not value.endswith(" "), (value, source)
    assert all(20 <= len(v) <= 30 for v in cut["note"]) and all(len(v) >= 12 for v in cut["tag"])


def test_patterns_generate_matching_strings():
    cols = generate([{"name": "sku", "type": "code", "constraints": {"pattern": "[A-Z]{3}-[0-9]{4}"}},
                     {"name": "ref", "type": "string", "constraints": {"pattern": "(INV|CRN)-\\d{6}"}}], rows=1000)
    assert all(re.fullmatch(r"[A-Z]{3}-[0-9]{4}", v) for v in cols["sku"])
    assert all(re.fullmatch(r"(INV|CRN)-\d{6}", v) for v in cols["ref"])


def test_distributions_stay_in_range_and_take_their_shape():
    cols = generate([
        {"name": "normal", "type": "float", "constraints": {
            "min_value": 0, "max_value": 100, "distribution": {"kind": "normal", "mean": 50, "std": 10}}},
        {"name": "skewed", "type": "float", "constraints": {
            "min_value": 0, "max_value": 1000, "distribution": "exponential"}},
    ], rows=20000)
    assert all(0 <= v <= 100 for v in cols["normal"])
    assert abs(statistics.mean(cols["normal"]) - 50) < 0.5
    assert 8 < statistics.stdev(cols["normal"]) < 12
    assert statistics.median(cols["skewed"]) < 250


def test_cardinality_reuses_a_pool_of_values():
    cols = generate([{"name": "sensor_id", "type": "code",
                      "constraints": {"pattern": "SENSOR-\\d{3}", "cardinality": 100}}], rows=50000)
    assert len(set(cols["sensor_id"])) == 100


def test_time_grid_and_relative_range():
    values = generate([{"name": "ts", "type": "datetime",
                        "constraints": {"min_value": "-7d", "max_value": "now", "step": "5m"}}],
                      rows=5000)["ts"]
    assert all(v.second == 0 and v.minute % 5 == 0 for v in values)
    assert all(ANCHOR - dt.timedelta(days=7) <= v <= ANCHOR for v in values)
    assert max(values) - min(values) > dt.timedelta(days=6)


def test_date_of_birth_ages_match_the_asked_range():
    cols = generate([{"name": "dob", "type": "date_of_birth", "constraints": {"min_value": 18, "max_value": 80}},
                     {"name": "age", "type": "age"}], rows=5000)
    for born, age in zip(cols["dob"], cols["age"]):
        years = ANCHOR.year - born.year - ((ANCHOR.month, ANCHOR.day) < (born.month, born.day))
        assert years == age
        assert 18 <= age <= 80
    assert min(cols["age"]) == 18 and max(cols["age"]) == 80


def test_expression_derives_values_row_by_row():
    cols = generate([{"name": "quantity", "type": "integer", "constraints": {"min_value": 1, "max_value": 10}},
                     {"name": "unit_price", "type": "decimal", "constraints": {"min_value": 10, "max_value": 500}},
                     {"name": "total_amount", "type": "decimal",
                      "constraints": {"expression": "quantity * unit_price"}},
                     {"name": "size", "type": "string", "constraints": {
                         "expression": "CASE WHEN total_amount > 2000 THEN 'large' ELSE 'small' END"}}],
                    rows=2000)
    for q, p, total, size in zip(cols["quantity"], cols["unit_price"], cols["total_amount"], cols["size"]):
        assert abs(total - round(q * p, 2)) < 1e-6
        assert size == ("large" if total > 2000 else "small")


def test_when_makes_a_field_null_where_the_condition_is_false():
    cols = generate([{"name": "transaction_type", "type": "enum",
                      "constraints": {"enum_values": ["deposit", "withdrawal", "payment"]}},
                     {"name": "merchant", "type": "company", "constraints": {"when": "transaction_type = 'payment'"}}],
                    rows=3000)
    for kind, merchant in zip(cols["transaction_type"], cols["merchant"]):
        assert (merchant is not None) == (kind == "payment")


def test_after_and_before_order_fields_on_every_row():
    cols = generate([{"name": "admission_date", "type": "date", "constraints": {"min_value": "-1y"}},
                     {"name": "discharge_date", "type": "date", "constraints": {"after": "admission_date"}},
                     {"name": "opened_at", "type": "datetime", "constraints": {"before": "admission_date"}},
                     {"name": "low", "type": "integer", "constraints": {"min_value": 0, "max_value": 100}},
                     {"name": "high", "type": "integer",
                      "constraints": {"min_value": 0, "max_value": 200, "after": "low"}}], rows=3000)
    for adm, dis in zip(cols["admission_date"], cols["discharge_date"]):
        assert dis >= adm
    assert len({(d - a).days for a, d in zip(cols["admission_date"], cols["discharge_date"])}) > 10
    for opened, adm in zip(cols["opened_at"], cols["admission_date"]):
        assert opened.date() <= adm
    assert all(lo <= hi <= 200 for lo, hi in zip(cols["low"], cols["high"]))


def test_unique_wide_patterns_are_distinct():
    values = generate([{"name": "token", "type": "code",
                        "constraints": {"pattern": "[A-Z0-9]{16}", "unique": True}}], rows=20000)["token"]
    assert len(set(values)) == 20000 and all(re.fullmatch(r"[A-Z0-9]{16}", v) for v in values)


def test_unique_with_fewer_values_than_the_probe_compiles_and_refuses_more_rows():
    plan = compile_schema({"fields": [{"name": "pick", "type": "enum",
                                       "constraints": {"enum_values": ["a", "b"], "unique": True}}]})
    assert sorted(plan.generate_chunk(0, 2).to_pydict()["pick"]) == ["a", "b"]
    with pytest.raises(SchemaValidationError, match="only 2 distinct"):
        plan.check_row_count(3)


def test_pattern_on_a_typed_text_field_holds_on_every_row():
    cols = generate([{"name": "origin", "type": "airport_code", "constraints": {"pattern": "[A-Z]{3}"}},
                     {"name": "hub", "type": "airport_code", "constraints": {"pattern": "J[A-Z]{2}"}}], rows=2000)
    from src.engine.vocab import AIRPORT_CODES

    assert set(cols["origin"]) <= set(AIRPORT_CODES)  # realistic values kept when they match
    assert all(re.fullmatch(r"J[A-Z]{2}", v) for v in cols["hub"])
    with pytest.raises(SchemaValidationError, match="pattern applies to text fields"):
        compile_schema({"fields": [{"name": "n", "type": "integer", "constraints": {"pattern": "\\d+"}}]})


def test_order_holds_between_a_date_and_a_datetime_both_ways():
    cols = generate([{"name": "loan_date", "type": "date", "constraints": {"min_value": "-1y"}},
                     {"name": "returned_at", "type": "datetime", "constraints": {"after": "loan_date"}},
                     {"name": "checked_at", "type": "datetime", "constraints": {"min_value": "-1y"}},
                     {"name": "filed_on", "type": "date", "constraints": {"before": "checked_at"}},
                     {"name": "due_on", "type": "date", "constraints": {"after": "checked_at"}}], rows=3000)
    for loan, returned in zip(cols["loan_date"], cols["returned_at"]):
        assert dt.datetime(loan.year, loan.month, loan.day) <= returned <= dt.datetime(loan.year, loan.month, loan.day) + dt.timedelta(days=2)
    for checked, filed, due in zip(cols["checked_at"], cols["filed_on"], cols["due_on"]):
        assert dt.datetime(filed.year, filed.month, filed.day) <= checked
        assert dt.datetime(due.year, due.month, due.day) >= checked


@pytest.mark.parametrize("field_type", ["full_name", "city", "company", "job_title", "street_address", "email",
                                        "address", "product_name"])
def test_max_length_holds_on_typed_text_cut_at_a_word(field_type):
    """max_length on a name, city or company used to be accepted and ignored (a VARCHAR(10) name got
    'Amanda Massey'): it holds on every row, cut at the last word that fits."""
    doc = {"fields": [{"name": "v", "type": field_type, "constraints": {"max_length": 10}}]}
    values = compile_schema(doc, seed=4).generate_chunk(0, 3000).column(0).to_pylist()
    assert all(1 <= len(v) <= 10 for v in values)
    assert not any(v.endswith((" ", "&", "-", ",")) for v in values)
    if field_type == "full_name":  # whole words: 'Amanda Massey' -> 'Amanda', never 'Amanda Mas'
        full = compile_schema({"fields": [{"name": "v", "type": field_type}]}, seed=4).generate_chunk(0, 3000)
        for cut, whole in zip(values, full.column(0).to_pylist()):
            first_word_fits = len(whole.split(" ")[0]) <= 10
            if first_word_fits:
                assert cut == whole or whole.startswith(cut + " ")
            else:  # never a word cut short ('Christopher' -> 'Christophe'): another name that fits
                assert not (whole.startswith(cut) and whole[len(cut)].isalpha())
