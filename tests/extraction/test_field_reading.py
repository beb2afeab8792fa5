"""Field reading: misspelt label words matched with guards, and header lines whose notes follow in prose."""

from __future__ import annotations

import pytest

from src.extraction.field_meaning import correct_spelling
from src.extraction.offline import extract_offline
from tests.extraction.offline_helpers import fields_of, generate


@pytest.mark.parametrize(("written", "read"), [
    ("catagory", "category"), ("emial", "email"), ("salray", "salary"), ("quantiy", "quantity"),
    ("adress", "address"), ("timestmp", "timestamp")])
def test_a_misspelt_label_word_is_read_as_the_table_word(written, read):
    assert correct_spelling([written]) == ([read], [(written, read)])


@pytest.mark.parametrize("word", ["rate", "wage", "stage", "stock", "decision", "venue", "ratings"])
def test_short_or_real_words_stay_as_written(word):
    assert correct_spelling([word]) == ([word], [])


def test_a_misspelt_column_gets_its_meaning_and_a_warning():
    result = extract_offline("Generate 50 people with:\n- Emial address\n- Salray ($30000-90000)\n- Hourly rate (10-50)")
    fields = {f.name: f for f in result.schema.fields}
    assert fields["email_address"].type == "email"
    assert fields["salary"].constraints.max_value == 90000
    assert fields["hourly_rate"].type != "date"
    assert "read 'emial' as 'email'" in result.warnings


def test_a_header_line_then_notes_that_name_its_columns():
    text = ("device_id | ts | temp_c | humidity_pct | battery_v\n\n"
            "Every 1 minute over the last 6 hours for 12 devices. temp_c 15-35, humidity_pct 20-90, battery_v 3.0-4.2.")
    fields = fields_of(text)
    assert list(fields) == ["device_id", "ts", "temp_c", "humidity_pct", "battery_v"]
    assert fields["ts"]["type"] == "datetime"
    assert (fields["temp_c"]["min_value"], fields["temp_c"]["max_value"]) == (15, 35)
    rows = generate(text)
    assert all(3.0 <= v <= 4.2 for v in rows["battery_v"])


def test_notes_give_formulas_and_order_to_the_columns_they_name():
    fields = fields_of("sku, name, category, price, cost, margin\n\n3000 products. margin = price - cost, cost always "
                       "below price. price $2-$900.")
    assert fields["margin"]["expression"] == "round(price - cost, 2)"
    assert fields["cost"]["before"] == "price"
    rows = generate("sku, name, category, price, cost, margin\n\n3000 products. margin = price - cost, cost always "
                    "below price. price $2-$900.")
    assert all(c <= p for c, p in zip(rows["cost"], rows["price"]))
