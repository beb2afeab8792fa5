"""The Gemini cross-check adds back only columns the offline reader is sure of, never fragments of sentences."""

from __future__ import annotations

from src.extraction.crosscheck import restore_dropped_columns
from src.extraction.offline import OfflineExtraction
from src.schemas import DatasetSchema

GEMINI = DatasetSchema.model_validate({"fields": [{"name": "order_id", "type": "uuid"}]})


def offline(*fields: dict) -> OfflineExtraction:
    schema = DatasetSchema.model_validate({"fields": list(fields)})
    return OfflineExtraction(schema=schema, total_rows=100,
                             sources={f["name"]: f"the words of {f['name']}" for f in fields})


def added(*fields: dict) -> list[str]:
    return [f.name for f in restore_dropped_columns(GEMINI, offline(*fields)).schema.fields][1:]


def test_fragments_of_sentences_are_not_added_back():
    assert added({"name": "think_about", "type": "sentence"}, {"name": "whether_pet", "type": "boolean"},
                 {"name": "electric_or_hybrid", "type": "string"}, {"name": "only", "type": "string"},
                 {"name": "we_need", "type": "string"}) == []


def test_a_label_the_meaning_tables_know_is_added_back():
    assert added({"name": "customer_email", "type": "email"}, {"name": "delivery_date", "type": "date"},
                 {"name": "unit_price", "type": "decimal"}) == ["customer_email", "delivery_date", "unit_price"]


def test_a_column_with_a_rule_of_its_own_is_added_back():
    assert added({"name": "fuel_kind", "type": "enum", "constraints": {"enum_values": ["petrol", "diesel"]}},
                 {"name": "lane_width", "type": "integer", "constraints": {"min_value": 2, "max_value": 5}}) \
        == ["fuel_kind", "lane_width"]


def test_a_fragment_keeps_out_even_with_a_rule():
    assert added({"name": "only_if", "type": "enum", "constraints": {"enum_values": ["a", "b"]}}) == []


def test_an_unknown_bare_label_without_a_rule_is_not_added():
    assert added({"name": "blorp", "type": "string"}, {"name": "zzq", "type": "string"}) == []
